// Community: organisations (BUMDes, koperasi, kelompok), UMKM with certifications, people
// with consent, and village service points.
import { registerScopeResolver } from '../../kernel/auth/index.js';
import './community.tables.js';

export { communityMigrations } from './migrations/index.js';
export type { UmkmTable, OrganisationsTable, ServicePointsTable, CertificationsTable, PeopleTable, CertificationKind, OrganisationKind } from './community.tables.js';

// Grants on an organisation, service point or UMKM are scoped to that record's village.
registerScopeResolver('organisation', async (db, id) => (await db.selectFrom('organisations').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code);
registerScopeResolver('service_point', async (db, id) => (await db.selectFrom('service_points').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code);
registerScopeResolver('umkm', async (db, id) => (await db.selectFrom('umkm').select('village_code').where('id', '=', id).executeTakeFirst())?.village_code);
export { communityRoutes } from './community.routes.js';
