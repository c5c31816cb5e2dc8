// Community: organisations (BUMDes, koperasi, kelompok), UMKM with certifications, people
// with consent, and village service points.
import { registerScopeResolver } from '../../kernel/auth/index.js';
import './community.tables.js';
import './messages.js';
import { registerCommunityUi } from './panels.js';

export { communityMigrations } from './migrations/index.js';
export type { UmkmTable, OrganisationsTable, ServicePointsTable, CertificationsTable, PeopleTable, CertificationKind, OrganisationKind } from './community.tables.js';

// Grants on an organisation, service point or UMKM are scoped to that record's village; a point
// or UMKM also names the organisation running it (only that organisation's managers grant on it).
registerScopeResolver('organisation', async (db, id) => (await db.selectFrom('organisations').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code);
registerScopeResolver('service_point', async (db, id) => (await db.selectFrom('service_points').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code,
  async (db, id) => (await db.selectFrom('service_points').select('organisation_id').where('id', '=', id).executeTakeFirst())?.organisation_id ?? null);
registerScopeResolver('umkm', async (db, id) => (await db.selectFrom('umkm').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code,
  async (db, id) => (await db.selectFrom('umkm').select('organisation_id').where('id', '=', id).executeTakeFirst())?.organisation_id ?? null);
registerCommunityUi();
export { communityRoutes } from './community.routes.js';

/** Expiry state of a certification on a day: valid / expiring_60 / expiring_14 / expired (computed, no job). */
export { certificationState, daysToExpiry, validCertifications, certificationsOf, certificationAlerts, onCertificationChanged, addCertification, ALERT_DAYS } from './certifications.js';
export type { CertificationState, CertificationView, CertificationChange, CertificationListener } from './certifications.js';
/** Service points inside a region prefix, with parsed services and coordinates (logistics, orders). */
export { servicePointsIn, createServicePoint, addAgent, type ServicePointView, type Service } from './service-points.service.js';
/** Fast UMKM registration with consent and a seller login; scoped UMKM list. */
export { registerUmkm, updateUmkm, listUmkm, linkOwner } from './umkm.service.js';
/** Organisations and their members. */
export { createOrganisation, listOrganisations } from './organisations.service.js';
/** People with consent: add, export (JSON), erase (identity nulled, aggregates kept). */
export { addPerson, exportPerson, erasePerson, householdTotals } from './people.service.js';
/** Which community records an actor reaches (for other domains' scoped queries). */
export { reachOf, umkmVisible, type Reach } from './scope.js';
export { CERTIFICATION_KINDS, ORGANISATION_KINDS, BUSINESS_TYPES, SERVICES, CONSENT_VERSION } from './community.schema.js';
