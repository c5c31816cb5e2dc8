// Regions: Indonesia's official areas (Kemendagri codes from idn-area-data), village profiles
// and Desa Digital readiness, targeting and the rollout registry.
import { registerScopeResolver } from '../../kernel/auth/index.js';
import './regions.tables.js';

export { regionsMigrations } from './migrations/index.js';
/** Upserts official areas from idn-area-data (all, or only some region prefixes). */
export { importRegions, normaliseName, villageKind, type ImportResult } from './region-import.js';
export type { RegionsTable, VillageProfilesTable, RolloutsTable } from './regions.tables.js';

// A region-scoped grant names a region code; it must exist.
registerScopeResolver('region', async (db, code) => {
  const r = await db.selectFrom('regions').select('code').where('code', '=', code).executeTakeFirst();
  return r ? r.code : undefined;
});
export { regionsRoutes } from './regions.routes.js';
