// SQLite: FTS5 over the external-content table product_fts (title, names, body), ranked by
// bm25 with a title match worth most, then names (category, village, producer), then text.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { browse, COUNT_CAP, filters, pageOf, terms, type SearchEngine, type SearchQuery } from './engine.js';

/** An FTS5 MATCH expression: every term must match, as a prefix of what was typed or by its stem. */
export function ftsMatch(ts: { token: string; stem: string }[]): string {
  // Tokens are [a-z0-9] only (normalise.ts), so quoting them cannot break the syntax.
  return ts.map((t) => (t.stem !== t.token ? `("${t.token}"* OR "${t.stem}")` : `"${t.token}"*`)).join(' AND ');
}

export const sqliteSearch: SearchEngine = {
  async hits(db: Db, q: SearchQuery) {
    const where = filters(q);
    if (!where) return { ids: [], total: 0 };
    const ts = terms(q);
    if (ts.length === 0) return browse(db, where, q);
    const { limit, offset } = pageOf(q);
    // ORDER BY the hidden `rank` column (bm25 with title 10, names 4, text 1; set by migration
    // 0403) lets FTS5 rank while joining; the total is counted separately up to COUNT_CAP.
    const match = ftsMatch(ts);
    const cond = sql.join(where, sql` and `);
    const r = await sql<{ product_id: string }>`
      select d.product_id from product_fts f join product_search d on d.doc_id = f.rowid
      where product_fts match ${match} and ${cond}
      order by f.rank, d.created_at desc limit ${limit} offset ${offset}`.execute(db);
    const c = await sql<{ n: number }>`select count(*) as n from (select 1 from product_fts f join product_search d on d.doc_id = f.rowid
      where product_fts match ${match} and ${cond} limit ${COUNT_CAP + 1}) x`.execute(db);
    return { ids: r.rows.map((x) => x.product_id), total: Number(c.rows[0]?.n ?? 0) };
  },
};
