// A short-lived cache of search hits (the ids of a page and the total), per database, so a
// popular query or category page is ranked once every few seconds instead of on every
// request. Cards are never cached: each request reads them fresh, and they come back only for
// listed products, so an unlisted product never shows from a cached hit list.
// Freshness: every write that changes a search document bumps a version (reindexProduct),
// which empties the cache of this process at once; other changes search can see without a
// reindex (stock for "in stock", certificates for "halal", writes by another server process)
// show within TTL_MS. Concurrent requests for the same query share one ranking.
import type { Db } from '../../../kernel/db/index.js';
import { pageOf, type SearchHits, type SearchQuery } from './engine.js';
import { tokens } from './normalise.js';

export const TTL_MS = 5_000;
const MAX_ENTRIES = 500;

interface Entry {
  at: number;
  version: number;
  hits: Promise<SearchHits>;
}

const caches = new WeakMap<Db, Map<string, Entry>>();
let version = 0;

/** Called whenever a search document changes: cached hits from before are not served again. */
export function searchChanged(): void {
  version++;
}

/** One key for queries that search the same: words as normalised, filters, the effective page. */
export function cacheKey(q: SearchQuery): string {
  const { limit, offset } = pageOf(q);
  return JSON.stringify([
    tokens(q.q ?? '')
      .slice(0, 8)
      .join(' '),
    q.category ?? '',
    q.region ?? '',
    q.min ?? '',
    q.max ?? '',
    !!q.halal,
    !!q.inStock,
    limit,
    offset,
  ]);
}

export function cachedHits(
  db: Db,
  q: SearchQuery,
  run: () => Promise<SearchHits>,
): Promise<SearchHits> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = cacheKey(q);
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.version === version && now - hit.at < TTL_MS) return hit.hits;
  const entry: Entry = { at: now, version, hits: run() };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  // A failed ranking is not remembered.
  entry.hits.catch(() => {
    if (cache.get(key) === entry) cache.delete(key);
  });
  return entry.hits;
}

/** The current version: anything derived from search documents is stale once it moves. */
export const searchVersion = (): number => version;
