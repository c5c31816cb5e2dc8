// Product search for every page and API that finds products: one call, the engine chosen by
// the database behind `db`.
import { isPostgres, type Db } from '../../../kernel/db/index.js';
import { PAGE_SIZE, pageOf, type SearchEngine, type SearchQuery } from './engine.js';
import { sqliteSearch } from './sqlite.js';
import { postgresSearch } from './postgres.js';
import { productCards, type ProductCard } from './cards.js';
import { cachedHits } from './cache.js';

export type { SearchQuery, SearchEngine } from './engine.js';
export { PAGE_SIZE, MAX_PAGE, REGION_RE, COUNT_CAP } from './engine.js';
export { productCards, type ProductCard } from './cards.js';
export { reindexProduct, reindexUmkm } from './document.js';

export interface SearchResult {
  items: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
}

export function engineFor(db: Db): SearchEngine {
  return isPostgres(db) ? postgresSearch : sqliteSearch;
}

/**
 * Searches listed products: relevance order for words, newest first without; at most five
 * statements, one (the cards) when the hits are cached. `fresh` skips the hits cache (benches
 * measuring the engine itself).
 */
export async function searchProducts(
  db: Db,
  query: SearchQuery,
  opts: { fresh?: boolean } = {},
): Promise<SearchResult> {
  const engine = engineFor(db);
  const hits = await (opts.fresh
    ? engine.hits(db, query)
    : cachedHits(db, query, () => engine.hits(db, query)));
  const items = await productCards(db, hits.ids);
  const { limit, offset } = pageOf(query);
  return {
    items,
    total: hits.total,
    page: offset / limit + 1,
    pageSize: query.pageSize ? limit : PAGE_SIZE,
  };
}
export { originChoices } from './origins.js';
