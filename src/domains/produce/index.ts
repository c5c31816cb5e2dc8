// Produce: smallholders registered with consent, intakes graded at collection points, pooled
// lots traced to every farmer, sales, settlement and the exact per-farmer payout.
import { defineDomain, on } from '../../kernel/domain/index.js';
import { owedToUmkm } from './owed-to-umkm.js';
import { orderChanged } from '../orders/index.js';
import { createApiApp } from '../../kernel/http/index.js';
import './produce.tables.js';
import { produceMigrations } from './migrations/index.js';
import { produceErrors, produceMessages } from './messages.js';
import { lotListingMessages } from './listing-messages.js';
import { produceLotMessages } from './messages.lots.js';
import { advancePaid, farmerPaid, lotSaleSettled } from './money-events.js';
import { produceRoutes } from './produce.routes.js';
import { lotRoutes } from './lot.routes.js';
import { intakeRoutes } from './intake.routes.js';
import { produceApi } from './produce.api.js';
import { produceHomePanels } from './panels.js';
import { recordLotOrderEvent } from './catalogue-sales.js';

export { produceMigrations } from './migrations/index.js';
export type { LotStatus } from './produce.tables.js';
/** Money events (published inside the change's transaction) for the ledger to post. */
export {
  advancePaid,
  lotSaleSettled,
  farmerPaid,
  type AdvancePaid,
  type LotSaleSettled,
  type FarmerPaid,
} from './money-events.js';
/** Commodities and their grade tables (measure ranges, payout factors, compatible pools). */
export { COMMODITIES, COMMODITY_KEYS, gradeOf, gradeForMeasure } from './commodities.js';
/** The exact largest-remainder split by contribution (whole rupiah summing to the amount). */
export { splitByContribution, type Contribution } from './payout-split.js';
/** Use cases: producers, price bases, intakes and corrections, lots, sales, settlement, payout. */
export { registerProducer } from './producers.service.js';
export { setPriceBasis } from './prices.service.js';
export { recordIntake, correctIntake } from './intakes.service.js';
export { createLot, recordLoss } from './lots.service.js';
export { splitLot, mergeLots } from './lot-split.service.js';
export { recordSale } from './lot-sale.service.js';
/** A lot offered through the catalogue (reviewed like any product) and its listing state. */
export { listLotInCatalog, lotListing, type LotListingInput } from './lot-listing.service.js';
export { payOutLot, correctPayout } from './payout.service.js';
export { settleLot } from './settle.service.js';
/** KPIs of a region prefix for impact: farmers paid, grams pooled, farmers' share, premium over trader. */
export { produceKpis, type ProduceKpis } from './produce.queries.js';
/** A statement with its lines (the ledger and the service point reproduce a farmer's statement). */
export { statementDetail } from './produce.queries.js';

function routes() {
  const app = createApiApp();
  produceRoutes(app as any);
  intakeRoutes(app as any);
  lotRoutes(app as any);
  return app;
}

/** What produce adds to the app: the clerk's and treasurer's pages, the public lot page, the API. */
/** Port: what an UMKM is still owed per order (the ledger provides it). */
export { owedToUmkm, type OwedToUmkm } from './owed-to-umkm.js';

export const produceDomain = defineDomain({
  name: 'produce',
  migrations: produceMigrations,
  routes,
  api: produceApi,
  messages: [produceMessages, produceLotMessages, lotListingMessages],
  errors: produceErrors,
  homePanels: produceHomePanels,
  nav: [
    {
      href: '/produksi',
      label: 'produce.nav.home',
      roles: ['community_manager', 'village_agent', 'regional_officer', 'national_admin'],
      order: 35,
    },
  ],
  // Audit rows about producers, intakes and lots are read within the organisation's region.
  auditScopes: {
    produce_producer: async (db, ids) =>
      new Map(
        (
          await db
            .selectFrom('produce_producers')
            .select(['id', 'region_code'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.region_code]),
      ),
    produce_intake: async (db, ids) =>
      new Map(
        (
          await db
            .selectFrom('produce_intakes')
            .select(['id', 'region_code'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.region_code]),
      ),
    produce_lot: async (db, ids) =>
      new Map(
        (
          await db
            .selectFrom('produce_lots')
            .select(['id', 'region_code'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.region_code]),
      ),
    produce_price: async (db, ids) =>
      new Map(
        (
          await db
            .selectFrom('produce_price_bases')
            .select(['id', 'region_code'])
            .where('id', 'in', ids)
            .execute()
        ).map((r) => [r.id, r.region_code]),
      ),
  },
  publishes: { advancePaid, lotSaleSettled, farmerPaid },
  // A listed lot's packs bought through ordinary catalogue orders are recorded against the lot
  // (and reversed on cancel or refund) inside the order change's transaction.
  subscribes: [on(orderChanged, recordLotOrderEvent)],
  // A catalogue lot settles only what its UMKM is still owed (the ledger answers).
  needs: { owedToUmkm },
});
