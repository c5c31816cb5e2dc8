// Read side of the regions domain as impact needs it (through regions' index.ts): villages in a scope with their kind
// (kelurahan = urban, desa = rural) and their rollout cohort. A village's cohort is its nearest
// enrolled ancestor in the rollout registry (village, then district, regency, province).
import type { Db } from '../../kernel/db/index.js';
import {
  childrenOf,
  findArea,
  villageCohorts as regionCohorts,
  villageCountsBy,
  villageKinds,
  villagesIn,
} from '../regions/index.js';

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
  const villages = await villagesIn(db, scope);
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

/** Villages per regency, and each enrolled village's date: what the regency summary counts. */
export async function regencyVillages(
  db: Db,
): Promise<{ villages: ReadonlyMap<string, number>; joined: Map<string, string> }> {
  return { villages: await villageCountsBy(db, 5), joined: await regionCohorts(db) };
}

/** Name of one region (for headings), or null when the code is unknown. */
export async function regionName(db: Db, code: string): Promise<string | null> {
  return (await findArea(db, code))?.name ?? null;
}

/** Which of the given village codes exist (import validation), urban or rural. */
export async function existingVillages(
  db: Db,
  codes: string[],
): Promise<Map<string, 'urban' | 'rural'>> {
  const kinds = await villageKinds(db, codes);
  return new Map(
    [...kinds].map(([code, kind]) => [code, kind === 'kelurahan' ? 'urban' : 'rural'] as const),
  );
}

/** The provinces by code, with their names. */
export async function provinceNames(db: Db): Promise<Map<string, string>> {
  return new Map((await childrenOf(db, null)).map((p) => [p.code, p.name]));
}
