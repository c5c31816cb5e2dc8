// What order events change in the sales figures, for impact's summary, which adds each event's
// change once instead of recomputing whole months (bench/README.md, "The sales summary adds
// each event once"). Only orders knows which events change a sale:
// - placement: one sale more (count, items, value, seller's share) in its regency-month;
// - cancellation: that sale less (an order is cancelled only before its goods leave the seller,
//   so never after delivery);
// - delivery: one lead time more (placement to delivery; a return after it keeps it, as the
//   live figures do).
// Summed over every event of an order, these give exactly what the live readers count for it.
import type { ExpressionBuilder } from 'kysely';
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

/** The events' changes summed per regency and placement month (counts may be negative). */
function changesOf(facts: Fact[]): MonthSales[] {
  const out = new Map<string, MonthSales>();
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

/** The window [from, to) of event ids, from two times (ms). */
const windowOf = (from: number, to: number) => [idFloor('oev', from), idFloor('oev', to)] as const;

/**
 * The changes of the events stamped in [from, to) (ms), per regency-month, and how many events
 * there were (salesEventsBetween counts them again later). Their orders are read
 * by an id range for those minted since `from` (an order's placement is stamped just before
 * its id is minted), and by id for older ones: joined in one statement, PostgreSQL hashed every
 * order of the country instead (bench/README.md, "The changed regency-months by id range").
 */
export async function salesChangesBetween(
  db: Tx,
  from: number,
  to: number,
): Promise<{ events: number; changes: MonthSales[] }> {
  const [lo, hi] = windowOf(from, to);
  const events = await db
    .selectFrom('order_outbox')
    .select(['order_id', 'kind', 'to_status'])
    .where('id', '>=', lo)
    .where('id', '<', hi)
    .where(changesSale)
    .execute();
  if (events.length === 0) return { events: 0, changes: [] };
  const newOrders = idFloor('ord', from);
  let last = newOrders;
  const older = new Set<string>();
  for (const e of events)
    if (e.order_id < newOrders) older.add(e.order_id);
    else if (e.order_id > last) last = e.order_id;
  const rows = await db
    .selectFrom('orders')
    .select(['id', ...ORDER_FACTS])
    .where('id', '>=', newOrders)
    .where('id', '<=', last)
    .execute();
  const ids = [...older];
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('orders')
        .select(['id', ...ORDER_FACTS])
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  // An event whose order is not there would be a bug elsewhere; counting it would hide it less
  // well than leaving it out, which the daily rebuild also does.
  const changes = changesOf(
    events.flatMap((e) => {
      const o = byId.get(e.order_id);
      return o ? [{ ...o, kind: e.kind, to_status: e.to_status }] : [];
    }),
  );
  return { events: events.length, changes };
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
  const [lo, hi] = windowOf(from, to);
  const r = await db
    .selectFrom('order_outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('id', '>=', lo)
    .where('id', '<', hi)
    .where(changesSale)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
