// Impact: surveys, poverty lines, KPIs and the impact evaluation. Reads every other domain's
// tables in its *.queries.ts files; writes only its own.
import './impact.tables.js';
import { defineDomain } from '../../kernel/domain/index.js';
import { impactErrors, impactMessages } from './messages.js';
import { povertyMessages } from './poverty.messages.js';
import { summaryMessages } from './summary.messages.js';
import { runSalesSummaryJob, scheduleSalesSummary, SUMMARY_JOB } from './sales-summary.js';
import { AREA_SUMMARY_JOB, runAreaSummaryJob, scheduleAreaSummary } from './area-summary.js';
import { evaluationMessages } from './evaluation.messages.js';
import { JOB_TYPE, runEvaluationJob } from './evaluation.service.js';
import { impactCommands } from './impact.cli.js';
import { impactMigrations } from './migrations/index.js';
import { impactHomePanel, impactNav, impactRoutes } from './impact.routes.js';
import { impactReads } from './kpi.reads.js';

/** What impact adds to the app: surveys, poverty lines, KPIs and the evaluation (it only reads other domains). */
export const impactDomain = defineDomain({
  name: 'impact',
  migrations: impactMigrations,
  routes: impactRoutes,
  messages: [impactMessages, evaluationMessages, povertyMessages, summaryMessages],
  errors: impactErrors,
  nav: impactNav,
  homePanels: [impactHomePanel],
  jobs: {
    [JOB_TYPE]: runEvaluationJob,
    [SUMMARY_JOB]: runSalesSummaryJob,
    [AREA_SUMMARY_JOB]: runAreaSummaryJob,
  },
  // The national and province KPI views read precomputed figures; startup refreshes them at once.
  startup: [
    (h) => scheduleSalesSummary(h.db, new Date()),
    (h) => scheduleAreaSummary(h.db, new Date()),
  ],
  commands: impactCommands,
  reads: impactReads,
});

export { impactMigrations } from './migrations/index.js';
export { impactRoutes } from './impact.routes.js';
/** Seeds the demo survey waves for the villages under the given regencies (bulk, deterministic). */
export { seedDemoSurveys } from './demo-seed.js';
/** KBI (west) or KTI (east) for any region code. */
export { regionGroup, type RegionGroup } from './region-groups.js';
