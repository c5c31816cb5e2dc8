// Runs the estimators of lib/did on a village panel and keeps what the page shows: the
// event study with pointwise and uniform (sup-t bootstrap) 95 % bands, ATT(g,t), the overall
// ATT, the pre-trend test, TWFE beside its Bacon decomposition, and the same ATT within
// region groups (KBI/KTI) and by initial poverty. Pure: no I/O, so tests can call it directly.
import {
  aggregate,
  attgt,
  bacon,
  bootstrap,
  DidError,
  makePanel,
  pretest,
  twfe,
  type DidWarning,
  type Panel,
} from '../../lib/did/index.js';
import type { PanelRow, VillagePanel } from './evaluation.panel.js';

export interface EvalSettings {
  outcome: 'log_pc_income' | 'poverty_headcount' | 'umkm_sales';
  control: 'never' | 'notyet';
  base: 'varying' | 'universal';
  cluster: 'village' | 'district';
}

export const BOOTSTRAP_DRAWS = 999;
export const BOOTSTRAP_SEED = 20250301;
const Z = 1.959963984540054;

type Num = number | null;
const num = (x: number): Num => (Number.isFinite(x) ? x : null);

export interface EventPoint {
  e: number;
  att: Num;
  se: Num;
  lo: Num;
  hi: Num;
  ulo: Num;
  uhi: Num;
}
export interface SubgroupResult {
  key: string;
  villages: number;
  treated: number;
  att: Num;
  se: Num;
  error?: string;
}

export interface EvalResult {
  settings: EvalSettings;
  years: number[];
  villages: number;
  treatedVillages: number;
  neverTreated: number;
  droppedUnbalanced: number;
  clusters: number;
  overall: { att: Num; se: Num; lo: Num; hi: Num };
  dynamicOverall: { att: Num; se: Num };
  eventStudy: EventPoint[];
  uniformCrit: Num;
  attgt: { group: number; time: number; att: Num; se: Num }[];
  pretest: { stat: Num; df: number; p: Num };
  twfe: { beta: Num; se: Num };
  bacon: { type: string; treated: number; control: number; estimate: Num; weight: Num }[];
  diverges: boolean;
  byRegionGroup: SubgroupResult[];
  byInitialPoverty: SubgroupResult[];
  /** Sample rules applied, as codes the page explains in the reader's language (old runs stored English text). */
  warnings: (DidWarning | string)[];
  linePeriods: string[];
}

function toPanel(rows: PanelRow[], cluster: EvalSettings['cluster']): Panel {
  return makePanel(
    {
      id: rows.map((r) => r.village),
      time: rows.map((r) => r.year),
      cohort: rows.map((r) => r.cohort ?? 0),
      y: rows.map((r) => r.y),
      ...(cluster === 'district' ? { cluster: rows.map((r) => r.district) } : {}),
    },
    { names: { id: 'village', time: 'year', cohort: 'cohort', y: 'outcome', cluster: 'district' } },
  );
}

/** Simple (overall) ATT within a subset of villages, or the reason it cannot be estimated. */
function subgroup(key: string, rows: PanelRow[], s: EvalSettings): SubgroupResult {
  const villages = new Set(rows.map((r) => r.village)).size;
  const treated = new Set(rows.filter((r) => r.cohort !== null).map((r) => r.village)).size;
  try {
    const res = attgt(toPanel(rows, s.cluster), { control: s.control, base: s.base });
    const a = aggregate(res, 'simple');
    return { key, villages, treated, att: num(a.att), se: num(a.se) };
  } catch (e) {
    if (e instanceof DidError)
      return { key, villages, treated, att: null, se: null, error: e.code };
    throw e;
  }
}

