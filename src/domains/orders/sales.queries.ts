// Sales facts other domains read (training's milestones, impact's KPIs): only orders names
// its tables; these functions are exported from index.ts.
import { sql } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import './orders.tables.js';

/** Days from an order's placement to its delivery (the lead time every sales reader counts). */
export const leadDaysOf = (placedAt: string, deliveredAt: string): number =>
  (Date.parse(deliveredAt) - Date.parse(placedAt)) / 86400_000;

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
    leadDays: done.map((d) => leadDaysOf(d.placed_at, d.delivered_at!)),
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

/** An order's placement month. */
const monthOf = sql<string>`substr(placed_at, 1, 7)`;

/**
 * Sales of one regency (5-character code) per placement month, every month (impact's summary
 * rebuild). Months with no sale left (all cancelled) are absent.
 */
export async function salesByMonth(db: Tx, regency: string): Promise<MonthSales[]> {
  const scope = db
    .selectFrom('orders')
    .where('status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'village_code', [regency]));
  const agg = await scope
    .select((eb) => [
      monthOf.as('m'),
      eb.fn.countAll().as('count'),
      eb.fn.sum('items_total').as('items'),
      eb.fn.sum('total').as('gmv'),
      eb.fn.sum('seller_share').as('share'),
    ])
    .groupBy(monthOf)
    .execute();
  const done = await scope
    .select(['placed_at', 'delivered_at'])
    .where('delivered_at', 'is not', null)
    .execute();
  const leads = new Map<string, number[]>();
  for (const d of done) {
    const k = d.placed_at.slice(0, 7);
    const days = leadDaysOf(d.placed_at, d.delivered_at!);
    const list = leads.get(k);
    if (list) list.push(days);
    else leads.set(k, [days]);
  }
  return agg.map((r) => ({
    regency,
    month: String(r.m),
    count: Number(r.count ?? 0),
    itemsTotal: Number(r.items ?? 0),
    gmv: Number(r.gmv ?? 0),
    sellerShare: Number(r.share ?? 0),
    leadDays: leads.get(String(r.m)) ?? [],
  }));
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
