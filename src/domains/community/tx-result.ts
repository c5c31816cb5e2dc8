// A use case that returns a failed Result half-way must leave nothing written: the failure is
// thrown out of the transaction (rolling it back) and returned as a value again outside.
import type { Transaction } from 'kysely';
import { inTransaction, type Database, type Tx } from '../../kernel/db/index.js';
import type { Result } from '../../kernel/errors/index.js';

class Rollback extends Error {
  constructor(readonly result: Result<unknown>) {
    super('rollback');
  }
}

export async function inTransactionResult<T>(db: Tx, fn: (tx: Transaction<Database>) => Promise<Result<T>>): Promise<Result<T>> {
  const outer = (db as Transaction<Database>).isTransaction === true;
  try {
    return await inTransaction(db, async (tx) => {
      const r = await fn(tx);
      // Inside a caller's transaction the caller decides; our own transaction rolls back.
      if (!r.ok && !outer) throw new Rollback(r);
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) return e.result as Result<T>;
    throw e;
  }
}
