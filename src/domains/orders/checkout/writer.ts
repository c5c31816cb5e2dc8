// The checkout writer thread. On a SQLite file every statement runs synchronously on the thread
// that asks, so a batch of 128 checkouts held the event loop for its whole transaction and its
// fsync (≈ 100 ms under load): no page was served and, since libuv accepts one connection per
// loop turn, new connections waited in the kernel's queue for seconds (bench/README.md,
// "accept-queue tail"). The batcher therefore hands its batches to a worker thread that owns a
// second, writing connection to the same file and settles them there (settle.ts, the same code
// as in-process); the event loop only waits for the answer. Other writes stay on the main
// connection: SQLite serialises the two writers (transactions begin IMMEDIATE, busy_timeout).
//
// On PostgreSQL nothing blocks the loop, but a batch's work (building its statements, the driver's
// protocol, the rows and the responses) is garbage that lives as long as the batch: on the main
// thread's young generation (then 2 MiB) it was promoted (≈ 55 KB a checkout) and the collector
// took a third of the main thread. The thread has its own pool and a young generation sized for a
// batch (kernel/offloop/worker-heap.ts); the batcher still runs up to two batches at once there.
//
// Only data crosses threads: the jobs (their responder is data, respond.ts) and back the settled
// outcomes, errors as codes (kernel/offloop/answer-calls.ts) and the events, which are dispatched
// on the main thread, where the after-commit listeners live.
import type { ConnectOptions, Db, DbHandle } from '../../../kernel/db/index.js';
import { connect, idleCheckpoints } from '../../../kernel/db/index.js';
import {
  callError,
  ReadWorkers,
  toCallError,
  type CallError,
} from '../../../kernel/offloop/index.js';
import type { CheckoutJob } from './place-batch.js';
import { settleBatch, type Settled, type Settlement } from './settle.js';

/** Where the batcher's batches are settled when not on its own connection. */
export interface CheckoutWriter {
  settle(jobs: CheckoutJob[]): Promise<Settlement>;
}

/** The name the writer thread answers to. */
export const SETTLE_CALL = 'orders.settleCheckouts';

type WireSettled = Extract<Settled, { ok: true }> | { ok: false; error: CallError };
type WireSettlement = Omit<Settlement, 'settled'> & { settled: WireSettled[] };

/** The thread's side: settles on the thread's connection, errors turned into data. */
async function settleOnWire(db: Db, jobs: CheckoutJob[]): Promise<WireSettlement> {
  const done = await settleBatch(db, jobs);
  return {
    ...done,
    settled: done.settled.map((s) => (s.ok ? s : { ok: false, error: toCallError(s.error) })),
  };
}

/**
 * The main thread's side, over a thread that answers `call(SETTLE_CALL, [jobs])`.
 * `committed` runs after every answer: the writer's writes count for the page caches.
 */
function threadWriter(
  thread: { call(name: string, args: unknown[]): Promise<unknown> },
  committed: () => void,
): CheckoutWriter {
  return {
    async settle(jobs) {
      const done = (await thread.call(SETTLE_CALL, [jobs])) as WireSettlement;
      committed();
      return {
        ...done,
        settled: done.settled.map((s) => (s.ok ? s : { ok: false, error: callError(s.error) })),
      };
    },
  };
}

/**
 * How the writer thread reaches the database of `h`: its SQLite file (and after how many
 * checkouts it checkpoints it, CHECKPOINT_EVERY_CHECKOUTS unless a test says), or PostgreSQL.
 */
export type WriterConnection =
  | { sqlitePath: string; synchronous: 'FULL' | 'NORMAL'; checkpointEvery?: number }
  | { databaseUrl: string; pgSchema?: string };

/**
 * The checkouts the thread settles between two checkpoints of its SQLite file
 * (kernel/db/idle-checkpoints.ts), counted in checkouts, not batches: what a checkpoint copies
 * grows with the pages the orders wrote, not with the batches they came in. Counted in batches
 * (every 10), a paced load's batches of ≈ 16 checkpointed every 160 orders, and the checkpoints
 * took 34–39 µs of the writer's time a checkout against 17–20 µs every 1,000 in three alternated
 * pairs (bench/README.md, "… checkpoints counted in checkouts"). Full batches of 100–128
 * checkpoint about as before.
 */
const CHECKPOINT_EVERY_CHECKOUTS = 1_000;

/**
 * The thread's side, whole: its own connection to the database, each batch settled on it, and
 * on a SQLite file the checkpoints between batches. `close` ends the connection.
 */
export function threadSettler(c: WriterConnection): {
  settle(jobs: CheckoutJob[]): Promise<WireSettlement>;
  close(): Promise<void>;
} {
  const h = connect(writerConnectOptions(c));
  const every = ('checkpointEvery' in c && c.checkpointEvery) || CHECKPOINT_EVERY_CHECKOUTS;
  const checkpoints = idleCheckpoints(h, every);
  return {
    settle: (jobs) => checkpoints.around(() => settleOnWire(h.db, jobs), jobs.length),
    close: () => h.close(),
  };
}

/**
 * The thread's own connection: PostgreSQL gets a pool for the batcher's parallel batches; a
 * SQLite file a page cache of 64 MiB instead of the 16 MiB better-sqlite3 builds SQLite with.
 * A batch writes into some hundred pages of a dozen b-trees (orders and their indexes, lines,
 * ledgers, keys). With the larger cache the paced run's p99 at 3,000 orders/s was 73–196 ms
 * against 109–342 ms in six alternated pairs, at the same CPU a checkout (bench/README.md,
 * "The audit chain last"). It fills only as the writer touches pages, on this connection only.
 *
 * Its statement journals stay in memory. Inside a batch's transaction each multi-row insert may
 * fail halfway (a constraint), so SQLite first copies every page it changes into a statement
 * journal, and past 64 KiB that journal is a temporary file: one file a batch, opened, written
 * page by page (≈ 280 writes a batch of 100) and unlinked. In memory it is at most the pages of
 * one statement, and the writer's time a checkout fell 2–13 % in six alternated pairs
 * (bench/checkout-writer.ts; bench/README.md, "The writer's statement journals in memory, …").
 * Only this connection: elsewhere a big report's temporary sort may want the disk.
 */
export function writerConnectOptions(c: WriterConnection): ConnectOptions {
  if ('databaseUrl' in c) return { ...c, poolSize: 4 };
  const { checkpointEvery: _, ...file } = c;
  return { ...file, cacheMiB: 64, tempInMemory: true };
}

/**
 * Starts (on its first batch) the writer thread for `batcher`'s batches on the database of
 * `h`, from the thread's entry script (src/checkout-writer.ts, or its compiled or bundled form).
 */
export function startWriterThread(
  h: DbHandle,
  batcher: { useWriter(w: CheckoutWriter): void },
  o: { connection: WriterConnection; script: URL; loader: string | null },
): ReadWorkers {
  const thread = new ReadWorkers({
    modules: [],
    data: { connection: o.connection },
    label: 'checkout writer',
    script: o.script,
    loader: o.loader,
  });
  batcher.useWriter(threadWriter(thread, () => h.noteWrites(1)));
  return thread;
}
