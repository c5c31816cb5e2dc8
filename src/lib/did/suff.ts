// Cohort-level sufficient statistics and influence-function algebra.
//
// Without covariates every estimator here (CS ATT(g,t), its aggregations, TWFE with
// cohort×period regressors, Sun & Abraham) depends on the data only through, per cohort c,
// the count N_c, the mean vector m_c (length T) and the centred scatter matrix S_c of the
// unit-demeaned outcomes ẏ_it = y_it − ȳ_i. Unit-demeaning is harmless (every estimand uses
// within-unit differences) and removes the level heterogeneity that would otherwise cost
// digits when scatter matrices are formed.
//
// Every influence function (IF) we need has the form IF_i = a_c + b_c · (ẏ_i − m_c) for a unit
// i in cohort c (a "Lin"): cell IFs of Callaway & Sant'Anna (2021, eq. for the unconditional
// DiD), weight IFs of did::aggte (constants per cohort) and any linear combination of them.
// So Σ_i IF_i² = Σ_c N_c a_c² + b_c' S_c b_c, computed in O(C·T²) instead of O(n).
// With clusters we keep per-(cluster, cohort) sums instead and sum IFs within clusters.
import type { Panel } from './panel.ts';

/** IF coefficients: IF_i = a[c] + Σ_t b[c·T+t] (ẏ_it − m_ct). */
export interface Lin {
  a: Float64Array;
  b: Float64Array;
}

/** Rows of the cluster/bootstrap representation: one per (cluster, cohort) pair present. */
export interface SuffRows {
  count: Float64Array;
  group: Int32Array;
  cluster: Int32Array;
  /** Σ over the row's units of (ẏ_i − m_c), row-major, length rows·T. */
  d: Float64Array;
  nClusters: number;
  /** True when every cluster lies inside one cohort (each row is its own cluster). */
  pure: boolean;
}

export interface GroupStats {
  n: number;
  T: number;
  /** Number of cohort groups; group 0 = never treated (may be empty), 1.. = cohorts ascending. */
  C: number;
  groupValue: Float64Array;
  unitGroup: Int32Array;
  count: Float64Array;
  mean: Float64Array;
  scatter: Float64Array;
  /** Clustered SEs when the panel has a cluster column. */
  clustered: boolean;
  rows: SuffRows;
}

/** Computes the per-cohort statistics of a panel (one pass for means, one for scatter). */
export function groupStats(p: Panel): GroupStats {
  const { n, T } = p;
  const cohorts = [...new Set(p.cohort)].filter((g) => g !== 0).sort((a, b) => a - b);
  const C = cohorts.length + 1;
  const groupValue = Float64Array.from([0, ...cohorts]);
  const gIndex = new Map<number, number>();
  cohorts.forEach((g, i) => gIndex.set(g, i + 1));
  const unitGroup = Int32Array.from(p.cohort, (g) => (g === 0 ? 0 : gIndex.get(g)!));
  const count = new Float64Array(C);
  const mean = new Float64Array(C * T);
  const yd = new Float64Array(n * T);
  for (let u = 0; u < n; u++) {
    const o = u * T;
    let s = 0;
    for (let t = 0; t < T; t++) s += p.y[o + t];
    const ybar = s / T;
    const c = unitGroup[u];
    count[c]++;
    for (let t = 0; t < T; t++) {
      const v = p.y[o + t] - ybar;
      yd[o + t] = v;
      mean[c * T + t] += v;
    }
  }
  for (let c = 0; c < C; c++)
    if (count[c] > 0) for (let t = 0; t < T; t++) mean[c * T + t] /= count[c];
  const TT = T * T;
  const scatter = new Float64Array(C * TT);
  const dev = new Float64Array(T);
  for (let u = 0; u < n; u++) {
    const c = unitGroup[u];
    const o = u * T;
    for (let t = 0; t < T; t++) {
      const v = yd[o + t] - mean[c * T + t];
      yd[o + t] = v;
      dev[t] = v;
    }
    const so = c * TT;
    for (let s = 0; s < T; s++) {
      const ds = dev[s];
      for (let t = s; t < T; t++) scatter[so + s * T + t] += ds * dev[t];
    }
  }
  for (let c = 0; c < C; c++)
    for (let s = 0; s < T; s++)
      for (let t = 0; t < s; t++) scatter[c * TT + s * T + t] = scatter[c * TT + t * T + s];
  const rows = buildRows(p, unitGroup, C, yd);
  return {
    n,
    T,
    C,
    groupValue,
    unitGroup,
    count,
    mean,
    scatter,
    clustered: p.cluster !== null,
    rows,
  };
}

