// Regions: Indonesia's official areas (Kemendagri codes from idn-area-data), village profiles
// and Desa Digital readiness, targeting and the rollout registry.
import { defineDomain } from '../../kernel/domain/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { isRegionCode } from './regions.queries.js';
import './regions.tables.js';
import { regionsErrors, regionsMessages } from './messages.js';
import { regionsStaffMessages } from './staff.messages.js';
import { importRegionsAtStartup, regionsCommands } from './cli.js';
import { regionsHomePanel } from './home-panel.js';
import { regionsMigrations } from './migrations/index.js';
import { regionsRoutes } from './regions.routes.js';

export { regionsMigrations } from './migrations/index.js';
/** Upserts official areas from idn-area-data (all, or only some region prefixes). */
export {
  importRegions,
  normaliseName,
  villageKind,
  regionCounts,
  type ImportResult,
} from './region-import.js';
/** The area and its ancestors, province first and the area itself last ([] when unknown). */
export { regionChain } from './regions.queries.js';
/** Case/accent-insensitive word-prefix search over area names; a matching district brings its villages. */
export { searchRegions } from './regions.queries.js';
/** Names of areas by code, for pages that must show a name where they hold a code. */
export { regionNames } from './regions.queries.js';
/** The zone (WIB/WITA/WIT) of any region code, by its province. */
export { timeZoneOf } from './regions.queries.js';
/** One area by code, or null; the shape of a code; the codes of its ancestors. */
export {
  findArea,
  isRegionCode,
  ancestorCodes,
  levelOf,
  type Area,
  type SearchHit,
} from './regions.queries.js';
/** Stored profiles of the given villages: Map<villageCode, profile>. */
export {
  villageProfiles,
  connectivityOfProfiles,
  connectivityBy,
  type VillageProfile,
} from './profiles.service.js';
/** Enrolled villages inside a prefix (all when omitted) → the ISO date they joined (nearest enrolled ancestor-or-self). */
export { villageCohorts } from './rollout.service.js';
/** One area's cohort: { joinedOn, via } or null. */
export { cohortOf } from './rollout.service.js';
/** KBI (west) or KTI (east) for a region code. */
export { groupOf as regionGroupOf } from './readiness.js';
/** The priority score of a profile under given weights, with its parts (pure). */
export { scoreVillage, DEFAULT_WEIGHTS, type Weights, type Score } from './targeting.js';
/** The demo regencies' deterministic rollout plan (the seed records it; impact may read it). */
export { demoRolloutPlan, demoProfile, demoProfilesCsv, DEMO_REGENCY_CODES } from './demo-data.js';
/** Writers for seeds and the CLI: profile CSV import and rollout entries (scope-checked for users). */
export { importProfilesCsv, type ImportReport } from './profiles.service.js';
export { recordRollout } from './rollout.service.js';
export { villageCodesIn } from './regions.queries.js';
/** Villages inside a scope with their kind, which codes are villages, the areas under one area (provinces under null). */
export { villagesIn, villageKinds, childrenOf } from './regions.queries.js';
/** How many villages each area of a code length holds (5: per regency). */
export { villageCountsBy } from './regions.queries.js';
/** Areas inside a scope offered by name (a select, or search-then-choose for a large scope), and its form fields. */
export { placeChoices, type PlaceChoices } from './place-picker.js';
export { PlacePicker, PICKER_SEARCH, isPickerSearch } from './place-picker.views.js';
/** Household-weighted poverty share per regency (partners' incentive multiplier and ranking; issue 20). */
export { regencyPovertyRates } from './poverty.queries.js';

/** What regions adds to the app: the area browser, profiles, targeting, readiness and their CLI. */
export const regionsDomain = defineDomain({
  name: 'regions',
  migrations: regionsMigrations,
  routes: regionsRoutes,
  messages: [regionsMessages, regionsStaffMessages],
  errors: regionsErrors,
  commands: regionsCommands,
  startup: [importRegionsAtStartup],
  // These entities are identified by the region code they are about.
  auditScopes: Object.fromEntries(
    ['rollout', 'targeting_weights', 'village_profile'].map((type) => [
      type,
      async (_db: Tx, ids: string[]) => new Map(ids.filter(isRegionCode).map((id) => [id, id])),
    ]),
  ),
  // A region-scoped grant names a region code; it must exist.
  scopes: {
    region: async (db, code) => {
      const r = await db
        .selectFrom('regions')
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst();
      return r ? r.code : undefined;
    },
  },
  scopeLabels: {
    region: async (db, codes) =>
      new Map(
        (
          await db
            .selectFrom('regions')
            .select(['code', 'name'])
            .where('code', 'in', codes)
            .execute()
        ).map((r) => [r.code, r.name]),
      ),
  },
  nav: [
    { href: '/wilayah', label: 'regions.nav', roles: 'public', order: 20 },
    {
      href: '/wilayah/kesiapan',
      label: 'regions.nav.readiness',
      roles: ['national_admin', 'analyst', 'regional_officer'],
      order: 21,
    },
  ],
  homePanels: [regionsHomePanel],
});
export { regionsRoutes } from './regions.routes.js';
/** Centres of the profiled villages inside a prefix (logistics' hub placement and coverage). */
export { villageCentres } from './profiles.service.js';
/** Names and villages as subqueries of a caller's one statement (orders' lists and checkout read). */
export { villagesAmongQuery } from './regions.queries.js';
/** An area's (or its parent's, grandparent's) name as a scalar subquery (catalog's product page, search cards and documents). */
export { areaNameOf } from './regions.queries.js';
