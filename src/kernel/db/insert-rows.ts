// Bulk inserts for the hot write paths (a checkout batch writes hundreds of rows into each of
// its tables). Kysely's multi-row `values(...)` builds a syntax node per value (≈ 12 % of the
// checkout writer thread), and its text changes with the row count, so on PostgreSQL every
// batch was parsed and planned anew with thousands of parameters (≈ 19 % of PostgreSQL's CPU
// under the checkout bench). Here:
// - PostgreSQL gets the rows as ONE JSON parameter, expanded by json_populate_recordset (each
//   field read by its column's own input function, as a bound text parameter is), in a text
//   that depends only on the table and its columns: a named statement, parsed once per connection;
// - SQLite gets the VALUES text built here, one per row count, which its connection keeps
//   prepared (connect.ts). Expanding JSON there (json_each, `->>` per column) was slower.
import { CompiledQuery } from 'kysely';
import { isPostgres } from './dialect.js';
import { prepareNamed } from './prepared.js';
import type { Database, Tx } from './types.js';

type Scalar = string | number | null;
/** ES2024 string methods Node 20 has (the TypeScript target here is older). */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

/** SQLite's limit on one statement's parameters (SQLITE_MAX_VARIABLE_NUMBER since 3.32). */
const SQLITE_MAX_PARAMETERS = 32766;

const texts = new Map<string, string>();

/** The statement's text: PostgreSQL's for any row count, SQLite's for `rows` rows. */
function statement(table: string, columns: string[], conflict: string[], rows: number): string {
  const key = `${table}\u0000${columns.join(',')}\u0000${conflict.join(',')}\u0000${rows}`;
  let text = texts.get(key);
  if (text) return text;
  const q = (name: string) => `"${name}"`;
  const cols = columns.map(q).join(', ');
  const into = `insert into ${q(table)} (${cols})`;
  const skip = conflict.length ? ` on conflict (${conflict.map(q).join(', ')}) do nothing` : '';
  if (rows === 0) {
    text = `${into} select ${cols} from json_populate_recordset(null::${q(table)}, $1::json)${skip}`;
    prepareNamed(text);
  } else {
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `${into} values ${Array(rows).fill(tuple).join(', ')}${skip}`;
  }
  texts.set(key, text);
  return text;
}

/** A value as the drivers may take it: plain scalars only, strings made well-formed. */
function scalar(table: string, column: string, v: unknown): Scalar {
  if (v === null || typeof v === 'number') return v;
  // The drivers send a lone UTF-16 surrogate as U+FFFD; JSON would carry it as an escape
  // PostgreSQL refuses. Same bytes as before, whichever path a row takes.
  if (typeof v === 'string')
    return (v as WellFormed).isWellFormed() ? v : (v as WellFormed).toWellFormed();
  throw new TypeError(`insertRows(${table}): ${column} is not a string, number or null`);
}

/** The rows as plain scalars, checked: every row names exactly the first row's columns. */
function checkedRows(table: string, rows: readonly Record<string, unknown>[]) {
  const columns = Object.keys(rows[0]).filter((c) => rows[0][c] !== undefined);
  const out = rows.map((r, i) => {
    let named = 0;
    for (const c in r) if (r[c] !== undefined) named++;
    if (named !== columns.length)
      throw new TypeError(`insertRows(${table}): row ${i} names other columns`);
    const row: Record<string, Scalar> = {};
    for (const c of columns) {
      if (r[c] === undefined) throw new TypeError(`insertRows(${table}): row ${i} has no ${c}`);
      row[c] = scalar(table, c, r[c]);
    }
    return row;
  });
  return { columns, rows: out };
}

/**
 * Inserts `rows` (all naming the same columns) and returns how many were inserted.
 * `ignoreConflictOn` names a unique key: rows that would repeat it are skipped, as with
 * Kysely's `onConflict(oc => oc.columns(…).doNothing())`.
 */
export async function insertRows<T extends keyof Database & string>(
  tx: Tx,
  table: T,
  rows: readonly Partial<Record<keyof Database[T] & string, unknown>>[],
  o: { ignoreConflictOn?: (keyof Database[T] & string)[] } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const checked = checkedRows(table, rows as readonly Record<string, unknown>[]);
  const { columns } = checked;
  const conflict = o.ignoreConflictOn ?? [];
  if (isPostgres(tx)) {
    const text = statement(table, columns, conflict, 0);
    const r = await tx.executeQuery(CompiledQuery.raw(text, [JSON.stringify(checked.rows)]));
    return Number(r.numAffectedRows ?? 0);
  }
  const per = Math.floor(SQLITE_MAX_PARAMETERS / columns.length);
  let inserted = 0;
  for (let i = 0; i < checked.rows.length; i += per) {
    const part = checked.rows.slice(i, i + per);
    const text = statement(table, columns, conflict, part.length);
    const params = part.flatMap((r) => columns.map((c) => r[c]));
    const r = await tx.executeQuery(CompiledQuery.raw(text, params));
    inserted += Number(r.numAffectedRows ?? 0);
  }
  return inserted;
}