/** Rows sorted by cohort: units themselves when unclustered, (cluster, cohort) sums otherwise. */
function buildRows(p: Panel, unitGroup: Int32Array, C: number, dev: Float64Array): SuffRows {
  const { n, T } = p;
  // Counting sort of units by cohort group (stable).
  const start = new Int32Array(C + 1);
  for (let u = 0; u < n; u++) start[unitGroup[u] + 1]++;
  for (let c = 0; c < C; c++) start[c + 1] += start[c];
  const order = new Int32Array(n);
  for (let u = 0; u < n; u++) order[start[unitGroup[u]]++] = u;
  if (!p.cluster) {
    const d = new Float64Array(n * T);
    order.forEach((u, i) => d.set(dev.subarray(u * T, u * T + T), i * T));
    return {
      count: new Float64Array(n).fill(1),
      group: Int32Array.from(order, (u) => unitGroup[u]),
      cluster: Int32Array.from({ length: n }, (_, i) => i),
      d,
      nClusters: n,
      pure: true,
    };
  }
  const cl = p.cluster;
  const key = new Map<number, number>();
  const rg: number[] = [];
  const rc: number[] = [];
  const cnt: number[] = [];
  const sums: number[] = [];
  for (const u of order) {
    const k = cl[u] * C + unitGroup[u];
    let r = key.get(k);
    if (r === undefined) {
      r = rg.length;
      key.set(k, r);
      rg.push(unitGroup[u]);
      rc.push(cl[u]);
      cnt.push(0);
      for (let t = 0; t < T; t++) sums.push(0);
    }
    cnt[r]++;
    for (let t = 0; t < T; t++) sums[r * T + t] += dev[u * T + t];
  }
  const nClusters = p.clusterLabels!.length;
  const rowsPerCluster = new Int32Array(nClusters);
  for (const c of rc) rowsPerCluster[c]++;
  return {
    count: Float64Array.from(cnt),
    group: Int32Array.from(rg),
    cluster: Int32Array.from(rc),
    d: Float64Array.from(sums),
    nClusters,
    pure: rowsPerCluster.every((k) => k === 1),
  };
}

export function linZero(s: GroupStats): Lin {
  return { a: new Float64Array(s.C), b: new Float64Array(s.C * s.T) };
}

/** dst += alpha · src */
export function linAxpy(dst: Lin, alpha: number, src: Lin): void {
  if (alpha === 0) return;
  for (let i = 0; i < dst.a.length; i++) dst.a[i] += alpha * src.a[i];
  for (let i = 0; i < dst.b.length; i++) dst.b[i] += alpha * src.b[i];
}

/** Cluster totals of the IFs: Z[cl·K + k] = Σ_{i in cl} IF_ik. */
function clusterTotals(s: GroupStats, lins: Lin[]): Float64Array {
  const { T } = s;
  const R = s.rows;
  const K = lins.length;
  const Z = new Float64Array(R.nClusters * K);
  for (let r = 0; r < R.count.length; r++) {
    const c = R.group[r];
    const o = r * T;
    const zo = R.cluster[r] * K;
    for (let k = 0; k < K; k++) {
      const L = lins[k];
      let v = R.count[r] * L.a[c];
      const bo = c * T;
      for (let t = 0; t < T; t++) v += L.b[bo + t] * R.d[o + t];
      Z[zo + k] += v;
    }
  }
  return Z;
}

/** K×K matrix of Σ_i IF_ik IF_il (cluster sums of IFs when clustered). */
export function crossIF(s: GroupStats, lins: Lin[]): Float64Array {
  const K = lins.length;
  const out = new Float64Array(K * K);
  if (s.clustered) {
    const Z = clusterTotals(s, lins);
    const G = s.rows.nClusters;
    for (let g = 0; g < G; g++) {
      for (let k = 0; k < K; k++) {
        const zk = Z[g * K + k];
        if (zk === 0) continue;
        for (let l = k; l < K; l++) out[k * K + l] += zk * Z[g * K + l];
      }
    }
  } else {
    const { T, C } = s;
    const TT = T * T;
    const Sb = new Float64Array(K * T);
    for (let c = 0; c < C; c++) {
      if (s.count[c] === 0) continue;
      // Sb_k = S_c b_kc
      for (let k = 0; k < K; k++) {
        const b = lins[k].b;
        for (let i = 0; i < T; i++) {
          let v = 0;
          for (let j = 0; j < T; j++) v += s.scatter[c * TT + i * T + j] * b[c * T + j];
          Sb[k * T + i] = v;
        }
      }
      for (let k = 0; k < K; k++) {
        for (let l = k; l < K; l++) {
          let v = s.count[c] * lins[k].a[c] * lins[l].a[c];
          for (let i = 0; i < T; i++) v += lins[l].b[c * T + i] * Sb[k * T + i];
          out[k * K + l] += v;
        }
      }
    }
  }
  for (let k = 0; k < K; k++) for (let l = 0; l < k; l++) out[k * K + l] = out[l * K + k];
  return out;
}

/** Analytic SE from the IF: sqrt(Σ_i IF_i²)/n, or with clusters sqrt(Σ_g (Σ_{i∈g} IF_i)²)/n. */
export function seOf(s: GroupStats, lin: Lin): number {
  return Math.sqrt(Math.max(crossIF(s, [lin])[0], 0)) / s.n;
}
