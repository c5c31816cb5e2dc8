// Read-only lookups other domains use to place their records: which village an organisation
// or a service point sits in and which organisation runs the point. No personal data.
import type { Tx } from '../../kernel/db/index.js';

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
