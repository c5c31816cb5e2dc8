// Queries of the catalog's seller side. Every query for a signed-in user filters by the
// actor's scope in SQL: a seller's own UMKM, a community manager's organisation's UMKM.
import { sql } from 'kysely';
import type { Db, Tx } from '../../kernel/db/index.js';
import { scopeIds, type Actor } from '../../kernel/auth/index.js';
import './catalog.tables.js';

/** UMKM the actor may write products for (its seller grants). */
export const sellerUmkmIds = (actor: Actor) => scopeIds(actor, 'umkm', ['seller']);
/** Organisations whose UMKM products the actor may see (community manager grants). */
export const managerOrgIds = (actor: Actor) =>
  scopeIds(actor, 'organisation', ['community_manager']);

const none = sql<boolean>`1 = 0`;

/** Products the actor may see on the seller pages, newest first, with stock and photo counts. */
export async function productsForActor(db: Db, actor: Actor) {
  const umkm = sellerUmkmIds(actor);
  const orgs = managerOrgIds(actor);
  return db
    .selectFrom('products as p')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.category',
      'p.listing_state',
      'p.listed',
      'p.updated_at',
      'u.name as umkm_name',
      eb
        .selectFrom('variants as v')
        .innerJoin('stock as s', 's.variant_id', 'v.id')
        .select(sql<number>`coalesce(sum(s.available), 0)`.as('x'))
        .whereRef('v.product_id', '=', 'p.id')
        .as('available'),
      eb
        .selectFrom('variants')
        .select((e) => e.fn.min<number>('price').as('x'))
        .whereRef('product_id', '=', 'p.id')
        .as('price_min'),
      eb
        .selectFrom('photos')
        .select((e) => e.fn.countAll<number>().as('x'))
        .whereRef('product_id', '=', 'p.id')
        .as('photos'),
    ])
    .where((eb) =>
      eb.or([
        umkm.length ? eb('p.umkm_id', 'in', umkm) : none,
        orgs.length ? eb('u.organisation_id', 'in', orgs) : none,
      ]),
    )
    .orderBy('p.created_at', 'desc')
    .limit(500)
    .execute();
}

/** One product the actor may see, with `canEdit` when it belongs to one of the actor's own UMKM. */
export async function productForActor(db: Db, actor: Actor, productId: string) {
  const umkm = sellerUmkmIds(actor);
  const orgs = managerOrgIds(actor);
  const p = await db
    .selectFrom('products as p')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .selectAll('p')
    .select('u.name as umkm_name')
    .where('p.id', '=', productId)
    .where((eb) =>
      eb.or([
        umkm.length ? eb('p.umkm_id', 'in', umkm) : none,
        orgs.length ? eb('u.organisation_id', 'in', orgs) : none,
      ]),
    )
    .executeTakeFirst();
  if (!p) return null;
  const [variants, photos] = await Promise.all([
    variantsOf(db, productId),
    photosOf(db, productId),
  ]);
  return { product: p, variants, photos, canEdit: umkm.includes(p.umkm_id) };
}

export async function variantsOf(db: Tx, productId: string) {
  return db
    .selectFrom('variants as v')
    .leftJoin('stock as s', 's.variant_id', 'v.id')
    .select([
      'v.id',
      'v.label',
      'v.sku',
      'v.price',
      'v.weight_grams',
      'v.active',
      's.available',
      's.reserved',
    ])
    .where('v.product_id', '=', productId)
    .orderBy('v.created_at')
    .orderBy('v.id')
    .execute();
}

/** The product's photos in display order; the first is its cover everywhere. */
export async function photosOf(db: Tx, productId: string) {
  return db
    .selectFrom('photos')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function photoCount(db: Tx, productId: string): Promise<number> {
  const r = await db
    .selectFrom('photos')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** The product, if it belongs to one of the actor's own UMKM (the write scope). */
export async function ownedProduct(db: Tx, actor: Actor, productId: string) {
  const umkm = sellerUmkmIds(actor);
  if (umkm.length === 0) return undefined;
  return db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', productId)
    .where('umkm_id', 'in', umkm)
    .executeTakeFirst();
}

/** The variant with its product id, if the product belongs to one of the actor's own UMKM. */
export async function ownedVariant(db: Tx, actor: Actor, variantId: string) {
  const umkm = sellerUmkmIds(actor);
  if (umkm.length === 0) return undefined;
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select([
      'v.id',
      'v.product_id',
      'v.label',
      'v.price',
      'v.weight_grams',
      'p.umkm_id',
      'p.listing_state',
    ])
    .where('v.id', '=', variantId)
    .where('p.umkm_id', 'in', umkm)
    .executeTakeFirst();
}

/** UMKM names the actor sells for, for the "which UMKM" choice on the form. */
export async function sellerUmkm(db: Db, actor: Actor) {
  const ids = sellerUmkmIds(actor);
  if (ids.length === 0) return [];
  return db
    .selectFrom('umkm')
    .select(['id', 'name', 'village_code'])
    .where('id', 'in', ids)
    .orderBy('name')
    .execute();
}

export async function skuTaken(db: Tx, sku: string): Promise<boolean> {
  return !!(await db.selectFrom('variants').select('id').where('sku', '=', sku).executeTakeFirst());
}
