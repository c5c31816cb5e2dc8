// Multiplier bootstrap with Rademacher weights (Callaway & Sant'Anna 2021, Algorithm 1;
// did R/mboot.R): draw_b = (1/n) Σ_i U_ib · IF_i, with U drawn per cluster (per unit when
// unclustered) and applied to the cluster sums of the IF. Bootstrap SE = IQR(draws) /
// (z_.75 − z_.25); the uniform (sup-t) band critical value is the type-1 (1−α) quantile of
// max_k |draw_bk / se_k| over the estimands of one set.
//
// Speed: every IF is a_c + b_c·(ẏ_i − m_c), so a draw only needs, per cohort c, the signed
// sums Σ U (1, ẏ_i − m_c). Rows (units, or cluster×cohort sums) are taken 8 at a time: the
// 256 signed sums of a block are tabulated once, then each draw adds one table entry
// selected by 8 random bits. This cuts the inner loop 8-fold; results are exact sums.
import type { Aggregation, AggregationType } from './aggregate.ts';
import type { AttGtResult } from './attgt.ts';
import { DidError } from './errors.ts';
import { qnorm, quantileType1, Rng } from './stats.ts';
import type { GroupStats, Lin } from './suff.ts';

export interface BootstrapOptions {
  /** Number of bootstrap draws (did's biters), e.g. 999. */
  draws: number;
  /** PRNG seed; the same seed gives the same draws. */
  seed: number;
  /** Band level: 1 − alpha (default alpha = 0.05). */
  alpha?: number;
}

export interface BootstrapSet {
  /** Bootstrap SE per estimand (NaN when degenerate, e.g. universal reference cells). */
  se: Float64Array;
  /** Uniform-band critical value for this set (sup-t). */
  crit: number;
}

export interface BootstrapResult {
  draws: number;
  seed: number;
  attgt: BootstrapSet;
  /** Per aggregation: SEs of the `by` entries with their band, and the overall SE. */
  aggregations: Partial<Record<AggregationType, BootstrapSet & { overallSe: number }>>;
}

const IQR_NORMAL = qnorm(0.75) - qnorm(0.25);
const SE_TINY = Math.sqrt(2.220446049250313e-16) * 10;

/** Signed cohort sums per draw: acc[(b·C + c)·(T+1) + j], j = 0 count, 1.. deviations. */
function signedSums(s: GroupStats, B: number, rng: Rng): Float64Array {
  const { C, T } = s;
  const W = T + 1;
  const R = s.rows;
  const nRows = R.count.length;
  const acc = new Float64Array(B * C * W);
  if (R.pure) {
    const table = new Float64Array(256 * W);
    const v = new Float64Array(8 * W);
    let r0 = 0;
    while (r0 < nRows) {
      const c = R.group[r0];
      let m = 0;
      while (m < 8 && r0 + m < nRows && R.group[r0 + m] === c) m++;
      for (let j = 0; j < m; j++) {
        v[j * W] = R.count[r0 + j];
        for (let t = 0; t < T; t++) v[j * W + 1 + t] = R.d[(r0 + j) * T + t];
      }
      // table[mask] = Σ_j (bit j of mask ? +1 : −1) · v_j, built by flipping one sign at a time.
      for (let x = 0; x < W; x++) {
        let z = 0;
        for (let j = 0; j < m; j++) z -= v[j * W + x];
        table[x] = z;
      }
      const size = 1 << m;
      for (let mask = 1; mask < size; mask++) {
        const low = 31 - Math.clz32(mask & -mask);
        const prev = (mask & (mask - 1)) * W;
        for (let x = 0; x < W; x++) table[mask * W + x] = table[prev + x] + 2 * v[low * W + x];
      }
      const lim = size - 1;
      let bits = 0;
      let left = 0;
      for (let b = 0; b < B; b++) {
        if (left === 0) {
          bits = rng.nextU32();
          left = 4;
        }
        const e = (bits & lim) * W;
        bits >>>= 8;
        left--;
        const o = (b * C + c) * W;
        for (let x = 0; x < W; x++) acc[o + x] += table[e + x];
      }
      r0 += m;
    }
    return acc;
  }
  // Clusters spanning several cohorts: one sign per cluster per draw.
  const sign = new Int8Array(R.nClusters);
  for (let b = 0; b < B; b++) {
    for (let g = 0; g < R.nClusters; g += 32) {
      const bits = rng.nextU32();
      for (let j = 0; j < 32 && g + j < R.nClusters; j++) sign[g + j] = (bits >>> j) & 1 ? 1 : -1;
    }
    for (let r = 0; r < nRows; r++) {
      const u = sign[R.cluster[r]];
      const o = (b * C + R.group[r]) * W;
      acc[o] += u * R.count[r];
      for (let t = 0; t < T; t++) acc[o + 1 + t] += u * R.d[r * T + t];
    }
  }
  return acc;
}

