// What logistics needs of other domains' records (service points from community, areas from
// regions), read through the functions those domains export, and its own hub lists.
import type { Tx } from '../../kernel/db/index.js';
import {
  firstServicePointOfVillage,
  servicePointSites,
  type ServicePointSite,
} from '../community/index.js';
import { childrenOf, findArea } from '../regions/index.js';

export type PointRow = ServicePointSite;

export async function servicePoint(db: Tx, id: string): Promise<PointRow | undefined> {
  return (await servicePointSites(db, [id]))[0];
}

export async function servicePoints(db: Tx, ids: string[]): Promise<Map<string, PointRow>> {
  return new Map((await servicePointSites(db, ids)).map((r) => [r.id, r]));
}

/** The ids of the service points assigned to a hub (community filters its points by them). */
export function assignedPointIds(db: Tx) {
  return db.selectFrom('hub_points').select('hub_points.service_point_id');
}

/** The service point that serves a village: one assigned to a hub, the oldest first. */
export async function pointForVillage(db: Tx, villageCode: string): Promise<string | undefined> {
  return firstServicePointOfVillage(db, villageCode, assignedPointIds(db));
}

export async function regionLevel(db: Tx, code: string): Promise<number | undefined> {
  return (await findArea(db, code))?.level;
}

/** Areas one level below `parent` (provinces for null), for the step-by-step pickers. */
export async function areaOptions(
  db: Tx,
  parent: string | null,
): Promise<{ code: string; name: string }[]> {
  return (await childrenOf(db, parent)).map((a) => ({ code: a.code, name: a.name }));
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
