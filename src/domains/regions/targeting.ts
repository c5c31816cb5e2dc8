// Targeting: which villages to enrol next. A transparent priority score out of 100 adds one
// part per component — need (poverty) and feasibility (signal, electricity, road, distance) —
// each part = 100 × weight × value / Σweights with the value on 0..1, rounded to 0.01 so the
// parts shown always add up to the score shown. A missing value scores 0 and is flagged.
// Weights are set per province or regency; a village uses its nearest ancestor's weights.
import { audit } from '../../kernel/audit/index.js';
import { sheetCsv, type SheetSpec } from '../../kernel/xlsx/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ancestorCodes, isRegionCode } from './regions.queries.js';
import type { ProfileValues } from './profile-fields.js';
import { canWriteRegion, villageProfiles, type Writer } from './profiles.service.js';
import { enrolledPrefixes, isEnrolled } from './rollout.service.js';

export const COMPONENTS = ['poverty', 'signal', 'electricity', 'road', 'distance'] as const;
export type Component = (typeof COMPONENTS)[number];
export type Weights = Record<Component, number>;

export const DEFAULT_WEIGHTS: Weights = {
  poverty: 40,
  signal: 20,
  electricity: 15,
  road: 15,
  distance: 10,
};
/** At or beyond this distance to the kecamatan centre the distance part is 0. */
export const DISTANCE_CAP_KM = 50;

const SIGNAL_VALUE = { none: 0, '2g': 0.5, '4g': 1 } as const;
const ROAD_VALUE = { none: 0, dry_season: 0.5, all_season: 1 } as const;

/** Each component's value on 0..1 (higher = more priority), or null when not known. */
export function componentValues(p: Partial<ProfileValues>): Record<Component, number | null> {
  return {
    poverty: p.poverty_share ?? null,
    signal: p.signal ? SIGNAL_VALUE[p.signal] : null,
    electricity: p.electricity_share ?? null,
    road: p.road_access ? ROAD_VALUE[p.road_access] : null,
    distance:
      p.distance_km === null || p.distance_km === undefined
        ? null
        : Math.max(0, 1 - p.distance_km / DISTANCE_CAP_KM),
  };
}

export interface ScorePart {
  component: Component;
  value: number | null;
  weight: number;
  points: number;
}
export interface Score {
  score: number;
  parts: ScorePart[];
  missing: Component[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function scoreVillage(p: Partial<ProfileValues>, w: Weights): Score {
  const values = componentValues(p);
  const total = COMPONENTS.reduce((s, c) => s + w[c], 0);
  const parts = COMPONENTS.map((c) => ({
    component: c,
    value: values[c],
    weight: w[c],
    points: total > 0 && values[c] !== null ? r2((100 * w[c] * values[c]!) / total) : 0,
  }));
  return {
    score: r2(parts.reduce((s, x) => s + x.points, 0)),
    parts,
    missing: COMPONENTS.filter((c) => values[c] === null),
  };
}

/** The weights in force at a region: its own, else its nearest ancestor's, else the defaults. */
export async function weightsFor(
  db: Tx,
  code: string,
): Promise<{ weights: Weights; from: string | null }> {
  const chain = [...ancestorCodes(code), code];
  const rows = await db
    .selectFrom('targeting_weights')
    .selectAll()
    .where('scope_code', 'in', chain)
    .execute();
  const nearest = rows.sort((a, b) => b.scope_code.length - a.scope_code.length)[0];
  if (!nearest) return { weights: { ...DEFAULT_WEIGHTS }, from: null };
  return {
    weights: {
      poverty: nearest.w_poverty,
      signal: nearest.w_signal,
      electricity: nearest.w_electricity,
      road: nearest.w_road,
      distance: nearest.w_distance,
    },
    from: nearest.scope_code,
  };
}

/** Sets the weights of a province or regency; each 0..100, not all zero. */
export async function setWeights(
  db: Tx,
  who: Writer,
  scopeCode: string,
  w: Weights,
): Promise<Result<Weights>> {
  if (!isRegionCode(scopeCode) || scopeCode.split('.').length > 2)
    return fail('REGIONS_WEIGHTS_SCOPE');
  const region = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', scopeCode)
    .executeTakeFirst();
  if (!region) return fail('REGIONS_UNKNOWN_CODE', { code: scopeCode });
  if (!canWriteRegion(who, scopeCode)) return fail('FORBIDDEN');
  const fields: Record<string, { key: string; params?: Record<string, unknown> }> = {};
  for (const c of COMPONENTS)
    if (!Number.isInteger(w[c]) || w[c] < 0 || w[c] > 100)
      fields[c] = { key: 'regions.weights.range' };
  if (Object.keys(fields).length === 0 && COMPONENTS.every((c) => w[c] === 0))
    fields.poverty = { key: 'regions.weights.all_zero' };
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', {}, fields);
  const row = {
    w_poverty: w.poverty,
    w_signal: w.signal,
    w_electricity: w.electricity,
    w_road: w.road,
    w_distance: w.distance,
    updated_at: nowIso(),
    updated_by: who === 'system' ? null : who.userId,
  };
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('targeting_weights')
      .values({ scope_code: scopeCode, ...row })
      .onConflict((oc) => oc.column('scope_code').doUpdateSet(row))
      .execute();
    await audit(tx, {
      actorId: row.updated_by,
      action: 'regions.weights_set',
      entityType: 'targeting_weights',
      entityId: scopeCode,
      data: { ...w },
    });
  });
  return ok(w);
}

