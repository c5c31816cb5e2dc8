// Variants on offer as other domains read them: a partner's product feed (live price, stock and
// first photo of the variants of a set of sellers) and collective trade's product pickers.
// Only the catalog names its tables; the sellers come in as community's subquery of UMKM ids,
// so a feed page stays one statement however many UMKM a partner reaches.
import type { Tx } from '../../kernel/db/index.js';
import { umkmNames, type UmkmIdQuery } from '../community/index.js';
import './catalog.tables.js';
import { variantRows } from './variant-rows.js';

export interface VariantOffer {
  id: string;
  productId: string;
  umkmId: string;
  villageCode: string;
  title: string;
  label: string;
  description: string;
  category: string;
  sku: string;
  price: number;
  weightGrams: number;
  /** Units available over every stock location. */
  stock: number;
  listed: boolean;
  active: boolean;
  /** The later of the product's and its stock's last change. */
  updatedAt: string;
  /** The first photo's file stem (`photoUrl(stem, width)`), or null. */
  photoStem: string | null;
}

/**
 * A page (`limit` rows from `offset`, by variant id) of the variants of `sellers`' products. Without
 * `changedSince` only what can be bought now (listed, active, in stock); with it, everything whose
 * product, stock or variant changed after that time, so a partner also learns what dropped out.
 */
export async function variantOffers(
  db: Tx,
  sellers: UmkmIdQuery,
  o: { changedSince?: string; limit: number; offset: number },
): Promise<VariantOffer[]> {
  let q = variantRows(db)
    .select([
      'v.id',
      'v.product_id',
      'v.label',
      'v.sku',
      'v.price',
      'v.weight_grams',
      'v.active',
      'p.umkm_id',
      'p.village_code',
      'p.title',
      'p.description',
      'p.category',
      'p.listed',
      'p.updated_at as product_at',
      's.available',
      's.stock_at',
      'ph.stem',
    ])
    .where('p.umkm_id', 'in', sellers);
  if (o.changedSince) {
    const since = o.changedSince;
    q = q.where((eb) =>
      eb.or([
        eb('p.updated_at', '>', since),
        eb('s.stock_at', '>', since),
        eb('v.created_at', '>', since),
      ]),
    );
  } else {
    q = q.where('p.listed', '=', 1).where('v.active', '=', 1).where('s.available', '>', 0);
  }
  const rows = await q.orderBy('v.id').limit(o.limit).offset(o.offset).execute();
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    umkmId: r.umkm_id,
    villageCode: r.village_code,
    title: r.title,
    label: r.label,
    description: r.description,
    category: r.category,
    sku: r.sku,
    price: Number(r.price),
    weightGrams: Number(r.weight_grams),
    stock: Number(r.available ?? 0),
    listed: r.listed === 1,
    active: r.active === 1,
    updatedAt: [r.product_at, r.stock_at]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1)!,
    photoStem: r.stem ?? null,
  }));
}

/** Which of these variants are active, listed and of one of `sellers` (a partner orders only those). */
export async function offeredVariantIds(
  db: Tx,
  variantIds: string[],
  sellers: UmkmIdQuery,
): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select('v.id')
    .where('v.id', 'in', variantIds)
    .where('v.active', '=', 1)
    .where('p.listed', '=', 1)
    .where('p.umkm_id', 'in', sellers)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** A variant with its product, producer and listing state, as collective trade offers it. */
export interface OfferedVariant {
  variant_id: string;
  product_id: string;
  umkm_id: string;
  umkm_name: string;
  title: string;
  label: string;
  price: number;
  listed: number;
  active: number;
}

const offered = (db: Tx) =>
  db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin(umkmNames(db).as('u'), 'u.id', 'p.umkm_id')
    .select([
      'v.id as variant_id',
      'p.id as product_id',
      'u.id as umkm_id',
      'u.name as umkm_name',
      'p.title',
      'v.label',
      'v.price',
      'p.listed',
      'v.active',
    ]);

/** Variants by id with their product, producer and listing state (any listing state). */
export async function offeredVariantsByIds(db: Tx, ids: string[]): Promise<OfferedVariant[]> {
  if (!ids.length) return [];
  return offered(db).where('v.id', 'in', ids).execute();
}

/** Listed, active variants of a region prefix by producer and title, at most `limit` (a picker). */
export async function listedVariantsIn(
  db: Tx,
  regionPrefix: string,
  limit: number,
): Promise<OfferedVariant[]> {
  return offered(db)
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1)
    .where((eb) =>
      eb.or([
        eb('p.village_code', '=', regionPrefix),
        eb('p.village_code', 'like', `${regionPrefix}.%`),
      ]),
    )
    .orderBy('u.name')
    .orderBy('p.title')
    .limit(limit)
    .execute();
}
