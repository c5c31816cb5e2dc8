// Reads across other domains that training needs for recommendations, milestones and KPIs:
// review gaps and market-ready dates (innovation's exports), listed products (catalog),
// orders, certifications (community). Nothing here writes; each source is one small function.
import type { Tx } from '../../kernel/db/index.js';
import { firstMarketReadyAt, reviewGaps } from '../innovation/index.js';

export type ReviewItem =
  | 'photos'
  | 'description'
  | 'price_weight'
  | 'packaging'
  | 'label'
  | 'certification'
  | 'shelf_life';
export interface ReviewGap {
  umkmId: string;
  productId: string;
  item: ReviewItem;
}

const chunks = <T>(xs: T[], n = 500): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Failed checklist items of each not-listed product's latest review round (innovation's export). */
export async function reviewGapsOf(db: Tx, umkmIds: string[]): Promise<ReviewGap[]> {
  const out: ReviewGap[] = [];
  for (const ids of chunks(umkmIds))
    out.push(...(await reviewGaps(db, ids)).map((g) => ({ ...g, item: g.item as ReviewItem })));
  return out;
}

/** When each UMKM first had a product the innovation centre marked market-ready. */
export async function marketReadyAt(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(umkmIds)) {
    for (const r of await firstMarketReadyAt(db, ids)) out.set(r.umkmId, r.at);
    // Products listed without a recorded review (catalogues imported from before the centre) count from their last update.
    const rows = await db
      .selectFrom('products')
      .select(['umkm_id', (e) => e.fn.min('updated_at').as('at')])
      .where('umkm_id', 'in', ids)
      .where('listed', '=', 1)
      .groupBy('umkm_id')
      .execute();
    for (const r of rows) if (!out.has(r.umkm_id) && r.at) out.set(r.umkm_id, String(r.at));
  }
  return out;
}

/** Placement times of every sale (an order not cancelled) of each UMKM, oldest first. */
export async function saleTimes(db: Tx, umkmIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(umkmIds.map((id) => [id, []]));
  for (const ids of chunks(umkmIds)) {
    const rows = await db
      .selectFrom('orders')
      .select(['umkm_id', 'placed_at'])
      .where('umkm_id', 'in', ids)
      .where('status', '!=', 'cancelled')
      .orderBy('placed_at')
      .execute();
    for (const r of rows) out.get(r.umkm_id)?.push(r.placed_at);
  }
  return out;
}

/** Earliest issue date of a product certification (PIRT, halal, BPOM) or NIB per UMKM. */
export async function certifiedOn(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(umkmIds)) {
    const rows = await db
      .selectFrom('certifications')
      .select(['umkm_id', (e) => e.fn.min('issued_on').as('on')])
      .where('umkm_id', 'in', ids)
      .where('kind', 'in', ['pirt', 'halal_regular', 'halal_self_declare', 'bpom_md', 'bpom_ml'])
      .groupBy('umkm_id')
      .execute();
    for (const r of rows) if (r.on) out.set(r.umkm_id, String(r.on));
  }
  return out;
}

export interface UmkmBrief {
  id: string;
  name: string;
  village_code: string;
  organisation_id: string | null;
  owner_name: string | null;
}

export async function umkmBriefs(db: Tx, ids: string[]): Promise<UmkmBrief[]> {
  const out: UmkmBrief[] = [];
  for (const c of chunks(ids))
    out.push(
      ...(await db
        .selectFrom('umkm')
        .select(['id', 'name', 'village_code', 'organisation_id', 'owner_name'])
        .where('id', 'in', c)
        .orderBy('name')
        .execute()),
    );
  return out;
}

/** Names of regions (for headings and lists). */
export async function regionNames(db: Tx, codes: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(codes)];
  const out = new Map<string, string>();
  for (const c of chunks(uniq))
    for (const r of await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', c)
      .execute())
      out.set(r.code, r.name);
  return out;
}

/** Users holding `role` whose grant covers `regionCode` (mentor and trainer choices). */
export async function staffCovering(
  db: Tx,
  role: 'mentor' | 'trainer',
  regionCode: string,
): Promise<{ id: string; display_name: string }[]> {
  const rows = await db
    .selectFrom('grants')
    .innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.display_name', 'grants.region_code'])
    .where('grants.role', '=', role)
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const covers =
        r.region_code === null ||
        regionCode === r.region_code ||
        regionCode.startsWith(r.region_code + '.');
      if (!covers || seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    })
    .map((r) => ({ id: r.id, display_name: r.display_name }));
}
