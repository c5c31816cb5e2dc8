// SQLite: FTS5 over the external-content table product_fts (title, names, body), ranked by
// bm25 with a title match worth most, then names (category, village, producer), then text.
//
// Speed: joining every match to product_search (for the filters and the created_at
// tie-break) is what costs, not bm25 — a word that matches 9,000 products means 9,000 row
// lookups. So the first statement ranks inside FTS5 alone (bm25 over the doclist, no join),
// keeps the best K matches by (rank, rowid), and joins only those K, evaluating the filters
// as a column. The page taken from them is exactly what ranking every match would give when
// either all matches fit in K, or enough candidates pass the filters and the page's last row
// ranks strictly better than the K-th candidate (every match that ranks better than the K-th
// is among the K, whatever its created_at). Otherwise — selective filters, deep pages, or a
// page ending in a block of equal ranks that crosses the K-th — the exact statement that
// ranks every match runs instead. Totals come from the candidates when they cover every
// match, else from a count that stops at COUNT_CAP + 1.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { browse, COUNT_CAP, filters, pageOf, terms, type SearchEngine, type SearchHits, type SearchQuery } from './engine.js';

/** An FTS5 MATCH expression: every term must match, as a prefix of what was typed or by its stem. */
export function ftsMatch(ts: { token: string; stem: string }[]): string {
  // Tokens are [a-z0-9] only (normalise.ts), so quoting them cannot break the syntax.
  return ts.map((t) => (t.stem !== t.token ? `("${t.token}"* OR "${t.stem}")` : `"${t.token}"*`)).join(' AND ');
}

/** How many best-ranked matches the first statement joins: eight pages' worth of headroom for filters, at least 256. */
export function candidateCount(need: number): number {
  return Math.min(Math.max(256, need * 8), Math.max(4096, need));
}

interface Candidate { product_id: string; rank: number; ok: number }

async function exact(db: Db, match: string, cond: RawBuilder<unknown>, limit: number, offset: number): Promise<string[]> {
  const r = await sql<{ product_id: string }>`
    select d.product_id from product_fts f join product_search d on d.doc_id = f.rowid
    where product_fts match ${match} and ${cond}
    order by f.rank, d.created_at desc limit ${limit} offset ${offset}`.execute(db);
  return r.rows.map((x) => x.product_id);
}

async function cappedCount(db: Db, match: string, cond: RawBuilder<unknown>): Promise<number> {
  const c = await sql<{ n: number }>`select count(*) as n from (select 1 from product_fts f join product_search d on d.doc_id = f.rowid
    where product_fts match ${match} and ${cond} limit ${COUNT_CAP + 1}) x`.execute(db);
  return Number(c.rows[0]?.n ?? 0);
}

/** The engine with a given candidate count (tests shrink it to force every path on a small fixture). */
export function sqliteEngine(candidates: (need: number) => number = candidateCount): SearchEngine {
  return { hits: (db, q) => hits(db, q, candidates) };
}

export const sqliteSearch = sqliteEngine();

async function hits(db: Db, q: SearchQuery, candidates: (need: number) => number): Promise<SearchHits> {
  const where = filters(q);
  if (!where) return { ids: [], total: 0 };
  const ts = terms(q);
  if (ts.length === 0) return browse(db, where, q);
  const { limit, offset } = pageOf(q);
  const need = offset + limit;
  const k = candidates(need);
  // ORDER BY the hidden `rank` column (bm25 with title 10, names 4, text 1; set by migration
  // 0403) with rowid as a second key: SQLite keeps the best K in its sorter while FTS5 walks
  // the doclist, and the K are a well-defined set even among equal ranks.
  const match = ftsMatch(ts);
  const cond = sql.join(where, sql` and `);
  const r = await sql<Candidate>`
    select d.product_id, f.rank, (${cond}) as ok
    from (select rowid, rank from product_fts where product_fts match ${match} order by rank, rowid desc limit ${k}) f
    join product_search d on d.doc_id = f.rowid
    order by f.rank, d.created_at desc`.execute(db);
  const rows = r.rows;
  const covered = rows.length < k;
  const passing = rows.filter((x) => Number(x.ok) === 1);
  const worst = rows.length ? rows[rows.length - 1].rank : 0;
  const pageIsExact = covered || (passing.length >= need && passing[need - 1].rank < worst);
  const ids = pageIsExact ? passing.slice(offset, need).map((x) => x.product_id) : await exact(db, match, cond, limit, offset);
  const total = covered ? passing.length : await cappedCount(db, match, cond);
  return { ids, total: Math.min(total, COUNT_CAP + 1) };
}
