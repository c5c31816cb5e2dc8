// Where listed products come from, as the buyer's "origin" filter: the provinces and regencies
// that have at least one listed product, by name (a buyer never types a region code, and is
// never offered an area with nothing to buy). Region codes have fixed-width parts ("53.09.…"),
// so a regency is the first five characters of a village code.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { placeChoices, type PlaceChoices } from '../../regions/index.js';
import { searchVersion, TTL_MS } from './cache.js';
import '../catalog.tables.js';

interface Entry {
  at: number;
  version: number;
  regencies: Promise<string[]>;
}
// Read on every search page: remembered per database like the hits, for a minute at most and
// never past a change of any search document.
const remembered = new WeakMap<Db, Entry>();
const KEEP_MS = 12 * TTL_MS;

function regenciesWithProducts(db: Db): Promise<string[]> {
  const hit = remembered.get(db);
  if (hit && hit.version === searchVersion() && Date.now() - hit.at < KEEP_MS) return hit.regencies;
  const regencies = db
    .selectFrom('product_search')
    .select(sql<string>`substr(village_code, 1, 5)`.as('regency'))
    .where('listed', '=', 1)
    .distinct()
    .execute()
    .then((rows) => rows.map((r) => r.regency).filter((c) => /^\d{2}\.\d{2}$/.test(c)));
  const entry: Entry = { at: Date.now(), version: searchVersion(), regencies };
  remembered.set(db, entry);
  regencies.catch(() => {
    if (remembered.get(db) === entry) remembered.delete(db);
  });
  return regencies;
}

/** The provinces (as "whole province") and regencies with listed products, grouped by province. */
export async function originChoices(db: Db, chosen?: string): Promise<PlaceChoices> {
  const regencies = new Set(await regenciesWithProducts(db));
  const provinces = [...new Set([...regencies].map((c) => c.slice(0, 2)))];
  if (provinces.length === 0) return { groups: [], mustSearch: false, q: '' };
  const all = await placeChoices(db, provinces, { levels: [1, 2], groupBy: 1, keep: chosen });
  const groups = all.groups
    .map((g) => ({
      ...g,
      options: g.options.filter((o) => o.level === 1 || regencies.has(o.code) || o.code === chosen),
    }))
    .filter((g) => g.options.length > 0);
  return { ...all, groups };
}
