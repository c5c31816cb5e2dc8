// Read-only lookups of other domains' rows the collective domain needs (products offered in a
// cycle or group buy, the points and organisations they name). Writes to those tables never
// happen here: orders go through orders' placeOrder, stock through catalog's reservations.
import type { Tx } from '../../kernel/db/index.js';

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

/** Variants with their product, producer and listing state (any listing state). */
export async function variantsByIds(db: Tx, ids: string[]): Promise<OfferedVariant[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
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
    ])
    .where('v.id', 'in', ids)
    .execute();
}

/** Listed, active variants of a region prefix (the coordinator's product picker). */
export async function listedVariantsIn(db: Tx, regionPrefix: string): Promise<OfferedVariant[]> {
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
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
    ])
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
    .limit(300)
    .execute();
}

export interface PointInfo {
  id: string;
  name: string;
  village_code: string;
  organisation_id: string | null;
}

export async function pointsByIds(db: Tx, ids: string[]): Promise<PointInfo[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'organisation_id'])
    .where('id', 'in', ids)
    .execute();
}

/** Service points of a region prefix (the coordinator's pickup point picker). */
export async function pointsIn(db: Tx, regionPrefix: string): Promise<PointInfo[]> {
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'organisation_id'])
    .where((eb) =>
      eb.or([
        eb('village_code', '=', regionPrefix),
        eb('village_code', 'like', `${regionPrefix}.%`),
      ]),
    )
    .orderBy('name')
    .limit(200)
    .execute();
}

export async function organisationOf(db: Tx, id: string) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'village_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Every organisation's id (a national admin's view), at most 500. */
export async function organisationIds(db: Tx): Promise<string[]> {
  const rows = await db.selectFrom('organisations').select('id').orderBy('id').limit(500).execute();
  return rows.map((r) => r.id);
}

export async function villageName(db: Tx, code: string): Promise<string> {
  const r = await db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  return r?.name ?? '';
}
