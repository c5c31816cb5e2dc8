// Queries over the official areas: one area, its parent chain, its children and their counts,
// and word-prefix search. Areas are public official data, so these reads are not scoped.
import { expressionBuilder, sql, type Expression } from 'kysely';
import type { Database, Tx } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { zoneForRegion, type IndonesianZone } from '../../kernel/i18n/index.js';
import { normaliseName } from './region-import.js';
import type { RegionLevel } from './regions.tables.js';

export interface Area {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
  parentCode: string | null;
}

export interface SearchHit extends Area {
  /** Names of the parents, nearest first (district, regency, province). */
  context: string[];
  /** 'name' = the area's own name matched; 'parent' = it lies in a district that matched. */
  match: 'name' | 'parent';
}

/** Kemendagri code shapes: `11`, `11.01`, `11.01.01`, `11.01.01.2001`. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

export function isRegionCode(code: string): boolean {
  return REGION_CODE.test(code);
}

/** Level of a well-formed code (1 province … 4 village). */
export function levelOf(code: string): RegionLevel {
  return code.split('.').length as RegionLevel;
}

/** Codes of the ancestors of a code, province first (`11.01.01.2001` → 11, 11.01, 11.01.01). */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('.');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('.'));
}

/** Zone (WIB/WITA/WIT) of any region code, by its province. */
export function timeZoneOf(code: string): IndonesianZone {
  return zoneForRegion(code);
}

const cols = ['code', 'name', 'level', 'kind', 'parent_code'] as const;
const toArea = (r: {
  code: string;
  name: string;
  level: number;
  kind: string;
  parent_code: string | null;
}): Area => ({
  code: r.code,
  name: r.name,
  level: Number(r.level) as RegionLevel,
  kind: r.kind,
  parentCode: r.parent_code,
});

export async function findArea(db: Tx, code: string): Promise<Area | null> {
  const r = await db.selectFrom('regions').select(cols).where('code', '=', code).executeTakeFirst();
  return r ? toArea(r) : null;
}

/** Names of areas by code (codes not found are left out). */
export async function regionNames(db: Tx, codes: string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(codes)].filter(isRegionCode);
  const out = new Map<string, string>();
  for (let i = 0; i < uniq.length; i += 500)
    for (const r of await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', uniq.slice(i, i + 500))
      .execute())
      out.set(r.code, r.name);
  return out;
}

/**
 * The name of the area whose code is in the column `code` (e.g. `'p.village_code'`), or of its
 * parent (`up` 1: the district of a village) or grandparent (2: the regency), as a scalar
 * subquery another domain selects inside its own statement (`areaNameOf('p.village_code',
 * 1).as('district_name')`), so its cards and pages name places without a second round trip.
 * Null when the area (or that ancestor) is unknown.
 */
export function areaNameOf(code: string, up: 0 | 1 | 2 = 0) {
  const eb = expressionBuilder<Database>();
  let at: Expression<string | null> = sql.ref<string>(code);
  // Each step up is a primary-key lookup of the parent's code.
  for (let i = 0; i < up; i++)
    at = eb
      .selectFrom('regions')
      .select('regions.parent_code')
      .where('regions.code', '=', at)
      .$asScalar();
  return eb.selectFrom('regions').select('regions.name').where('regions.code', '=', at);
}

/** The area and its ancestors, province first and the area last; empty when unknown. */
export async function regionChain(db: Tx, code: string): Promise<Area[]> {
  if (!isRegionCode(code)) return [];
  const rows = await db
    .selectFrom('regions')
    .select(cols)
    .where('code', 'in', [...ancestorCodes(code), code])
    .execute();
  if (!rows.some((r) => r.code === code)) return [];
  return rows.map(toArea).sort((a, b) => a.level - b.level);
}

export async function childrenOf(
  db: Tx,
  parent: string | null,
  opts: { limit?: number; offset?: number; by?: 'code' | 'name' } = {},
): Promise<Area[]> {
  let q = db.selectFrom('regions').select(cols);
  q = parent === null ? q.where('level', '=', 1) : q.where('parent_code', '=', parent);
  const rows = await q
    .orderBy(opts.by ?? 'code')
    .limit(opts.limit ?? 10_000)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map(toArea);
}

