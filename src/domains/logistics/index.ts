// Logistics: the hub network (village service point → kecamatan hub → kabupaten hub),
// parcels with labels and tracking, daily manifests, route plans solved with lib/vrp,
// scans with proof of delivery, shipping quotes for checkout and KPIs.
import { defineDomain, on, provide } from '../../kernel/domain/index.js';
import { orderChanged, parcelLookup, shippingQuoter } from '../orders/index.js';
import { parcelOnHandOver, quoteForOrders } from './order-parcels.service.js';
import { parcelsForOrders } from './parcels.service.js';
import './logistics.tables.js';
import { logisticsErrors, logisticsMessages } from './messages.js';
import { hubsErrors, hubsMessages } from './messages.hubs.js';
import { returnsErrors, returnsMessages } from './messages.returns.js';
import { logisticsMigrations } from './migrations/index.js';
import { logisticsHomePanels, logisticsRoutes } from './logistics.routes.js';
import { logisticsAuditScopes } from './audit-scopes.js';
import { distancesMessages } from './messages.distances.js';
import { consolidatedRuns } from './consolidated-runs.js';
import { logisticsKpisRead } from './kpis.js';
import { runStageSummaryJob, scheduleStageSummary, STAGE_SUMMARY_JOB } from './stage-summary.js';

export { logisticsMigrations } from './migrations/index.js';
export { logisticsRoutes } from './logistics.routes.js';
export type { ScanKind, ParcelStatus } from './logistics.tables.js';
/** Creates hubs, assigns service points, adds vehicles, sets detour factors and imports road distances. */
export {
  createHub,
  assignPoint,
  addVehicle,
  setDetour,
  importDistances,
} from './network.service.js';
/** Creates a parcel with its path through the network; one per order. */
export { createParcel, parcelsForOrder } from './parcels.service.js';
/** The outcomes of an area's parcels, and their counts by cell (impact's KPIs and summary). */
export {
  parcelOutcomes,
  parcelCounts,
  takeParcelCountChanges,
  dropParcelCountChanges,
  type ParcelCount,
  type ParcelOutcomes,
} from './parcel-stats.queries.js';
/** The national generator's bulk write: a delivered parcel per synthetic order. */
export { insertSyntheticParcels, type SyntheticParcel } from './national-seed.js';
/** Port: orders travelling in a consolidated run (a cycle's parcel per point) get no parcel of their own. */
export { consolidatedRuns, type ConsolidatedRuns } from './consolidated-runs.js';
/** Records a scan (idempotent by client scan id; out-of-order scans refused). */
export { recordScan } from './scans.service.js';
/** The next scan that moves a parcel on its way (kind and place); the demo seed's walk. */
export { nextForwardScan } from './next-scan.js';
/** Builds the day's manifests of a hub and plans its runs with lib/vrp. */
export { buildManifests } from './consolidation.service.js';
export { planRuns } from './routing.service.js';
/** The network's shipping quote (also registered with orders as its quoter). */
export { quoteNetwork } from './quote.js';
/** Parcel of a handed-over order (also made automatically inside orders' transaction); catch-up for missed ones. */
export { parcelFromOrder, parcelsFromHandedOverOrders } from './order-parcels.service.js';
/** A service point's open parcels for the agent's offline device (codes stay server side). */
export { deviceParcels, type DeviceParcel } from './device-parcels.js';
/** Logistics KPIs of a region over [from, to): lead times, cost per parcel, coverage, failures. */
export { logisticsKpis, type LogisticsKpis } from './kpis.js';
/** Brings the KPIs' stage summary in step with every parcel and scan written (the generator's last step). */
export { foldAllStageSummary } from './stage-summary.js';

/** What logistics adds to the app: hubs, parcels, manifests, routes, scans and their KPIs. */
export const logisticsDomain = defineDomain({
  name: 'logistics',
  migrations: logisticsMigrations,
  routes: logisticsRoutes,
  messages: [logisticsMessages, hubsMessages, returnsMessages, distancesMessages],
  errors: { ...logisticsErrors, ...hubsErrors, ...returnsErrors },
  homePanels: logisticsHomePanels,
  // The KPIs of a province's year read millions of scans: off the event loop (kpis.ts).
  reads: [logisticsKpisRead],
  // The KPIs' stage summary follows the scans once a minute, and at once on startup.
  jobs: { [STAGE_SUMMARY_JOB]: runStageSummaryJob },
  startup: [(h) => scheduleStageSummary(h.db, new Date())],
  // A hub_operator grant names a hub; its region is the hub's kecamatan or kabupaten.
  scopes: {
    hub: async (db, id) =>
      (await db.selectFrom('hubs').select('region_code').where('id', '=', id).executeTakeFirst())
        ?.region_code,
  },
  // Audit rows about hubs lie in the hub's region, about parcels in their origin village.
  auditScopes: logisticsAuditScopes,
  scopeLabels: {
    hub: async (db, ids) =>
      new Map(
        (await db.selectFrom('hubs').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (r) => [r.id, r.name],
        ),
      ),
  },
  nav: [
    {
      href: '/hub',
      label: 'logistics.nav.hubs',
      roles: ['hub_operator', 'regional_officer', 'national_admin'],
      order: 60,
    },
    { href: '/titik/paket', label: 'logistics.nav.agent', roles: ['village_agent'], order: 61 },
    {
      href: '/logistik/kpi',
      label: 'logistics.nav.kpi',
      roles: ['regional_officer', 'national_admin'],
      order: 62,
    },
    { href: '/paket', label: 'logistics.nav.seller_parcels', roles: ['seller'], order: 63 },
    {
      href: '/logistik/jarak',
      label: 'logistics.nav.distances',
      roles: ['regional_officer', 'national_admin'],
      order: 64,
    },
  ],
  // Hand-overs (→ parcels) happen inside the order change's transaction.
  subscribes: [on(orderChanged, parcelOnHandOver)],
  // Collective tells which orders travel in a cycle's consolidated run (and that run's parcel).
  needs: { consolidatedRuns },
  provides: [
    // Checkout prices shipping by the network's routes.
    provide(shippingQuoter, quoteForOrders),
    // The buyer's order pages show the parcel's tracking number and one-time pickup code.
    provide(parcelLookup, parcelsForOrders),
  ],
});
