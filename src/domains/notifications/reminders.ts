// Scheduled notices, from a recurring job rather than an event: a certificate that expires in
// 60 days or less, and again at 14 days or less, reaches the UMKM's sellers and the managers of
// its organisation. The event key names the certificate and the threshold, so however often the
// job runs each person hears of each threshold once (a renewal is a new certificate).
import type { Db } from '../../kernel/db/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { activeHoldersOn } from '../accounts/index.js';
import { ALERT_DAYS, certificationsExpiringBetween, daysToExpiry } from '../community/index.js';
import { recordNotices, type Notice } from './record.js';

export const REMIND_JOB = 'notifications.reminders';
/** The sweep runs hourly: a threshold crossed at midnight is told within the hour. */
export const REMIND_EVERY_MS = 3600_000;
const DAY = 86400_000;

/** Records the reminders due on `now`'s day (UTC); returns how many inbox rows are new. */
export async function runReminders(db: Db, now: Date = new Date()): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const horizon = new Date(now.getTime() + Math.max(...ALERT_DAYS) * DAY)
    .toISOString()
    .slice(0, 10);
  const certs = await certificationsExpiringBetween(db, today, horizon);
  let added = 0;
  for (const c of certs) {
    const days = daysToExpiry({ expires_on: c.expiresOn }, now);
    if (days === null || days < 0) continue;
    // The smallest threshold already reached (14 inside 60): one reminder per threshold.
    const threshold = Math.min(...ALERT_DAYS.filter((d) => days <= d));
    const people = [
      ...(await activeHoldersOn(db, 'seller', [c.umkmId])),
      ...(c.organisationId
        ? await activeHoldersOn(db, 'community_manager', [c.organisationId])
        : []),
    ];
    const notices: Notice[] = [...new Set(people.map((p) => p.userId))].map((userId) => ({
      userId,
      kind: 'certificate_expiring',
      eventKey: `certificate:${c.id}:${threshold}`,
      params: {
        certificate: `msg:community.cert.${c.kind}`,
        days: String(days),
        date: `date:${c.expiresOn}`,
      },
      link: `/community/umkm/${c.umkmId}#certifications`,
      regionCode: c.villageCode,
      organisationId: c.organisationId,
    }));
    added += await inTransaction(db, (tx) => recordNotices(tx, notices));
  }
  return added;
}

/** Keeps exactly one future sweep queued. */
export async function scheduleReminders(
  db: Db,
  at: Date = new Date(Date.now() + REMIND_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, REMIND_JOB, {}, { runAt: at, maxAttempts: 3 });
}

/** The recurring sweep; `now` in the payload sets the clock (tests). */
export const runRemindersJob: JobHandler = async (ctx) => {
  const now = ctx.payload?.now ? new Date(ctx.payload.now) : new Date();
  const added = await runReminders(ctx.db, now);
  await scheduleReminders(ctx.db, new Date(now.getTime() + REMIND_EVERY_MS));
  return { added };
};
