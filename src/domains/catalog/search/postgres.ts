// PostgreSQL: a weighted tsvector (title A, names B, text C) generated from the same
// normalised text, a GIN index, and ts_rank_cd for order.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { browse, filters, pageOf, terms, type SearchEngine, type SearchQuery } from './engine.js';

/** A tsquery: every term must match, as a prefix of what was typed or by its stem. */
export function tsQuery(ts: { token: string; stem: string }[]): string {
  // Tokens are [a-z0-9] only (normalise.ts), so they cannot inject tsquery operators.
  return ts.map((t) => (t.stem !== t.token ? `(${t.token}:* | ${t.stem})` : `${t.token}:*`)).join(' & ');
}

export const postgresSearch: SearchEngine = {
  async hits(db: Db, q: SearchQuery) {
    const where = filters(q);
    if (!where) return { ids: [], total: 0 };
    const ts = terms(q);
    if (ts.length === 0) return browse(db, where, q);
    const { limit, offset } = pageOf(q);
    const r = await sql<{ product_id: string; total: number }>`
      select d.product_id, count(*) over () as total
      from product_search d, to_tsquery('simple', ${tsQuery(ts)}) tq
      where d.tsv @@ tq and ${sql.join(where, sql` and `)}
      order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.tsv, tq) desc, d.created_at desc limit ${limit} offset ${offset}`.execute(db);
    return { ids: r.rows.map((x) => x.product_id), total: Number(r.rows[0]?.total ?? 0) };
  },
};
