// Reads too heavy for the event loop. On embedded SQLite every query runs synchronously on the
// thread that asks, so a national dashboard that takes a second of CPU would stall every other
// request for that second. A domain declares such a read as a `ReadModel` (a name and a function
// of the database) and lists it in its manifest's `reads`; routes call `runRead(deps, model, …)`.
// When the app has read workers (a SQLite file), the call runs in a worker thread on its own
// read-only connection and the event loop only waits; otherwise (PostgreSQL, whose work happens
// in the database server, or an in-memory test database) it runs here.
import type { Db, DbHandle } from '../db/types.js';

export interface ReadModel<A extends unknown[], R> {
  readonly name: string;
  readonly fn: (db: Db, ...args: A) => Promise<R>;
}

/** Declares a read that may run off the event loop. Arguments and results must be cloneable. */
export function readModel<A extends unknown[], R>(
  name: string,
  fn: (db: Db, ...args: A) => Promise<R>,
): ReadModel<A, R> {
  return { name, fn };
}

/** Where the data of a read came from, when not the primary (a page says so). */
export interface ReadSource {
  replica: boolean;
  /** Seconds behind the primary; null when unknown. */
  lagSeconds: number | null;
}

/** Where reads run when they leave the event loop (see read-workers.ts, replica-reads.ts). */
export interface ReadRunner {
  call(name: string, args: unknown[]): Promise<unknown>;
  /** Where the reads' data comes from; absent: the primary's own data. */
  source?(): Promise<ReadSource>;
}

/** Where `runRead`'s data comes from: a replica and its lag, or null for the primary. */
export async function readSource(deps: { reads?: ReadRunner }): Promise<ReadSource | null> {
  return deps.reads?.source ? deps.reads.source() : null;
}

export async function runRead<A extends unknown[], R>(
  deps: { h: DbHandle; reads?: ReadRunner },
  model: ReadModel<A, R>,
  ...args: A
): Promise<R> {
  if (!deps.reads) return model.fn(deps.h.db, ...args);
  return (await deps.reads.call(model.name, args)) as R;
}
