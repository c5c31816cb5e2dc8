// The delivery job: sends due outbox rows through the provider adapters. Each row is claimed by
// a conditional update (attempts and due time as read), so two workers never send it twice.
// Before sending: a channel switched off since is skipped (opt-out holds for waiting messages),
// quiet hours in the village's zone move it to the morning, and a person who got RATE_LIMIT
// messages in the last hour waits. A failed send is retried with exponential back-off until
// MAX_ATTEMPTS; a provider's final refusal fails at once.
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { createLogger } from '../../kernel/http/index.js';
import { isLocale } from '../../kernel/i18n/index.js';
import { contactsOf } from '../accounts/index.js';
import { sendersFromEnv, type Senders } from './adapters.js';
import { absoluteLink, smsText, templateParams } from './compose.js';
import { prefsOf } from './prefs.js';
import { sendableAt } from './quiet-hours.js';
import type { NoticeKind } from './notifications.tables.js';

export const DELIVER_JOB = 'notifications.deliver';
/** How often the sweep runs. */
export const DELIVER_EVERY_MS = 30_000;
export const MAX_ATTEMPTS = 6;
/** Outside messages one person may receive per hour, all channels together. */
export const RATE_LIMIT = 6;
const HOUR = 3600_000;
/** How long a claimed row stays claimed if the worker dies mid-send (then it is retried). */
const LEASE_MS = 5 * 60_000;
const BATCH = 100;

/** Wait before attempt n+1 after n failed ones: 30 s, 1 min, 2 min … capped at 1 h. */
export const retryDelayMs = (attempts: number) => Math.min(HOUR, 30_000 * 2 ** (attempts - 1));

export interface DeliverOptions {
  now?: Date;
  senders: Senders;
  /** Base of the absolute links (LUMBUNG_PUBLIC_URL). */
  publicUrl: string;
}

export interface DeliverReport {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
  delayed: number;
}

/** Sends every due delivery once (a batch); returns what happened. */
export async function deliverDue(db: Db, o: DeliverOptions): Promise<DeliverReport> {
  const now = o.now ?? new Date();
  const nowS = now.toISOString();
  const report: DeliverReport = { sent: 0, retried: 0, failed: 0, skipped: 0, delayed: 0 };
  const due = await db
    .selectFrom('notification_deliveries')
    .innerJoin('notifications', 'notifications.id', 'notification_deliveries.notification_id')
    .select([
      'notification_deliveries.id',
      'notification_deliveries.user_id',
      'notification_deliveries.channel',
      'notification_deliveries.attempts',
      'notification_deliveries.next_attempt_at',
      'notification_deliveries.region_code',
      'notifications.kind',
      'notifications.params',
      'notifications.link',
    ])
    .where('notification_deliveries.status', '=', 'queued')
    .where('notification_deliveries.next_attempt_at', '<=', nowS)
    .orderBy('notification_deliveries.next_attempt_at')
    .limit(BATCH)
    .execute();
  if (due.length === 0) return report;
  const users = due.map((d) => d.user_id);
  const [prefs, contacts] = await Promise.all([prefsOf(db, users), contactsOf(db, users)]);
  const set = (id: string, v: Record<string, unknown>) =>
    db
      .updateTable('notification_deliveries')
      .set({ ...v, updated_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
  for (const d of due) {
    const p = prefs.get(d.user_id);
    const who = contacts.get(d.user_id);
    if (!p?.[d.channel]) {
      report.skipped++;
      await set(d.id, { status: 'skipped', last_error: 'opted_out' });
      continue;
    }
    if (!who?.phone || !who.active) {
      report.skipped++;
      await set(d.id, { status: 'skipped', last_error: 'no_phone' });
      continue;
    }
    const at = sendableAt(now, d.region_code, { from: p.quietFrom, to: p.quietTo });
    if (at > now) {
      report.delayed++;
      await set(d.id, { next_attempt_at: at.toISOString() });
      continue;
    }
    const recent = await db
      .selectFrom('notification_deliveries')
      .select(['sent_at'])
      .where('user_id', '=', d.user_id)
      .where('sent_at', '>', new Date(now.getTime() - HOUR).toISOString())
      .orderBy('sent_at')
      .execute();
    if (recent.length >= RATE_LIMIT) {
      report.delayed++;
      const first = Date.parse(recent[0].sent_at as string);
      await set(d.id, { next_attempt_at: new Date(first + HOUR).toISOString() });
      continue;
    }
    // Claim: only the worker whose update matched the row as read sends it.
    const claimed = await db
      .updateTable('notification_deliveries')
      .set({
        attempts: sql`attempts + 1`,
        next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString(),
        updated_at: nowS,
      })
      .where('id', '=', d.id)
      .where('status', '=', 'queued')
      .where('attempts', '=', d.attempts)
      .where('next_attempt_at', '=', d.next_attempt_at)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = d.attempts + 1;
    const locale = isLocale(who.locale) ? who.locale : 'id';
    const params = JSON.parse(d.params) as Record<string, string>;
    const link = absoluteLink(o.publicUrl, d.link);
    const kind = d.kind as NoticeKind;
    const r = await o.senders[d.channel].send({
      deliveryId: d.id,
      to: who.phone,
      locale,
      kind,
      params: templateParams(locale, kind, params, link),
      text: smsText(locale, kind, params, link),
    });
    if (r.ok) {
      report.sent++;
      await set(d.id, {
        status: 'sent',
        sent_at: new Date().toISOString(),
        provider_ref: r.ref,
        last_error: null,
      });
    } else if (r.retry && attempts < MAX_ATTEMPTS) {
      report.retried++;
      await set(d.id, {
        last_error: r.error,
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)).toISOString(),
      });
    } else {
      report.failed++;
      await set(d.id, { status: 'failed', last_error: r.error });
    }
  }
  return report;
}

/** Keeps exactly one future sweep queued. */
export async function scheduleDelivery(
  db: Db,
  at: Date = new Date(Date.now() + DELIVER_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, DELIVER_JOB, {}, { runAt: at, maxAttempts: 3 });
}

/** The recurring sweep: providers from the environment, then its next run. */
export const runDeliveryJob: JobHandler = async (ctx) => {
  const log = createLogger((process.env.LUMBUNG_LOG_LEVEL as 'info') ?? 'info');
  const report = await deliverDue(ctx.db, {
    senders: sendersFromEnv(process.env, log),
    publicUrl: publicUrl(process.env),
  });
  await scheduleDelivery(ctx.db);
  return report;
};

/** Where the site is reachable from people's phones (the links in messages). */
export const publicUrl = (env: NodeJS.ProcessEnv) =>
  env.LUMBUNG_PUBLIC_URL || `http://localhost:${env.PORT ?? 3000}`;