export interface RankedVillage extends Score {
  code: string;
  name: string;
  district: string;
}
export interface Ranking {
  weights: Weights;
  weightsFrom: string | null;
  villages: RankedVillage[];
  notEnrolled: number;
  withoutProfile: number;
}

/**
 * The next `n` villages to enrol in a province or regency: not yet enrolled (no rollout on the
 * village or an ancestor), with a profile, by score (highest first), then code.
 */
export async function nextVillages(db: Tx, scopeCode: string, n: number): Promise<Ranking> {
  const { weights, from } = await weightsFor(db, scopeCode);
  const villages = await db
    .selectFrom('regions as v')
    .innerJoin('regions as d', 'd.code', 'v.parent_code')
    .select(['v.code', 'v.name', 'd.name as district'])
    .where('v.level', '=', 4)
    .where('v.code', 'like', `${scopeCode}.%`)
    .execute();
  const enrolled = await enrolledPrefixes(db, scopeCode);
  const open = villages.filter((v) => !isEnrolled(v.code, enrolled));
  const profiles = await villageProfiles(
    db,
    open.map((v) => v.code),
  );
  const ranked = open
    .filter((v) => profiles.has(v.code))
    .map((v) => ({
      code: v.code,
      name: v.name,
      district: v.district,
      ...scoreVillage(profiles.get(v.code)!, weights),
    }))
    .sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
  return {
    weights,
    weightsFrom: from,
    villages: ranked.slice(0, Math.max(0, n)),
    notEnrolled: open.length,
    withoutProfile: open.length - ranked.length,
  };
}

/** The ranking as a sheet: one row per village with every part of its score (two decimals
 *  in the CSV, numbers in the XLSX). */
export function rankingSheet(r: Ranking): SheetSpec {
  const num = (header: string) => ({ header, type: 'number' as const });
  const columns = [
    'rank',
    'village_code',
    'village',
    'district',
    num('score'),
    ...COMPONENTS.map((c) => num(`${c}_points`)),
    'missing',
  ];
  const lines = r.villages.map((v, i) => [
    i + 1,
    v.code,
    v.name,
    v.district,
    v.score.toFixed(2),
    ...v.parts.map((p) => p.points.toFixed(2)),
    v.missing.join(' '),
  ]);
  return { name: 'prioritas', columns, rows: lines, csv: { newline: '\n' } };
}

/** The ranking as CSV (the document the download has always been). */
export const rankingCsv = (r: Ranking): string => sheetCsv(rankingSheet(r));
