// Bulk inserts for the hot write paths (a checkout batch writes hundreds of rows into each of
// its tables). Kysely's multi-row `values(...)` builds a syntax node per value and a statement
// text that changes with the row count, so every batch paid the query builder (≈ 12 % of the
// checkout writer thread), a fresh SQLite prepare, and on PostgreSQL a parse and plan of a
// statement with thousands of parameters (≈ 19 % of PostgreSQL's CPU under the checkout bench).
// Here the rows travel as ONE JSON parameter into a statement whose text depends only on the
// table and its columns: PostgreSQL expands it with json_populate_recordset (each field read
// by its column's own input function, as a bound text parameter is), SQLite with json_each.
// The text is a named prepared statement on PostgreSQL and a cached one on SQLite.
import { CompiledQuery } from 'kysely';
import { isPostgres } from './dialect.js';
import { prepareNamed } from './prepared.js';
import type { Database, Tx } from './types.js';

type Scalar = string | number | null;
/** ES2024 string methods Node 20 has (the TypeScript target here is older). */
type WellFormed = string & { isWellFormed(): boolean; toWellFormed(): string };

const texts = new Map<string, string>();

function statement(pg: boolean, table: string, columns: string[], conflict: string[]): string {
  const key = `${pg}\u0000${table}\u0000${columns.join(',')}\u0000${conflict.join(',')}`;
  let text = texts.get(key);
  if (text) return text;
  const q = (name: string) => `"${name}"`;
  const cols = columns.map(q).join(', ');
  const onConflict = conflict.length
    ? ` on conflict (${conflict.map(q).join(', ')}) do nothing`
    : '';
  text = pg
    ? `insert into ${q(table)} (${cols}) select ${cols} from json_populate_recordset(null::${q(table)}, $1::json)${onConflict}`
    : // `where true`: SQLite would read a bare `on conflict` after a select as a join's `on`.
      `insert into ${q(table)} (${cols}) select ${columns.map((c) => `value ->> '${c}'`).join(', ')} from json_each(?) where true${onConflict}`;
  if (pg) prepareNamed(text);
  texts.set(key, text);
  return text;
}

/** A value as it may travel in the JSON: plain scalars only, strings made well-formed. */
function scalar(table: string, column: string, v: unknown): Scalar {
  if (v === null || typeof v === 'number') return v;
  // The drivers send a lone UTF-16 surrogate as U+FFFD; JSON would carry it as an escape
  // PostgreSQL refuses. Same bytes as before, whichever path a row takes.
  if (typeof v === 'string')
    return (v as WellFormed).isWellFormed() ? v : (v as WellFormed).toWellFormed();
  throw new TypeError(`insertRows(${table}): ${column} is not a string, number or null`);
}

/**
 * Inserts `rows` (all naming the same columns) in one statement and returns how many were
 * inserted. `ignoreConflictOn` names a unique key: rows that would repeat it are skipped, as
 * Kysely's `onConflict(oc => oc.columns(…).doNothing())`.
 */
export async function insertRows<T extends keyof Database & string>(
  tx: Tx,
  table: T,
  rows: readonly Partial<Record<keyof Database[T] & string, unknown>>[],
  o: { ignoreConflictOn?: (keyof Database[T] & string)[] } = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = Object.keys(rows[0]).filter(
    (c) => (rows[0] as Record<string, unknown>)[c] !== undefined,
  );
  const json = new Array<Record<string, Scalar>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i] as Record<string, unknown>;
    const out: Record<string, Scalar> = {};
    let n = 0;
    for (const c of columns) {
      const v = r[c];
      if (v === undefined) throw new TypeError(`insertRows(${table}): row ${i} has no ${c}`);
      out[c] = scalar(table, c, v);
      n++;
    }
    for (const c in r) if (r[c] !== undefined) n--;
    if (n !== 0) throw new TypeError(`insertRows(${table}): row ${i} names other columns`);
    json[i] = out;
  }
  if (isPostgres(tx)) {
    const text = statement(true, table, columns, o.ignoreConflictOn ?? []);
    const r = await tx.executeQuery(CompiledQuery.raw(text, [JSON.stringify(json)]));
    return Number(r.numAffectedRows ?? 0);
  }
  return sqliteInsert(tx, table, columns, json, o.ignoreConflictOn ?? []);
}

const MAX_VARIABLES = 32766;

async function sqliteInsert(
  tx: Tx,
  table: string,
  columns: string[],
  rows: Record<string, Scalar>[],
  conflict: string[],
): Promise<number> {
  const per = Math.floor(MAX_VARIABLES / columns.length);
  let n = 0;
  for (let i = 0; i < rows.length; i += per) {
    const part = rows.slice(i, i + per);
    const params: Scalar[] = [];
    for (const r of part) for (const c of columns) params.push(r[c]);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const q = (name: string) => `"${name}"`;
    const onConflict = conflict.length ? ` on conflict (${conflict.map(q).join(', ')}) do nothing` : '';
    const text = `insert into ${q(table)} (${columns.map(q).join(', ')}) values ${Array(part.length).fill(tuple).join(', ')}${onConflict}`;
    const r = await tx.executeQuery(CompiledQuery.raw(text, params));
    n += Number(r.numAffectedRows ?? 0);
  }
  return n;
}
