// Sales facts other domains read (training's milestones, impact's KPIs): only orders names
// its tables; these functions are exported from index.ts.
import { sql } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
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
