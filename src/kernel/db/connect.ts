// Opens Kysely on embedded SQLite (default) or PostgreSQL (DATABASE_URL).
// SQLite: WAL so readers never block the writer; synchronous=FULL by default because a village
// office loses power and an acknowledged order must survive it; foreign keys on; busy_timeout
// so a second process waits instead of failing.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type LogEvent,
  type SqliteDialectConfig,
} from 'kysely';
import SQLite from 'better-sqlite3';
import type Pg from 'pg';
import type { Database, DbHandle } from './types.js';
import { usePreparedNames } from './prepared.js';

let pgModule: typeof Pg | null = null;
/** pg is loaded on first use: a process on embedded SQLite never pays its ~16 MiB. */
function loadPg(): typeof Pg {
  if (pgModule) return pgModule;
  pgModule = createRequire(import.meta.url)('pg') as typeof Pg;
  // int8 (COUNT(*), SUM of money) arrives as a string from pg; our values fit in a double.
  pgModule.types.setTypeParser(20, (v) => Number(v));
  pgModule.types.setTypeParser(1700, (v) => Number(v));
  return pgModule;
}

export interface ConnectOptions {
  databaseUrl?: string;
  sqlitePath?: string;
  synchronous?: 'FULL' | 'NORMAL';
  /** SQLite only: open read-only (the read workers' connections). */
  readonly?: boolean;
  /** SQLite only: this connection's page cache, at most (better-sqlite3's default: 16 MiB). */
  cacheMiB?: number;
  /** SQLite only: statement journals and temporary tables in memory, not in temporary files. */
  tempInMemory?: boolean;
  /**
   * SQLite only: open an in-memory database from this image (a database file's bytes); tests
   * start each world from one migrated template instead of migrating again.
   */
  sqliteImage?: Buffer;
  /** PostgreSQL schema to use (tests run each file in its own schema). */
  pgSchema?: string;
  poolSize?: number;
}

/** Pages of WAL at which any commit checkpoints (≈ 40 MiB with 4 KiB pages). */
export const WAL_CEILING_PAGES = 10_000;

/**
 * Every session of the app runs its statements without parallel workers. Ours are short reads
 * and writes from requests that run side by side; a parallel plan starts worker processes for
 * each. A catalogue search of a common word with "in stock" (the 1,000 newest of 100,000
 * products) took 65–91 ms with two workers and 10–12 ms alone, and the national bench's search
 * p99 84–90 → 15–22 ms; the national pages and the summary rebuilds took about as long either
 * way (bench/README.md, "Parallel workers off"). PGOPTIONS, read after it, can set it back.
 */
const PG_SESSION = '-c max_parallel_workers_per_gather=0';

const DML = /\b(insert|update|delete|merge)\b/i;
const TX_CONTROL = /^\s*(begin|commit|rollback|savepoint|release)\b/i;
/** Whether a statement cannot change data (conservative: unsure means a write). */
function isRead(q: string): boolean {
  if (/^\s*select\b/i.test(q) || TX_CONTROL.test(q)) return true;
  return /^\s*with\b/i.test(q) && !DML.test(q);
}

export function connect(opts: ConnectOptions): DbHandle {
  let count = 0;
  let writes = 0;
  const log = (e: LogEvent) => {
    if (e.level !== 'query') return;
    count++;
    // Anything but a read may change what a page shows (see kernel/http/page-cache). Reads are
    // plain selects, CTE selects that name no DML, and transaction control (the statements
    // inside a transaction are counted themselves): counting those emptied the caches on
    // every search miss.
    if (!isRead(e.query.sql)) writes++;
  };
  if (opts.databaseUrl) {
    const pool = new (loadPg().Pool)({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      options: [
        PG_SESSION,
        process.env.PGOPTIONS,
        opts.pgSchema && `-c search_path=${opts.pgSchema}`,
      ]
        .filter(Boolean)
        .join(' '),
    });
    usePreparedNames(pool);
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log });
    return {
      db,
      dialect: 'postgres',
      schema: opts.pgSchema,
      close: () => db.destroy(),
      queryCount: () => count,
      writeCount: () => writes,
      noteWrites: (n) => {
        writes += n;
      },
      stamp: () => null,
    };
  }
  const path = opts.sqlitePath ?? ':memory:';
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = opts.sqliteImage
    ? new SQLite(opts.sqliteImage)
    : new SQLite(path, { readonly: opts.readonly ?? false });
  // WAL is a property of the file, set by the writer; a read-only connection may not set it.
  if (!opts.readonly) {
    sqlite.pragma('journal_mode = WAL');
    // A commit that finds the WAL this long copies it into the database file first. The checkout
    // writer thread copies it between its batches long before that (idle-checkpoints.ts); every
    // writable connection gets the same ceiling, so a rare commit on the main thread does not do
    // the writer's copying on the event loop (SQLite's default, 1,000 pages, is below the ≈ 4,000
    // the writer lets gather).
    sqlite.pragma(`wal_autocheckpoint = ${WAL_CEILING_PAGES}`);
  }
  sqlite.pragma(`synchronous = ${opts.synchronous ?? 'FULL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  if (opts.cacheMiB) sqlite.pragma(`cache_size = ${-1024 * opts.cacheMiB}`);
  if (opts.tempInMemory) sqlite.pragma('temp_store = MEMORY');
  // Prepared before the cache below, so no query of the same text shares the statement. Every
  // write transaction here begins IMMEDIATE (below), so no other connection commits while one is
  // open and the pragma, read outside the driver's queue, always sees the latest commit.
  const dataVersion = sqlite.prepare('pragma data_version').pluck();
  cachePrepared(sqlite);
  const config = { database: sqlite };
  const dialect = opts.readonly ? new SqliteDialect(config) : new ImmediateSqliteDialect(config);
  const db = new Kysely<Database>({ dialect, log });
  return {
    db,
    dialect: 'sqlite',
    close: () => db.destroy(),
    queryCount: () => count,
    writeCount: () => writes,
    noteWrites: (n) => {
      writes += n;
    },
    stamp: () => `${writes}.${dataVersion.get()}`,
  };
}

/**
 * Transactions on a writable SQLite connection begin IMMEDIATE: they take the write lock first,
 * waiting for it under busy_timeout. A deferred transaction that read and then wrote after
 * another connection committed (the checkout writer thread, a second process) failed at once
 * with SQLITE_BUSY_SNAPSHOT, because its snapshot was stale and no wait could fix that.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.config);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

/**
 * Kysely's SQLite driver prepares every statement anew; the SQL texts repeat (a page runs the
 * same few queries), and preparing was ~6 % of a small request. Keeps the last `max` prepared
 * statements by text. Safe because the driver runs one query at a time on its connection and
 * binds parameters on every call; SQLite re-prepares a cached statement itself after DDL.
 */
function cachePrepared(sqlite: SQLite.Database, max = 512): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, SQLite.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
    } else {
      stmt = prepare(source);
      if (cache.size >= max) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}
