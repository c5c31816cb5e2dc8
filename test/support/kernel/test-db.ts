// A fresh database per test file: in-memory SQLite by default; with LUMBUNG_TEST_DATABASE_URL
// set, a new PostgreSQL schema that is dropped again on close. Same migrations either way.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connect } from '../../../src/kernel/db/connect.js';
import { migrateToLatest, PG_DDL_LOCK, type Migrations } from '../../../src/kernel/db/migrate.js';
import type { DbHandle } from '../../../src/kernel/db/types.js';

export const testDatabaseUrl = () => process.env.LUMBUNG_TEST_DATABASE_URL || undefined;

export async function createTestDb(
  migrations: Migrations,
  opts: { sqlitePath?: string } = {},
): Promise<DbHandle> {
  const url = testDatabaseUrl();
  if (!url) {
    const h = connect({ sqlitePath: opts.sqlitePath ?? ':memory:' });
    await migrateToLatest(h, migrations);
    return h;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const h = connect({ databaseUrl: url, pgSchema: schema, poolSize: 20 });
  await migrateToLatest(h, migrations);
  return {
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
  };
}
