// PostgreSQL: a weighted tsvector (title A, names B, text C) generated from the same
// normalised text, a GIN index, and ts_rank_cd for order; equal ranks go to the newest
// product (highest doc_id), as on SQLite. The total is counted apart and stops at
// COUNT_CAP + 1 (a window count would carry every match through the sort), and is not
// counted at all when the page itself shows where the matches end.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import {
  browse,
  COUNT_CAP,
  endsHere,
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

export const postgresSearch: SearchEngine = {
  async hits(db: Db, q: SearchQuery) {
    const where = filters(q);
    if (!where) return { ids: [], total: 0 };
    const ts = terms(q);
    if (ts.length === 0) return browse(db, where, q);
    const { limit, offset } = pageOf(q);
    const query = tsQuery(ts);
    const cond = sql.join(where, sql` and `);
    const r = await sql<{ product_id: string }>`
      select d.product_id from product_search d, to_tsquery('simple', ${query}) tq
      where d.tsv @@ tq and ${cond}
      order by ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.tsv, tq) desc, d.doc_id desc limit ${limit} offset ${offset}`.execute(
      db,
    );
    const ids = r.rows.map((x) => x.product_id);
    const known = endsHere(ids.length, limit, offset);
    if (known !== null) return { ids, total: known };
    const c = await sql<{
      n: number;
    }>`select count(*) as n from (select 1 from product_search d, to_tsquery('simple', ${query}) tq
      where d.tsv @@ tq and ${cond} limit ${COUNT_CAP + 1}) x`.execute(db);
    return { ids, total: Number(c.rows[0]?.n ?? 0) };
  },
};
