// Sun & Abraham (2021) interaction-weighted event study. Step 1: TWFE regression of y on
// cohort × event-time dummies 1{G = g, t − g = e} for every treated cohort and e ≠ −1, with
// never-treated units as the control (fixest's sunab()). Step 2: θ(e) = Σ_g w_ge δ_ge with
// w_ge = the cohort's share of the observations at event time e; the overall ATT weights all
// post cells (e ≥ 0) by their observation counts. Weights are treated as fixed (as fixest's
// aggregate()), SE = sqrt(w'Vw) with the fixest small-sample factor. Without covariates the
// δ_ge equal CS universal-base ATT(g, g+e), so θ(e) equals CS's dynamic aggregation.
import { DidError } from './errors.ts';
import type { Panel } from './panel.ts';
import { cohortRegression, quadForm, ssFactors } from './regression.ts';

export interface SunAbrahamTerm {
  e: number;
  estimate: number;
  se: number;
}

export interface SunAbrahamResult {
  /** Event-time effects, reference e = −1 omitted. */
  eventStudy: SunAbrahamTerm[];
  /** Post-treatment average (fixest agg = "ATT"). */
  att: { estimate: number; se: number };
  /** Cohort × event-time coefficients δ_ge. */
  cells: { group: number; e: number; estimate: number }[];
}

/** Sun & Abraham interaction-weighted event study with never-treated controls. */
export function sunAbraham(panel: Panel): SunAbrahamResult {
  const cohorts = [...new Set(panel.cohort)].filter((g) => g !== 0).sort((a, b) => a - b);
  if (!cohorts.length) throw new DidError('NO_TREATED', 'no unit is treated inside the panel');
  if (!panel.cohort.some((g) => g === 0)) {
    throw new DidError(
      'NO_NEVER_TREATED',
      'Sun & Abraham needs never-treated units as the control group',
    );
  }
  const size = new Map<number, number>();
  for (const g of panel.cohort) size.set(g, (size.get(g) ?? 0) + 1);
  const cells: { group: number; e: number }[] = [];
  const pos = new Map<string, number>();
  for (const g of cohorts) {
    for (const t of panel.times) {
      const e = t - g;
      if (e === -1) continue;
      pos.set(`${g}|${t}`, cells.length);
      cells.push({ group: g, e });
    }
  }
  const k = cells.length;
  const r = cohortRegression(panel, k, (g, t, out) => {
    if (g === 0) return;
    const j = pos.get(`${g}|${t}`);
    if (j !== undefined) out[j] = 1;
  });
  const V = Float64Array.from(r.vcovCR0, (v) => v * ssFactors(r).fixest);
  const weighted = (keep: (j: number) => boolean): { estimate: number; se: number } => {
    const w = new Float64Array(k);
    let tot = 0;
    for (let j = 0; j < k; j++) if (keep(j)) tot += w[j] = size.get(cells[j].group)!;
    let est = 0;
    for (let j = 0; j < k; j++) est += (w[j] /= tot) * r.coef[j];
    return { estimate: est, se: Math.sqrt(quadForm(V, w, k)) };
  };
  const es = [...new Set(cells.map((c) => c.e))].sort((a, b) => a - b);
  return {
    eventStudy: es.map((e) => ({ e, ...weighted((j) => cells[j].e === e) })),
    att: weighted((j) => cells[j].e >= 0),
    cells: cells.map((c, j) => ({ ...c, estimate: r.coef[j] })),
  };
}
