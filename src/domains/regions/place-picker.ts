// Choosing a place by name instead of typing its code. Staff forms (a training session's
// kecamatan or desa, a KPI target's regency) offer the areas inside the actor's scope as a
// plain select grouped by parent, filled by the server so it works without JavaScript. A
// scope too large for one select (a province, the nation) is narrowed first by a name search
// that posts the form back ("search, then choose").
import type { Tx } from '../../kernel/db/index.js';
import { searchRegions } from './regions.queries.js';
import type { RegionLevel } from './regions.tables.js';

/** Above this many areas a scope is searched by name before choosing. */
export const PICKER_MAX_OPTIONS = 600;

export interface PlaceOption {
  code: string;
  name: string;
  level: RegionLevel;
  kind: string;
}
export interface PlaceGroup {
  code: string;
  name: string;
  options: PlaceOption[];
}
export interface PlaceChoices {
  groups: PlaceGroup[];
  /** True when the scope is too large to list and no search narrowed it yet. */
  mustSearch: boolean;
  /** The search words the choices answer, if any. */
  q: string;
}

const inside = (code: string, prefix: string) => code === prefix || code.startsWith(prefix + '.');

/**
 * The areas of the given levels inside `scope` ('all' = the nation), grouped by their parent,
 * narrowed by `q` when given. `keep` (the value already chosen) is always offered when it lies
 * in scope, so a form shown again after an error keeps its choice.
 */
export async function placeChoices(
  db: Tx,
  scope: 'all' | string[],
  opts: { levels: RegionLevel[]; groupBy: RegionLevel; q?: string; keep?: string },
): Promise<PlaceChoices> {
  const q = (opts.q ?? '').trim().slice(0, 100);
  const inScope = (code: string) => scope === 'all' || scope.some((p) => inside(code, p));
  let found: PlaceOption[] = [];
  let mustSearch = false;
  if (q) {
    const withins = scope === 'all' ? [undefined] : scope;
    for (const within of withins) {
      for (const h of await searchRegions(db, q, { limit: 100, within }))
        if (opts.levels.includes(h.level))
          found.push({ code: h.code, name: h.name, level: h.level, kind: h.kind });
    }
  } else if (scope === 'all' || scope.length > 0) {
    const base = () => {
      const q0 = db.selectFrom('regions').where('level', 'in', opts.levels);
      return scope === 'all'
        ? q0
        : q0.where((eb) =>
            eb.or(scope.flatMap((p) => [eb('code', '=', p), eb('code', 'like', `${p}.%`)])),
          );
    };
    const n = Number(
      (
        await base()
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (n <= PICKER_MAX_OPTIONS) {
      const rows = await base().select(['code', 'name', 'level', 'kind']).orderBy('code').execute();
      found = rows.map((r) => ({
        code: r.code,
        name: r.name,
        level: Number(r.level) as RegionLevel,
        kind: r.kind,
      }));
    } else mustSearch = true;
  }
  if (opts.keep && inScope(opts.keep) && !found.some((o) => o.code === opts.keep)) {
    const r = await db
      .selectFrom('regions')
      .select(['code', 'name', 'level', 'kind'])
      .where('code', '=', opts.keep)
      .executeTakeFirst();
    if (r && opts.levels.includes(Number(r.level) as RegionLevel))
      found.push({
        code: r.code,
        name: r.name,
        level: Number(r.level) as RegionLevel,
        kind: r.kind,
      });
  }
  found = [...new Map(found.filter((o) => inScope(o.code)).map((o) => [o.code, o])).values()].sort(
    (a, b) => (a.code < b.code ? -1 : 1),
  );
  return {
    groups: await grouped(db, found, opts.groupBy),
    mustSearch: mustSearch && found.length === 0,
    q,
  };
}

/** Groups options under their area at level `by` (a district groups itself and its villages). */
async function grouped(db: Tx, options: PlaceOption[], by: RegionLevel): Promise<PlaceGroup[]> {
  const groupOf = (o: PlaceOption) => o.code.split('.').slice(0, by).join('.');
  const codes = [...new Set(options.map(groupOf).filter(Boolean))];
  const names = new Map<string, string>();
  if (codes.length)
    for (const r of await db
      .selectFrom('regions')
      .select(['code', 'name'])
      .where('code', 'in', codes)
      .execute())
      names.set(r.code, r.name);
  const groups = new Map<string, PlaceGroup>();
  for (const o of options) {
    const g = groupOf(o);
    if (!groups.has(g)) groups.set(g, { code: g, name: names.get(g) ?? '', options: [] });
    groups.get(g)!.options.push(o);
  }
  return [...groups.values()];
}
