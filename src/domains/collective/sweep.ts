// The collective jobs: a group buy is settled by a job queued for its deadline; a recurring
// sweep closes cycles past their close time and settles any group buy whose job was lost
// (a restored backup, a server off at the deadline), and places the standing orders of cycles
// that have opened. All are safe to run twice.
import type { Db } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { closeCycle } from './cycles.service.js';
import { settleGroupBuy } from './settle.js';
import { cyclesWithDueStanding, placeStandingOrders } from './standing-place.js';

export const SWEEP_JOB = 'collective.sweep';
export const SWEEP_EVERY_MS = 60_000;

/** Settles one group buy (its deadline job); "already settled" is success. */
export const runSettleJob: JobHandler = async (ctx) => {
  const now = ctx.payload?.now ? new Date(ctx.payload.now) : new Date();
  const r = await settleGroupBuy(ctx.db, String(ctx.payload?.id ?? ''), now);
  if (r.ok) return r.value;
  if (r.code === 'COLLECTIVE_ALREADY_SETTLED' || r.code === 'NOT_FOUND') return { skipped: r.code };
  // Not due yet (a clock skew) or a refusal: the queue retries with back-off.
  throw new Error(`settle ${ctx.payload?.id}: ${r.code}`);
};

/** Closes due cycles, settles due group buys and places standing orders of opened cycles. */
export async function sweepDue(db: Db, now = new Date()) {
  const iso = now.toISOString();
  const cycles = await db
    .selectFrom('cycles')
    .select('id')
    .where('status', '=', 'open')
    .where('closes_at', '<=', iso)
    .limit(100)
    .execute();
  let closed = 0;
  for (const c of cycles) if ((await closeCycle(db, null, c.id)).ok) closed++;
  const buys = await db
    .selectFrom('group_buys')
    .select('id')
    .where('status', '=', 'open')
    .where('deadline', '<=', iso)
    .limit(100)
    .execute();
  let settled = 0;
  for (const b of buys) if ((await settleGroupBuy(db, b.id, now)).ok) settled++;
  const standing = { placed: 0, partial: 0, skipped: 0 };
  for (const id of await cyclesWithDueStanding(db, now)) {
    const r = await placeStandingOrders(db, id, now);
    standing.placed += r.placed;
    standing.partial += r.partial;
    standing.skipped += r.skipped;
  }
  return { closed, settled, standing };
}

/** Keeps exactly one future sweep queued. */
export async function scheduleSweep(db: Db, at = new Date(Date.now() + SWEEP_EVERY_MS)) {
  await enqueueOnce(db, SWEEP_JOB, {}, { runAt: at, maxAttempts: 3 });
}

export const runSweepJob: JobHandler = async (ctx) => {
  const now = ctx.payload?.now ? new Date(ctx.payload.now) : new Date();
  const r = await sweepDue(ctx.db, now);
  await scheduleSweep(ctx.db, new Date(now.getTime() + SWEEP_EVERY_MS));
  return r;
};
