// The database interface. Each domain adds its tables by declaration merging
// (`declare module '../../kernel/db/types.js' { interface Database { … } }`), so the kernel
// stays ignorant of domains while every query is still fully typed.
import type { Kysely, Transaction } from 'kysely';

// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging in each domain.
export interface Database {}

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;
export type Tx = Transaction<Database> | Kysely<Database>;

/** A handle on the database: the Kysely instance plus what differs between dialects. */
export interface DbHandle {
  db: Db;
  dialect: Dialect;
  /** The PostgreSQL schema this handle works in, when not the default (tests). */
  schema?: string;
  close(): Promise<void>;
  /** Statements executed since creation; tests assert query budgets with it. */
  queryCount(): number;
  /** Statements other than plain reads since creation: caches of rendered pages key on it. */
  writeCount(): number;
  /** Counts writes made on another connection of this process (the checkout writer thread). */
  noteWrites(n: number): void;
  /**
   * Equal on two calls only when nothing committed in between could change a read: no write on
   * this handle (`writeCount`) and, on a SQLite file, no commit by any other connection, thread
   * or process (`PRAGMA data_version`). Null on PostgreSQL, where other servers write unseen.
   */
  stamp(): string | null;
}
