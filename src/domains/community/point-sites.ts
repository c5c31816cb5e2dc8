// Where service points stand: name, village and coordinates. Logistics builds its parcel network
// over them (paths, routes, quotes, coverage) without reading this domain's tables itself; where
// it needs only some points (those assigned to a hub, or not), it passes its own subquery of
// point ids, so the read stays one statement.
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Tx } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import './community.tables.js';

export interface ServicePointSite {
  id: string;
  name: string;
  village_code: string;
  lat: number | null;
  lng: number | null;
}

/** A subquery of service point ids another domain builds (e.g. the points assigned to a hub). */
export type ServicePointIdQuery = SelectQueryBuilder<
  Database,
  keyof Database,
  { service_point_id: string }
>;

const SITE = ['id', 'name', 'village_code', 'lat', 'lng'] as const;

/** Service points by id, or those of the caller's subquery, by name (unknown ids left out). */
export async function servicePointSites(
  db: Tx,
  ids: readonly string[] | ServicePointIdQuery,
): Promise<ServicePointSite[]> {
  if (Array.isArray(ids) && !ids.length) return [];
  return db
    .selectFrom('service_points')
    .select(SITE)
    .where('id', 'in', Array.isArray(ids) ? [...ids] : (ids as ServicePointIdQuery))
    .orderBy('name')
    .execute();
}

/**
 * Service points inside a region prefix, by name; `notIn` leaves out the points of the caller's
 * subquery (a hub's unassigned points), `limit` caps a page's list.
 */
export async function servicePointSitesIn(
  db: Tx,
  prefix: string,
  opts: { notIn?: ServicePointIdQuery; limit?: number } = {},
): Promise<ServicePointSite[]> {
  let q = db
    .selectFrom('service_points')
    .select(SITE)
    .where((eb) => regionWhere(eb, 'service_points.village_code', [prefix]));
  if (opts.notIn) q = q.where('service_points.id', 'not in', opts.notIn);
  q = q.orderBy('name');
  if (opts.limit !== undefined) q = q.limit(opts.limit);
  return q.execute();
}

/** The oldest of a village's service points among the caller's subquery of ids, if any. */
export async function firstServicePointOfVillage(
  db: Tx,
  villageCode: string,
  among: ServicePointIdQuery,
): Promise<string | undefined> {
  const r = await db
    .selectFrom('service_points')
    .select('id')
    .where('village_code', '=', villageCode)
    .where('id', 'in', among)
    .orderBy('created_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r?.id;
}
