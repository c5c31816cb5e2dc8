// Scheduled notices, from a recurring job rather than an event: a certificate that expires in
// 60 days or less, and again at 14 days or less, reaches the UMKM's sellers and the managers of
// its organisation. The event key names the certificate and the threshold, so however often the
// job runs each person hears of each threshold once (a renewal is a new certificate). On the day
// before (in the village's zone) a cycle order's buyer hears of the pickup and a training
// session's participants of the session, once each.
import type { Db } from '../../kernel/db/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { activeHoldersOn } from '../accounts/index.js';
import { ALERT_DAYS, certificationsExpiringBetween, daysToExpiry } from '../community/index.js';
import { cyclePickupsBetween } from '../collective/index.js';
import { orderNotice } from '../orders/index.js';
import { sessionsStartingBetween } from '../training/index.js';
import { recordNotices, type Notice } from './record.js';
import { localDay } from './quiet-hours.js';

export const REMIND_JOB = 'notifications.reminders';
/** The sweep runs hourly: a threshold crossed at midnight is told within the hour. */
export const REMIND_EVERY_MS = 3600_000;
const DAY = 86400_000;

/** Records the reminders due on `now`'s day (UTC); returns how many inbox rows are new. */
export async function runReminders(db: Db, now: Date = new Date()): Promise<number> {
  return (
    (await certificateReminders(db, now)) +
    (await pickupReminders(db, now)) +
    (await sessionReminders(db, now))
  );
}

/** Buyers with an account hear the day before a cycle order's pickup day (the point's zone). */
async function pickupReminders(db: Db, now: Date): Promise<number> {
  // Every zone's "tomorrow" lies within the UTC days from today to the day after tomorrow.
  const pickups = await cyclePickupsBetween(db, localDay(now, null), localDay(now, null, 2));
  let added = 0;
  for (const p of pickups) {
    if (localDay(now, p.villageCode, 1) !== p.pickupDate) continue;
    const o = await orderNotice(db, p.orderId);
    if (!o?.buyerUserId || o.cancelled) continue;
    const notice: Notice = {
      userId: o.buyerUserId,
      kind: 'cycle_pickup',
      eventKey: `cycle_pickup:${p.orderId}:${p.pickupDate}`,
      params: {
        number: o.number,
        date: `date:${p.pickupDate}`,
        from: p.pickupFrom,
        to: p.pickupTo,
      },
      link: `/pesanan-saya/${o.id}`,
      regionCode: p.villageCode,
      organisationId: null,
    };
    added += await inTransaction(db, (tx) => recordNotices(tx, [notice]));
  }
  return added;
}

/** Participants (their account, else their UMKM's sellers) hear the day before a session. */
async function sessionReminders(db: Db, now: Date): Promise<number> {
  const sessions = await sessionsStartingBetween(
    db,
    now.toISOString(),
    new Date(now.getTime() + 2 * DAY).toISOString(),
  );
  let added = 0;
  for (const s of sessions) {
    if (localDay(now, s.regionCode, 1) !== localDay(new Date(s.startsAt), s.regionCode)) continue;
    const people = new Set<string>();
    for (const p of s.participants) {
      if (p.userId) people.add(p.userId);
      else if (p.umkmId)
        for (const h of await activeHoldersOn(db, 'seller', [p.umkmId])) people.add(h.userId);
    }
    const notices: Notice[] = [...people].map((userId) => ({
      userId,
      kind: 'training_session',
      eventKey: `training_session:${s.sessionId}:${s.startsAt}`,
      params: { course: s.courseTitle, place: s.place, at: `at:${s.startsAt}@${s.regionCode}` },
      link: '/kotak-masuk',
      regionCode: s.regionCode,
      organisationId: null,
    }));
    added += await inTransaction(db, (tx) => recordNotices(tx, notices));
  }
  return added;
}

async function certificateReminders(db: Db, now: Date): Promise<number> {
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
