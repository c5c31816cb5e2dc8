// Reads across other domains that training needs for recommendations, milestones and KPIs:
// review gaps (innovation), market-ready products (catalog/innovation), orders, certifications
// (community). Nothing here writes. Each source is one small function so it can switch to the
// owning domain's index export when that appears; until a table exists in this installation
// (a domain not migrated yet) its source answers "no data" instead of failing the page.
import type { Kysely } from 'kysely';
import type { Database, Tx } from '../../kernel/db/index.js';

export type ReviewItem = 'photos' | 'description' | 'price_weight' | 'packaging' | 'label' | 'certification' | 'shelf_life';
export interface ReviewGap { umkmId: string; productId: string; item: ReviewItem }

const tablesSeen = new WeakMap<object, Set<string>>();

/** Whether `name` exists in this database (cached per connection pool; tables only appear by migration). */
async function hasTable(db: Tx, name: string): Promise<boolean> {
  const key = (db as any).getExecutor?.() ?? db;
  let set = tablesSeen.get(key);
  if (!set) {
    set = new Set((await (db as Kysely<Database>).introspection.getTables()).map((t) => t.name));
    tablesSeen.set(key, set);
  }
  return set.has(name);
}

const chunks = <T>(xs: T[], n = 500): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Failed checklist items of each product whose latest review round asked for changes. */
export async function reviewGapsOf(db: Tx, umkmIds: string[]): Promise<ReviewGap[]> {
  if (umkmIds.length === 0 || !(await hasTable(db, 'reviews')) || !(await hasTable(db, 'review_items'))) return [];
  const out: ReviewGap[] = [];
  const d = db as unknown as Kysely<any>;
  for (const ids of chunks(umkmIds)) {
    const rows = await d.selectFrom('reviews as r')
      .innerJoin('review_items as i', 'i.review_id', 'r.id')
      .select(['r.umkm_id', 'r.product_id', 'i.item_key'])
      .where('r.umkm_id', 'in', ids)
      .where('r.state', '=', 'changes_requested')
      .where('i.passed', '=', 0)
      // Only the product's latest round counts: an older failure fixed since is no gap.
      .where(({ eb, selectFrom }) => eb('r.round', '=', selectFrom('reviews as r2').select((e) => e.fn.max('r2.round').as('m')).whereRef('r2.product_id', '=', 'r.product_id')))
      .orderBy('r.product_id').orderBy('i.item_key')
      .execute();
    for (const r of rows) out.push({ umkmId: r.umkm_id, productId: r.product_id, item: r.item_key });
  }
  return out;
}

/** When each UMKM first had a product the innovation centre marked market-ready (listed in the catalog). */
export async function marketReadyAt(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (umkmIds.length === 0) return out;
  const d = db as unknown as Kysely<any>;
  if (await hasTable(db, 'reviews')) {
    for (const ids of chunks(umkmIds)) {
      const rows = await d.selectFrom('reviews').select(['umkm_id', (e: any) => e.fn.min('completed_at').as('at')])
        .where('umkm_id', 'in', ids).where('state', '=', 'passed').groupBy('umkm_id').execute();
      for (const r of rows) if (r.at) out.set(r.umkm_id, String(r.at));
    }
  }
  // Products listed without a recorded review (imported catalogues) count from their last update.
  for (const ids of chunks(umkmIds)) {
    const rows = await db.selectFrom('products').select(['umkm_id', (e) => e.fn.min('updated_at').as('at')])
      .where('umkm_id', 'in', ids).where('listed', '=', 1).groupBy('umkm_id').execute();
    for (const r of rows) if (!out.has(r.umkm_id) && r.at) out.set(r.umkm_id, String(r.at));
  }
  return out;
}

/** Order statuses that are not a sale (the order never went through). */
const NOT_A_SALE = ['cancelled', 'canceled', 'failed', 'expired', 'rejected', 'pending_payment', 'draft'];

/** Placement times of every sale of each UMKM, oldest first. */
export async function saleTimes(db: Tx, umkmIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(umkmIds.map((id) => [id, []]));
  if (umkmIds.length === 0 || !(await hasTable(db, 'orders'))) return out;
  const d = db as unknown as Kysely<any>;
  for (const ids of chunks(umkmIds)) {
    const rows = await d.selectFrom('orders').select(['umkm_id', 'placed_at'])
      .where('umkm_id', 'in', ids).where('status', 'not in', NOT_A_SALE).where('placed_at', 'is not', null)
      .orderBy('placed_at').execute();
    for (const r of rows) out.get(r.umkm_id)?.push(String(r.placed_at));
  }
  return out;
}

/** Earliest issue date of a product certification (PIRT, halal, BPOM) or NIB per UMKM. */
export async function certifiedOn(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(umkmIds)) {
    const rows = await db.selectFrom('certifications').select(['umkm_id', (e) => e.fn.min('issued_on').as('on')])
      .where('umkm_id', 'in', ids).where('kind', 'in', ['pirt', 'halal_regular', 'halal_self_declare', 'bpom_md', 'bpom_ml']).groupBy('umkm_id').execute();
    for (const r of rows) if (r.on) out.set(r.umkm_id, String(r.on));
  }
  return out;
}

export interface UmkmBrief { id: string; name: string; village_code: string; organisation_id: string | null; owner_name: string | null }

export async function umkmBriefs(db: Tx, ids: string[]): Promise<UmkmBrief[]> {
  const out: UmkmBrief[] = [];
  for (const c of chunks(ids)) out.push(...await db.selectFrom('umkm').select(['id', 'name', 'village_code', 'organisation_id', 'owner_name']).where('id', 'in', c).orderBy('name').execute());
  return out;
}

/** Names of regions (for headings and lists). */
export async function regionNames(db: Tx, codes: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(codes)];
  const out = new Map<string, string>();
  for (const c of chunks(uniq)) for (const r of await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', c).execute()) out.set(r.code, r.name);
  return out;
}

/** Users holding `role` whose grant covers `regionCode` (mentor and trainer choices). */
export async function staffCovering(db: Tx, role: 'mentor' | 'trainer', regionCode: string): Promise<{ id: string; display_name: string }[]> {
  const rows = await db.selectFrom('grants').innerJoin('users', 'users.id', 'grants.user_id')
    .select(['users.id', 'users.display_name', 'grants.region_code'])
    .where('grants.role', '=', role).where('users.status', '=', 'active').orderBy('users.display_name').execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const covers = r.region_code === null || regionCode === r.region_code || regionCode.startsWith(r.region_code + '.');
    if (!covers || seen.has(r.id)) return false;
    seen.add(r.id);
    return true;
  }).map((r) => ({ id: r.id, display_name: r.display_name }));
}
