// Cross-domain reads of the storefront (catalog products/variants/stock, community UMKM and
// service points, regions). Read-only by rule: writes go through each domain's services.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';

export interface CartItem {
  variant_id: string;
  qty: number;
  label: string;
  price: number;
  weight_grams: number;
  product_id: string;
  title: string;
  listed: number;
  umkm_id: string;
  umkm_name: string;
  umkm_village: string;
  available: number;
}

export async function cartItems(db: Tx, cartId: string): Promise<CartItem[]> {
  return db
    .selectFrom('cart_lines as cl')
    .innerJoin('variants as v', 'v.id', 'cl.variant_id')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .leftJoin('stock as s', 's.variant_id', 'v.id')
    .select([
      'cl.variant_id',
      'cl.qty',
      'v.label',
      'v.price',
      'v.weight_grams',
      'p.id as product_id',
      'p.title',
      'p.listed',
      'p.umkm_id',
      'u.name as umkm_name',
      'u.village_code as umkm_village',
    ])
    .select(sql<number>`coalesce(s.available, 0)`.as('available'))
    .where('cl.cart_id', '=', cartId)
    .orderBy('cl.added_at')
    .orderBy('cl.variant_id')
    .execute();
}

export async function variantForCart(db: Tx, variantId: string) {
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .leftJoin('stock as s', 's.variant_id', 'v.id')
    .select(['v.id', 'v.active', 'p.title', 'p.listed'])
    .select(sql<number>`coalesce(s.available, 0)`.as('available'))
    .where('v.id', '=', variantId)
    .executeTakeFirst();
}

export interface Area {
  code: string;
  name: string;
  level: number;
}

export async function childAreas(db: Tx, parent: string | null): Promise<Area[]> {
  let q = db.selectFrom('regions').select(['code', 'name', 'level']);
  q = parent === null ? q.where('level', '=', 1) : q.where('parent_code', '=', parent);
  return q.orderBy('name').execute();
}

export async function areaChain(db: Tx, code: string): Promise<Area[]> {
  const parts = code.split('.');
  const codes = parts.map((_, i) => parts.slice(0, i + 1).join('.'));
  const rows = await db
    .selectFrom('regions')
    .select(['code', 'name', 'level'])
    .where('code', 'in', codes)
    .execute();
  return rows.sort((a, b) => a.level - b.level);
}

export async function servicePointsIn(db: Tx, prefix: string) {
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'opening_hours'])
    .where((eb) =>
      eb.or([eb('village_code', '=', prefix), eb('village_code', 'like', `${prefix}.%`)]),
    )
    .orderBy('name')
    .limit(200)
    .execute();
}

export async function servicePoint(db: Tx, id: string) {
  return db
    .selectFrom('service_points as sp')
    .leftJoin('regions as r', 'r.code', 'sp.village_code')
    .select(['sp.id', 'sp.name', 'sp.village_code', 'sp.opening_hours', 'r.name as village_name'])
    .where('sp.id', '=', id)
    .executeTakeFirst();
}

/** Villages with listed products, most products first (home page "featured villages"). */
export async function featuredVillages(db: Tx, limit = 6) {
  return db
    .selectFrom('products as p')
    .innerJoin('regions as r', 'r.code', 'p.village_code')
    .select(['p.village_code as code', 'r.name'])
    .select((eb) => eb.fn.countAll<number>().as('products'))
    .where('p.listed', '=', 1)
    .groupBy(['p.village_code', 'r.name'])
    .orderBy('products', 'desc')
    .orderBy('p.village_code')
    .limit(limit)
    .execute();
}

/** Market-ready products with their lowest price, newest first. */
export async function listedProducts(db: Tx, o: { villageCode?: string; limit?: number } = {}) {
  let q = db
    .selectFrom('products as p')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .innerJoin('variants as v', 'v.product_id', 'p.id')
    .select(['p.id', 'p.title', 'p.village_code', 'u.name as umkm_name'])
    .select((eb) => [
      eb.fn.min('v.price').as('price'),
      eb.fn.min('v.id').as('variant_id'),
      eb.fn.countAll<number>().as('variants'),
    ])
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1);
  if (o.villageCode) q = q.where('p.village_code', '=', o.villageCode);
  return q
    .groupBy(['p.id', 'p.title', 'p.village_code', 'u.name', 'p.created_at'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(o.limit ?? 12)
    .execute();
}

export async function villagePage(db: Tx, code: string) {
  const [chain, organisations, producers, points] = await Promise.all([
    areaChain(db, code),
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'kind'])
      .where('village_code', '=', code)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('umkm')
      .select(['id', 'name', 'business_type', 'story', 'whatsapp'])
      .where('village_code', '=', code)
      .orderBy('name')
      .limit(100)
      .execute(),
    db
      .selectFrom('service_points')
      .select(['id', 'name', 'opening_hours'])
      .where('village_code', '=', code)
      .orderBy('name')
      .execute(),
  ]);
  return { chain, organisations, producers, points };
}

export async function umkmNames(db: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.selectFrom('umkm').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
