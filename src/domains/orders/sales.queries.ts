// Sales facts other domains read (training's milestones, impact's KPIs): only orders names
// its tables; these functions are exported from index.ts.
import { sql, type SelectQueryBuilder } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Database, Tx } from '../../kernel/db/index.js';
import { idFloor } from '../../kernel/ids/index.js';
import './orders.tables.js';

/** Placement times of every sale (an order not cancelled) of each UMKM, oldest first. */
export async function saleTimesOf(db: Tx, umkmIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(umkmIds.map((id) => [id, []]));
  for (let i = 0; i < umkmIds.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select(['umkm_id', 'placed_at'])
      .where('umkm_id', 'in', umkmIds.slice(i, i + 500))
      .where('status', '!=', 'cancelled')
      .orderBy('placed_at')
      .execute();
    for (const r of rows) out.get(r.umkm_id)?.push(r.placed_at);
  }
  return out;
}

/** The UMKM with a sale placed since `since`, as a subquery of ids (impact's active UMKM). */
export function recentSellerIds(db: Tx, since: string) {
  return db
    .selectFrom('orders')
    .select('orders.umkm_id')
    .where('orders.status', '!=', 'cancelled')
    .where('orders.placed_at', '>=', since);
}

export interface SalesTotals {
  count: number;
  gmv: number;
  itemsTotal: number;
  sellerShare: number;
  /** Days from placement to delivery of each delivered order. */
  leadDays: number[];
}

