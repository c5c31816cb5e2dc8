// Impact: surveys, poverty lines, KPIs and the impact evaluation. Reads every other domain's
// tables in its *.queries.ts files; writes only its own.
import './impact.tables.js';
import './messages.js';
import './poverty.messages.js';
import './evaluation.service.js';
import './impact.cli.js';

export { impactMigrations } from './migrations/index.js';
export { impactRoutes } from './impact.routes.js';
/** Seeds the demo survey waves for the villages under the given regencies (bulk, deterministic). */
export { seedDemoSurveys } from './demo-seed.js';
/** KBI (west) or KTI (east) for any region code. */
export { regionGroup, type RegionGroup } from './region-groups.js';
export type { SurveyConsentsTable, HouseholdSurveysTable, UmkmSalesSurveysTable, PovertyLinesTable, EvaluationRunsTable } from './impact.tables.js';
