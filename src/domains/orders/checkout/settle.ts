// Settles a batch of checkouts against one database connection: the whole batch in one
// transaction (group commit), and if that cannot commit, each checkout again alone in its own.
// The batcher runs it on its own connection, or the checkout writer thread runs it on its
// connection (writer.ts); either way the answer is one Settled per job, in order, and the events
// to dispatch once committed.
import type { Db } from '../../../kernel/db/index.js';
import { inTransactionResult } from '../../../kernel/db/index.js';
import type { OrderEvent } from '../events.js';
import { placeBatch, type CheckoutJob, type Outcome } from './place-batch.js';

export type Settled = { ok: true; outcome: Outcome } | { ok: false; error: unknown };

export interface Settlement {
  settled: Settled[];
  events: OrderEvent[];
  /** Whether the batch rolled back and every checkout ran alone. */
  fellBack: boolean;
}

/** Tries of a checkout alone: a claim lost to another server is decided on the next read. */
const ALONE_TRIES = 3;

export async function settleBatch(db: Db, batch: CheckoutJob[]): Promise<Settlement> {
  let committing = false;
  try {
    const done = await inTransactionResult(db, async (tx) => {
      const r = await placeBatch(tx, batch);
      committing = r.ok;
      return r;
    });
    if (done.ok) {
      const { outcomes, events } = done.value;
      return {
        settled: batch.map((j) => ({ ok: true, outcome: outcomes.get(j)! })),
        events,
        fellBack: false,
      };
    }
  } catch (error) {
    // A failed COMMIT may still have committed: running the checkouts again could place them
    // twice, so nobody is acknowledged and each client retries (with its key, safely).
    if (committing)
      return { settled: batch.map(() => ({ ok: false, error })), events: [], fellBack: false };
  }
  // Rolled back before commit: every checkout runs again alone, so each gets its own verdict.
  const events: OrderEvent[] = [];
  const settled = await Promise.all(
    batch.map((j) =>
      alone(db, j, events).then(
        (outcome): Settled => ({ ok: true, outcome }),
        (error): Settled => ({ ok: false, error }),
      ),
    ),
  );
  return { settled, events, fellBack: true };
}

/** One checkout through the same path, in its own transaction. */
async function alone(db: Db, job: CheckoutJob, events: OrderEvent[]): Promise<Outcome> {
  for (let i = 1; ; i++) {
    const r = await inTransactionResult(db, (tx) => placeBatch(tx, [job]));
    if (r.ok) {
      events.push(...r.value.events);
      return r.value.outcomes.get(job)!;
    }
    if (i >= ALONE_TRIES) return { kind: 'failed', failure: r };
  }
}
