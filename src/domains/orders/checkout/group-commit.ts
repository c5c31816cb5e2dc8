// Group commit for checkout: concurrent checkouts are batched into one transaction, so one
// durable commit (one fsync with synchronous=FULL) acknowledges many orders. Nobody is
// acknowledged before the batch committed. The batch is placed by the one checkout path
// (place-batch.ts). If the batch cannot commit (a driver error, a key or group another server
// claimed meanwhile), it rolls back and each checkout runs again alone through the same path,
// in a transaction of its own, so one bad checkout cannot sink others (settle.ts). On a SQLite
// file the batches are settled in the checkout writer thread (writer.ts), else on `db` here.
import type { Db } from '../../../kernel/db/index.js';
import { isPostgres } from '../../../kernel/db/index.js';
import { AppError, ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import type { StoredResponse } from '../../../kernel/http/index.js';
import { dispatchOrderEvents } from '../events.js';
import type { PlaceOrderInput, Placed } from './request.js';
import { keyVerdicts, type IdemKey } from '../../../kernel/http/index.js';
import type { CheckoutJob, Outcome } from './place-batch.js';
import { settleBatch, type Settlement } from './settle.js';
import type { CheckoutWriter } from './writer.js';

export type { IdemKey } from '../../../kernel/http/index.js';
export type { CheckoutJob, Outcome } from './place-batch.js';

interface Pending extends CheckoutJob {
  resolve(o: Outcome): void;
  reject(e: unknown): void;
}

/** How long a batch may wait for more arrivals (a fraction of one fsync). */
const LINGER_MS = 3;

export class CheckoutBatcher {
  private queue: Pending[] = [];
  private running = 0;
  private scheduled = false;
  private inFlight = new Set<string>();
  readonly maxBatch: number;
  readonly parallel: number;
  batches = 0;
  fallbacks = 0;
  private writer: CheckoutWriter | null = null;

  /**
   * `parallel` > 1 only helps on PostgreSQL (SQLite has one writer): a batch's round trips
   * overlap another's. Two, not three: batches of the same products wait for each other's stock
   * rows, and on two cores a third batch mostly adds contention (6 alternated pairs, paced
   * 1,500/s: p99 113–147 against 107–196 ms, p50 38–47 against 39–78 ms; bench/README.md,
   * "Two PostgreSQL batches in flight").
   */
  constructor(
    private db: Db,
    o: { maxBatch?: number; parallel?: number } = {},
  ) {
    this.maxBatch = o.maxBatch ?? 128;
    this.parallel = o.parallel ?? (isPostgres(db) ? 2 : 1);
  }

  /** Places one checkout through the next batch (no idempotency key). */
  async place(input: PlaceOrderInput, actor: Actor | null): Promise<Result<Placed>> {
    const o = await this.submit({ input, actor });
    if (o.kind === 'failed') return o.failure;
    if (o.kind === 'placed') return ok(o.placed);
    throw new Error('unexpected replay without a key');
  }

  /**
   * The idempotent checkout of the storefront and the API, like the kernel's `idempotent`:
   * a replay returns the first response, the same key with another payload is refused (422),
   * and while the first request is in flight a duplicate is told so (409). Failures throw.
   */
  async checkout(
    req: CheckoutJob & { idem: IdemKey },
  ): Promise<StoredResponse & { replayed: boolean }> {
    // A stored key is judged inside the batch (placeBatch reads the keys first): reading it here
    // as well cost every checkout a query and, on SQLite, a wait for the one connection while
    // the running batch holds it. Only a key this process has in flight is read here: a stored
    // one answers as a replay, one still being placed is told so (409).
    const flightKey = `${req.idem.scope}\u0000${req.idem.key}`;
    if (this.inFlight.has(flightKey)) {
      const known = (await keyVerdicts(this.db, [req.idem])).get(req.idem);
      if (known?.kind === 'replay') return { ...known.response, replayed: true };
      throw new AppError(known?.kind === 'refused' ? known.code : 'IDEMPOTENCY_IN_FLIGHT');
    }
    this.inFlight.add(flightKey);
    try {
      const o = await this.submit(req);
      if (o.kind === 'failed')
        throw new AppError(o.failure.code, o.failure.params ?? {}, o.failure.fields ?? {});
      if (o.kind === 'replayed') return { ...o.response, replayed: true };
      return { ...(o.response ?? { status: 201, body: o.placed }), replayed: false };
    } finally {
      this.inFlight.delete(flightKey);
    }
  }

  private submit(req: CheckoutJob): Promise<Outcome> {
    return new Promise((resolve, reject) => {
      this.queue.push({ ...req, resolve, reject });
      this.schedule();
    });
  }

  /**
   * Starts the next batch once arrivals pause, not at once: over HTTP a request reaches the
   * queue only after several turns of the event loop (body, token, key pre-check), and on
   * SQLite those reads wait for the one connection while a batch holds it. Starting at once
   * made every batch a batch of one (one fsync per checkout, ≈ 80/s). So the batch waits turn
   * by turn while the queue keeps growing, at most LINGER_MS, then takes what is there.
   */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    const started = performance.now();
    let seen = -1;
    const tick = () => {
      const grew = this.queue.length > seen;
      seen = this.queue.length;
      if (grew && seen < this.maxBatch && performance.now() - started < LINGER_MS) {
        setImmediate(tick);
        return;
      }
      this.scheduled = false;
      this.pump();
    };
    setImmediate(tick);
  }

  private pump() {
    while (this.running < this.parallel && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      void this.run(batch);
    }
  }

  private async run(batch: Pending[]) {
    this.batches++;
    let done: Settlement;
    try {
      // Only data crosses to the writer thread: the jobs without their promise callbacks.
      done = this.writer
        ? await this.writer.settle(batch.map(({ resolve: _r, reject: _j, ...job }) => job))
        : await settleBatch(this.db, batch);
    } catch {
      this.next();
      // The writer thread died or its message failed: whether the batch committed is unknown,
      // so nobody is acknowledged and each client is told to send again with its key.
      for (const p of batch) p.reject(new AppError('ORDERS_CHECKOUT_INTERRUPTED'));
      return;
    }
    this.next();
    if (done.fellBack) this.fallbacks++;
    dispatchOrderEvents(done.events);
    batch.forEach((p, i) => {
      const s = done.settled[i];
      if (s.ok) p.resolve(s.outcome);
      else p.reject(s.error);
    });
  }

  /**
   * A batch is settled: the next one starts now, before this one's answers are written, if
   * checkouts queued meanwhile (they gathered for a whole batch; lingering would add nothing).
   * The writer thread works on it while this thread writes the responses, instead of waiting
   * for them (bench/README.md, "… the next batch before the answers"). On a SQLite file the writer
   * then holds the lock almost always, yet the main connection's writes still get it within a
   * batch: SQLite waits for a lock synchronously, so while this thread waits, no next batch is
   * sent and the lock is free once the running one commits (test/unit/checkout-writer.test.ts).
   */
  private next() {
    this.running--;
    if (this.queue.length) this.pump();
  }

  /** Settles this database's batches in a writer thread from now on (SQLite file; see writer.ts). */
  useWriter(writer: CheckoutWriter): void {
    this.writer = writer;
  }
}

const batchers = new WeakMap<Db, CheckoutBatcher>();

/** The process's batcher for a database: every checkout of the storefront and the API goes through it. */
export function checkoutBatcher(db: Db): CheckoutBatcher {
  let b = batchers.get(db);
  if (!b) batchers.set(db, (b = new CheckoutBatcher(db)));
  return b;
}
