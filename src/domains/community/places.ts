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
