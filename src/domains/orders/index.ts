// Orders: storefront (home section, village pages, cart, checkout, tracking), orders with
// three status columns, village payments (COD, transfer, QRIS) and assisted ordering.
import { defineDomain } from '../../kernel/domain/index.js';
import './orders.tables.js';
import { ordersErrors, ordersMessages } from './messages.js';
import { sellerMessages } from './seller/messages.js';
import { storefrontMessages } from './storefront/messages.js';
import { agentPanel, assistedNav } from './assisted/assisted.routes.js';
import { assistedErrors, assistedMessages } from './assisted/messages.js';
import { demandRegions } from './assisted/demand.service.js';
import './assisted/assisted.tables.js';
import { paymentsErrors, paymentsMessages } from './payments/payments.messages.js';
import { EXCEPTION_ROLES } from './payments/late-payment.js';
import { ordersNav, sellerOrdersPanel } from './seller/seller.routes.js';
import { buyerHomePanel } from './home/buyer-home.panel.js';
import { homeMessages } from './home/messages.js';
import { EXPIRE_JOB, runExpiryJob, scheduleExpiry } from './expiry-job.js';
import { ordersMigrations } from './migrations/index.js';
import { orderChanged } from './events.js';
import { shippingQuoter } from './shipping.js';
import { parcelLookup } from './parcels.js';
import { pickupNotes, villageSection } from './community-seams.js';
import { ordersRoutes } from './orders.routes.js';
import { checkoutDirect } from './api/checkout.api.js';

export { ordersMigrations } from './migrations/index.js';
export { ordersRoutes } from './orders.routes.js';
/** The ways a buyer pays (one list; every schema and form takes it from here). */
export { PAYMENT_METHODS, isPaymentMethod, type PaymentMethod } from './payment-methods.js';
export type {
  OrderStatus,
  PaymentStatus,
  FulfilmentStatus,
  Channel,
  DeliveryKind,
} from './orders.tables.js';
/** The one checkout use case (storefront, API, assisted, partners): one group, one order per UMKM. */
export {
  placeOrder,
  MAX_LINES,
  MAX_QTY,
  type PlaceOrderInput,
  type PriceOverrides,
  type Placed,
  type PlacedOrder,
  type Delivery,
} from './checkout/place-order.js';
/** Group commit: the process's checkout batcher (storefront, API and assisted orders use it); same path as placeOrder. */
export { checkoutBatcher, CheckoutBatcher } from './checkout/group-commit.js';
/** The checkout writer thread: its entry (src/checkout-writer.ts) settles batches, the batcher hands them over. */
export {
  SETTLE_CALL,
  startWriterThread,
  threadSettler,
  writerConnectOptions,
  type CheckoutWriter,
  type WriterConnection,
} from './checkout/writer.js';
export type { CheckoutJob } from './checkout/place-batch.js';
/** Port: logistics provides real shipping quotes; without one (or without a quote) the flat weight-band table prices. */
export { shippingQuoter, flatRate, type ShippingQuoter, type ShippingQuery } from './shipping.js';
/** Port: logistics tells the buyer's pages an order's parcels (tracking number, pickup code). */
export { parcelLookup, type BuyerParcel, type ParcelLookup } from './parcels.js';
/** Ports: collective trade tells the buyer's pages a cycle's pickup, and village pages its group buys. */
export {
  pickupNotes,
  villageSection,
  type PickupNotes,
  type VillageSection,
} from './community-seams.js';
/** Subscribe to every placement and status/payment/fulfilment transition, delivered after commit. */
export {
  onOrderEvent,
  flushOrderEvents,
  dispatchOrderEvents,
  type OrderEvent,
  type OrderEventListener,
} from './events.js';
/** Topic: every placement and transition inside its transaction, as each event is appended to `order_outbox` (webhooks, parcels commit with the order). */
export { orderChanged } from './events.js';
/** Fulfilment moves validated against the transition table and audit-logged (logistics scans call it). */
export {
  recordFulfilment,
  cancelOrder,
  confirmReceipt,
  expireReservations,
  mayMoveFulfilment,
  type Requester,
} from './orders.service.js';
/** The buyer collects at the point (inside the caller's transaction): COD cash to the agent, paid, delivered. */
export { pickUpAtPoint, pickupOffer, type Pickup } from './assisted/pickup-cash.js';
/** The agent's cash handed to the treasurer (the day page's form; the offline console's cash entries). */
export { recordHandover, localDay } from './assisted/summary.js';
/** Villagers' requests for goods the catalogue lacks, per organisation (the BUMDes sources them). */
export {
  demandForOrganisations,
  decideDemand,
  recordDemand,
  type DemandRow,
} from './assisted/demand.service.js';
export type { DemandState } from './assisted/assisted.tables.js';
/** The legal transitions of the three status columns, as data. */
export {
  TRANSITIONS,
  ORDER_STATUSES,
  PAYMENT_STATUSES,
  FULFILMENT_STATUSES,
} from './transitions.js';
/** Fee rates frozen into every order at placement. */
export { PLATFORM_FEE_BP, AGENT_COMMISSION_BP, computeFees, producerShare } from './fees.js';
/** The storefront's featured villages and market-ready products on the public home page. */
export { storefrontHomeSection } from './storefront/home-section.js';
/** The signed link to a checkout's confirmation page (other domains' checkouts redirect there). */
export { confirmationPath } from './storefront/confirm-link.js';
/** The buyer's cart cookie: pages for a visitor with a cart are personal (never cached). */
export { CART_COOKIE } from './storefront/storefront.routes.js';
/** What notifications read of an order (seller, signed-in buyer, villages, number). */
export {
  eventOrderNotices,
  orderNotice,
  orderNotices,
  type OrderNotice,
} from './notice-read.js';
/** Test and seed helpers for QRIS payloads. */
export { qrisPayload, crc16ccitt, parseTlv, verifyCrc } from './payments/qris.js';
/** What the settlement ledger reads: an order's frozen money and paying payment, order numbers, statement lines. */
export {
  orderMoney,
  orderNumbers,
  statementLinesBetween,
  paymentReferences,
  orderLines,
  type OrderMoney,
} from './ledger-read.js';
/** The one reader of Indonesian banks' CSV statements (the ledger reads organisations' statements with it). */
export { parseStatement, readStatement, type ParsedLine } from './payments/statement.js';
/** Sales facts: each UMKM's sale times (training), totals and breakdowns of an area (impact). */
export {
  saleTimesOf,
  recentSellerIds,
  salesTotals,
  salesValueBy,
  salesByMonth,
  type SalesTotals,
  type MonthSales,
} from './sales.queries.js';
/** What changes those sales, by time (impact's summary adds each change once). */
export {
  salesChangesBetween,
  regencySalesChangesSince,
  salesChangeCount,
} from './sales-changes.queries.js';
/** Many orders with their lines in one call (collective's cycle runs and lists at close). */
export { orderContents, type OrderContents, type OrderContentLine } from './order-contents.js';
/** The seed's access to a provider's payment confirmation and the point's COD pickup (same use cases as the pages). */
export { payGroupForSeed, collectAtPointForSeed } from './seed-support.js';

