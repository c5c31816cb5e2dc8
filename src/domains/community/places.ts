// Read-only lookups other domains use to place their records: which village an organisation
// or a service point sits in and which organisation runs the point. No personal data.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { areaNameOf } from '../regions/index.js';

export interface OrganisationPlace {
  id: string;
  name: string;
  kind: string;
  village_code: string;
}

export interface ServicePointPlace {
  id: string;
  name: string;
  village_code: string;
  organisation_id: string | null;
}

/** An organisation's name, kind and village, or undefined. */
export async function organisationPlace(
  db: Tx,
  id: string,
): Promise<OrganisationPlace | undefined> {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'village_code'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Organisations by id (for lists naming several). */
export async function organisationPlaces(
  db: Tx,
  ids: readonly string[],
): Promise<Map<string, OrganisationPlace>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'village_code'])
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Service points by id with their village and running organisation. */
export async function servicePointPlaces(
  db: Tx,
  ids: readonly string[],
): Promise<ServicePointPlace[]> {
  if (!ids.length) return [];
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'organisation_id'])
    .where('id', 'in', [...ids])
    .execute();
}

/** The service points of one village (its village page's pickup places). */
export async function servicePointsOfVillage(
  db: Tx,
  villageCode: string,
): Promise<ServicePointPlace[]> {
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'organisation_id'])
    .where('village_code', '=', villageCode)
    .execute();
}

/** Organisations to choose from, by name: the given ones, or the first `limit` of all. */
export async function organisationChoices(
  db: Tx,
  ids: readonly string[] | 'all',
  limit = 200,
): Promise<OrganisationPlace[]> {
  if (ids !== 'all' && !ids.length) return [];
  let q = db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'village_code'])
    .orderBy('name')
    .limit(limit);
  if (ids !== 'all') q = q.where('id', 'in', [...ids]);
  return q.execute();
}

/** A pickup point as the storefront and the agent's screens show it. */
export interface PickupPoint {
  id: string;
  name: string;
  village_code: string;
  /** Null when the village is not in the region registry. */
  village_name: string | null;
  opening_hours: string;
  organisation_id: string | null;
  is_demo: number;
}

/**
 * One service point with its village's name and opening hours, or undefined: one statement,
 * as every agent screen reads it.
 */
export async function pickupPoint(db: Tx, id: string): Promise<PickupPoint | undefined> {
  return db
    .selectFrom('service_points')
    .select(['id', 'name', 'village_code', 'opening_hours', 'organisation_id', 'is_demo'])
    .select(areaNameOf('service_points.village_code').as('village_name'))
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The pickup points inside a region prefix, by name (at most 200: the checkout form's list). */
export async function pickupPointsIn(db: Tx, prefix: string) {
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

/**
 * The service point's name as a scalar subquery on a column of the caller's statement
 * (`servicePointNameOf(db, 'o.service_point_id').as('point_name')`), so a list of orders or
 * requests names its points in its own one statement.
 */
export function servicePointNameOf(db: Tx, pointIdColumn: string) {
  return db
    .selectFrom('service_points')
    .select('service_points.name')
    .where('service_points.id', '=', sql.ref<string>(pointIdColumn));
}

/** `id, village_code` of these service points as a subquery (checkout's one batch read embeds it). */
export function servicePointVillagesQuery(db: Tx, ids: readonly string[]) {
  return db
    .selectFrom('service_points')
    .select(['service_points.id', 'service_points.village_code'])
    .where('service_points.id', 'in', [...ids]);
}
