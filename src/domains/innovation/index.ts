// Innovation: the product innovation centre — readiness reviews in rounds, improvement tasks,
// value-add records, and listing that follows review outcome and certification validity.
import { defineDomain, on } from '../../kernel/domain/index.js';
import './innovation.tables.js';
import { innovationErrors, innovationMessages } from './messages.js';
import { certificationChanged } from '../community/index.js';
import { productContentChanged } from '../catalog/index.js';
import {
  onUmkmCertificationsChanged,
  runSweepJob,
  sweepAtStartup,
  SWEEP_JOB,
} from './certification-sweep.js';
import { reopenReviewOnEdit } from './edit-review.js';
import { mentorNamedForTasks, reviewCompleted } from './review.service.js';
import { innovationMigrations } from './migrations/index.js';
import { innovationRoutes } from './innovation.routes.js';
import { innovationHomePanels, innovationNav } from './innovation.panel.js';

export { innovationMigrations } from './migrations/index.js';
export { innovationRoutes } from './innovation.routes.js';
/** Stable checklist keys, the items that apply to a category, and the certifications it needs. */
export {
  CHECKLIST_KEYS,
  checklistFor,
  requiredCertificationsFor,
  type ChecklistKey,
  type CertRequirement,
} from './checklist.js';
/** The listing state machine as data (event → from states → to state). */
export { LISTING_TRANSITIONS, transition, type ListingEvent } from './review-machine.js';
/** Seller submits a product (new round); a reviewer completes a round; a seller withdraws. */
export {
  submitForReview,
  completeReview,
  withdrawProduct,
  mentorNamedForTasks,
  reviewCompleted,
  type MentorNamed,
  type ReviewCompleted,
  type CompleteReviewInput,
  type ItemResult,
} from './review.service.js';
/** Which checklist items a seller's edit re-opens (the subscriber itself is declared in the manifest below). */
export { reopenedItems } from './edit-review.js';
/** Marks an improvement task done (UMKM, its manager, or the assigned mentor). */
export { markTaskDone } from './tasks.service.js';
/** For training/mentoring: assigns a mentor (covering the UMKM's village) to its tasks that have none. */
export { assignMentor } from './tasks.service.js';
/** Records raw material cost and selling price per unit before/after an improvement. */
export { recordValueAdd, type ValueAddInput } from './value-add.service.js';
/** Unlists products whose required certification expired and relists renewed ones (all or one UMKM). */
export {
  sweepCertifications,
  onUmkmCertificationsChanged,
  scheduleSweep,
  SWEEP_JOB,
} from './certification-sweep.js';
/** For training: failed items of the latest round of each not-listed product of these UMKM. */
export { reviewGaps, type ReviewGap } from './stats.js';
/** For training/mentoring: when each UMKM first had a product marked market-ready. */
export { firstMarketReadyAt } from './stats.js';
/** For impact/KPIs: products submitted, market-ready share, median days to market-ready, open tasks by type in a region. */
export { innovationStats, type InnovationStats } from './stats.js';

/** What the innovation centre adds to the app, and what it reacts to in catalog and community. */
export const innovationDomain = defineDomain({
  name: 'innovation',
  migrations: innovationMigrations,
  routes: innovationRoutes,
  messages: [innovationMessages],
  errors: innovationErrors,
  nav: innovationNav,
  homePanels: innovationHomePanels,
  jobs: { [SWEEP_JOB]: runSweepJob },
  startup: [(h) => sweepAtStartup(h.db)],
  publishes: { mentorNamedForTasks, reviewCompleted },
  subscribes: [
    // An edit of reviewed content unlists the product and opens a new round, in the edit's transaction.
    on(productContentChanged, reopenReviewOnEdit),
    // A certificate added or renewed relists (or keeps unlisted) that UMKM's products at once.
    on(certificationChanged, async (db, change) => {
      await onUmkmCertificationsChanged(db, change.umkmId);
    }),
  ],
});
