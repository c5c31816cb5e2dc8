// Callaway & Sant'Anna (2021) group-time average treatment effects under unconditional
// parallel trends, exactly as R `did` 2.5 computes them without covariates:
//   ATT(g,t) = E[Y_t − Y_b | G = g] − E[Y_t − Y_b | control],
// with base period b = g−δ−1 for post cells (δ = anticipation), b = t−1 for pre cells under
// the "varying" base and b = g−δ−1 for every cell under the "universal" base (the (g, b) cell
// is then a reference cell: att = 0, no SE). Controls: never treated, or never treated plus
// cohorts not yet treated by max(t, b)+δ ("notyet"). The IF of a cell (did's panel IF scaled
// by n/n1, see compute.att_gt.R) is (n/N_g)(ΔY_i − mean_g ΔY) for treated units and
// −(n/N_C)(ΔY_i − mean_C ΔY) for controls.
import type { DidWarning } from './warnings.ts';
import { DidError } from './errors.ts';
import { subsetPeriods, subsetUnits, type Panel } from './panel.ts';
import { groupStats, linZero, seOf, type GroupStats, type Lin } from './suff.ts';

export type ControlGroup = 'never' | 'notyet';
export type BasePeriod = 'varying' | 'universal';

export interface AttGtOptions {
  /** 'never' (default): never-treated units; 'notyet': never or not-yet-treated units. */
  control?: ControlGroup;
  /** 'varying' (default, did's default) or 'universal' (base g−δ−1 for every cell). */
  base?: BasePeriod;
  /** Number of periods of anticipation δ (default 0). */
  anticipation?: number;
}

export interface AttGtCell {
  group: number;
  time: number;
  /** Base (comparison) period. */
  base: number;
  att: number;
  /** Analytic SE; NaN for reference cells and cells without controls. */
  se: number;
  /** t ≥ g. */
  post: boolean;
  /** Universal-base reference cell (t = g−δ−1): att fixed at 0. */
  reference: boolean;
  nTreated: number;
  nControl: number;
}

export interface AttGtResult {
  options: Required<AttGtOptions>;
  /** Number of units used (after dropping always-treated units). */
  n: number;
  times: Float64Array;
  /** Treated cohorts, ascending. */
  cohorts: Float64Array;
  cells: AttGtCell[];
  /** Influence function of each cell (same order as cells). */
  lins: Lin[];
  stats: GroupStats;
  /** P(G = g) over all n units, per cohort group index (index 0 = never treated). */
  pg: Float64Array;
  warnings: DidWarning[];
}

/** Checks options and applies the sample rules that depend on them (anticipation, notyet). */
function prepare(panel: Panel, o: Required<AttGtOptions>, warnings: DidWarning[]): Panel {
  const delta = o.anticipation;
  let p = panel;
  const first = p.times[0];
  let early = 0;
  for (let u = 0; u < p.n; u++) if (p.cohort[u] !== 0 && p.cohort[u] <= first + delta) early++;
  if (early) {
    warnings.push({
      code: 'treated_with_anticipation',
      params: { units: early, anticipation: delta },
    });
    p = subsetUnits(p, (u) => !(p.cohort[u] !== 0 && p.cohort[u] <= first + delta));
  }
  if (p.n === 0 || !p.cohort.some((g) => g !== 0)) {
    throw new DidError(
      'NO_TREATED',
      'no unit is treated inside the panel, so there is no effect to estimate',
    );
  }
  if (!p.cohort.some((g) => g === 0)) {
    if (o.control === 'never') {
      throw new DidError(
        'NO_NEVER_TREATED',
        "there are no never-treated units; use the not-yet-treated control group (control 'notyet') instead",
      );
    }
    // did's rule without never-treated units: keep periods before the last cohort starts
    // (minus anticipation) and let the last cohort serve as the never-treated group.
    const gMax = Math.max(...p.cohort);
    const q = p;
    p = subsetPeriods(q, (t) => t < gMax - delta);
    const cohort = Float64Array.from(q.cohort, (g) => (g === gMax ? 0 : g));
    p = { ...p, cohort };
    warnings.push({ code: 'no_never_treated', params: { from: gMax - delta, cohort: gMax } });
    if (p.T < 2)
      throw new DidError(
        'TOO_FEW_PERIODS',
        'too few periods remain before the last cohort is treated',
      );
  }
  return p;
}

