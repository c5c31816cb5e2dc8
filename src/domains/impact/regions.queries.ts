// Read side of the regions domain as impact needs it: villages in a scope with their kind
// (kelurahan = urban, desa = rural) and their rollout cohort. A village's cohort is its nearest
// enrolled ancestor in the rollout registry (village, then district, regency, province).
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';

export interface VillageCohort {
  code: string;
  name: string;
  /** 'urban' for kelurahan, 'rural' for desa / desa adat (BPS classification used for lines). */
  area: 'urban' | 'rural';
  /** Date the village joined the programme (ISO date), or null when not enrolled. */
  joinedOn: string | null;
}

/** Codes of `code` and its ancestors, nearest first: 53.09.06.2001 → [itself, 53.09.06, 53.09, 53]. */
export function selfAndAncestors(code: string): string[] {
  const parts = code.split('.');
  const out: string[] = [];
  for (let i = parts.length; i >= 1; i--) out.push(parts.slice(0, i).join('.'));
  return out;
}

/** The villages of a scope with their cohort; a rollout of an ancestor counts for every village below. */
export async function villageCohorts(db: Db, scope: 'all' | string[]): Promise<VillageCohort[]> {
  const villages = await db.selectFrom('regions').select(['code', 'name', 'kind'])
    .where('level', '=', 4).where((eb) => regionWhere(eb, 'code', scope)).orderBy('code').execute();
  const ancestors = scope === 'all' ? [] : [...new Set(scope.flatMap(selfAndAncestors))];
  const rollouts = await db.selectFrom('rollouts').select(['region_code', 'joined_on'])
    .where((eb) => (scope === 'all' ? regionWhere(eb, 'region_code', 'all') : eb.or([regionWhere(eb, 'region_code', scope), eb('region_code', 'in', ancestors)])))
    .execute();
  const joined = new Map(rollouts.map((r) => [r.region_code, r.joined_on]));
  return villages.map((v) => {
    let joinedOn: string | null = null;
    for (const a of selfAndAncestors(v.code)) {
      const j = joined.get(a);
      if (j) { joinedOn = j; break; }
    }
    return { code: v.code, name: v.name, area: v.kind === 'kelurahan' ? 'urban' : 'rural', joinedOn };
  });
}

/** Name of one region (for headings), or null when the code is unknown. */
export async function regionName(db: Db, code: string): Promise<string | null> {
  const r = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name ?? null;
}

/** Direct children of a region (or the provinces for 'all'), for breakdown tables. */
export async function childRegions(db: Db, code: string | 'all') {
  const q = db.selectFrom('regions').select(['code', 'name', 'level']);
  return (code === 'all' ? q.where('level', '=', 1) : q.where('parent_code', '=', code)).orderBy('code').execute();
}

/** Which of the given village codes exist (import validation). */
export async function existingVillages(db: Db, codes: string[]): Promise<Map<string, 'urban' | 'rural'>> {
  const out = new Map<string, 'urban' | 'rural'>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('regions').select(['code', 'kind']).where('level', '=', 4).where('code', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.code, r.kind === 'kelurahan' ? 'urban' : 'rural');
  }
  return out;
}
