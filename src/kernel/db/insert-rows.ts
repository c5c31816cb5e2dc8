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

const q = (name: string) => `"${name}"`;
const onConflict = (conflict: string[]) =>
  conflict.length ? ` on conflict (${conflict.map(q).join(', ')}) do nothing` : '';

/** PostgreSQL's insert of the rows in JSON parameter `$param`. */
function pgInsert(table: string, columns: string[], conflict: string[], param: number): string {
  const cols = columns.map(q).join(', ');
  return `insert into ${q(table)} (${cols}) select ${cols} from json_populate_recordset(null::${q(table)}, $${param}::json)${onConflict(conflict)}`;
}

/** The statement's text: PostgreSQL's for any row count, SQLite's for `rows` rows. */
function statement(table: string, columns: string[], conflict: string[], rows: number): string {
  const key = `${table}\u0000${columns.join(',')}\u0000${conflict.join(',')}\u0000${rows}`;
  let text = texts.get(key);
  if (text) return text;
  if (rows === 0) {
    text = pgInsert(table, columns, conflict, 1);
    prepareNamed(text);
  } else {
    const into = `insert into ${q(table)} (${columns.map(q).join(', ')})`;
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    text = `${into} values ${Array(rows).fill(tuple).join(', ')}${onConflict(conflict)}`;
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

type RowsOf<T extends keyof Database & string> = readonly Partial<
  Record<keyof Database[T] & string, unknown>
>[];
type InsertOptions<T extends keyof Database & string> = {
  ignoreConflictOn?: (keyof Database[T] & string)[];
};

/** One table's rows for insertTogether, made by `rowsInto`. */
export interface RowsInto {
  table: string;
  rows: readonly Record<string, unknown>[];
  conflict: string[];
}

/** A table's rows to insert with others in one statement (insertTogether). */
export function rowsInto<T extends keyof Database & string>(
  table: T,
  rows: RowsOf<T>,
  o: InsertOptions<T> = {},
): RowsInto {
  return {
    table,
    rows: rows as readonly Record<string, unknown>[],
    conflict: o.ignoreConflictOn ?? [],
  };
}

/** The columns every row names: the first row's defined ones. */
const columnsOf = (rows: readonly Record<string, unknown>[]) =>
  Object.keys(rows[0]).filter((c) => rows[0][c] !== undefined);

/**
 * Inserts several tables' rows, as insertRows would one after the other, and returns how many
 * went into each. On PostgreSQL they go as ONE statement (an insert per table in its own
 * `with` clause, each table's rows one JSON parameter): a checkout batch's group claims, orders
 * and lines cost one round trip instead of three; under the checkout bench every round trip is
 * a wake-up of the server's backend and then of the writer thread on shared cores (bench/
 * README.md, "Checkout on the national world"). Rows may refer to rows of an earlier part (an
 * order line to its order): PostgreSQL checks foreign keys at the end of the statement. Use it
 * inside a transaction: on SQLite the parts go one after another (there a round trip is a
 * function call), and a part that fails leaves the earlier ones for the rollback.
 */
export async function insertTogether(tx: Tx, parts: RowsInto[]): Promise<number[]> {
  if (!isPostgres(tx)) {
    const counts: number[] = [];
    for (const p of parts)
      counts.push(
        await insertRows(tx, p.table as never, p.rows, { ignoreConflictOn: p.conflict as never }),
      );
    return counts;
  }
  const full = parts.filter((p) => p.rows.length > 0);
  if (full.length === 0) return parts.map(() => 0);
  const specs = full.map((p) => ({ p, columns: columnsOf(p.rows) }));
  const key = specs
    .map(({ p, columns }) => `${p.table}\u0000${columns.join(',')}\u0000${p.conflict.join(',')}`)
    .join('\u0001');
  let text = texts.get(key);
  if (!text) {
    const clauses = specs.map(
      ({ p, columns }, i) =>
        `i${i} as (${pgInsert(p.table, columns, p.conflict, i + 1)} returning 1)`,
    );
    const counts = specs.map((_, i) => `(select count(*) from i${i}) as n${i}`);
    text = `with ${clauses.join(', ')} select ${counts.join(', ')}`;
    prepareNamed(text);
    texts.set(key, text);
  }
  const params = specs.map(({ p, columns }) =>
    JSON.stringify(checkedRows(p.table, columns, p.rows)),
  );
  const r = await tx.executeQuery<Record<string, number>>(CompiledQuery.raw(text, params));
  const row = r.rows[0];
  return parts.map((p) => {
    const i = full.indexOf(p);
    return i < 0 ? 0 : Number(row[`n${i}`]);
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
  rows: RowsOf<T>,
  o: InsertOptions<T> = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const all = rows as readonly Record<string, unknown>[];
  const columns = columnsOf(all);
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
