// Who sees which community records, as SQL. Three kinds of reach combine with OR:
// - regions: national admins (all), regional officers (their province/regency), village
//   agents (their point's village — the grant's region code);
// - organisations: community managers see their organisation's records;
// - UMKM: sellers see their own UMKM.
// Every list and detail query adds one of these filters, so nothing outside the scope is loaded.
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import {
  canInRegion,
  hasRole,
  idWhere,
  regionScope,
  regionWhere,
  scopeIds,
  type Actor,
} from '../../kernel/auth/index.js';
import type { Database } from '../../kernel/db/index.js';

export interface Reach {
  regions: 'all' | string[];
  orgIds: string[];
  umkmIds: string[];
  pointIds: string[];
}

export function reachOf(actor: Actor | null): Reach {
  return {
    regions: regionScope(actor, ['national_admin', 'regional_officer', 'village_agent']),
    orgIds: scopeIds(actor, 'organisation', ['community_manager']),
    umkmIds: scopeIds(actor, 'umkm', ['seller']),
    pointIds: scopeIds(actor, 'service_point', ['village_agent']),
  };
}

export function reachesAnything(r: Reach): boolean {
  return r.regions === 'all' || r.regions.length > 0 || r.orgIds.length > 0 || r.umkmIds.length > 0;
}

type EB<T extends keyof Database> = ExpressionBuilder<Database, T>;
const none = sql<SqlBool>`1 = 0`;

export const umkmVisible = (eb: EB<'umkm'>, r: Reach): Expression<SqlBool> =>
  eb.or([
    regionWhere(eb, 'umkm.village_code', r.regions),
    idWhere(eb, 'umkm.organisation_id', r.orgIds),
    idWhere(eb, 'umkm.id', r.umkmIds),
  ]);

export const organisationVisible = (eb: EB<'organisations'>, r: Reach): Expression<SqlBool> =>
  eb.or([
    regionWhere(eb, 'organisations.village_code', r.regions),
    idWhere(eb, 'organisations.id', r.orgIds),
  ]);

export const pointVisible = (eb: EB<'service_points'>, r: Reach): Expression<SqlBool> =>
  eb.or([
    regionWhere(eb, 'service_points.village_code', r.regions),
    idWhere(eb, 'service_points.organisation_id', r.orgIds),
    idWhere(eb, 'service_points.id', r.pointIds),
  ]);

/** People of visible organisations or UMKM (a seller does not see other people). */
export const personVisible = (eb: EB<'people'>, r: Reach): Expression<SqlBool> =>
  eb.or([
    regionWhere(eb, 'people.village_code', r.regions),
    idWhere(eb, 'people.organisation_id', r.orgIds),
    r.orgIds.length
      ? eb(
          'people.umkm_id',
          'in',
          eb.selectFrom('umkm').select('umkm.id').where('umkm.organisation_id', 'in', r.orgIds),
        )
      : none,
  ]);

/** May the actor create or change records of an organisation (its village, its id)? */
export function canManageOrganisation(
  actor: Actor,
  org: { id: string; village_code: string },
): boolean {
  return (
    canInRegion(actor, ['national_admin', 'regional_officer'], org.village_code) ||
    scopeIds(actor, 'organisation', ['community_manager']).includes(org.id)
  );
}

/** May the actor change an UMKM: staff of its region or organisation, an agent of its village, the seller itself. */
export function canManageUmkm(
  actor: Actor,
  u: { id: string; village_code: string; organisation_id: string | null },
): boolean {
  return (
    canInRegion(actor, ['national_admin', 'regional_officer', 'village_agent'], u.village_code) ||
    (u.organisation_id !== null &&
      scopeIds(actor, 'organisation', ['community_manager']).includes(u.organisation_id)) ||
    scopeIds(actor, 'umkm', ['seller']).includes(u.id)
  );
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, 'national_admin', 'regional_officer', 'community_manager', 'village_agent');
}

/**
 * May the actor see an UMKM's settlement bank account? Only the UMKM's own people (its seller
 * grant) and the community managers of the organisation that runs it, who pay it out
 * (`/bumdes/pembayaran`); every other reader, national and regional staff included, sees the
 * UMKM without it, so an account number cannot be collected across a region.
 */
export function canSeeBankAccount(
  actor: Actor,
  u: { id: string; organisation_id: string | null },
): boolean {
  return (
    scopeIds(actor, 'umkm', ['seller']).includes(u.id) ||
    (u.organisation_id !== null &&
      scopeIds(actor, 'organisation', ['community_manager']).includes(u.organisation_id))
  );
}