/** Draws for each estimand: out[k·B + b] = (1/n) Σ_c a_kc Z0_bc + b_kc · Z_bc. */
function drawsFor(s: GroupStats, acc: Float64Array, B: number, lins: Lin[]): Float64Array {
  const { C, T, n } = s;
  const W = T + 1;
  const out = new Float64Array(lins.length * B);
  lins.forEach((L, k) => {
    const active: number[] = [];
    for (let c = 0; c < C; c++) {
      let nz = L.a[c] !== 0;
      for (let t = 0; t < T && !nz; t++) nz = L.b[c * T + t] !== 0;
      if (nz) active.push(c);
    }
    for (let b = 0; b < B; b++) {
      let v = 0;
      for (const c of active) {
        const o = (b * C + c) * W;
        v += L.a[c] * acc[o];
        for (let t = 0; t < T; t++) v += L.b[c * T + t] * acc[o + 1 + t];
      }
      out[k * B + b] = v / n;
    }
  });
  return out;
}

/** SEs (IQR-based) and the sup-t critical value for one set of estimands. */
function summarise(draws: Float64Array, K: number, B: number, alpha: number): BootstrapSet {
  const se = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const d = draws.subarray(k * B, (k + 1) * B);
    const v = (quantileType1(d, 0.75) - quantileType1(d, 0.25)) / IQR_NORMAL;
    se[k] = v > SE_TINY ? v : NaN;
  }
  const sup = new Float64Array(B);
  let any = false;
  for (let k = 0; k < K; k++) {
    if (!Number.isFinite(se[k])) continue;
    any = true;
    for (let b = 0; b < B; b++) sup[b] = Math.max(sup[b], Math.abs(draws[k * B + b]) / se[k]);
  }
  return { se, crit: any ? quantileType1(sup, 1 - alpha) : NaN };
}

/**
 * Multiplier bootstrap for ATT(g,t) and any aggregations of the same result, all from one
 * set of draws (so bands across sets are mutually consistent).
 */
export function bootstrap(
  res: AttGtResult,
  opts: BootstrapOptions,
  aggregations: Aggregation[] = [],
): BootstrapResult {
  const B = Math.floor(opts.draws);
  if (!(B >= 2))
    throw new DidError('BAD_INPUT', `bootstrap draws must be an integer ≥ 2, got ${opts.draws}`);
  if (!Number.isFinite(opts.seed))
    throw new DidError('BAD_INPUT', `bootstrap seed must be a number, got ${opts.seed}`);
  const alpha = opts.alpha ?? 0.05;
  const s = res.stats;
  const acc = signedSums(s, B, new Rng(opts.seed));
  const K = res.lins.length;
  const out: BootstrapResult = {
    draws: B,
    seed: opts.seed,
    attgt: summarise(drawsFor(s, acc, B, res.lins), K, B, alpha),
    aggregations: {},
  };
  for (const a of aggregations) {
    const lins = a.by.map((e) => e.lin);
    const set = summarise(drawsFor(s, acc, B, lins), lins.length, B, alpha);
    const overall = summarise(drawsFor(s, acc, B, [a.lin]), 1, B, alpha);
    out.aggregations[a.type] = { ...set, overallSe: overall.se[0] };
  }
  return out;
}
