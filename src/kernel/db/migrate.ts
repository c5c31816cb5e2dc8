// Portable migrations through Kysely's Migrator. Each domain exports its migrations keyed by
// a name whose 4-digit prefix orders domains (kernel 00xx, accounts 01xx, regions 02xx …);
// the composition root hands the merged set to `migrateToLatest`.
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { Database, DbHandle } from './types.js';

export type Migrations = Record<string, Migration>;

/**
 * Session-level advisory lock held around schema DDL on PostgreSQL (migrations, and dropping a
 * test schema). Kysely's migrator introspects every schema with `pg_get_serial_sequence(name)`,
 * which fails with "relation … does not exist" when another session drops a table between the
 * catalogue read and that call; serialising DDL on the shared database removes the race, so
 * test files (one schema each) can run side by side. Distinct from Kysely's own lock id.
 */
export const PG_DDL_LOCK = 7_270_426;

export async function migrateToLatest(h: DbHandle, migrations: Migrations): Promise<string[]> {
  if (h.dialect !== 'postgres') return run(h.db, h.schema, migrations);
  return h.db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${PG_DDL_LOCK})`.execute(conn);
    try {
      return await run(conn, h.schema, migrations);
    } finally {
      await sql`select pg_advisory_unlock(${PG_DDL_LOCK})`.execute(conn);
    }
  });
}

async function run(
  db: Kysely<Database>,
  schema: string | undefined,
  migrations: Migrations,
): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // The migration tables live in the handle's own schema: without this, Kysely looks for its
  // lock table in every schema and can find another test run's, then fail on its own.
  const migrator = new Migrator({
    db,
    provider,
    allowUnorderedMigrations: true,
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