/** Sales (orders not cancelled) of sellers inside region prefixes ('all' = the country). */
export async function salesTotals(db: Tx, scope: 'all' | string[]): Promise<SalesTotals> {
  const agg = await db
    .selectFrom('orders')
    .select((eb) => [
      eb.fn.countAll().as('count'),
      eb.fn.sum('items_total').as('items'),
      eb.fn.sum('total').as('gmv'),
      eb.fn.sum('seller_share').as('share'),
    ])
    .where('status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('orders')
    .select(['placed_at', 'delivered_at'])
    .where('delivered_at', 'is not', null)
    .where('status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .execute();
  return {
    count: Number(agg.count ?? 0),
    gmv: Number(agg.gmv ?? 0),
    itemsTotal: Number(agg.items ?? 0),
    sellerShare: Number(agg.share ?? 0),
    leadDays: done.map((d) => (Date.parse(d.delivered_at!) - Date.parse(d.placed_at)) / 86400_000),
  };
}

/** Sales value inside region prefixes, summed per area code of length `len` (a breakdown table). */
export async function salesValueBy(
  db: Tx,
  scope: 'all' | string[],
  len: number,
): Promise<Map<string, number>> {
  const area = sql<string>`substr(village_code, 1, ${sql.lit(len)})`;
  const rows = await db
    .selectFrom('orders')
    .select([area.as('k'), (eb) => eb.fn.sum('total').as('v')])
    .where('status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .groupBy(area)
    .execute();
  return new Map(rows.map((r) => [String(r.k), Number(r.v ?? 0)]));
}

/** One regency's sales (orders not cancelled) placed in one month ('YYYY-MM'). */
export interface MonthSales {
  /** The regency's 5-character code. */
  regency: string;
  month: string;
  count: number;
  itemsTotal: number;
  gmv: number;
  sellerShare: number;
  /** Days from placement to delivery of each delivered order. */
  leadDays: number[];
}

/** The month after 'YYYY-MM', as 'YYYY-MM'. */
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}

/** An order's regency (the first 5 characters of its village code) and placement month. */
const regencyOf = sql<string>`substr(village_code, 1, 5)`;
const monthOf = sql<string>`substr(placed_at, 1, 7)`;

/** Sales (orders not cancelled) narrowed by `narrow`, per regency and placement month. */
async function salesPerRegencyMonth(
  db: Tx,
  narrow: (
    q: SelectQueryBuilder<Database, 'orders', object>,
  ) => SelectQueryBuilder<Database, 'orders', object>,
): Promise<MonthSales[]> {
  const scope = narrow(db.selectFrom('orders').where('status', '!=', 'cancelled'));
  const agg = await scope
    .select((eb) => [
      regencyOf.as('r'),
      monthOf.as('m'),
      eb.fn.countAll().as('count'),
      eb.fn.sum('items_total').as('items'),
      eb.fn.sum('total').as('gmv'),
      eb.fn.sum('seller_share').as('share'),
    ])
    .groupBy([regencyOf, monthOf])
    .execute();
  const done = await scope
    .select(['village_code', 'placed_at', 'delivered_at'])
    .where('delivered_at', 'is not', null)
    .execute();
  const leads = new Map<string, number[]>();
  for (const d of done) {
    const k = `${d.village_code.slice(0, 5)}|${d.placed_at.slice(0, 7)}`;
    const days = (Date.parse(d.delivered_at!) - Date.parse(d.placed_at)) / 86400_000;
    const list = leads.get(k);
    if (list) list.push(days);
    else leads.set(k, [days]);
  }
  return agg.map((r) => ({
    regency: String(r.r),
    month: String(r.m),
    count: Number(r.count ?? 0),
    itemsTotal: Number(r.items ?? 0),
    gmv: Number(r.gmv ?? 0),
    sellerShare: Number(r.share ?? 0),
    leadDays: leads.get(`${r.r}|${r.m}`) ?? [],
  }));
}

/**
 * Sales of one regency (5-character code) per placement month, every month (impact's daily
 * rebuild). Months with no sale left (all cancelled) are absent.
 */
export function salesByMonth(db: Tx, regency: string): Promise<MonthSales[]> {
  return salesPerRegencyMonth(db, (q) =>
    q.where((eb) => regionWhere(eb, 'village_code', [regency])),
  );
}

/**
 * Sales of many (regency, month) pairs, in two statements for all: the orders placed in those
 * months (a range of `placed_at` each, which the placement index answers) of those regencies.
 * Impact's minutely refresh asked salesByMonth once per regency touched, and each of those read
 * the regency's whole history: under a national checkout load that was hundreds of regencies
 * and 8–23 s of every minute (bench/README.md, "Checkout on a national world").
 */
export async function salesByRegencyMonth(
  db: Tx,
  pairs: { regency: string; month: string }[],
): Promise<MonthSales[]> {
  if (pairs.length === 0) return [];
  const wanted = new Set(pairs.map((p) => `${p.regency}|${p.month}`));
  const months = [...new Set(pairs.map((p) => p.month))];
  const rows = await salesPerRegencyMonth(db, (q) =>
    q
      .where((eb) =>
        eb.or(
          months.map((m) => eb.and([eb('placed_at', '>=', m), eb('placed_at', '<', nextMonth(m))])),
        ),
      )
      .where(regencyOf, 'in', [...new Set(pairs.map((p) => p.regency))]),
  );
  return rows.filter((r) => wanted.has(`${r.regency}|${r.month}`));
}

/**
 * The (regency, placement month) of every order with an event (placement, cancellation,
 * delivery …) at or after `since`: what impact's summaries must recompute. Order ids are
 * time-sortable like the events': the orders minted since then are read by an id range (every
 * event of theirs is covered, and one without an event only adds a pair to recompute); of the
 * window's events only those of older orders are looked up, by id. Joining every event of the
 * window to its order let PostgreSQL hash all orders instead: 0.73 s a minute on a national world
 * under a checkout load, whose events are nearly all of new orders (bench/README.md, "The
 * changed regency-months by id range").
 */
export async function salesMonthsChangedSince(
  db: Tx,
  since: string,
): Promise<{ regency: string; month: string }[]> {
  const t = Date.parse(since);
  const newOrders = idFloor('ord', t);
  const pairsOf = () =>
    db
      .selectFrom('orders')
      .select([regencyOf.as('regency'), monthOf.as('month')])
      .distinct();
  const rows = await pairsOf().where('id', '>=', newOrders).execute();
  const older = await db
    .selectFrom('order_outbox')
    .select('order_id')
    .distinct()
    .where('id', '>=', idFloor('oev', t))
    .where('order_id', '<', newOrders)
    .execute();
  for (let i = 0; i < older.length; i += 500)
    rows.push(
      ...(await pairsOf()
        .where(
          'id',
          'in',
          older.slice(i, i + 500).map((o) => o.order_id),
        )
        .execute()),
    );
  const pairs = new Map(rows.map((r) => [`${r.regency}|${r.month}`, r]));
  return [...pairs.values()];
}

/**
 * Not-cancelled orders placed in [from, to) by sellers inside a prefix ('' = the country), as a
 * derived table (`id`, `umkm_id`) another domain joins its own rows to (collective's KPIs join
 * their cycle orders and group-buy commitments): one statement, no ids shipped back and forth.
 */
export function salesPlacedIn(db: Tx, prefix: string, from: string, to: string) {
  return db
    .selectFrom('orders')
    .select(['orders.id', 'orders.umkm_id'])
    .where('orders.placed_at', '>=', from)
    .where('orders.placed_at', '<', to)
    .where('orders.status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'orders.village_code', prefix === '' ? 'all' : [prefix]));
}

/** Every order line's order, variant, unit price and quantity, as a derived table to join. */
export function orderLineFacts(db: Tx) {
  return db
    .selectFrom('order_lines')
    .select([
      'order_lines.order_id',
      'order_lines.variant_id',
      'order_lines.unit_price',
      'order_lines.qty',
    ]);
}
