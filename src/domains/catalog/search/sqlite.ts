// SQLite: FTS5 over the external-content table product_fts (title, names, body), ranked by
// bm25 with a title match worth most, then names (category, village, producer), then text.
//
// Relevance ties (equal bm25) go to the newest product: the highest doc_id, which grows with
// each product indexed — every product is indexed in the transaction that creates it.
//
// Speed: joining every match to product_search (for the filters) is what costs, not bm25 —
// a word that matches 9,000 products means 9,000 row lookups. So the first statement ranks
// inside FTS5 alone (bm25 over the doclist, no join), keeps the best K matches by
// (rank, rowid desc) — the final order itself — and joins only those K, evaluating the filters
// as a column. When K covers every match, or at least a page's worth of the K pass the
// filters, the page is exactly what ranking every match would give (any match ahead of a
// passing candidate is itself among the K). Otherwise (very selective filters, deep pages)
// the statement that filters and ranks every match runs instead. Totals come from the
// candidates when they cover every match, else from a count that stops at COUNT_CAP + 1.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import {
  browse,
  COUNT_CAP,
  endsHere,
  filters,
  pageOf,
  terms,
  type SearchEngine,
  type SearchHits,
  type SearchQuery,
} from './engine.js';

/** An FTS5 MATCH expression: every term must match, as a prefix of what was typed or by its stem. */
export function ftsMatch(ts: { token: string; stem: string }[]): string {
  // Tokens are [a-z0-9] only (normalise.ts), so quoting them cannot break the syntax.
  return ts
    .map((t) => (t.stem !== t.token ? `("${t.token}"* OR "${t.stem}")` : `"${t.token}"*`))
    .join(' AND ');
}

/** How many best-ranked matches the first statement joins: eight pages' worth of headroom for filters, at least 256. */
export function candidateCount(need: number): number {
  return Math.min(Math.max(256, need * 8), Math.max(4096, need));
}

interface Candidate {
  product_id: string;
  ok: number;
}

async function exact(
  db: Db,
  match: string,
  cond: RawBuilder<unknown>,
  limit: number,
  offset: number,
): Promise<string[]> {
  const r = await sql<{ product_id: string }>`
    select d.product_id from product_fts f join product_search d on d.doc_id = f.rowid
    where product_fts match ${match} and ${cond}
    order by f.rank, d.doc_id desc limit ${limit} offset ${offset}`.execute(db);
  return r.rows.map((x) => x.product_id);
}

async function cappedCount(db: Db, match: string, cond: RawBuilder<unknown>): Promise<number> {
  const c = await sql<{
    n: number;
  }>`select count(*) as n from (select 1 from product_fts f join product_search d on d.doc_id = f.rowid
    where product_fts match ${match} and ${cond} limit ${COUNT_CAP + 1}) x`.execute(db);
  return Number(c.rows[0]?.n ?? 0);
}

/** The engine with a given candidate count (tests shrink it to force every path on a small fixture). */
export function sqliteEngine(candidates: (need: number) => number = candidateCount): SearchEngine {
  return { hits: (db, q) => hits(db, q, candidates) };
}

export const sqliteSearch = sqliteEngine();

async function hits(
  db: Db,
  q: SearchQuery,
  candidates: (need: number) => number,
): Promise<SearchHits> {
  const where = filters(q);
  if (!where) return { ids: [], total: 0 };
  const ts = terms(q);
  if (ts.length === 0) return browse(db, where, q);
  const { limit, offset } = pageOf(q);
  const need = offset + limit;
  const k = candidates(need);
  // ORDER BY the hidden `rank` column (bm25 with title 10, names 4, text 1; set by migration
  // 0403) and rowid: SQLite keeps the best K in its sorter while FTS5 walks the doclist.
  const match = ftsMatch(ts);
  const cond = sql.join(where, sql` and `);
  const r = await sql<Candidate>`
    select d.product_id, (${cond}) as ok
    from (select rowid, rank from product_fts where product_fts match ${match} order by rank, rowid desc limit ${k}) f
    join product_search d on d.doc_id = f.rowid
    order by f.rank, f.rowid desc`.execute(db);
  const covered = r.rows.length < k;
  const passing = r.rows.filter((x) => Number(x.ok) === 1);
  if (covered)
    return {
      ids: passing.slice(offset, need).map((x) => x.product_id),
      total: Math.min(passing.length, COUNT_CAP + 1),
    };
  const ids =
    passing.length >= need
      ? passing.slice(offset, need).map((x) => x.product_id)
      : await exact(db, match, cond, limit, offset);
  const known = endsHere(ids.length, limit, offset);
  return { ids, total: known ?? Math.min(await cappedCount(db, match, cond), COUNT_CAP + 1) };
}
