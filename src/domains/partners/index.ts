// Partners: partner platforms, partnerships with UMKM and BUMDes/koperasi, product feeds,
// orders in, signed status webhooks, and auditable incentive statements.
import { partnerHomePanel } from './home.panel.js';
import { defineDomain, on } from '../../kernel/domain/index.js';
import { orderChanged } from '../orders/index.js';
import { incentiveIssued } from './incentives/events.js';
import { deliverWebhookJob, queueWebhook, WEBHOOK_JOB } from './webhooks.js';
import './partners.tables.js';
import { partnersErrors, partnersMessages } from './messages.js';
import { partnersMigrations } from './migrations/index.js';
import { partnersRoutes } from './partners.routes.js';

export { partnersMigrations } from './migrations/index.js';
export { partnersRoutes } from './partners.routes.js';
/** Partner and partnership use cases (also used by the demo seed). */
export {
  registerPartner,
  offerPartnership,
  decidePartnership,
  createPartnerRecord,
} from './partners.service.js';
/** Incentive rules and frozen statements. */
export { defineRule, issueStatement } from './incentives/statements.js';
/** Topic: an incentive statement (or correction) issued, inside its transaction (the ledger posts what is owed). */
export { incentiveIssued, type IncentiveIssued } from './incentives/events.js';
/** HMAC-SHA256 webhook signatures as partners verify them. */
export { signWebhook, verifyWebhook, WEBHOOK_JOB } from './webhooks.js';
export type { IncentiveRuleKind } from './partners.tables.js';

/** What partners adds to the app: platforms, partnerships, feeds, orders in, webhooks, incentives. */
export const partnersDomain = defineDomain({
  name: 'partners',
  migrations: partnersMigrations,
  routes: partnersRoutes,
  messages: [partnersMessages],
  errors: partnersErrors,
  jobs: { [WEBHOOK_JOB]: deliverWebhookJob },
  publishes: { incentiveIssued },
  // A partner grant names a partner platform; platforms are national, so the grant has no region.
  scopes: {
    partner: async (db, id) =>
      (await db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst())
        ? null
        : undefined,
  },
  scopeLabels: {
    partner: async (db, ids) =>
      new Map(
        (
          await db.selectFrom('partners').select(['id', 'name']).where('id', 'in', ids).execute()
        ).map((r) => [r.id, r.name]),
      ),
  },
  // Outbox subscriber: a partner order's transition and its webhook delivery commit together. The
  // placement itself is not sent: the partner placed the order and holds the synchronous answer.
  subscribes: [
    on(orderChanged, async (tx, e) => {
      if (e.kind !== 'placed') await queueWebhook(tx, e);
    }),
  ],
  homePanels: [partnerHomePanel],
  nav: [
    { href: '/mitra', label: 'nav.partners', roles: ['partner'], order: 20 },
    { href: '/kemitraan', label: 'nav.partnerships', roles: ['community_manager'], order: 40 },
    {
      href: '/insentif',
      label: 'nav.incentives',
      roles: ['national_admin', 'regional_officer'],
      order: 60,
    },
    { href: '/mitra/daftar', label: 'partners.register', roles: ['national_admin'], order: 61 },
  ],
});
