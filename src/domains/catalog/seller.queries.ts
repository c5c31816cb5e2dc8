// Queries of the catalog's seller side. Every query for a signed-in user filters by the
// actor's scope in SQL: a seller's own UMKM, a community manager's organisation's UMKM.
import { sql } from 'kysely';
import type { Db, Tx } from '../../kernel/db/index.js';
import { scopeIds, type Actor } from '../../kernel/auth/index.js';
import { umkmFactsByIds, umkmOfOrganisations } from '../community/index.js';
import './catalog.tables.js';

/** UMKM the actor may write products for (its seller grants). */
export const sellerUmkmIds = (actor: Actor) => scopeIds(actor, 'umkm', ['seller']);
/** Organisations whose UMKM products the actor may see (community manager grants). */
export const managerOrgIds = (actor: Actor) =>
  scopeIds(actor, 'organisation', ['community_manager']);

const none = sql<boolean>`1 = 0`;

/** The UMKM whose products the actor may see: its own, and its organisations' (community). */
async function visibleUmkmIds(db: Db, actor: Actor): Promise<string[]> {
  const orgs = managerOrgIds(actor);
  const managed = orgs.length ? await umkmOfOrganisations(db, orgs) : [];
  return [...new Set([...sellerUmkmIds(actor), ...managed])];
}

/** Each row with its UMKM's name, read through community's index. */
async function withUmkmNames<T extends { umkm_id: string }>(db: Db, rows: T[]) {
  const facts = await umkmFactsByIds(
    db,
    rows.map((r) => r.umkm_id),
  );
  return rows.map((r) => ({ ...r, umkm_name: facts.get(r.umkm_id)?.name ?? '' }));
}

/** Products the actor may see on the seller pages, newest first, with stock and photo counts. */
export async function productsForActor(db: Db, actor: Actor) {
  const visible = await visibleUmkmIds(db, actor);
  const rows = await db
    .selectFrom('products as p')
    .select((eb) => [
      'p.id',
      'p.umkm_id',
      'p.title',
      'p.category',
      'p.listing_state',
      'p.listed',
      'p.updated_at',
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
    .where((eb) => (visible.length ? eb('p.umkm_id', 'in', visible) : none))
    .orderBy('p.created_at', 'desc')
    .limit(500)
    .execute();
  return withUmkmNames(db, rows);
}

/** One product the actor may see, with `canEdit` when it belongs to one of the actor's own UMKM. */
export async function productForActor(db: Db, actor: Actor, productId: string) {
  const umkm = sellerUmkmIds(actor);
  const visible = await visibleUmkmIds(db, actor);
  const row = await db
    .selectFrom('products as p')
    .selectAll('p')
    .where('p.id', '=', productId)
    .where((eb) => (visible.length ? eb('p.umkm_id', 'in', visible) : none))
    .executeTakeFirst();
  if (!row) return null;
  const [p] = await withUmkmNames(db, [row]);
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
  const facts = await umkmFactsByIds(db, ids);
  return [...facts.values()]
    .map((u) => ({ id: u.id, name: u.name, village_code: u.village_code }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function skuTaken(db: Tx, sku: string): Promise<boolean> {
  return !!(await db.selectFrom('variants').select('id').where('sku', '=', sku).executeTakeFirst());
}
