// Reservations of unpaid transfer/QRIS orders run out (RESERVATION_MS after placement): a job
// on the kernel queue cancels those orders and releases their stock every few minutes. It
// keeps exactly one future run queued; startup queues one at once, catching up on the time
// the server was off.
import type { Db } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { expireReservations } from './orders.service.js';

export const EXPIRE_JOB = 'orders.expire_reservations';
/** How often the sweep runs: a reservation outlives its expiry by at most this. */
export const EXPIRE_EVERY_MS = 10 * 60_000;
/** expireReservations handles at most this many orders per call. */
const PER_CALL = 500;

/** Makes sure exactly one future run is queued, at `at` (default: one interval from now). */
export async function scheduleExpiry(
  db: Db,
  at: Date = new Date(Date.now() + EXPIRE_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, EXPIRE_JOB, {}, { runAt: at, maxAttempts: 3 });
}

/** Releases expired reservations in batches, then queues its next run. */
export const runExpiryJob: JobHandler = async (ctx) => {
  // `now` in the payload sets the clock (tests); a scheduled run uses the real one.
  const now = ctx.payload?.now ? new Date(ctx.payload.now) : new Date();
  let expired = 0;
  for (;;) {
    const n = await expireReservations(ctx.db, now);
    expired += n;
    if (n < PER_CALL) break;
  }
  await scheduleExpiry(ctx.db, new Date(now.getTime() + EXPIRE_EVERY_MS));
  return { expired };
};
