// Row counts of every table in one round trip, to prove that a refused request wrote nothing.
import { sql } from 'kysely';
import type { DbHandle } from '../../../src/kernel/db/index.js';

export type RowCounts = Record<string, number>;

export async function tableNames(h: DbHandle): Promise<string[]> {
  const tables = await h.db.introspection.getTables();
  // Kysely's own migration bookkeeping is not application data.
  return tables
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_'))
    .sort();
}

export async function rowCounts(h: DbHandle, tables: string[]): Promise<RowCounts> {
  const parts = tables.map((t) => sql`select ${t} as t, count(*) as n from ${sql.table(t)}`);
  const { rows } = await sql<{
    t: string;
    n: number | string;
  }>`${sql.join(parts, sql` union all `)}`.execute(h.db);
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

/** The tables whose count differs between two snapshots, as `table: before → after`. */
export function changedTables(
  before: RowCounts,
  after: RowCounts,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  return Object.keys(before)
    .filter((t) => !ignore.has(t) && before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}
