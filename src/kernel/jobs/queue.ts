// A small database-backed job queue: one worker per process claims due jobs, runs the handler
// registered for the type, retries failures with exponential back-off, and records progress
// that pages poll. On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED so several app servers
// can each run a worker without taking the same job.
import { sql } from 'kysely';
import { newId } from '../ids/ids.js';
import { nowIso } from '../db/tx.js';
import { isPostgres } from '../db/dialect.js';
import type { Db, Tx } from '../db/types.js';
import type { JobsTable } from '../db/kernel-tables.js';

export interface JobContext {
  db: Db;
  job: JobsTable;
  payload: any;
  /** Records progress (done of total) for the page that shows the job. */
  progress(done: number, total: number): Promise<void>;
}

export type JobHandler = (ctx: JobContext) => Promise<unknown>;
const handlers = new Map<string, JobHandler>();

/** Registers the handler for a job type (domains call this at import time). */
export function registerJob(type: string, handler: JobHandler): void {
  handlers.set(type, handler);
}

export interface EnqueueOptions {
  runAt?: Date;
  maxAttempts?: number;
  ownerId?: string | null;
  id?: string;
}

export async function enqueue(
  db: Tx,
  type: string,
  payload: unknown,
  o: EnqueueOptions = {},
): Promise<string> {
  const now = nowIso();
  const id = o.id ?? newId('job');
  await db
    .insertInto('jobs')
    .values({
      id,
      type,
      payload: JSON.stringify(payload ?? null),
      status: 'queued',
      attempts: 0,
      max_attempts: o.maxAttempts ?? 5,
      run_at: (o.runAt ?? new Date()).toISOString(),
      locked_at: null,
      progress: 0,
      progress_total: 0,
      result: null,
      error: null,
      owner_id: o.ownerId ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Queues a job of `type` unless one is already queued (a recurring sweep keeps one future run). */
export async function enqueueOnce(
  db: Tx,
  type: string,
  payload: unknown,
  o: EnqueueOptions = {},
): Promise<void> {
  const queued = await db
    .selectFrom('jobs')
    .select('id')
    .where('type', '=', type)
    .where('status', '=', 'queued')
    .executeTakeFirst();
  if (!queued) await enqueue(db, type, payload, o);
}

export async function getJob(db: Tx, id: string) {
  return db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Back-off before attempt n+1: 2^n seconds, capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(3600_000, 1000 * 2 ** attempts);
}

async function claim(db: Db): Promise<JobsTable | undefined> {
  const now = nowIso();
  if (isPostgres(db)) {
    const r = await sql<JobsTable>`
      update jobs set status = 'running', locked_at = ${now}, attempts = attempts + 1, updated_at = ${now}
      where id = (select id from jobs where status = 'queued' and run_at <= ${now}
                  order by run_at limit 1 for update skip locked)
      returning *`.execute(db);
    return r.rows[0];
  }
  const due = (q: Db) =>
    q
      .selectFrom('jobs')
      .select('id')
      .where('status', '=', 'queued')
      .where('run_at', '<=', now)
      .orderBy('run_at')
      .limit(1)
      .executeTakeFirst();
  // Look before taking the write lock: a transaction on SQLite begins `immediate`, and a poll
  // that found nothing (most do) still waited, with the event loop held, for the checkout
  // writer thread's commit and fsync (≈ 10 ms a second under checkout load).
  if (!(await due(db))) return undefined;
  return db.transaction().execute(async (tx) => {
    const next = await due(tx);
    if (!next) return undefined;
    await tx
      .updateTable('jobs')
      .set({ status: 'running', locked_at: now, updated_at: now, attempts: sql`attempts + 1` })
      .where('id', '=', next.id)
      .execute();
    return tx.selectFrom('jobs').selectAll().where('id', '=', next.id).executeTakeFirst();
  });
}

/** Claims and runs one due job; returns false when none was due. */
export async function runOnce(db: Db): Promise<boolean> {
  const job = await claim(db);
  if (!job) return false;
  const handler = handlers.get(job.type);
  const ctx: JobContext = {
    db,
    job,
    payload: JSON.parse(job.payload),
    progress: async (done, total) => {
      await db
        .updateTable('jobs')
        .set({ progress: done, progress_total: total, updated_at: nowIso() })
        .where('id', '=', job.id)
        .execute();
    },
  };
  try {
    if (!handler) throw new Error(`no handler for job type ${job.type}`);
    const result = await handler(ctx);
    await db
      .updateTable('jobs')
      .set({
        status: 'done',
        result: JSON.stringify(result ?? null),
        error: null,
        updated_at: nowIso(),
      })
      .where('id', '=', job.id)
      .execute();
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const final = job.attempts >= job.max_attempts;
    await db
      .updateTable('jobs')
      .set({
        status: final ? 'failed' : 'queued',
        error: message,
        locked_at: null,
        updated_at: nowIso(),
        run_at: new Date(Date.now() + backoffMs(job.attempts)).toISOString(),
      })
      .where('id', '=', job.id)
      .execute();
  }
  return true;
}

/** Runs due jobs until none is left (tests and the CLI use it to drain the queue). */
export async function drain(db: Db, max = 1000): Promise<number> {
  let n = 0;
  while (n < max && (await runOnce(db))) n++;
  return n;
}

/** Starts the background worker; returns a function that stops it. */
export function startWorker(db: Db, intervalMs = 1000): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> = Promise.resolve();
  const loop = async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await runOnce(db);
      } catch {
        worked = false; // database briefly unavailable: try again on the next tick
      }
      if (!worked) await new Promise((r) => setTimeout(r, intervalMs));
    }
  };
  running = loop();
  return async () => {
    stopped = true;
    await running;
  };
}
