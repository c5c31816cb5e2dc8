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

/** A row's value of `column`, checked. */
function cellOf(table: string, r: Record<string, unknown>, i: number, column: string): Scalar {
  const v = r[column];
  if (v === null || typeof v === 'number') return v;
  if (v === undefined) throw new TypeError(`insertRows(${table}): row ${i} has no ${column}`);
  return scalar(table, column, v);
}

/** Refuses a row that gives a value to a column the first row does not name. */
function noOtherColumns(table: string, r: Record<string, unknown>, i: number, count: number) {
  const keys = Object.keys(r);
  // Only a row with more keys than columns can name another (its extras may be undefined).
  if (keys.length !== count && keys.filter((c) => r[c] !== undefined).length !== count)
    throw new TypeError(`insertRows(${table}): row ${i} names other columns`);
}

/**
 * Rows `from`..`to` as SQLite's parameters, row after row in column order, checked. One pass
 * over the rows: building checked row objects first and flattening them took 6× as long
 * (2.1 ms against 0.3 ms for 256 rows of 33 columns; bench/README.md, "A token's answer kept
 * while the file is unchanged").
 */
function sqliteParams(
  table: string,
  columns: string[],
  rows: readonly Record<string, unknown>[],
  from: number,
  to: number,
): Scalar[] {
  const n = columns.length;
  const params: Scalar[] = new Array((to - from) * n);
  let k = 0;
  for (let i = from; i < to; i++) {
    const r = rows[i];
    for (let j = 0; j < n; j++) params[k++] = cellOf(table, r, i, columns[j]);
    noOtherColumns(table, r, i, n);
  }
  return params;
}

/** The rows as checked objects of plain scalars (PostgreSQL's JSON parameter). */
function checkedRows(table: string, columns: string[], rows: readonly Record<string, unknown>[]) {
  return rows.map((r, i) => {
    const row: Record<string, Scalar> = {};
    for (const c of columns) row[c] = cellOf(table, r, i, c);
    noOtherColumns(table, r, i, columns.length);
    return row;
  });
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
  const all = rows as readonly Record<string, unknown>[];
  const columns = Object.keys(all[0]).filter((c) => all[0][c] !== undefined);
  const conflict = o.ignoreConflictOn ?? [];
  if (isPostgres(tx)) {
    const text = statement(table, columns, conflict, 0);
    const json = JSON.stringify(checkedRows(table, columns, all));
    const r = await tx.executeQuery(CompiledQuery.raw(text, [json]));
    return Number(r.numAffectedRows ?? 0);
  }
  const per = Math.floor(SQLITE_MAX_PARAMETERS / columns.length);
  let inserted = 0;
  for (let i = 0; i < all.length; i += per) {
    const to = Math.min(all.length, i + per);
    const text = statement(table, columns, conflict, to - i);
    const params = sqliteParams(table, columns, all, i, to);
    const r = await tx.executeQuery(CompiledQuery.raw(text, params));
    inserted += Number(r.numAffectedRows ?? 0);
  }
  return inserted;
}
