// Fixed-window counters kept in the database, so limits hold across app servers and restarts.
// A window always ends: nobody can lock another person out for longer than one window.
import { sql } from 'kysely';
import type { Tx } from '../db/types.js';

export interface RateResult {
  count: number;
  allowed: boolean;
  resetAt: string;
}

/** Adds one hit to `bucket` and reports whether it is still within `limit` for the window. */
export async function hitRate(
  db: Tx,
  bucket: string,
  limit: number,
  windowMs: number,
  now = new Date(),
): Promise<RateResult> {
  const nowIso = now.toISOString();
  const reset = new Date(now.getTime() + windowMs).toISOString();
  await db
    .insertInto('rate_limits')
    .values({ bucket, count: 1, reset_at: reset })
    .onConflict((oc) =>
      oc.column('bucket').doUpdateSet({
        count: sql`case when rate_limits.reset_at <= ${nowIso} then 1 else rate_limits.count + 1 end`,
        reset_at: sql`case when rate_limits.reset_at <= ${nowIso} then ${reset} else rate_limits.reset_at end`,
      }),
    )
    .execute();
  const row = await db
    .selectFrom('rate_limits')
    .selectAll()
    .where('bucket', '=', bucket)
    .executeTakeFirstOrThrow();
  return { count: row.count, allowed: row.count <= limit, resetAt: row.reset_at };
}

/** Current count without adding a hit (0 when the window has passed). */
export async function peekRate(db: Tx, bucket: string, now = new Date()): Promise<number> {
  const row = await db
    .selectFrom('rate_limits')
    .selectAll()
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  if (!row || row.reset_at <= now.toISOString()) return 0;
  return row.count;
}

/** When the bucket's window ends (ISO time), or null when it has none. */
export async function rateResetAt(db: Tx, bucket: string): Promise<string | null> {
  const row = await db
    .selectFrom('rate_limits')
    .select('reset_at')
    .where('bucket', '=', bucket)
    .executeTakeFirst();
  return row?.reset_at ?? null;
}

export async function clearRate(db: Tx, bucket: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('bucket', '=', bucket).execute();
}