/** What orders adds to the app: storefront, cart, checkout, payments, seller and agent pages. */
/** Bulk past orders (completed, paid, delivered) for the synthetic national world. */
export { insertSyntheticOrders, type SyntheticOrder } from './national-seed.js';
/** What partners read of orders: its own orders and lines, delivered sales, totals, a webhook's order state (issue 20). */
export {
  ordersOfPartner,
  linesOfOrders,
  partnerDeliveredSales,
  deliveredPartnerSales,
  partnerOrderTotals,
  orderStateForPartner,
  orderSellers,
} from './partner-read.js';
/** Derived tables of the region's sales and order lines that collective's KPIs join to its own rows (issue 20). */
export { salesPlacedIn, orderLineFacts } from './sales.queries.js';

/** What logistics reads to ship orders: a handed-over order's route and weight, the orders waiting handed over, a seller's order ids. */
export {
  orderShipment,
  handedOverOrderIds,
  orderIdsOfUmkm,
  type OrderShipment,
} from './shipment-read.js';
export const ordersDomain = defineDomain({
  name: 'orders',
  migrations: ordersMigrations,
  routes: ordersRoutes,
  http: {
    // A village's storefront page is the same for every anonymous visitor.
    cachedPages: [/^\/desa\//],
    // Payment providers prove their callbacks by signature (payments.routes.tsx), not CSRF.
    csrfExempt: ['/api/v1/webhooks/payments/'],
    // A partner's or the agent app's checkout with a bearer token skips Hono's layers.
    direct: [checkoutDirect],
  },
  messages: [
    ordersMessages,
    sellerMessages,
    storefrontMessages,
    assistedMessages,
    paymentsMessages,
    homeMessages,
  ],
  errors: { ...ordersErrors, ...paymentsErrors, ...assistedErrors },
  // A villager's request for goods is placed in the village it was recorded for.
  auditScopes: { demand_request: demandRegions },
  nav: [
    ...ordersNav,
    ...assistedNav,
    {
      href: '/keuangan/pembayaran',
      label: 'orders.nav.payments',
      roles: ['national_admin'],
      order: 34,
    },
    {
      href: '/keuangan/pembayaran/pengecualian',
      label: 'orders.nav.exceptions',
      roles: [...EXCEPTION_ROLES],
      order: 35,
    },
  ],
  homePanels: [sellerOrdersPanel, agentPanel, buyerHomePanel],
  jobs: { [EXPIRE_JOB]: runExpiryJob },
  // Expired reservations are released by a recurring job; startup queues a run at once (catch-up).
  startup: [(h) => scheduleExpiry(h.db, new Date())],
  publishes: { orderChanged },
  needs: { shippingQuoter, parcelLookup, pickupNotes, villageSection },
});
/** A seeded order backdated as demo history (the partners seed's last-month partner orders). */
export { backdateOrderForSeed } from './seed-support.js';
