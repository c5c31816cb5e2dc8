// Training: courses, sessions with attendance and verifiable certificates, the digital
// literacy assessment, needs-based recommendations, KPIs, and mentoring of UMKM.
import './training.tables.js';
import { defineDomain, on } from '../../kernel/domain/index.js';
import { mentorNamedForTasks } from '../innovation/index.js';
import { joinCaseloadFromReview } from './mentoring.service.js';
import { trainingErrors, trainingMessages } from './messages.js';
import { trainingHomePanels, trainingNav } from './panels.js';
import { trainingMigrations } from './migrations/index.js';
import { trainingRoutes } from './training.routes.js';
import { trainingAuditScopes } from './audit-scopes.js';

/** What training adds to the app: sessions, assessments, certificates, mentoring and their KPIs. */
export const trainingDomain = defineDomain({
  name: 'training',
  migrations: trainingMigrations,
  routes: trainingRoutes,
  messages: [trainingMessages],
  errors: trainingErrors,
  nav: trainingNav,
  homePanels: trainingHomePanels,
  auditScopes: trainingAuditScopes,
  // A mentor a reviewer names for an UMKM's improvement tasks takes it into their caseload.
  subscribes: [on(mentorNamedForTasks, joinCaseloadFromReview)],
});

export { trainingMigrations } from './migrations/index.js';
export { trainingRoutes } from './training.routes.js';
/** Training KPIs of a region prefix and year (person-times vs target, completion, pillars before/after, sale within 90 days). */
export { trainingKpis, attendanceTotals, type TrainingKpis } from './kpis.js';
/** Scheduled sessions about to start, with their participants (day-before reminders). */
export { sessionsStartingBetween, type UpcomingSession } from './session-roster.js';
/** Recommended courses per UMKM, each with its reasons. */
export { recommendationsFor, type Recommendation } from './recommendations.js';
/** Course topics, literacy pillars and the national 2023 index used as reference. */
export { COURSE_TOPICS, PILLARS, type CourseTopic, type Pillar } from './training.tables.js';
export { NATIONAL_INDEX_2023 } from './question-bank.js';
/** The training part of the demo world (used only by src/seed/training.seed.ts). */
export { seedTrainingDemo, type DemoPeople } from './demo.js';
