// Two-way fixed-effects OLS for regressors that depend only on (cohort, period) — the
// treatment dummy, event-time dummies, Sun & Abraham cohort×event-time interactions.
// FE are absorbed by exact two-way demeaning of the balanced panel (Frisch–Waugh–Lovell:
// x̃ = x − x̄_i − x̄_t + x̄), never with unit dummies. Because x̃ is constant within a cohort
// and period, X̃'X̃, X̃'ỹ and the cluster-robust "meat" only need the cohort sufficient
// statistics (see suff.ts): O(C·T²·k²) work however many units there are.
import { DidError } from './errors.ts';
import type { Panel } from './panel.ts';
import { invert, solve } from './stats.ts';
import { groupStats, type GroupStats } from './suff.ts';

/** A fitted cohort-structured TWFE regression with its variance matrices. */
export interface CohortRegression {
  k: number;
  coef: Float64Array;
  /** CR0 sandwich (X̃'X̃)⁻¹ M (X̃'X̃)⁻¹, k×k row-major; M sums scores within clusters (units by default). */
  vcovCR0: Float64Array;
  /** Non-robust σ²(X̃'X̃)⁻¹ with df = N − n − T + 1 − k (plm/lm "iid"). */
  vcovIid: Float64Array;
  /** Observations N = n·T, units n, periods T, clusters G. */
  N: number;
  n: number;
  T: number;
  G: number;
  stats: GroupStats;
}

/** Small-sample factors applied to the CR0 variance (README of the reference data, §1). */
export function ssFactors(r: CohortRegression): {
  cr1: number;
  fixest: number;
  allDummies: number;
  hc1: number;
} {
  const { N, G, k, n, T } = r;
  const cr1 = G / (G - 1);
  return {
    cr1,
    // fixest default / Stata xtreg,fe: K = k + (T−1) period dummies + constant; unit FE are
    // nested in the clusters (clusters are constant within unit) so they are not counted.
    fixest: (cr1 * (N - 1)) / (N - (k + T)),
    // lm with every dummy + sandwich::vcovCL(type = "HC1"): K = k + (n−1) + (T−1) + 1.
    allDummies: (cr1 * (N - 1)) / (N - (k + n + T - 1)),
    // plm vcovHC(type = "HC1") on the within model: N/(N − k).
    hc1: N / (N - k),
  };
}

/**
 * Fits y_it = a_i + l_t + x(cohort_i, t)'β + e_it. `design(g, t, out)` writes the k
 * regressors for a unit of cohort g (0 = never treated) in period t.
 */
