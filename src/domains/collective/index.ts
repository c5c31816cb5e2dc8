// Collective commerce: market-day order cycles (one shop window per cycle, lists and one run
// per pickup point at close) and village group buys (price tiers, minimum, deadline).
import { defineDomain, provide } from '../../kernel/domain/index.js';
import { pickupNotes, villageSection } from '../orders/index.js';
import { pickupNotesFor, villageSectionFor } from './seams.js';
import { consolidatedRuns } from '../logistics/index.js';
import { runParcelsOfOrders } from './cycle-runs.js';
import './collective.tables.js';
import { collectiveMigrations } from './migrations/index.js';
import { cyclesErrors, cyclesMessages } from './messages.js';
import { cyclePagesMessages } from './messages.pages.js';
import { collectiveRoutes } from './collective.routes.js';
import { groupBuysErrors, groupBuysMessages } from './messages.groupbuys.js';
import { standingErrors, standingMessages } from './messages.standing.js';
import { SETTLE_JOB } from './group-buys.service.js';
import { groupBuySettled } from './events.js';
import { SWEEP_JOB, runSettleJob, runSweepJob, scheduleSweep } from './sweep.js';

export { collectiveMigrations } from './migrations/index.js';
/** Opens and closes order cycles (close is exactly once; a repeating cycle opens its successor). */
export { openCycle, closeCycle, type OpenCycleInput } from './cycles.service.js';
/** Orders from a cycle's shop at the cycle's prices; late orders are refused naming the next cycle. */
export { orderFromCycle, type CycleOrderInput } from './cycle-order.js';
/** Supplier lists per producer and packing lists per point of a cycle. */
export { supplierLists, packingLists } from './cycle-lists.js';
/** Group buys: open with tiers, commit (counted or refused), settle at the deadline exactly once. */
export {
  openGroupBuy,
  commitToGroupBuy,
  type OpenGroupBuyInput,
  type CommitInput,
} from './group-buys.service.js';
export { settleGroupBuy } from './settle.js';
/** Topics: a group buy settled (committers hear of it). */
export { groupBuySettled, type GroupBuySettled } from './events.js';
/** Cycle orders by pickup day (the day-before reminders). */
export { cyclePickupsBetween, type CyclePickup } from './cycle-pickups.js';
export { sweepDue } from './sweep.js';
/** Standing orders: subscribe on a repeating cycle, skip/pause/resume/cancel, placed at each opening. */
export {
  subscribe,
  changeStanding,
  type SubscribeInput,
  type StandingAction,
} from './standing.service.js';
export { placeStandingOrders } from './standing-place.js';
/** KPIs for the impact domain: cycles run, producers taking part, share of orders, savings. */
export { collectiveKpis, type CollectiveKpis } from './kpis.js';
/** The impact page's section of those KPIs for an area (last 90 days). */
export { collectiveKpiSection } from './kpis.views.js';

/** What the collective domain adds: order cycles and group buys. */
export const collectiveDomain = defineDomain({
  name: 'collective',
  migrations: collectiveMigrations,
  routes: collectiveRoutes,
  messages: [cyclesMessages, cyclePagesMessages, groupBuysMessages, standingMessages],
  nav: [
    {
      href: '/siklus',
      label: 'collective.nav.cycles',
      roles: ['community_manager', 'national_admin'],
      order: 44,
    },
    {
      href: '/langganan',
      label: 'collective.nav.standing',
      roles: ['buyer', 'village_agent'],
      order: 46,
    },
    {
      href: '/titik/patungan',
      label: 'collective.nav.group_buys',
      roles: ['village_agent'],
      order: 45,
    },
  ],
  errors: { ...cyclesErrors, ...groupBuysErrors, ...standingErrors },
  jobs: { [SETTLE_JOB]: runSettleJob, [SWEEP_JOB]: runSweepJob },
  publishes: { groupBuySettled },
  provides: [
    // The buyer's order pages name a cycle order's pickup day and place.
    provide(pickupNotes, pickupNotesFor),
    // Village pages show the village's open group buys and market-day cycles.
    provide(villageSection, villageSectionFor),
    // A cycle order travels in its point's run: logistics makes no parcel of its own for it and
    // the buyer's tracking shows the run's parcel.
    provide(consolidatedRuns, runParcelsOfOrders),
  ],
  // Due cycles close and due group buys settle on a recurring sweep; startup runs one at once.
  startup: [(h) => scheduleSweep(h.db, new Date())],
});
