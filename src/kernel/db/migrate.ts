// Portable migrations through Kysely's Migrator. Each domain exports its migrations keyed by
// a name whose 4-digit prefix orders domains (kernel 00xx, accounts 01xx, regions 02xx …);
// the composition root hands the merged set to `migrateToLatest`.
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DbHandle } from './types.js';

export type Migrations = Record<string, Migration>;

export async function migrateToLatest(h: DbHandle, migrations: Migrations): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrations };
  // The migration tables live in the handle's own schema: without this, Kysely looks for its
  // lock table in every schema and can find another test run's, then fail on its own.
  const migrator = new Migrator({ db: h.db, provider, allowUnorderedMigrations: true, ...(h.schema ? { migrationTableSchema: h.schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
