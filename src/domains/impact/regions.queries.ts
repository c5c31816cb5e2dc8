// Read side of the regions domain as impact needs it: villages in a scope with their kind
// (kelurahan = urban, desa = rural) and their rollout cohort. A village's cohort is its nearest
// enrolled ancestor in the rollout registry (village, then district, regency, province).
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { villageCohorts as regionCohorts } from '../regions/index.js';

export interface VillageCohort {
  code: string;
  name: string;
  /** 'urban' for kelurahan, 'rural' for desa / desa adat (BPS classification used for lines). */
  area: 'urban' | 'rural';
  /** Date the village joined the programme (ISO date), or null when not enrolled. */
  joinedOn: string | null;
}

/** The villages of a scope with their cohort, from the regions domain's rollout registry. */
export async function villageCohorts(db: Db, scope: 'all' | string[]): Promise<VillageCohort[]> {
  const villages = await db
    .selectFrom('regions')
    .select(['code', 'name', 'kind'])
    .where('level', '=', 4)
    .where((eb) => regionWhere(eb, 'code', scope))
    .orderBy('code')
    .execute();
  const joined = new Map<string, string>();
  for (const prefix of scope === 'all' ? [undefined] : scope) {
    for (const [code, date] of await regionCohorts(db, prefix)) joined.set(code, date);
  }
  return villages.map((v) => ({
    code: v.code,
    name: v.name,
    area: v.kind === 'kelurahan' ? 'urban' : 'rural',
    joinedOn: joined.get(v.code) ?? null,
  }));
}

/** Name of one region (for headings), or null when the code is unknown. */
export async function regionName(db: Db, code: string): Promise<string | null> {
  const r = await db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', code)
    .executeTakeFirst();
  return r?.name ?? null;
}

/** Direct children of a region (or the provinces for 'all'), for breakdown tables. */
export async function childRegions(db: Db, code: string | 'all') {
  const q = db.selectFrom('regions').select(['code', 'name', 'level']);
  return (code === 'all' ? q.where('level', '=', 1) : q.where('parent_code', '=', code))
    .orderBy('code')
    .execute();
}

/** Which of the given village codes exist (import validation). */
export async function existingVillages(
  db: Db,
  codes: string[],
): Promise<Map<string, 'urban' | 'rural'>> {
  const out = new Map<string, 'urban' | 'rural'>();
  const unique = [...new Set(codes)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('regions')
      .select(['code', 'kind'])
      .where('level', '=', 4)
      .where('code', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.code, r.kind === 'kelurahan' ? 'urban' : 'rural');
  }
  return out;
}