export interface ChildCounts {
  regencies: number;
  districts: number;
  villages: number;
}

/** How many regencies, districts and villages lie inside an area (a prefix range scan). */
export async function childCounts(db: Tx, code: string): Promise<ChildCounts> {
  const rows = await db
    .selectFrom('regions')
    .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
    .where('code', 'like', `${code}.%`)
    .groupBy('level')
    .execute();
  const by = (l: number) => Number(rows.find((r) => Number(r.level) === l)?.n ?? 0);
  return { regencies: by(2), districts: by(3), villages: by(4) };
}

/** The smallest string greater than every string starting with `p` (words are [a-z0-9]). */
function upperBound(p: string): string {
  return p + '\x7f';
}

/**
 * Case- and accent-insensitive word-prefix search: every query word must start a word of the
 * area's name ("bakongan", "keude bak"). A district that matches also brings its villages,
 * listed after the areas matched by their own name. Own-name hits rank by level (provinces
 * first), then by the matched word (an exact word first). `within` limits hits to one prefix.
 */
export async function searchRegions(
  db: Tx,
  query: string,
  opts: { limit?: number; within?: string } = {},
): Promise<SearchHit[]> {
  const limit = Math.min(Math.max(opts.limit ?? 20, 1), 100);
  const words = [...new Set(normaliseName(query).split(' ').filter(Boolean))].sort(
    (a, b) => b.length - a.length,
  );
  if (words.length === 0) return [];
  // The longest word is the most selective: its range gives the candidates, the others filter.
  // One level at a time, in word order (an exact word sorts before its extensions), so each
  // query is an index range scan that stops at the limit.
  const own: Awaited<ReturnType<typeof ownHits>> = [];
  const seen = new Set<string>();
  for (const level of [1, 2, 3, 4]) {
    if (own.length >= limit) break;
    for (const r of await ownHits(db, words, level, limit - own.length, opts.within)) {
      if (seen.has(r.code) || own.length >= limit) continue;
      seen.add(r.code);
      own.push(r);
    }
  }
  const hits: { area: Area; match: 'name' | 'parent' }[] = own.map((r) => ({
    area: toArea(r),
    match: 'name',
  }));
  const districts = hits.filter((h) => h.area.level === 3).map((h) => h.area.code);
  if (hits.length < limit && districts.length > 0) {
    const seen = new Set(hits.map((h) => h.area.code));
    const villages = await db
      .selectFrom('regions')
      .select(cols)
      .where('parent_code', 'in', districts)
      .orderBy('code')
      .limit(limit)
      .execute();
    for (const v of villages)
      if (!seen.has(v.code) && hits.length < limit) hits.push({ area: toArea(v), match: 'parent' });
  }
  return withContext(db, hits);
}

async function ownHits(db: Tx, words: string[], level: number, want: number, within?: string) {
  let q = db
    .selectFrom('region_words as w0')
    .innerJoin('regions as r', 'r.code', 'w0.code')
    .select(['r.code', 'r.name', 'r.level', 'r.kind', 'r.parent_code'])
    .where('w0.level', '=', level as RegionLevel)
    .where('w0.word', '>=', words[0])
    .where('w0.word', '<', upperBound(words[0]));
  for (const word of words.slice(1)) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('region_words as wx')
          .select('wx.code')
          .whereRef('wx.code', '=', 'r.code')
          .where('wx.word', '>=', word)
          .where('wx.word', '<', upperBound(word)),
      ),
    );
  }
  if (within)
    q = q.where((eb) => eb.or([eb('r.code', '=', within), eb('r.code', 'like', `${within}.%`)]));
  // Two words of one name can share the prefix; fetch a little more and de-duplicate.
  return q
    .orderBy('w0.word')
    .orderBy('w0.code')
    .limit(want * 2 + 5)
    .execute();
}

