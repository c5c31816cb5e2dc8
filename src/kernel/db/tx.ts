// Transactions that work on both dialects. Kysely's transaction() on SQLite runs on the one
// connection; nested calls reuse the outer transaction instead of opening a second one.
import type { Kysely, Transaction } from 'kysely';
import type { Database, Tx } from './types.js';

/** Runs `fn` in a transaction, or inside the caller's transaction when `db` already is one. */
export async function inTransaction<T>(db: Tx, fn: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  if ((db as Transaction<Database>).isTransaction) return fn(db as Transaction<Database>);
  return (db as Kysely<Database>).transaction().execute(fn);
}

/** Current time as the ISO-8601 UTC string every timestamp column stores. */
export function nowIso(): string {
  return new Date().toISOString();
}
