// Group commit for checkout: concurrent checkouts are batched into one transaction, each in
// its own savepoint, so one durable commit (one fsync with synchronous=FULL) acknowledges many
// orders, and one order's failure (a lost stock race) rolls back only its savepoint. Nobody is
// acknowledged before the batch committed.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { fail, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { CheckoutFailure, placeOrder, type PlaceOrderInput, type Placed } from './place-order.js';

interface Pending {
  input: PlaceOrderInput;
  actor: Actor | null;
  resolve(r: Result<Placed>): void;
  reject(e: unknown): void;
}

export class CheckoutBatcher {
  private queue: Pending[] = [];
  private running = 0;
  readonly maxBatch: number;
  readonly parallel: number;
  batches = 0;

  /** `parallel` > 1 only helps on PostgreSQL (SQLite has one writer). */
  constructor(private db: Db, o: { maxBatch?: number; parallel?: number } = {}) {
    this.maxBatch = o.maxBatch ?? 64;
    this.parallel = o.parallel ?? 1;
  }

  place(input: PlaceOrderInput, actor: Actor | null): Promise<Result<Placed>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, actor, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.running < this.parallel && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.running++;
      this.run(batch).finally(() => {
        this.running--;
        this.pump();
      });
    }
  }

  private async run(batch: Pending[]) {
    this.batches++;
    let results: Result<Placed>[];
    try {
      results = await this.db.transaction().execute(async (tx) => {
        const out: Result<Placed>[] = [];
        for (const p of batch) {
          await sql`savepoint checkout_item`.execute(tx);
          try {
            out.push(await placeOrder(tx, p.input, p.actor));
            await sql`release savepoint checkout_item`.execute(tx);
          } catch (e) {
            await sql`rollback to savepoint checkout_item`.execute(tx);
            await sql`release savepoint checkout_item`.execute(tx);
            if (!(e instanceof CheckoutFailure)) throw e;
            out.push(fail(e.code, e.params));
          }
        }
        return out;
      });
    } catch (e) {
      for (const p of batch) p.reject(e);
      return;
    }
    batch.forEach((p, i) => p.resolve(results[i]));
  }
}