/** Adds the parents' names to each hit with one query for all of them. */
async function withContext(
  db: Tx,
  hits: { area: Area; match: 'name' | 'parent' }[],
): Promise<SearchHit[]> {
  const need = [...new Set(hits.flatMap((h) => ancestorCodes(h.area.code)))];
  const names = new Map<string, string>();
  if (need.length) {
    for (const r of await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', need)
      .execute())
      names.set(r.code, r.name);
  }
  return hits.map((h) => ({
    ...h.area,
    match: h.match,
    context: ancestorCodes(h.area.code)
      .reverse()
      .map((c) => names.get(c) ?? c),
  }));
}

/** Village codes inside a prefix (all villages when null), in code order. */
export async function villageCodesIn(db: Tx, prefix: string | null): Promise<string[]> {
  let q = db.selectFrom('regions').select('code').where('level', '=', 4);
  if (prefix) q = q.where('code', 'like', `${prefix}.%`);
  return (await q.orderBy('code').execute()).map((r) => r.code);
}

/** The villages inside region prefixes ('all' = every village), in code order. */
export async function villagesIn(db: Tx, scope: 'all' | string[]): Promise<readonly Village[]> {
  // The national list is 83,762 rows (≈ 150–230 ms to read) and a national dashboard asks for
  // it on every page, so lists are kept per scope while the table's row count is unchanged.
  // Areas change only through the import, which adds rows (a partial import, a new dataset) or,
  // for renames, comes with a new idn-area-data version and so a new deployment and process.
  // The first and last codes tell apart two databases (test worlds) of the same size.
  const key = `${await tableKey(db)}|${scope === 'all' ? '*' : [...scope].sort().join(',')}`;
  const known = villageLists.get(key);
  if (known) return known;
  const rows = Object.freeze(
    await db
      .selectFrom('regions')
      .select(['code', 'name', 'kind'])
      .where('level', '=', 4)
      .where((eb) => regionWhere(eb, 'code', scope))
      .orderBy('code')
      .execute(),
  );
  if (villageLists.size >= 32) villageLists.clear();
  villageLists.set(key, rows);
  return rows;
}

export interface Village {
  code: string;
  name: string;
  kind: string;
}

/** The regions table's size and first and last codes: what the kept lists and counts depend on. */
async function tableKey(db: Tx): Promise<string> {
  const [{ n, first, last }] = await db
    .selectFrom('regions')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('code').as('first'),
      eb.fn.max('code').as('last'),
    ])
    .execute();
  return `${n}|${first}|${last}`;
}

/**
 * How many villages each area of a code length holds (5 = regency: '11.01'). The impact
 * summary job counts them every minute; kept like the village lists, so it neither reads the
 * 83,762 villages into the main thread nor holds them there.
 */
export async function villageCountsBy(db: Tx, len: number): Promise<ReadonlyMap<string, number>> {
  const key = `${await tableKey(db)}|${len}`;
  const known = villageCounts.get(key);
  if (known) return known;
  const area = sql<string>`substr(code, 1, ${sql.lit(len)})`;
  const rows = await db
    .selectFrom('regions')
    .select((eb) => [area.as('k'), eb.fn.countAll<number | string>().as('n')])
    .where('level', '=', 4)
    .groupBy(area)
    .execute();
  const counts: ReadonlyMap<string, number> = new Map(rows.map((r) => [String(r.k), Number(r.n)]));
  if (villageCounts.size >= 8) villageCounts.clear();
  villageCounts.set(key, counts);
  return counts;
}
const villageCounts = new Map<string, ReadonlyMap<string, number>>();

/** Village lists by the table's size and ends and by scope (per thread: the read workers keep their own). */
const villageLists = new Map<string, readonly Village[]>();

/** Which of these codes are villages, with their kind (desa, kelurahan, desa adat). */
export async function villageKinds(db: Tx, codes: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'kind'])
      .where('level', '=', 4)
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, r.kind);
  }
  return out;
}

/** Which of these codes are villages, as a subquery of `code` (checkout's one batch read embeds it). */
export function villagesAmongQuery(db: Tx, codes: readonly string[]) {
  return db
    .selectFrom('regions')
    .select('regions.code')
    .where('regions.level', '=', 4)
    .where('regions.code', 'in', [...codes]);
}
