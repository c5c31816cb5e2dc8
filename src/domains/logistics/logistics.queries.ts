// Reads of other domains' tables that logistics needs (service points from community,
// village centres and names from regions). Read-only: writes stay with their owners.
import type { Tx } from '../../kernel/db/index.js';
import '../community/index.js';
import '../regions/index.js';

export interface PointRow {
  id: string;
  village_code: string;
  name: string;
  lat: number | null;
  lng: number | null;
}

export async function servicePoint(db: Tx, id: string): Promise<PointRow | undefined> {
  return db
    .selectFrom('service_points')
    .select(['id', 'village_code', 'name', 'lat', 'lng'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function servicePoints(db: Tx, ids: string[]): Promise<Map<string, PointRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('service_points')
    .select(['id', 'village_code', 'name', 'lat', 'lng'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Service points of a region prefix (e.g. a regency), with their hub when assigned. */
export async function pointsInRegion(db: Tx, prefix: string) {
  return db
    .selectFrom('service_points as sp')
    .leftJoin('hub_points as hp', 'hp.service_point_id', 'sp.id')
    .select(['sp.id', 'sp.village_code', 'sp.name', 'sp.lat', 'sp.lng', 'hp.hub_id'])
    .where((eb) =>
      eb.or([eb('sp.village_code', '=', prefix), eb('sp.village_code', 'like', `${prefix}.%`)]),
    )
    .orderBy('sp.village_code')
    .orderBy('sp.id')
    .execute();
}

/** The service point that serves a village: one assigned to a hub, the oldest first. */
export async function pointForVillage(db: Tx, villageCode: string): Promise<string | undefined> {
  const r = await db
    .selectFrom('service_points as sp')
    .innerJoin('hub_points as hp', 'hp.service_point_id', 'sp.id')
    .select('sp.id')
    .where('sp.village_code', '=', villageCode)
    .orderBy('sp.created_at')
    .orderBy('sp.id')
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}

export async function regionName(db: Tx, code: string): Promise<string | undefined> {
  return (await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst())
    ?.name;
}

export async function regionLevel(db: Tx, code: string): Promise<number | undefined> {
  return (
    await db.selectFrom('regions').select('level').where('code', '=', code).executeTakeFirst()
  )?.level;
}

/** Village centres (regions' village_profiles) inside a prefix, where coordinates exist. */
export async function villageCentres(db: Tx, prefix: string) {
  return db
    .selectFrom('regions as r')
    .leftJoin('village_profiles as vp', 'vp.village_code', 'r.code')
    .select(['r.code', 'vp.lat', 'vp.lng'])
    .where('r.level', '=', 4)
    .where((eb) => eb.or([eb('r.code', '=', prefix), eb('r.code', 'like', `${prefix}.%`)]))
    .execute();
}

/** Areas one level below `parent` (provinces for null), for the step-by-step pickers. */
export async function areaOptions(
  db: Tx,
  parent: string | null,
): Promise<{ code: string; name: string }[]> {
  const q = db.selectFrom('regions').select(['code', 'name']);
  return (parent === null ? q.where('level', '=', 1) : q.where('parent_code', '=', parent))
    .orderBy('code')
    .execute();
}

/** Kabupaten hubs of a regency (the possible parents of a kecamatan hub there). */
export async function kabupatenHubs(db: Tx, regencyCode: string) {
  return db
    .selectFrom('hubs')
    .select(['id', 'name'])
    .where('tier', '=', 'kabupaten')
    .where('region_code', '=', regencyCode)
    .orderBy('name')
    .execute();
}
