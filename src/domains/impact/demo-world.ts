// The demo survey world: household income waves and UMKM sales for every village given, drawn
// deterministically (seeded by village code) with a known programme effect on log per-capita
// income that is larger in poorer villages. The seed writes it; a test checks that the
// evaluation recovers the effect. Incomes are in constant March 2025 rupiah, the prices of the
// one poverty line the platform ships.
import { aggregate, attgt, makePanel } from '../../lib/did/index.js';
import { cohortYear } from './evaluation.panel.js';
import type { VillageCohort } from './regions.queries.js';

export const DEMO_YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
export const DEMO_HOUSEHOLDS = 6;
export const DEMO_BUSINESSES = 2;
/** Full effect on log per-capita income (after two years) in poorer and in other villages. */
export const EFFECT_POOR = 0.12;
export const EFFECT_OTHER = 0.05;
/** Share of the full effect reached in the wave of enrolment, one year later, two years on. */
const RAMP = [0.4, 0.8, 1];
/** Baseline below this per-capita income (BPS rural line, March 2025) makes a village "poorer". */
const POOR_BASELINE = 580349;

function rng(seedText: string) {
  let h = 2166136261;
  for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 16777619);
  let a = h >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** Common shocks by year: steady growth with the 2020 pandemic dip. */
const yearEffect = (y: number) =>
  0.035 * (y - 2019) + (y === 2020 ? -0.07 : 0) + (y === 2021 ? -0.03 : 0);

export interface DemoHousehold {
  village_code: string;
  wave_year: number;
  household_code: string;
  household_size: number;
  income_monthly: number;
}
export interface DemoSale {
  village_code: string;
  year: number;
  month: number;
  umkm_code: string;
  sales_monthly: number;
}

export interface DemoWorld {
  households: DemoHousehold[];
  sales: DemoSale[];
  /** The true effect per village and year (log points), 0 before enrolment. */
  effect: Map<string, number>;
  poorer: Set<string>;
  /** CS simple ATT and event-time-2 ATT of the true effects (what a perfect estimator returns), computed on first use. */
  readonly truth: { simple: number; e2: number; poorer: number; other: number };
}

/** Generates the demo surveys for these villages (same input → same output). */
export function generateDemoWorld(villages: VillageCohort[], years = DEMO_YEARS): DemoWorld {
  const households: DemoHousehold[] = [];
  const sales: DemoSale[] = [];
  const effect = new Map<string, number>();
  const poorer = new Set<string>();
  for (const v of villages) {
    const r = rng(v.code);
    const east = v.code.startsWith('53');
    const base =
      Math.log(east ? 540000 : 760000) + (v.area === 'urban' ? 0.18 : 0) + 0.22 * r.normal();
    const poor = Math.exp(base) < POOR_BASELINE;
    if (poor) poorer.add(v.code);
    const g = cohortYear(v.joinedOn);
    const full = poor ? EFFECT_POOR : EFFECT_OTHER;
    const tau = (y: number) =>
      g === null || y < g ? 0 : full * RAMP[Math.min(y - g, RAMP.length - 1)];
    const hh = Array.from({ length: DEMO_HOUSEHOLDS }, (_, k) => ({
      code: `RT${String(k + 1).padStart(2, '0')}`,
      eta: 0.35 * r.normal(),
      size: 2 + Math.floor(r.next() * 5),
    }));
    const biz = Array.from({ length: DEMO_BUSINESSES }, (_, k) => ({
      code: `U${k + 1}`,
      mu: 0.4 * r.normal(),
    }));
    for (const y of years) {
      effect.set(`${v.code}|${y}`, tau(y));
      const common = yearEffect(y) + 0.03 * r.normal();
      for (const h of hh) {
        const pc = Math.exp(base + common + tau(y) + h.eta + 0.12 * r.normal());
        households.push({
          village_code: v.code,
          wave_year: y,
          household_code: h.code,
          household_size: h.size,
          income_monthly: Math.round(pc * h.size),
        });
      }
      for (const b of biz) {
        const s = Math.exp(
          Math.log(2_500_000) +
            0.8 * (base - Math.log(650000)) +
            b.mu +
            common +
            1.5 * tau(y) +
            0.15 * r.normal(),
        );
        sales.push({
          village_code: v.code,
          year: y,
          month: 3,
          umkm_code: b.code,
          sales_monthly: Math.round(s),
        });
      }
    }
  }
  let truth: DemoWorld['truth'] | undefined;
  return {
    households,
    sales,
    effect,
    poorer,
    get truth() {
      return (truth ??= truthOf(villages, effect, poorer, years));
    },
  };
}

/** The estimands on the noise-free effects: CS on y = τ gives exactly the true ATT aggregates. */
function truthOf(
  villages: VillageCohort[],
  effect: Map<string, number>,
  poorer: Set<string>,
  years: number[],
) {
  const run = (vs: VillageCohort[]) => {
    const rows = vs.flatMap((v) =>
      years.map((y) => ({
        id: v.code,
        time: y,
        cohort: cohortYear(v.joinedOn) ?? 0,
        y: effect.get(`${v.code}|${y}`)!,
      })),
    );
    try {
      const res = attgt(
        makePanel({
          id: rows.map((r) => r.id),
          time: rows.map((r) => r.time),
          cohort: rows.map((r) => r.cohort),
          y: rows.map((r) => r.y),
        }),
      );
      const dyn = aggregate(res, 'dynamic');
      return {
        simple: aggregate(res, 'simple').att,
        e2: dyn.by.find((b) => b.key === 2)?.att ?? NaN,
      };
    } catch {
      return { simple: NaN, e2: NaN };
    }
  };
  const all = run(villages);
  return {
    simple: all.simple,
    e2: all.e2,
    poorer: run(villages.filter((v) => poorer.has(v.code))).simple,
    other: run(villages.filter((v) => !poorer.has(v.code))).simple,
  };
}
