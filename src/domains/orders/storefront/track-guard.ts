// Tracking by order number + phone is the one lookup open to anybody, so it is rate-limited
// (issue 13, hole 5): per client address, every lookup counts; per order number, every miss
// counts, and once a number had too many misses it answers nobody until its window ends, so
// guessing a buyer's phone stops after a handful of tries. The counters live in the database
// (kernel rate-limit), so the limits hold across app servers and restarts.
import type { Tx } from '../../../kernel/db/index.js';
import { hitRate, peekRate, rateResetAt } from '../../../kernel/http/index.js';

/** Lookups one client address may make per window (page and API together). */
export const TRACK_CLIENT_LIMIT = 30;
export const TRACK_CLIENT_WINDOW_MS = 15 * 60_000;
/** Misses (unknown number or wrong phone) one order number tolerates per window. */
export const TRACK_NUMBER_LIMIT = 10;
export const TRACK_NUMBER_WINDOW_MS = 60 * 60_000;

const numberBucket = (number: string) => `track:number:${number.trim().toUpperCase().slice(0, 20)}`;

export type TrackVerdict = { allowed: true } | { allowed: false; retryAfterSec: number };

function retryAfter(resetAt: string): number {
  return Math.max(1, Math.ceil((Date.parse(resetAt) - Date.now()) / 1000));
}

/** Counts one lookup of `number` by `client`; refused while either limit is spent. */
export async function admitLookup(db: Tx, client: string, number: string): Promise<TrackVerdict> {
  const byClient = await hitRate(
    db,
    `track:ip:${client}`,
    TRACK_CLIENT_LIMIT,
    TRACK_CLIENT_WINDOW_MS,
  );
  if (!byClient.allowed) return { allowed: false, retryAfterSec: retryAfter(byClient.resetAt) };
  if ((await peekRate(db, numberBucket(number))) >= TRACK_NUMBER_LIMIT) {
    const resetAt = await rateResetAt(db, numberBucket(number));
    return {
      allowed: false,
      retryAfterSec: retryAfter(
        resetAt ?? new Date(Date.now() + TRACK_NUMBER_WINDOW_MS).toISOString(),
      ),
    };
  }
  return { allowed: true };
}

/** Records a miss (no such number, or the wrong phone) against the order number. */
export async function recordMiss(db: Tx, number: string): Promise<void> {
  await hitRate(db, numberBucket(number), TRACK_NUMBER_LIMIT, TRACK_NUMBER_WINDOW_MS);
}
