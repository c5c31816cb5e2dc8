// Demo readiness data and the demo rollout for the two demo regencies, Ngada (53.09, NTT,
// eastern Indonesia) and Banyuwangi (35.10, Jawa Timur). Generated from each code with a
// seeded PRNG, so every run (and every database) gets the same values: the impact module's
// demo surveys depend on these rollout dates. The east is poorer, with weaker signal and
// roads, as PODES shows. These are plausible, not official, figures (stored is_demo = 1).
import { csvRows } from '../../kernel/csv/index.js';
import type { ProfileValues } from './profile-fields.js';

export const DEMO_REGENCY_CODES = { ngada: '53.09', banyuwangi: '35.10' } as const;

/** FNV-1a hash of a string, the seed of that code's generator. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, fast and deterministic. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;
const pick = <T>(u: number, options: [T, number][]): T => {
  let acc = 0;
  for (const [v, p] of options) if (u < (acc += p)) return v;
  return options[options.length - 1][0];
};

// Approximate centres of the two regencies (for plausible coordinates).
const CENTRE: Record<string, [number, number, number]> = {
  '53.09': [-8.78, 121.0, 0.18],
  '35.10': [-8.3, 114.2, 0.3],
};

/** A plausible profile for one demo village (east = eastern Indonesia). */
export function demoProfile(code: string): ProfileValues {
  const east = Number(code.slice(0, 2)) >= 52;
  const r = prng(hash(code));
  const urban = code.split('.')[3]?.[0] === '1';
  const population = Math.round(east ? 600 + r() * 2400 : 2500 + r() * 9500);
  const households = Math.round(population / (3.6 + r() * 0.9));
  const poverty = east ? 0.14 + r() * 0.3 : 0.04 + r() * 0.13;
  const [clat, clng, spread] = CENTRE[code.slice(0, 5)] ?? [-7.5, 112.0, 0.3];
  return {
    population,
    households,
    poverty_share: round(urban ? poverty * 0.6 : poverty, 3),
    electricity_share: round(east ? 0.62 + r() * 0.35 : 0.95 + r() * 0.05, 3),
    signal: pick(
      r(),
      east
        ? [
            ['none', 0.22],
            ['2g', 0.45],
            ['4g', 0.33],
          ]
        : [
            ['none', 0.03],
            ['2g', 0.17],
            ['4g', 0.8],
          ],
    ),
    office_internet: r() < (east ? 0.35 : 0.8) ? 1 : 0,
    road_access: pick(
      r(),
      east
        ? [
            ['none', 0.12],
            ['dry_season', 0.4],
            ['all_season', 0.48],
          ]
        : [
            ['none', 0.02],
            ['dry_season', 0.13],
            ['all_season', 0.85],
          ],
    ),
    distance_km: round(urban ? 1 + r() * 3 : east ? 2 + r() * 40 : 1 + r() * 22, 1),
    has_bumdes: !urban && r() < (east ? 0.7 : 0.85) ? 1 : 0,
    has_koperasi: r() < (east ? 0.4 : 0.6) ? 1 : 0,
    lat: round(clat + (r() - 0.5) * spread, 5),
    lng: round(clng + (r() - 0.5) * spread * 1.5, 5),
  };
}

export interface RolloutEntry {
  code: string;
  joinedOn: string;
}

/**
 * The staggered demo rollout of one regency, from its village codes: the first district in
 * code order joins as a whole on 1 July 2021, the second on 1 July 2022; of the other
 * villages about 10 % each join on 15 January 2023, 2024 and 2025 (decided by each code's
 * generator), and the rest stay not yet enrolled (the comparison group).
 */
export function demoRolloutPlan(villageCodes: string[]): RolloutEntry[] {
  const districts = [
    ...new Set(villageCodes.map((c) => c.split('.').slice(0, 3).join('.'))),
  ].sort();
  const plan: RolloutEntry[] = [];
  if (districts[0]) plan.push({ code: districts[0], joinedOn: '2021-07-01' });
  if (districts[1]) plan.push({ code: districts[1], joinedOn: '2022-07-01' });
  const whole = new Set(districts.slice(0, 2));
  for (const v of [...villageCodes].sort()) {
    if (whole.has(v.split('.').slice(0, 3).join('.'))) continue;
    const u = prng(hash(`rollout:${v}`))();
    const year = u < 0.1 ? 2023 : u < 0.2 ? 2024 : u < 0.3 ? 2025 : null;
    if (year) plan.push({ code: v, joinedOn: `${year}-01-15` });
  }
  return plan;
}

/** The demo profiles of some villages as a CSV the profile import reads. */
export function demoProfilesCsv(villageCodes: string[]): string {
  const cols = [
    'population',
    'households',
    'poverty_share',
    'electricity_share',
    'signal',
    'office_internet',
    'road_access',
    'distance_km',
    'has_bumdes',
    'has_koperasi',
    'lat',
    'lng',
  ] as const;
  const lines = villageCodes.map((code) => {
    const p = demoProfile(code);
    return [code, ...cols.map((c) => p[c] ?? null)];
  });
  return csvRows([['village_code', ...cols], ...lines], { newline: '\n' });
}
