// Static and event-study two-way fixed-effects regressions with cluster-robust SEs.
//   static:      y_it = a_i + l_t + β·D_it,  D_it = 1{g_i > 0, t ≥ g_i}
//   event study: y_it = a_i + l_t + Σ_{e ≠ ref} β_e·1{g_i > 0, t − g_i = e}
// Clusters are the panel's cluster column, or the unit. SE variants differ only in the
// small-sample factor on the CR0 variance (see ssFactors in regression.ts).
import { DidError } from './errors.ts';
import type { Panel } from './panel.ts';
import { cohortRegression, ssFactors, type CohortRegression } from './regression.ts';

export interface TwfeSe {
  /** No small-sample factor (plm HC0 / estimatr CR0). */
  cr0: number;
  /** G/(G−1) (plm "sss", sandwich cadjust). */
  cr1: number;
  /** G/(G−1)·(N−1)/(N−K), K = k + T: fixest default and Stata xtreg, fe vce(cluster). */
  fixest: number;
  /** G/(G−1)·(N−1)/(N−K) with every unit and period dummy counted (lm + vcovCL HC1). */
  allDummies: number;
  /** N/(N−k) (plm vcovHC type HC1). */
  hc1: number;
  /** Non-robust (iid) SE of the within model. */
  iid: number;
}

export interface TwfeResult {
  beta: number;
  se: TwfeSe;
  /** Observations, units, periods, clusters. */
  N: number;
  n: number;
  T: number;
  G: number;
}

function seSet(r: CohortRegression, j: number): TwfeSe {
  const v0 = r.vcovCR0[j * r.k + j];
  const f = ssFactors(r);
  return {
    cr0: Math.sqrt(v0),
    cr1: Math.sqrt(v0 * f.cr1),
    fixest: Math.sqrt(v0 * f.fixest),
    allDummies: Math.sqrt(v0 * f.allDummies),
    hc1: Math.sqrt(v0 * f.hc1),
    iid: Math.sqrt(r.vcovIid[j * r.k + j]),
  };
}

/** Static TWFE DiD coefficient on the post-treatment dummy, with cluster-robust SEs. */
export function twfe(panel: Panel): TwfeResult {
  if (!panel.cohort.some((g) => g !== 0))
    throw new DidError('NO_TREATED', 'no unit is treated inside the panel');
  const r = cohortRegression(panel, 1, (g, t, out) => {
    out[0] = g !== 0 && t >= g ? 1 : 0;
  });
  return { beta: r.coef[0], se: seSet(r, 0), N: r.N, n: r.n, T: r.T, G: r.G };
}

export interface EventStudyTerm {
  /** Event time e = t − g. */
  e: number;
  estimate: number;
  se: TwfeSe;
}

/**
 * Dynamic TWFE (all leads and lags, none binned; never-treated units have no dummies) — the
 * specification fixest writes as i(rel, ref = c(ref, -1000)). Biased under heterogeneous
 * effects (Sun & Abraham 2021); shown as a contrast to the CS / SA event studies.
 */
export function twfeEventStudy(panel: Panel, ref = -1): EventStudyTerm[] {
  const rel = new Set<number>();
  for (const g of new Set(panel.cohort)) if (g !== 0) for (const t of panel.times) rel.add(t - g);
  rel.delete(ref);
  const es = [...rel].sort((a, b) => a - b);
  if (!es.length) throw new DidError('NO_TREATED', 'no unit is treated inside the panel');
  const pos = new Map<number, number>();
  es.forEach((e, j) => pos.set(e, j));
  const r = cohortRegression(panel, es.length, (g, t, out) => {
    if (g === 0) return;
    const j = pos.get(t - g);
    if (j !== undefined) out[j] = 1;
  });
  return es.map((e, j) => ({ e, estimate: r.coef[j], se: seSet(r, j) }));
}
