// A fresh database per test file: in-memory SQLite by default; with LUMBUNG_TEST_DATABASE_URL
// set, a new PostgreSQL schema (or database, see below) dropped again on close. Same migrations
// either way.
//
// A world built the usual way (every migration, then the demo regencies' regions) costs
// ≈ 0.6 s on SQLite and ≈ 1.3 s on PostgreSQL, over 130 worlds a run. Under scripts/test.mjs
// (which sets LUMBUNG_TEST_RUN) the first process to need such a world builds it once as a
// template, and every later world is a copy: on SQLite an in-memory database opened from the
// template's image, on PostgreSQL a database created `TEMPLATE` it (≈ 50 ms). The runner drops
// the run's templates when it ends. Run alone (no LUMBUNG_TEST_RUN), every world is built.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { connect } from '../../../src/kernel/db/connect.js';
import { migrateToLatest, PG_DDL_LOCK, type Migrations } from '../../../src/kernel/db/migrate.js';
import type { DbHandle } from '../../../src/kernel/db/types.js';

export const testDatabaseUrl = () => process.env.LUMBUNG_TEST_DATABASE_URL || undefined;

/** What a template holds: its name (letters, digits, _) and how to fill it after migrating. */
export interface Template {
  key: string;
  fill(h: DbHandle): Promise<void>;
}

/** The run's name: a folder for SQLite images, a name prefix for PostgreSQL databases. */
function templateRun(): string | undefined {
  const run = process.env.LUMBUNG_TEST_RUN;
  return run && /^[a-z0-9]{1,16}$/.test(run) ? run : undefined;
}
// scripts/test.mjs removes these when the run ends: keep the names in step with it.
const templateDir = (run: string) => join(import.meta.dirname, '../../../.tmp/test-worlds', run);
const templateDbPrefix = (run: string) => `lumbung_tpl_${run}_`;
const worldDbPrefix = (run: string) => `lumbung_w_${run}_`;

/** Held while a process looks for, or builds, a template database (not the DDL lock, which the
 * template's own migrations take). */
const TEMPLATE_LOCK = PG_DDL_LOCK + 1;

/** PostgreSQL handles remember where they live, for a second connection. */
const homes = new WeakMap<DbHandle, { databaseUrl?: string; pgSchema?: string }>();

/** A second connection to the same database as `h` (another process's view, in tests). */
export function connectAgain(h: DbHandle): DbHandle {
  return connect(pgHomeOf(h));
}

/** Where a PostgreSQL test database lives, for a thread or process that connects on its own. */
export function pgHomeOf(h: DbHandle): { databaseUrl: string; pgSchema?: string } {
  const home = homes.get(h);
  if (!home?.databaseUrl) throw new Error('pgHomeOf: only for PostgreSQL test databases');
  return { databaseUrl: home.databaseUrl, pgSchema: home.pgSchema };
}

function remember(home: { databaseUrl: string; pgSchema?: string }, h: DbHandle): DbHandle {
  homes.set(h, home);
  return h;
}

export async function createTestDb(
  migrations: Migrations,
  opts: { sqlitePath?: string; template?: Template } = {},
): Promise<DbHandle> {
  const url = testDatabaseUrl();
  const run = templateRun();
  if (opts.template && run && !opts.sqlitePath)
    return url
      ? pgFromTemplate(url, run, migrations, opts.template)
      : sqliteFromTemplate(run, migrations, opts.template);
  if (!url) {
    const h = connect({ sqlitePath: opts.sqlitePath ?? ':memory:' });
    await migrateToLatest(h, migrations);
    if (opts.template) await opts.template.fill(h);
    return h;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const h = connect({ databaseUrl: url, pgSchema: schema, poolSize: 20 });
  await migrateToLatest(h, migrations);
  if (opts.template) await opts.template.fill(h);
  return remember(
    { databaseUrl: url, pgSchema: schema },
    {
      ...h,
      async close() {
        await h.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        // Under the DDL lock: a drop racing another file's migration breaks its introspection.
        await c.query('select pg_advisory_lock($1)', [PG_DDL_LOCK]);
        await c.query(`drop schema ${schema} cascade`);
        await c.end();
      },
    },
  );
}

/**
 * SQLite: the template is a file written once by `vacuum into` (renamed into place, so a process
 * never reads half of one; two processes racing both build it, harmlessly), and each world is an
 * in-memory database opened from its bytes.
 */
async function sqliteFromTemplate(run: string, migrations: Migrations, t: Template) {
  const file = join(templateDir(run), `${t.key}.sqlite`);
  if (!existsSync(file)) {
    mkdirSync(templateDir(run), { recursive: true });
    const h = connect({ sqlitePath: ':memory:' });
    await migrateToLatest(h, migrations);
    await t.fill(h);
    const part = `${file}.${process.pid}.part`;
    rmSync(part, { force: true });
    await sql`vacuum into ${part}`.execute(h.db);
    await h.close();
    renameSync(part, file);
  }
  return connect({ sqliteImage: readFileSync(file) });
}

/**
 * PostgreSQL: the template is a database built once under an advisory lock (the first process
 * builds, the others wait, then find it), and each world is a database created from it and
 * dropped on close.
 */
async function pgFromTemplate(url: string, run: string, migrations: Migrations, t: Template) {
  const template = `${templateDbPrefix(run)}${t.key}`.toLowerCase();
  const name = `${worldDbPrefix(run)}${randomBytes(6).toString('hex')}`;
  const at = (db: string) => {
    const u = new URL(url);
    u.pathname = `/${db}`;
    return u.href;
  };
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await admin.query('select 1 from pg_database where datname = $1', [template]);
      if (found.rowCount === 0) {
        await admin.query(`create database ${template}`);
        const h = connect({ databaseUrl: at(template) });
        await migrateToLatest(h, migrations);
        await t.fill(h);
        // A template must have no sessions when it is copied.
        await h.close();
      }
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const home = { databaseUrl: at(name) };
  const h = connect({ ...home, poolSize: 20 });
  return remember(home, {
    ...h,
    async close() {
      await h.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      // Not `with (force)`: the pool's sessions are still saying goodbye, and killing them
      // raises errors in this process. A plain drop waits up to 5 s for them to leave.
      await c.query(`drop database if exists ${name}`);
      await c.end();
    },
  });
}
