// PostgreSQL: a weighted tsvector (title A, names B, text C) generated from the same
// normalised text, a GIN index, and ts_rank_cd for order; equal ranks go to the newest
// product (highest doc_id), as on SQLite.
//
// At national scale (1,000,000 products) a common word matches 70,000–150,000 of them, and
// ranking every match reads each one's tsvector from the heap: 0.9–1.9 s a query. So the
// ranking runs over the newest COUNT_CAP + 1 matches: all a shopper can page through
// (MAX_PAGE pages of PAGE_SIZE), the total is already reported as "more than COUNT_CAP"
// past that, and the planner can walk doc_id backwards and stop at that many matches
// instead of fetching them all (an index-only walk since migration 0407). A query with at
// most COUNT_CAP matches ranks every one, so its pages are exactly those of ranking all. The
// tsquery is written inline (a bind value, planned with its value) so the planner's estimate
// of how many rows match picks the plan.
//
// A region is matched by its lexeme in `region_tsv` (migration 0406), indexed with the text
// in one GIN index: a common word inside a large province (`buah` in Jawa Timur, 7,792 of
// 1,000,000 products) is then one index scan that yields only the matches, where the
// village-code prefix could only be checked row by row or intersected as a second bitmap.
//
// A typed word is a prefix, but GIN answers `buah:*` by first collecting every matching posting
// list into a bitmap, 3–5 times slower than the same lexemes matched exactly. So each prefix is
// rewritten into the lexemes it stands for, read from `search_words` (migration 0407), when
// there are at most MAX_EXPANSION of them; a short prefix standing for more stays a prefix.
import { sql } from 'kysely';
import { prepareNamed, type Db } from '../../../kernel/db/index.js';
import {
  browse,
  COUNT_CAP,
  filters,
  pageOf,
  terms,
  type SearchEngine,
  type SearchQuery,
} from './engine.js';

/** At most this many lexemes stand in for a typed prefix (an OR of exact lexemes in GIN). */
export const MAX_EXPANSION = 16;

/**
 * A tsquery: every term must match, as a prefix of what was typed or by its stem. `words`
 * holds, for a token, the lexemes it is a prefix of (up to MAX_EXPANSION + 1, see lexemesOf):
 * they replace the prefix. Null when a term can match no document (nothing starts with it and
 * it has no other stem), so the whole query matches nothing.
 */
export function tsQuery(
  ts: { token: string; stem: string }[],
  words: ReadonlyMap<string, readonly string[]> = new Map(),
): string | null {
  // Tokens are [a-z0-9] only (normalise.ts), so they cannot inject tsquery operators; lexemes
  // from the table are used only when they are of the same alphabet.
  const parts: string[] = [];
  for (const t of ts) {
    const known = words.get(t.token);
    const exact =
      known && known.length <= MAX_EXPANSION && known.every((w) => /^[a-z0-9]+$/.test(w));
    const alts = exact ? [...known] : [`${t.token}:*`];
    if (t.stem !== t.token && !alts.includes(t.stem)) alts.push(t.stem);
    if (alts.length === 0) return null;
    parts.push(alts.length === 1 ? alts[0] : `(${alts.join(' | ')})`);
  }
  return parts.join(' & ');
}

/** The indexed lexemes each token is a prefix of, at most MAX_EXPANSION + 1 each, in one statement. */
export async function lexemesOf(db: Db, tokens: string[]): Promise<Map<string, string[]>> {
  // `word` sorts bytewise (collate "C") and tokens are [a-z0-9], so a prefix's words lie
  // between the prefix and the prefix followed by '{', the character after 'z'.
  const q = sql<{ t: string; word: string }>`select t, w.word from unnest(${tokens}::text[]) t
    cross join lateral (select word from search_words where word >= t and word < t || '{'
      order by word limit ${MAX_EXPANSION + 1}) w`.compile(db);
  prepareNamed(q.sql);
  const out = new Map(tokens.map((t) => [t, [] as string[]]));
  for (const r of (await db.executeQuery(q)).rows) out.get(r.t)?.push(r.word);
  return out;
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
      const text = tsQuery(ts, await lexemesOf(db, [...new Set(ts.map((t) => t.token))]));
      if (text === null) return { ids: [], total: 0 };
      const cond = sql.join(where, sql` and `);
      const tq = sql`to_tsquery('simple', ${text})`;
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
