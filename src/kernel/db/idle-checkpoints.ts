// Checkpoints a SQLite writer runs between its pieces of work instead of inside a commit.
// SQLite's automatic checkpoint runs in the commit that finds the WAL past its limit (1,000 pages
// by default), so one batch in every two or three paid for copying the WAL into the database file
// before its buyers were answered: 12.7 ms every 3 batches of 50 checkouts. Most of those pages
// are the same few leaves (the last of each index per UMKM and variant), rewritten by every batch,
// and a checkpoint copies each page once however many frames hold it: every 10 batches it took
// 20 ms, every 30 batches 29 ms (bench/README.md, "Checkpoints between batches").
// So the owner of the writing connection calls `around` for each piece of work, and after every
// `every` units of work (pieces, or what they write: the checkout writer counts a batch's
// checkouts), once none is running, a PASSIVE checkpoint copies the WAL; the next commit then
// writes the WAL from its start again. It runs after the work's answer is on its way (a
// setImmediate after the work settled). WAL_CEILING_PAGES (connect.ts) stays the ceiling for a
// writer that is never idle.
import { sql } from 'kysely';
import type { DbHandle } from './types.js';

export interface IdleCheckpoints {
  /**
   * Runs `work`, counting its `weight` (the units `every` counts: pieces of work, or what they
   * write, e.g. a batch's checkouts); the checkpoint waits until no work is running.
   */
  around<T>(work: () => Promise<T>, weight?: number): Promise<T>;
}

/**
 * Checkpoints for the SQLite file behind `h` after every `every` units of work. PostgreSQL
 * keeps its own WAL: there `around` only runs the work.
 */
export function idleCheckpoints(h: DbHandle, every = 10): IdleCheckpoints {
  if (h.dialect === 'postgres') return { around: (work) => work() };
  const db = h.db;
  let running = 0;
  let since = 0;
  let checkpointing = false;
  const checkpoint = async () => {
    if (running > 0 || since < every || checkpointing) return;
    checkpointing = true;
    since = 0;
    try {
      await sql`pragma wal_checkpoint(PASSIVE)`.execute(db);
    } catch (e) {
      // The next commit past the ceiling checkpoints anyway; the work must not die of this.
      console.error(`idle checkpoint failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      checkpointing = false;
    }
  };
  return {
    async around(work, weight = 1) {
      running++;
      try {
        return await work();
      } finally {
        running--;
        since += weight;
        setImmediate(() => void checkpoint());
      }
    },
  };
}
