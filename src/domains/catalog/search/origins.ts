// Where listed products come from, as the buyer's "origin" filter: the provinces and regencies
// that have at least one listed product, by name (a buyer never types a region code, and is
// never offered an area with nothing to buy). Region codes have fixed-width parts ("53.09.…"),
// so a regency is the first five characters of a village code, a province the first two.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { regionNames, type PlaceChoices } from '../../regions/index.js';
import { searchVersion, TTL_MS } from './cache.js';
import '../catalog.tables.js';

interface Entry {
  at: number;
  version: number;
  choices: Promise<PlaceChoices>;
}
// Read on every search page (two statements): remembered per database like the hits, for a
// minute at most and never past a change of any search document.
const remembered = new WeakMap<Db, Entry>();
const KEEP_MS = 12 * TTL_MS;

/** The provinces (as "whole province") and their regencies with listed products, by name. */
export function originChoices(db: Db): Promise<PlaceChoices> {
  const hit = remembered.get(db);
  if (hit && hit.version === searchVersion() && Date.now() - hit.at < KEEP_MS) return hit.choices;
  const entry: Entry = { at: Date.now(), version: searchVersion(), choices: build(db) };
  remembered.set(db, entry);
  entry.choices.catch(() => {
    if (remembered.get(db) === entry) remembered.delete(db);
  });
  return entry.choices;
}

async function build(db: Db): Promise<PlaceChoices> {
  const rows = await db
    .selectFrom('product_search')
    .select(sql<string>`substr(village_code, 1, 5)`.as('regency'))
    .where('listed', '=', 1)
    .distinct()
    .execute();
  const regencies = rows.map((r) => r.regency).filter((c) => /^\d{2}\.\d{2}$/.test(c));
  const provinces = [...new Set(regencies.map((c) => c.slice(0, 2)))].sort();
  const names = await regionNames(db, [...provinces, ...regencies]);
  const groups = provinces
    .filter((p) => names.has(p))
    .map((p) => ({
      code: p,
      name: names.get(p)!,
      options: [
        { code: p, name: names.get(p)!, level: 1 as const, kind: 'provinsi' },
        ...regencies
          .filter((r) => r.startsWith(`${p}.`) && names.has(r))
          .sort()
          // Only a group's own option is labelled by its kind ("Seluruh Provinsi …").
          .map((r) => ({ code: r, name: names.get(r)!, level: 2 as const, kind: '' })),
      ],
    }));
  return { groups, mustSearch: false, q: '' };
}