/** Runs the whole evaluation; `step` reports progress (done of 5). Throws DidError on unusable data. */
export async function evaluate(
  panel: VillagePanel,
  s: EvalSettings,
  step: (done: number) => Promise<void> = async () => {},
): Promise<EvalResult> {
  const p = toPanel(panel.rows, s.cluster);
  const res = attgt(p, { control: s.control, base: s.base });
  await step(1);
  const simple = aggregate(res, 'simple');
  const dynamic = aggregate(res, 'dynamic');
  const boot = bootstrap(res, { draws: BOOTSTRAP_DRAWS, seed: BOOTSTRAP_SEED }, [simple, dynamic]);
  await step(2);
  const dynBoot = boot.aggregations.dynamic!;
  const crit = dynBoot.crit;
  const eventStudy: EventPoint[] = dynamic.by.map((e, i) => {
    const se = Number.isFinite(dynBoot.se[i]) ? dynBoot.se[i] : e.se;
    return {
      e: e.key,
      att: num(e.att),
      se: num(se),
      lo: num(e.att - Z * se),
      hi: num(e.att + Z * se),
      ulo: num(e.att - crit * se),
      uhi: num(e.att + crit * se),
    };
  });
  const simpleSe = boot.aggregations.simple?.overallSe ?? simple.se;
  const pt = pretest(res);
  const tw = twfe(p);
  const bc = bacon(p);
  await step(3);
  // TWFE and CS answer the same question only without heterogeneous, dynamic effects; when
  // they disagree by more than the CS interval half-width or in sign, the page warns.
  const diverges =
    Number.isFinite(tw.beta) &&
    Number.isFinite(simple.att) &&
    (Math.sign(tw.beta) !== Math.sign(simple.att) || Math.abs(tw.beta - simple.att) > Z * simpleSe);
  const byRegionGroup = (['KBI', 'KTI'] as const)
    .map((g) => panel.rows.filter((r) => r.group === g))
    .filter((rs) => rs.length)
    .map((rs) => subgroup(rs[0].group, rs, s));
  const p0s = [...new Set(panel.rows.map((r) => r.village))]
    .map((v) => panel.initialP0.get(v))
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  const medianP0 = p0s.length ? p0s[Math.floor(p0s.length / 2)] : NaN;
  const poorer = panel.rows.filter((r) => (panel.initialP0.get(r.village) ?? -1) >= medianP0);
  const richer = panel.rows.filter((r) => (panel.initialP0.get(r.village) ?? Infinity) < medianP0);
  const byInitialPoverty = Number.isFinite(medianP0)
    ? [subgroup('poorer', poorer, s), subgroup('less_poor', richer, s)]
    : [];
  await step(4);
  const cohorts = new Set<string>();
  const never = new Set<string>();
  for (const r of panel.rows)
    (r.cohort === null || r.cohort > panel.years[panel.years.length - 1] ? never : cohorts).add(
      r.village,
    );
  return {
    settings: s,
    years: panel.years,
    villages: p.n,
    treatedVillages: cohorts.size,
    neverTreated: never.size,
    droppedUnbalanced: panel.droppedUnbalanced,
    clusters: p.clusterLabels?.length ?? p.n,
    overall: {
      att: num(simple.att),
      se: num(simpleSe),
      lo: num(simple.att - Z * simpleSe),
      hi: num(simple.att + Z * simpleSe),
    },
    dynamicOverall: { att: num(dynamic.att), se: num(dynBoot.overallSe) },
    eventStudy,
    uniformCrit: num(crit),
    attgt: res.cells.map((c, k) => ({
      group: c.group,
      time: c.time,
      att: num(c.att),
      se: num(boot.attgt.se[k]),
    })),
    pretest: {
      stat: pt.stat === null ? null : num(pt.stat),
      df: pt.df,
      p: pt.p === null ? null : num(pt.p),
    },
    twfe: { beta: num(tw.beta), se: num(tw.se.fixest) },
    bacon: bc.map((b) => ({
      type: b.type,
      treated: b.treated,
      control: b.control,
      estimate: num(b.estimate),
      weight: num(b.weight),
    })),
    diverges,
    byRegionGroup,
    byInitialPoverty,
    // res.warnings already holds the panel's own (attgt starts from them).
    warnings: [
      ...res.warnings,
      ...(pt.note ? [{ code: 'pretest_not_computed' as const, params: { reason: pt.note } }] : []),
    ],
    linePeriods: panel.linePeriods,
  };
}
