// PostgreSQL: a weighted tsvector (title A, names B, text C) generated from the same
// normalised text, a GIN index, and ts_rank_cd for order; equal ranks go to the newest
// product (highest doc_id), as on SQLite.
//
// At national scale (1,000,000 products) a common word matches 70,000–150,000 of them, and
// ranking every match reads each one's tsvector from the heap: 0.9–1.9 s a query. So the
// ranking runs over the newest COUNT_CAP + 1 matches: all a shopper can page through
// (MAX_PAGE pages of PAGE_SIZE), the total is already reported as "more than COUNT_CAP"
// past that, and the planner can walk doc_id backwards and stop at that many matches
// instead of fetching them all. A query with at most COUNT_CAP matches ranks every one, so
// its pages are exactly those of ranking all. The tsquery is written inline (a bind value,
// planned with its value) so the planner's estimate of how many rows match picks the plan.
//
// A region is matched by its lexeme in `region_tsv` (migration 0406), indexed with the text
// in one GIN index: a common word inside a large province (`buah` in Jawa Timur, 7,792 of
// 1,000,000 products) is then one index scan that yields only the matches, where the
// village-code prefix could only be checked row by row or intersected as a second bitmap.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import {
  browse,
  COUNT_CAP,
  filters,
  pageOf,
  terms,
  type SearchEngine,
  type SearchQuery,
} from './engine.js';

/** A tsquery: every term must match, as a prefix of what was typed or by its stem. */
export function tsQuery(ts: { token: string; stem: string }[]): string {
  // Tokens are [a-z0-9] only (normalise.ts), so they cannot inject tsquery operators.
  return ts
    .map((t) => (t.stem !== t.token ? `(${t.token}:* | ${t.stem})` : `${t.token}:*`))
    .join(' & ');
}

/** A region's lexeme: its code's digits (levels differ in length, so they never collide). */
export const regionLexeme = (code: string) => `r${code.replaceAll('.', '')}`;

const regionMatch = (code: string) => sql`d.region_tsv @@ ${regionLexeme(code)}::tsquery`;

/** The engine ranking at most `cap` newest matches (tests shrink it to see the cap work on a small fixture). */
export function postgresEngine(cap = COUNT_CAP + 1): SearchEngine {
  return {
    async hits(db: Db, q: SearchQuery) {
      const ts = terms(q);
      // Browsing without words walks the newest products: the prefix index serves the region.
      const where = ts.length === 0 ? filters(q) : filters(q, regionMatch);
      if (!where) return { ids: [], total: 0 };
      if (ts.length === 0) return browse(db, where, q, { stockLast: true });
      const { limit, offset } = pageOf(q);
      const cond = sql.join(where, sql` and `);
      const tq = sql`to_tsquery('simple', ${tsQuery(ts)})`;
      const r = await sql<{ product_id: string; n: number | string }>`
        select m.product_id, count(*) over () as n from (
          select d.product_id, d.doc_id, d.tsv from product_search d
          where d.tsv @@ ${tq} and ${cond}
          order by d.doc_id desc limit ${cap}) m
        order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', m.tsv, ${tq}) desc, m.doc_id desc
        limit ${limit} offset ${offset}`.execute(db);
      const ids = r.rows.map((x) => x.product_id);
      if (r.rows.length > 0) return { ids, total: Number(r.rows[0].n) };
      // No match, or a page past the last one: then the matches are counted (up to the cap).
      if (offset === 0) return { ids, total: 0 };
      const c = await sql<{
        n: number;
      }>`select count(*) as n from (select 1 from product_search d
        where d.tsv @@ ${tq} and ${cond} limit ${cap}) x`.execute(db);
      return { ids, total: Number(c.rows[0]?.n ?? 0) };
    },
  };
}

export const postgresSearch = postgresEngine();
