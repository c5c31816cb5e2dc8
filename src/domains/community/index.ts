// Community: organisations (BUMDes, koperasi, kelompok), UMKM with certifications, people
// with consent, and village service points.
import { defineDomain } from '../../kernel/domain/index.js';
import type { Tx } from '../../kernel/db/index.js';
import './community.tables.js';
import { communityErrors, communityMessages } from './messages.js';
import { communityHomePanels, communityNav } from './panels.js';
import { communityMigrations } from './migrations/index.js';
import { communityRoutes } from './community.routes.js';
import { certificationChanged } from './certifications.js';
import { communityAuditScopes } from './audit-scopes.js';

export { communityMigrations } from './migrations/index.js';
export type { CertificationKind, OrganisationKind } from './community.tables.js';

/** What community adds to the app: organisations, UMKM with consent, people, service points. */
/** Bulk UMKM rows for the synthetic national world (`lumbung demo national`). */
export { insertSyntheticUmkm, type SyntheticUmkm } from './national-seed.js';

export const communityDomain = defineDomain({
  name: 'community',
  migrations: communityMigrations,
  routes: communityRoutes,
  messages: [communityMessages],
  errors: communityErrors,
  nav: communityNav,
  homePanels: communityHomePanels,
  // Grants on an organisation, service point or UMKM are scoped to that record's village.
  scopes: {
    organisation: async (db, id) =>
      (
        await db
          .selectFrom('organisations')
          .select('village_code')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.village_code,
    service_point: async (db, id) =>
      (
        await db
          .selectFrom('service_points')
          .select('village_code')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.village_code,
    umkm: async (db, id) =>
      (await db.selectFrom('umkm').select('village_code').where('id', '=', id).executeTakeFirst())
        ?.village_code,
  },
  // A point or UMKM also names the organisation running it (only that organisation's managers grant on it).
  scopeOwners: {
    service_point: async (db, id) =>
      (
        await db
          .selectFrom('service_points')
          .select('organisation_id')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.organisation_id ?? null,
    umkm: async (db, id) =>
      (
        await db
          .selectFrom('umkm')
          .select('organisation_id')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.organisation_id ?? null,
  },
  scopeLabels: {
    organisation: (db, ids) => namesOf(db, 'organisations', ids),
    service_point: (db, ids) => namesOf(db, 'service_points', ids),
    umkm: (db, ids) => namesOf(db, 'umkm', ids),
  },
  // Audit rows about UMKM, organisations, service points and people lie in their village.
  auditScopes: communityAuditScopes,
  publishes: { certificationChanged },
});

async function namesOf(
  db: Tx,
  table: 'organisations' | 'service_points' | 'umkm',
  ids: string[],
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom(table as 'umkm')
    .select(['id', 'name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
export { communityRoutes } from './community.routes.js';
/** UMKM facts other domains read. */
export {
  umkmFactsByIds,
  umkmOfOrganisations,
  managedUmkm,
  managedUmkmIds,
  umkmInRegion,
  firstProductCertifiedOn,
  umkmCounts,
  umkmCountBy,
  type UmkmIdQuery,
  type UmkmFacts,
  type UmkmManagement,
} from './umkm.queries.js';

/** Expiry state of a certification on a day: valid / expiring_60 / expiring_14 / expired (computed, no job). */
export {
  certificationState,
  daysToExpiry,
  validCertifications,
  certificationsOf,
  certificationAlerts,
  certificationChanged,
  addCertification,
  ALERT_DAYS,
  certificationsExpiringBetween,
  type ExpiringCertification,
} from './certifications.js';
export type {
  CertificationState,
  CertificationView,
  CertificationChange,
} from './certifications.js';
/** Service points inside a region prefix, with parsed services and coordinates (logistics, orders). */
export {
  servicePointsIn,
  createServicePoint,
  addAgent,
  type ServicePointView,
  type Service,
} from './service-points.service.js';
/** Fast UMKM registration with consent and a seller login; scoped UMKM list. */
export { registerUmkm, updateUmkm, listUmkm, linkOwner } from './umkm.service.js';
/** UMKM an organisation pays out to, with their bank accounts (settlement ledger payouts). */
export { payeesOfOrganisations, organisationOfUmkm, type Payee } from './payees.js';
/** Organisations and their members. */
export { createOrganisation, listOrganisations } from './organisations.service.js';
/** People with consent: add, export (JSON), erase (identity nulled, aggregates kept). */
export { addPerson, exportPerson, erasePerson, householdTotals } from './people.service.js';
/** Which community records an actor reaches (for other domains' scoped queries). */
export { reachOf, umkmVisible, type Reach } from './scope.js';
export {
  CERTIFICATION_KINDS,
  ORGANISATION_KINDS,
  BUSINESS_TYPES,
  SERVICES,
  CONSENT_VERSION,
} from './community.schema.js';
/** Where an organisation or service point sits and who runs the point (other domains place their records by it). */
export {
  organisationPlace,
  organisationPlaces,
  organisationChoices,
  servicePointPlaces,
  servicePointsOfVillage,
  type OrganisationPlace,
  type ServicePointPlace,
} from './places.js';
/** Records a consent (purpose, text version, time, who recorded it) in a caller's transaction (UU PDP). */
export { recordConsent } from './community.queries.js';
/** Where service points stand (name, village, coordinates), for logistics' parcel network. */
export {
  servicePointSites,
  servicePointSitesIn,
  firstServicePointOfVillage,
  type ServicePointSite,
  type ServicePointIdQuery,
} from './point-sites.js';
/** Orders' reads: UMKM and point names as subqueries of its statements, pickup points, village pages. */
export {
  pickupPoint,
  pickupPointsIn,
  servicePointNameOf,
  servicePointVillagesQuery,
  type PickupPoint,
} from './places.js';
export { villageCommunity } from './community.queries.js';
/** UMKM sets other domains describe by subqueries (partners' partnered UMKM and offer candidates), and a page of pickup points (issue 20). */
export {
  umkmByIdOrOrganisation,
  umkmFactsAmong,
  umkmNames,
  type OrganisationIdQuery,
  type MaybeUmkmIdQuery,
} from './umkm-sets.queries.js';
export { servicePointPage } from './service-points.service.js';
/** UMKM and organisation columns as scalar subqueries, and the halal-certified UMKM as a subquery (catalog's product page, search cards and documents). */
export {
  umkmColumn,
  umkmOrganisationColumn,
  type UmkmShown,
  type OrganisationShown,
} from './umkm.queries.js';
export { validHalalUmkmIds } from './certifications.js';
