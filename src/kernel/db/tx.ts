// Transactions that work on both dialects. Kysely's transaction() on SQLite runs on the one
// connection; nested calls reuse the outer transaction instead of opening a second one.
import type { Kysely, Transaction } from 'kysely';
import type { Result } from '../errors/index.js';
import type { Database, Tx } from './types.js';

/** Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one. */
export async function inTransaction<T>(
  db: Tx,
  fn: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if ((db as Transaction<Database>).isTransaction) return fn(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(fn);
}

/**
 * A transaction whose reads all see one snapshot of the database, for a figure computed from
 * several reads that must agree. PostgreSQL gives each statement its own snapshot unless asked
 * (repeatable read); a SQLite transaction always reads one (the driver ignores the level).
 */
export function inSnapshot<T>(
  db: Kysely<Database>,
  fn: (tx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db.transaction().setIsolationLevel('repeatable read').execute(fn);
}

/** Carries a failed Result out of Kysely's transaction so that it rolls back; never escapes. */
class ResultRollback extends Error {
  constructor(readonly result: Result<unknown>) {
    super('rollback');
  }
}

/**
 * Runs a use case that returns a Result in a transaction that commits only on success: a
 * failure returned half-way leaves nothing written. Inside a caller's transaction the caller
 * owns commit and rollback, so the failure is only returned.
 */
export async function inTransactionResult<T, E extends string = string>(
  db: Tx,
  fn: (tx: Transaction<Database>) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  if ((db as Transaction<Database>).isTransaction) return fn(db as Transaction<Database>);
  try {
    return await (db as Kysely<Database>).transaction().execute(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new ResultRollback(r);
      return r;
    });
  } catch (e) {
    if (e instanceof ResultRollback) return e.result as Result<T, E>;
    throw e;
  }
}

/** Current time as the ISO-8601 UTC string every timestamp column stores. */
export function nowIso(): string {
  return new Date().toISOString();
}
