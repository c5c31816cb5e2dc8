// Sets of UMKM that other domains describe by subqueries of their own rows (partners: the UMKM
// a partner has a current partnership with, directly or through their organisation; the UMKM
// with a listed product). Built here so the UMKM table stays community's, and returned as
// subqueries so a caller's page stays one statement however large the set.
import type { SelectQueryBuilder } from 'kysely';
import type { Database, Tx } from '../../kernel/db/index.js';
import type { UmkmFacts, UmkmIdQuery } from './umkm.queries.js';
import './community.tables.js';

/** A subquery of organisation ids another domain builds (a partner's partnered organisations). */
export type OrganisationIdQuery = SelectQueryBuilder<
  Database,
  keyof Database,
  { organisation_id: string | null }
>;

/** A subquery of UMKM ids that may hold nulls (a column that names a UMKM or nothing). */
export type MaybeUmkmIdQuery = SelectQueryBuilder<
  Database,
  keyof Database,
  { umkm_id: string | null }
>;

/** The UMKM among `ids` or run by one of `organisationIds`, as a subquery of their ids. */
export function umkmByIdOrOrganisation(
  db: Tx,
  ids: MaybeUmkmIdQuery,
  organisationIds: OrganisationIdQuery,
): UmkmIdQuery {
  return db
    .selectFrom('umkm')
    .select('umkm.id as umkm_id')
    .where((eb) =>
      eb.or([eb('umkm.id', 'in', ids), eb('umkm.organisation_id', 'in', organisationIds)]),
    );
}

/** Facts of the UMKM in a subquery of ids, by name, at most `limit` (an offer's candidates). */
export async function umkmFactsAmong(
  db: Tx,
  ids: UmkmIdQuery,
  limit: number,
): Promise<UmkmFacts[]> {
  return db
    .selectFrom('umkm')
    .select(['id', 'name', 'village_code', 'organisation_id', 'owner_name'])
    .where('id', 'in', ids)
    .orderBy('name')
    .limit(limit)
    .execute();
}

/** Every UMKM's id and name as a derived table another domain joins (`.innerJoin(umkmNames(db).as('u'), 'u.id', …)`). */
export function umkmNames(db: Tx) {
  return db.selectFrom('umkm').select(['umkm.id', 'umkm.name']);
}
