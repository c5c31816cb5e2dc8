// What order events change in the sales figures, for impact's summary, which adds each event's
// change once instead of recomputing whole months (bench/README.md, "The sales summary adds
// each event once"). Only orders knows which events change a sale:
// - placement: one sale more (count, items, value, seller's share) in its regency-month;
// - cancellation: that sale less (an order is cancelled only before its goods leave the seller,
//   so never after delivery);
// - delivery: one lead time more (placement to delivery; a return after it keeps it, as the
//   live figures do).
// Summed over every event of an order, these give exactly what the live readers count for it.
import { sql, type ExpressionBuilder } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Database, Tx } from '../../kernel/db/index.js';
import { idFloor } from '../../kernel/ids/index.js';
import type { MonthSales } from './sales.queries.js';
import './orders.tables.js';

type Outbox = ExpressionBuilder<Database, 'order_outbox'>;

/** The events that change a sale (the rest, payments and other steps, change none). */
const changesSale = (eb: Outbox) =>
  eb.or([
    eb('order_outbox.kind', '=', 'placed'),
    eb.and([
      eb('order_outbox.kind', '=', 'status'),
      eb('order_outbox.to_status', '=', 'cancelled'),
    ]),
    eb.and([
      eb('order_outbox.kind', '=', 'fulfilment'),
      eb('order_outbox.to_status', '=', 'delivered'),
    ]),
  ]);

const ORDER_FACTS = [
  'village_code',
  'placed_at',
  'delivered_at',
  'items_total',
  'total',
  'seller_share',
] as const;

interface Fact {
  kind: string;
  to_status: string;
  village_code: string;
  placed_at: string;
  delivered_at: string | null;
  items_total: number;
  total: number;
  seller_share: number;
}

/**
 * The events' changes summed per regency and placement month (counts may be negative), added
 * to changes already summed (`sums`).
 */
function changesOf(facts: Fact[], sums: MonthSales[] = []): MonthSales[] {
  const out = new Map(sums.map((c) => [`${c.regency}|${c.month}`, c]));
  for (const f of facts) {
    const regency = f.village_code.slice(0, 5);
    const month = f.placed_at.slice(0, 7);
    const key = `${regency}|${month}`;
    let c = out.get(key);
    if (!c) {
      c = { regency, month, count: 0, itemsTotal: 0, gmv: 0, sellerShare: 0, leadDays: [] };
      out.set(key, c);
    }
    if (f.kind === 'fulfilment') {
      if (f.delivered_at !== null)
        c.leadDays.push((Date.parse(f.delivered_at) - Date.parse(f.placed_at)) / 86400_000);
      continue;
    }
    const sign = f.kind === 'placed' ? 1 : -1;
    c.count += sign;
    c.itemsTotal += sign * Number(f.items_total);
    c.gmv += sign * Number(f.total);
    c.sellerShare += sign * Number(f.seller_share);
  }
  return [...out.values()];
}

/** The events stamped in [from, to) (ms) that change a sale. */
function eventsBetween(db: Tx, from: number, to: number) {
  return db
    .selectFrom('order_outbox')
    .where('order_outbox.id', '>=', idFloor('oev', from))
    .where('order_outbox.id', '<', idFloor('oev', to))
    .where(changesSale);
}

const regencyOf = sql<string>`substr(orders.village_code, 1, 5)`;
const monthOf = sql<string>`substr(orders.placed_at, 1, 7)`;
/** A placement adds its order's column, a cancellation takes it away. */
const signed = (column: 'items_total' | 'total' | 'seller_share') =>
  sql<number>`sum(case when order_outbox.kind = 'placed' then orders.${sql.ref(column)} else -orders.${sql.ref(column)} end)`;

/**
 * The changes of the events stamped in [from, to) (ms), per regency-month, and how many events
 * there were (salesEventsBetween counts them again later). Under a checkout load nearly all are
 * placements of orders minted since `from` (an order's placement is stamped just before its id is
 * minted): those and their cancellations are summed in the database, over an id range of the
 * orders (joined to the events without it, PostgreSQL hashed every order of the country:
 * bench/README.md, "The changed regency-months by id range"); 90,000 rows a minute read into
 * the main thread instead took its CPU from the requests. Deliveries (each has its lead time)
 * and the events of older orders, a few, are read one by one.
 */
export async function salesChangesBetween(
  db: Tx,
  from: number,
  to: number,
): Promise<{ events: number; changes: MonthSales[] }> {
  const newOrders = idFloor('ord', from);
  const sums = await eventsBetween(db, from, to)
    .innerJoin('orders', 'orders.id', 'order_outbox.order_id')
    .where('orders.id', '>=', newOrders)
    .where('order_outbox.kind', '!=', 'fulfilment')
    .select((eb) => [
      regencyOf.as('r'),
      monthOf.as('m'),
      eb.fn.countAll().as('events'),
      sql<number>`sum(case when order_outbox.kind = 'placed' then 1 else -1 end)`.as('count'),
      signed('items_total').as('items'),
      signed('total').as('gmv'),
      signed('seller_share').as('share'),
    ])
    .groupBy([regencyOf, monthOf])
    .execute();
  const rest = await eventsBetween(db, from, to)
    .select(['order_outbox.order_id', 'order_outbox.kind', 'order_outbox.to_status'])
    .where((eb) =>
      eb.or([
        eb('order_outbox.kind', '=', 'fulfilment'),
        eb('order_outbox.order_id', '<', newOrders),
      ]),
    )
    .execute();
  const ids = [...new Set(rest.map((e) => e.order_id))];
  const byId = new Map<string, Omit<Fact, 'kind' | 'to_status'>>();
  for (let i = 0; i < ids.length; i += 500)
    for (const o of await db
      .selectFrom('orders')
      .select(['id', ...ORDER_FACTS])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      byId.set(o.id, o);
  // An event whose order is not there would be a bug elsewhere; counting it would hide it less
  // well than leaving it out, which the daily rebuild also does.
  const changes = changesOf(
    rest.flatMap((e) => {
      const o = byId.get(e.order_id);
      return o ? [{ ...o, kind: e.kind, to_status: e.to_status }] : [];
    }),
    sums.map((r) => ({
      regency: String(r.r),
      month: String(r.m),
      count: Number(r.count),
      itemsTotal: Number(r.items),
      gmv: Number(r.gmv),
      sellerShare: Number(r.share),
      leadDays: [],
    })),
  );
  const summed = sums.reduce((a, r) => a + Number(r.events), 0);
  return { events: summed + rest.length, changes };
}

/**
 * The changes of the events of one regency's orders stamped at or after `from` (ms), as this
 * transaction sees them: impact's rebuild takes them back out of the orders' state read in the
 * same snapshot, to get the figures as they were before `from`.
 */
export async function regencySalesChangesSince(
  db: Tx,
  regency: string,
  from: number,
): Promise<MonthSales[]> {
  const facts = await db
    .selectFrom('order_outbox')
    .innerJoin('orders', 'orders.id', 'order_outbox.order_id')
    .select([
      'order_outbox.kind',
      'order_outbox.to_status',
      ...ORDER_FACTS.map((c) => `orders.${c}` as const),
    ])
    .where('order_outbox.id', '>=', idFloor('oev', from))
    .where(changesSale)
    .where((eb) => regionWhere(eb, 'orders.village_code', [regency]))
    .execute();
  return changesOf(facts);
}

/** How many events that change a sale are stamped in [from, to) (ms): a late commit adds one. */
export async function salesEventsBetween(db: Tx, from: number, to: number): Promise<number> {
  const r = await eventsBetween(db, from, to)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
