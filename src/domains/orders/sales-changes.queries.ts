// What changes the sales figures, for impact's summary, which adds each change once instead of
// recomputing whole months (bench/README.md, "The sales summary adds each change once"). Only
// orders knows what changes a sale. Each change is placed in time by an id, and ids are
// time-sortable, so a window of time is a range of ids:
// - an order minted (its id): one sale more (count, items, value, seller's share) in its
//   regency-month; the order table alone answers this, summed in the database;
// - a cancellation (its event): that sale less (an order is cancelled only before its goods
//   leave the seller, so never after delivery);
// - a delivery (its event): one lead time more (placement to delivery; a return after it keeps
//   it, as the live figures do).
// Summed over an order's whole life, these give exactly what the live readers count for it.
// Orders' ids are minted by the server as they are placed (checkout/plan.ts), so they follow
// the placement events; the events themselves were joined to their orders at first, and that
// was 0.5–0.7 s a minute under a national checkout load, most of it the lookup of each new
// order by id.
import { sql, type ExpressionBuilder } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Database, Tx } from '../../kernel/db/index.js';
import { idFloor } from '../../kernel/ids/index.js';
import { leadDaysOf, type MonthSales } from './sales.queries.js';
import './orders.tables.js';

type Outbox = ExpressionBuilder<Database, 'order_outbox'>;

/** The events that change a sale after its order was placed (payments and other steps do not). */
const laterChange = (eb: Outbox) =>
  eb.or([
    eb.and([
      eb('order_outbox.kind', '=', 'status'),
      eb('order_outbox.to_status', '=', 'cancelled'),
    ]),
    eb.and([
      eb('order_outbox.kind', '=', 'fulfilment'),
      eb('order_outbox.to_status', '=', 'delivered'),
    ]),
  ]);

/**
 * Ids of `prefix` minted in [from, to) (ms; `to` null: since `from`). Since a time, the range is
 * closed by a bound no id reaches (a year later): PostgreSQL estimates a closed range well even
 * on a table analyzed when it was nearly empty, and read an open one whole instead (38 ms a
 * regency on a national rebuild).
 */
const mintedIn =
  (column: string, prefix: string, from: number, to: number | null) =>
  // biome-ignore lint/suspicious/noExplicitAny: a column of either table
  (eb: ExpressionBuilder<any, any>) =>
    eb.and([
      eb(column, '>=', idFloor(prefix, from)),
      eb(column, '<', idFloor(prefix, to ?? from + 366 * 86400_000)),
    ]);

const regencyOf = sql<string>`substr(orders.village_code, 1, 5)`;
const monthOf = sql<string>`substr(orders.placed_at, 1, 7)`;

/** The sales of the orders minted in the window, per regency-month, summed in the database. */
async function mintedSales(db: Tx, from: number, to: number | null, regency?: string) {
  const rows = await db
    .selectFrom('orders')
    .select((eb) => [
      regencyOf.as('r'),
      monthOf.as('m'),
      eb.fn.countAll().as('count'),
      eb.fn.sum('orders.items_total').as('items'),
      eb.fn.sum('orders.total').as('gmv'),
      eb.fn.sum('orders.seller_share').as('share'),
    ])
    .where(mintedIn('orders.id', 'ord', from, to))
    .$if(regency !== undefined, (q) =>
      q.where((eb) => regionWhere(eb, 'orders.village_code', [regency!])),
    )
    .groupBy([regencyOf, monthOf])
    .execute();
  return rows.map(
    (r): MonthSales => ({
      regency: String(r.r),
      month: String(r.m),
      count: Number(r.count),
      itemsTotal: Number(r.items ?? 0),
      gmv: Number(r.gmv ?? 0),
      sellerShare: Number(r.share ?? 0),
      leadDays: [],
    }),
  );
}

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
  village_code: string;
  placed_at: string;
  delivered_at: string | null;
  items_total: number;
  total: number;
  seller_share: number;
}

/** Adds the cancellations and deliveries (`facts`) to the minted orders' sales (`sums`). */
function withLaterChanges(sums: MonthSales[], facts: Fact[]): MonthSales[] {
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
      if (f.delivered_at !== null) c.leadDays.push(leadDaysOf(f.placed_at, f.delivered_at));
      continue;
    }
    c.count -= 1;
    c.itemsTotal -= Number(f.items_total);
    c.gmv -= Number(f.total);
    c.sellerShare -= Number(f.seller_share);
  }
  return [...out.values()];
}

/**
 * What changed the sales in [from, to) (ms), per regency-month (counts may be negative), and how
 * many changes there were (salesChangeCount counts them again later). The cancellations and
 * deliveries, a few, are read one by one with their orders.
 */
export async function salesChangesBetween(
  db: Tx,
  from: number,
  to: number,
): Promise<{ changeCount: number; changes: MonthSales[] }> {
  const sums = await mintedSales(db, from, to);
  const events = await db
    .selectFrom('order_outbox')
    .select(['order_id', 'kind'])
    .where(mintedIn('order_outbox.id', 'oev', from, to))
    .where(laterChange)
    .execute();
  const ids = [...new Set(events.map((e) => e.order_id))];
  const byId = new Map<string, Omit<Fact, 'kind'>>();
  for (let i = 0; i < ids.length; i += 500)
    for (const o of await db
      .selectFrom('orders')
      .select(['id', ...ORDER_FACTS])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      byId.set(o.id, o);
  // An event whose order is not there would be a bug elsewhere; counting it would hide it less
  // well than leaving it out, which the daily rebuild also does.
  const facts = events.flatMap((e) => {
    const o = byId.get(e.order_id);
    return o ? [{ ...o, kind: e.kind }] : [];
  });
  const minted = sums.reduce((a, s) => a + s.count, 0);
  return { changeCount: minted + events.length, changes: withLaterChanges(sums, facts) };
}

/**
 * What changed one regency's sales at or after `from` (ms), as this transaction sees it:
 * impact's rebuild takes it back out of the orders' state read in the same snapshot, to get the
 * figures as they were before `from`.
 */
export async function regencySalesChangesSince(
  db: Tx,
  regency: string,
  from: number,
): Promise<MonthSales[]> {
  const facts = await db
    .selectFrom('order_outbox')
    .innerJoin('orders', 'orders.id', 'order_outbox.order_id')
    .select(['order_outbox.kind', ...ORDER_FACTS.map((c) => `orders.${c}` as const)])
    .where(mintedIn('order_outbox.id', 'oev', from, null))
    .where(laterChange)
    .where((eb) => regionWhere(eb, 'orders.village_code', [regency]))
    .execute();
  return withLaterChanges(await mintedSales(db, from, null, regency), facts);
}

/** How many changes of the sales there were in [from, to) (ms): a late commit adds one. */
export async function salesChangeCount(db: Tx, from: number, to: number): Promise<number> {
  const minted = await db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(mintedIn('orders.id', 'ord', from, to))
    .executeTakeFirstOrThrow();
  const later = await db
    .selectFrom('order_outbox')
    .select((eb) => eb.fn.countAll().as('n'))
    .where(mintedIn('order_outbox.id', 'oev', from, to))
    .where(laterChange)
    .executeTakeFirstOrThrow();
  return Number(minted.n) + Number(later.n);
}
