// Notifications: an in-app inbox for everyone, WhatsApp and SMS by each person's choice (with
// quiet hours in their village's zone), written in the transaction of the event that causes
// them and sent by a retrying delivery job through provider adapters; signed provider
// callbacks update delivery status; staff read the delivery log in their scope.
import { defineDomain, on, onMany } from '../../kernel/domain/index.js';
import { orderChanged } from '../orders/index.js';
import { incentiveIssued } from '../partners/index.js';
import { reviewCompleted } from '../innovation/index.js';
import { groupBuySettled } from '../collective/index.js';
import { payoutIssued } from '../ledger/index.js';
import { farmerPaid } from '../produce/index.js';
import './notifications.tables.js';
import { notificationsMigrations } from './migrations/index.js';
import { notificationsErrors, notificationsMessages } from './messages.js';
import { notificationsRoutes } from './notifications.routes.js';
import { inboxApi } from './inbox.api.js';
import { incentiveNotices, orderEventNotices } from './recipients.js';
import { recordNotices } from './record.js';
import {
  farmerStatementNotices,
  groupBuyNotices,
  payoutNotices,
  reviewNotices,
} from './program-notices.js';
import { DELIVER_JOB, runDeliveryJob, scheduleDelivery } from './deliver.js';
import { LOG_READERS } from './delivery-log.js';
import { REMIND_JOB, runRemindersJob, scheduleReminders } from './reminders.js';
import { inboxPanel } from './panel.js';
import { unreadCount } from './inbox.js';

export { notificationsMigrations } from './migrations/index.js';
/** Records notices (inbox row + queued sends) inside the caller's transaction; replays add nothing. */
export { recordNotices, type Notice } from './record.js';
/** The delivery sweep (tests and the CLI run it with explicit senders). */
/** Certificate expiry reminders (the job's work, callable with a clock). */
export { runReminders, REMIND_JOB } from './reminders.js';
export { deliverDue, DELIVER_JOB, MAX_ATTEMPTS, RATE_LIMIT, retryDelayMs } from './deliver.js';
/** Provider adapters behind one interface (WhatsApp Cloud API, HTTP SMS, demo log). */
export {
  whatsappCloud,
  httpSms,
  logSender,
  whatsappBody,
  sendersFromEnv,
  type Sender,
  type Senders,
  type OutgoingMessage,
} from './adapters.js';
/** Callback signatures (X-Hub-Signature-256) and the per-provider secret. */
export { signCallback, verifyCallback, callbackSecret } from './callbacks.js';
/** Unread notifications of a person (nav badges, panels). */
export { unreadCount } from './inbox.js';
export type { NoticeKind, DeliveryStatus, Channel } from './notifications.tables.js';

/** What notifications adds to the app: inbox, preferences, delivery log, callbacks, the delivery job. */
export const notificationsDomain = defineDomain({
  name: 'notifications',
  migrations: notificationsMigrations,
  routes: notificationsRoutes,
  api: inboxApi,
  messages: [notificationsMessages],
  errors: notificationsErrors,
  http: {
    // Providers prove their status callbacks by signature (callbacks.ts), not CSRF.
    csrfExempt: ['/api/v1/webhooks/notifications/'],
  },
  nav: [
    // The unread count beside it: one count on the (user_id, read_at) index per signed-in page.
    { href: '/kotak-masuk', label: 'notifications.nav', roles: [], order: 2, badge: unreadCount },
    {
      href: '/notifikasi/pengiriman',
      label: 'notifications.nav.log',
      roles: [...LOG_READERS],
      order: 96,
    },
  ],
  homePanels: [inboxPanel],
  jobs: { [DELIVER_JOB]: runDeliveryJob, [REMIND_JOB]: runRemindersJob },
  // Each sweep keeps one future run queued; startup queues one at once (catching up after downtime).
  startup: [(h) => scheduleDelivery(h.db, new Date()), (h) => scheduleReminders(h.db, new Date())],
  subscribes: [
    // In the order's transaction: the inbox row and queued sends commit with the order change.
    onMany(orderChanged, async (db, events) => {
      await recordNotices(db, await orderEventNotices(db, events));
    }),
    on(incentiveIssued, async (db, e) => {
      await recordNotices(db, await incentiveNotices(db, e));
    }),
    on(reviewCompleted, async (db, e) => {
      await recordNotices(db, await reviewNotices(db, e));
    }),
    on(groupBuySettled, async (db, e) => {
      await recordNotices(db, groupBuyNotices(e));
    }),
    on(payoutIssued, async (db, e) => {
      await recordNotices(db, await payoutNotices(db, e));
    }),
    on(farmerPaid, async (db, e) => {
      await recordNotices(db, await farmerStatementNotices(db, e));
    }),
  ],
});