export function cohortRegression(
  p: Panel,
  k: number,
  design: (g: number, t: number, out: Float64Array) => void,
  stats?: GroupStats,
): CohortRegression {
  const s = stats ?? groupStats(p);
  const { n, T, C } = s;
  // Raw and demeaned design, x[(c·T + t)·k + j].
  const x = new Float64Array(C * T * k);
  const row = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    for (let t = 0; t < T; t++) {
      row.fill(0);
      design(s.groupValue[c], p.times[t], row);
      x.set(row, (c * T + t) * k);
    }
  }
  const unitMean = new Float64Array(C * k);
  const timeMean = new Float64Array(T * k);
  const grand = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < k; j++) {
        const v = x[(c * T + t) * k + j];
        unitMean[c * k + j] += v / T;
        timeMean[t * k + j] += (s.count[c] * v) / n;
        grand[j] += (s.count[c] * v) / (n * T);
      }
    }
  }
  for (let c = 0; c < C; c++)
    for (let t = 0; t < T; t++)
      for (let j = 0; j < k; j++) {
        x[(c * T + t) * k + j] += -unitMean[c * k + j] - timeMean[t * k + j] + grand[j];
      }
  // μ_t: mean of the unit-demeaned outcome in period t; cohort part of ỹ is m_ct − μ_t.
  const mu = new Float64Array(T);
  for (let c = 0; c < C; c++)
    for (let t = 0; t < T; t++) mu[t] += (s.count[c] * s.mean[c * T + t]) / n;
  const XtX = new Float64Array(k * k);
  const Xty = new Float64Array(k);
  for (let c = 0; c < C; c++) {
    const Nc = s.count[c];
    if (Nc === 0) continue;
    for (let t = 0; t < T; t++) {
      const o = (c * T + t) * k;
      const yv = s.mean[c * T + t] - mu[t];
      for (let i = 0; i < k; i++) {
        Xty[i] += Nc * x[o + i] * yv;
        for (let j = 0; j < k; j++) XtX[i * k + j] += Nc * x[o + i] * x[o + j];
      }
    }
  }
  const coef = solve(XtX, Xty, k, 1e-10);
  const bread = invert(XtX, k);
  if (!coef || !bread)
    throw new DidError(
      'SINGULAR',
      'the regression design is rank deficient (a regressor does not vary after removing unit and period effects)',
    );
  // Cohort residual means r_ct; unit residual u_it = (ẏ_it − m_ct) + r_ct.
  const r = new Float64Array(C * T);
  let rss = 0;
  const TT = T * T;
  for (let c = 0; c < C; c++) {
    for (let t = 0; t < T; t++) {
      let fit = 0;
      for (let j = 0; j < k; j++) fit += x[(c * T + t) * k + j] * coef[j];
      r[c * T + t] = s.mean[c * T + t] - mu[t] - fit;
      rss += s.count[c] * r[c * T + t] ** 2 + s.scatter[c * TT + t * T + t];
    }
  }
  const meat = new Float64Array(k * k);
  const R = s.rows;
  if (s.clustered) {
    const Z = new Float64Array(R.nClusters * k);
    for (let q = 0; q < R.count.length; q++) {
      const c = R.group[q];
      for (let j = 0; j < k; j++) {
        let v = 0;
        for (let t = 0; t < T; t++)
          v += x[(c * T + t) * k + j] * (R.d[q * T + t] + R.count[q] * r[c * T + t]);
        Z[R.cluster[q] * k + j] += v;
      }
    }
    for (let g = 0; g < R.nClusters; g++)
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) meat[i * k + j] += Z[g * k + i] * Z[g * k + j];
  } else {
    // Σ_{i∈c} X̃_c' u_i u_i' X̃_c = X̃_c' (S_c + N_c r_c r_c') X̃_c.
    const M = new Float64Array(TT);
    const XM = new Float64Array(k * T);
    for (let c = 0; c < C; c++) {
      if (s.count[c] === 0) continue;
      for (let a = 0; a < T; a++)
        for (let b = 0; b < T; b++)
          M[a * T + b] = s.scatter[c * TT + a * T + b] + s.count[c] * r[c * T + a] * r[c * T + b];
      for (let i = 0; i < k; i++)
        for (let b = 0; b < T; b++) {
          let v = 0;
          for (let a = 0; a < T; a++) v += x[(c * T + a) * k + i] * M[a * T + b];
          XM[i * T + b] = v;
        }
      for (let i = 0; i < k; i++)
        for (let j = 0; j < k; j++) {
          let v = 0;
          for (let b = 0; b < T; b++) v += XM[i * T + b] * x[(c * T + b) * k + j];
          meat[i * k + j] += v;
        }
    }
  }
  const vcovCR0 = sandwich(bread, meat, k);
  const N = n * T;
  const sigma2 = rss / (N - n - T + 1 - k);
  const vcovIid = Float64Array.from(bread, (v) => v * sigma2);
  const G = s.clustered ? R.nClusters : n;
  return { k, coef, vcovCR0, vcovIid, N, n, T, G, stats: s };
}

function sandwich(bread: Float64Array, meat: Float64Array, k: number): Float64Array {
  const tmp = new Float64Array(k * k);
  const out = new Float64Array(k * k);
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let v = 0;
      for (let l = 0; l < k; l++) v += bread[i * k + l] * meat[l * k + j];
      tmp[i * k + j] = v;
    }
  for (let i = 0; i < k; i++)
    for (let j = 0; j < k; j++) {
      let v = 0;
      for (let l = 0; l < k; l++) v += tmp[i * k + l] * bread[l * k + j];
      out[i * k + j] = v;
    }
  return out;
}

/** w' V w for a weight vector over coefficients. */
export function quadForm(V: Float64Array, w: ArrayLike<number>, k: number): number {
  let v = 0;
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) v += w[i] * V[i * k + j] * w[j];
  return v;
}