/** Estimates all ATT(g,t) with analytic influence-function SEs. */
export function attgt(panel: Panel, opts: AttGtOptions = {}): AttGtResult {
  const o: Required<AttGtOptions> = {
    control: opts.control ?? 'never',
    base: opts.base ?? 'varying',
    anticipation: opts.anticipation ?? 0,
  };
  if (o.control !== 'never' && o.control !== 'notyet')
    throw new DidError(
      'BAD_INPUT',
      `control must be 'never' or 'notyet', got '${String(o.control)}'`,
    );
  if (o.base !== 'varying' && o.base !== 'universal')
    throw new DidError(
      'BAD_INPUT',
      `base must be 'varying' or 'universal', got '${String(o.base)}'`,
    );
  if (!(Number.isFinite(o.anticipation) && o.anticipation >= 0))
    throw new DidError('BAD_INPUT', `anticipation must be a number ≥ 0, got ${o.anticipation}`);
  const warnings: DidWarning[] = [...panel.warnings];
  const p = prepare(panel, o, warnings);
  const s = groupStats(p);
  const { n, T, C } = s;
  const times = p.times;
  const delta = o.anticipation;
  const pg = Float64Array.from(s.count, (k) => k / n);
  const cells: AttGtCell[] = [];
  const lins: Lin[] = [];
  const tStart = o.base === 'varying' ? 1 : 0;
  for (let g = 1; g < C; g++) {
    const gv = s.groupValue[g];
    let pret = -1;
    for (let j = 0; j < T; j++) if (times[j] + delta < gv) pret = j;
    for (let k = tStart; k < T; k++) {
      const cur = times[k];
      const post = gv <= cur;
      const base = o.base === 'universal' || post ? pret : k - 1;
      const threshold = o.base === 'varying' ? cur : Math.max(cur, times[pret]);
      const cell: AttGtCell = {
        group: gv,
        time: cur,
        base: times[base],
        att: 0,
        se: NaN,
        post,
        reference: false,
        nTreated: s.count[g],
        nControl: 0,
      };
      const lin = linZero(s);
      if (base === k) {
        cell.reference = true;
        cells.push(cell);
        lins.push(lin);
        continue;
      }
      // Control cohorts for this cell.
      const ctrl: number[] = [];
      for (let c = 0; c < C; c++) {
        if (c === g || s.count[c] === 0) continue;
        if (c === 0 || (o.control === 'notyet' && s.groupValue[c] > threshold + delta))
          ctrl.push(c);
      }
      let nC = 0;
      for (const c of ctrl) nC += s.count[c];
      cell.nControl = nC;
      if (nC === 0) {
        cell.att = NaN;
        warnings.push({ code: 'no_controls', params: { cohort: gv, period: cur } });
        cells.push(cell);
        lins.push(lin);
        continue;
      }
      const dm = (c: number): number => s.mean[c * T + k] - s.mean[c * T + base];
      let mC = 0;
      for (const c of ctrl) mC += s.count[c] * dm(c);
      mC /= nC;
      cell.att = dm(g) - mC;
      const wT = n / s.count[g];
      lin.b[g * T + k] = wT;
      lin.b[g * T + base] = -wT;
      const wC = n / nC;
      for (const c of ctrl) {
        lin.a[c] = -wC * (dm(c) - mC);
        lin.b[c * T + k] = -wC;
        lin.b[c * T + base] = wC;
      }
      cell.se = seOf(s, lin);
      cells.push(cell);
      lins.push(lin);
    }
  }
  return {
    options: o,
    n,
    times,
    cohorts: s.groupValue.slice(1),
    cells,
    lins,
    stats: s,
    pg,
    warnings,
  };
}
