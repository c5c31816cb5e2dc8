// Product facts other domains read (the innovation centre's review queue and certification
// sweep): only the catalog names its tables; these functions are exported from index.ts.
import { sql } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import type { UmkmIdQuery } from '../community/index.js';
import './catalog.tables.js';

export interface ProductFacts {
  id: string;
  umkm_id: string;
  village_code: string;
  title: string;
  category: string;
  listing_state: string;
}

const FACTS = ['id', 'umkm_id', 'village_code', 'title', 'category', 'listing_state'] as const;

/** One product's facts (any listing state). */
export async function productFacts(db: Tx, productId: string): Promise<ProductFacts | undefined> {
  return db.selectFrom('products').select(FACTS).where('id', '=', productId).executeTakeFirst();
}

/** Facts of these products by id (any listing state). */
export async function productFactsByIds(db: Tx, ids: string[]): Promise<Map<string, ProductFacts>> {
  const out = new Map<string, ProductFacts>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('products')
      .select(FACTS)
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/** The products of these UMKM (any listing state), by title. */
export async function productFactsOfUmkm(db: Tx, umkmIds: string[]): Promise<ProductFacts[]> {
  if (umkmIds.length === 0) return [];
  return db
    .selectFrom('products')
    .select(FACTS)
    .where('umkm_id', 'in', umkmIds)
    .orderBy('title')
    .execute();
}

/** Products of these categories in one of `states`, optionally of one UMKM, by id. */
export async function productsInCategories(
  db: Tx,
  categories: string[],
  states: string[],
  umkmId?: string,
) {
  if (categories.length === 0) return [];
  let q = db
    .selectFrom('products')
    .select(['id', 'umkm_id', 'category', 'listing_state'])
    .where('category', 'in', categories)
    .where('listing_state', 'in', states);
  if (umkmId) q = q.where('umkm_id', '=', umkmId);
  return q.orderBy('id').execute();
}

/** The first active variant's price and weight (by creation). */
export async function firstActiveVariant(
  db: Tx,
  productId: string,
): Promise<{ price: number; weight_grams: number } | undefined> {
  return db
    .selectFrom('variants')
    .select(['price', 'weight_grams'])
    .where('product_id', '=', productId)
    .where('active', '=', 1)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** Which of these products are listed. */
export async function listedAmong(db: Tx, ids: string[]): Promise<Set<string>> {
  const facts = await productFactsByIds(db, ids);
  return new Set([...facts.values()].filter((p) => p.listing_state === 'listed').map((p) => p.id));
}

/** The oldest last-update of each UMKM's listed products (when it has had something on sale). */
export async function listedSince(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < umkmIds.length; i += 500) {
    const rows = await db
      .selectFrom('products')
      .select(['umkm_id', (e) => e.fn.min('updated_at').as('at')])
      .where('umkm_id', 'in', umkmIds.slice(i, i + 500))
      .where('listed', '=', 1)
      .groupBy('umkm_id')
      .execute();
    for (const r of rows) if (r.at) out.set(r.umkm_id, String(r.at));
  }
  return out;
}

/** Listed products inside region prefixes ('all' = the country): the programme's market-ready count. */
export async function listedCount(db: Tx, scope: 'all' | string[]): Promise<number> {
  const r = await db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('listed', '=', 1)
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .executeTakeFirstOrThrow();
  return Number(r.n ?? 0);
}

/**
 * Listed products and active sellers (a product listed, or in `recentSellers`) per area code of
 * length `len`, for the whole country: the national summary's figures, read from one row per
 * UMKM with a product (listing_counts) where counting them from the products read every product.
 */
export async function listingActivityBy(
  db: Tx,
  len: number,
  recentSellers: UmkmIdQuery,
): Promise<Map<string, { listed: number; active: number }>> {
  const area = sql<string>`substr(village_code, 1, ${sql.lit(len)})`;
  // CASE keeps the order: only an UMKM with nothing listed is looked up among the recent sellers,
  // by its own id (LIMIT 1 keeps PostgreSQL from hashing every recent sale instead).
  const sold = sql`(select 1 from (${recentSellers}) a where a.umkm_id = listing_counts.umkm_id limit 1)`;
  const rows = await db
    .selectFrom('listing_counts')
    .select([
      area.as('k'),
      sql<number>`sum(listed)`.as('listed'),
      sql<number>`sum(case when listed > 0 then 1 when ${sold} is not null then 1 else 0 end)`.as(
        'active',
      ),
    ])
    .groupBy(area)
    .execute();
  return new Map(
    rows.map((r) => [String(r.k), { listed: Number(r.listed), active: Number(r.active) }]),
  );
}

/** The UMKM with a listed product, as a subquery of ids (for one-statement counts elsewhere). */
export function listedSellerIds(db: Tx) {
  return db.selectFrom('products').select('products.umkm_id').where('products.listed', '=', 1);
}

/** An active variant of a listed product with its stock (what the demo seeds order from). */
export interface ListedVariant {
  id: string;
  product_id: string;
  umkm_id: string;
  village_code: string;
  title: string;
  price: number;
  available: number;
}

/**
 * Active variants of listed products: with at least `minAvailable` units, of some UMKM, or
 * inside a region prefix (e.g. `'53.09'`) when asked; by product (the default), by UMKM or by
 * variant, each then by variant id; at most `limit`.
 */
export async function listedVariants(
  db: Tx,
  opts: {
    minAvailable?: number;
    umkmIds?: readonly string[];
    regionPrefix?: string;
    by?: 'product' | 'umkm' | 'variant';
    limit?: number;
  } = {},
): Promise<ListedVariant[]> {
  if (opts.umkmIds?.length === 0) return [];
  let q = db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('stock as s', 's.variant_id', 'v.id')
    .select([
      'v.id',
      'v.product_id',
      'p.umkm_id',
      'p.village_code',
      'p.title',
      'v.price',
      's.available',
    ])
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1);
  if (opts.minAvailable !== undefined) q = q.where('s.available', '>=', opts.minAvailable);
  if (opts.umkmIds) q = q.where('p.umkm_id', 'in', [...opts.umkmIds]);
  if (opts.regionPrefix) q = q.where('p.village_code', 'like', `${opts.regionPrefix}.%`);
  const by = opts.by ?? 'product';
  if (by === 'product') q = q.orderBy('p.id');
  if (by === 'umkm') q = q.orderBy('p.umkm_id');
  q = q.orderBy('v.id');
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, price: Number(r.price), available: Number(r.available) }));
}

/** How many listed products each UMKM has (UMKM without one are absent). */
export async function listedCountsByUmkm(db: Tx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('products')
    .select(['umkm_id', (eb) => eb.fn.countAll().as('n')])
    .where('listed', '=', 1)
    .groupBy('umkm_id')
    .execute();
  return new Map(rows.map((r) => [r.umkm_id, Number(r.n)]));
}
