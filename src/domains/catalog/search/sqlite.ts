// SQLite: FTS5 over the external-content table product_fts (title, names, body), ranked by
// bm25 with a title match worth most, then names (category, village, producer), then text.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { browse, filters, pageOf, terms, type SearchEngine, type SearchQuery } from './engine.js';

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
    // bm25() is only allowed in a query on the FTS table itself, so rank first, then filter.
    const r = await sql<{ product_id: string; total: number }>`
      with m as materialized (select rowid as doc_id, bm25(product_fts, 10.0, 4.0, 1.0) as rank from product_fts where product_fts match ${ftsMatch(ts)})
      select d.product_id, count(*) over () as total
      from m join product_search d on d.doc_id = m.doc_id
      where ${sql.join(where, sql` and `)}
      order by m.rank, d.created_at desc limit ${limit} offset ${offset}`.execute(db);
    return { ids: r.rows.map((x) => x.product_id), total: Number(r.rows[0]?.total ?? 0) };
  },
};
