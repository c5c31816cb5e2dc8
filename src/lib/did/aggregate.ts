// Aggregations of ATT(g,t) into summary parameters (Callaway & Sant'Anna 2021, §3; code:
// bcallaway11/did R/compute.aggte.R). Weights use pg = P(G = g) over all units; when the
// weights are estimated their influence function ("wif") is added to the aggregate's IF:
//   wif_ik = (1{G_i = g_k} − pg_k)/S − (Σ_j (1{G_i = g_j} − pg_j)) · pg_k / S²,  S = Σ_keepers pg,
// for simple, each dynamic θ(e), each calendar θ(t) and the group overall; θ(g) and the
// dynamic/calendar overall means are fixed-weight averages (no wif), as in did.
import { DidError } from './errors.ts';
import type { AttGtResult } from './attgt.ts';
import { linAxpy, linZero, seOf, type Lin } from './suff.ts';

export type AggregationType = 'simple' | 'dynamic' | 'group' | 'calendar';

export interface AggregateOptions {
  /** Dynamic only: keep cohorts observed for at least balanceE periods after treatment. */
  balanceE?: number;
  /** Dynamic only: smallest event time reported. */
  minE?: number;
  /** Largest event time used (all types, as did's max_e). */
  maxE?: number;
}

export interface AggregateEntry {
  /** Event time (dynamic), cohort (group) or period (calendar). */
  key: number;
  att: number;
  se: number;
  lin: Lin;
}

export interface Aggregation {
  type: AggregationType;
  att: number;
  se: number;
  lin: Lin;
  /** Per-key estimates (empty for simple). */
  by: AggregateEntry[];
}

const SE_TINY = Math.sqrt(2.220446049250313e-16) * 10;

function cleanSe(se: number): number {
  return se <= SE_TINY ? NaN : se;
}

/** Aggregates a set of ATT(g,t) into one of did's four summary parameters. */
export function aggregate(
  res: AttGtResult,
  type: AggregationType,
  opts: AggregateOptions = {},
): Aggregation {
  const s = res.stats;
  const cells = res.cells;
  const ok = cells.map((c) => Number.isFinite(c.att));
  const gIdx = new Map<number, number>();
  s.groupValue.forEach((g, i) => gIdx.set(g, i));
  const pgOf = (k: number): number => res.pg[gIdx.get(cells[k].group)!];
  const maxE = opts.maxE ?? Infinity;
  const minE = opts.minE ?? -Infinity;

  /** Weighted combination Σ w_k IF_k, plus the weight IF when `withWif`. */
  const combine = (ks: number[], w: number[], withWif: boolean): Lin => {
    const lin = linZero(s);
    ks.forEach((k, j) => linAxpy(lin, w[j], res.lins[k]));
    if (withWif) {
      let S = 0;
      for (const k of ks) S += pgOf(k);
      const cntIn = new Float64Array(s.C);
      for (const k of ks) cntIn[gIdx.get(cells[k].group)!]++;
      for (let c = 0; c < s.C; c++) {
        const A = cntIn[c] - S;
        let a = 0;
        for (const k of ks) {
          const ind = gIdx.get(cells[k].group) === c ? 1 : 0;
          a += cells[k].att * ((ind - pgOf(k)) / S - (A * pgOf(k)) / (S * S));
        }
        lin.a[c] += a;
      }
    }
    return lin;
  };
  const pgWeighted = (ks: number[], wif: boolean): { att: number; lin: Lin } => {
    let S = 0;
    for (const k of ks) S += pgOf(k);
    const w = ks.map((k) => pgOf(k) / S);
    let att = 0;
    ks.forEach((k, j) => (att += w[j] * cells[k].att));
    return { att, lin: combine(ks, w, wif) };
  };
  const meanOf = (entries: { att: number; lin: Lin }[]): { att: number; lin: Lin } => {
    const lin = linZero(s);
    let att = 0;
    for (const e of entries) {
      att += e.att / entries.length;
      linAxpy(lin, 1 / entries.length, e.lin);
    }
    return { att: entries.length ? att : NaN, lin };
  };
  const entry = (key: number, r: { att: number; lin: Lin }): AggregateEntry => ({
    key,
    att: r.att,
    se: cleanSe(seOf(s, r.lin)),
    lin: r.lin,
  });
  const idx = cells.map((_, k) => k).filter((k) => ok[k]);
  const isPost = (k: number): boolean =>
    cells[k].group <= cells[k].time && cells[k].time <= cells[k].group + maxE;

  if (type === 'simple') {
    const ks = idx.filter(isPost);
    const r = pgWeighted(ks, true);
    return { type, att: ks.length ? r.att : NaN, se: cleanSe(seOf(s, r.lin)), lin: r.lin, by: [] };
  }
  if (type === 'group') {
    const by: AggregateEntry[] = [];
    for (const g of res.cohorts) {
      const ks = idx.filter((k) => cells[k].group === g && isPost(k));
      if (ks.length)
        by.push(entry(g, meanOf(ks.map((k) => ({ att: cells[k].att, lin: res.lins[k] })))));
    }
    // Overall: pg-weighted mean of θ(g), with the IF of the estimated cohort shares.
    const pgg = by.map((e) => res.pg[gIdx.get(e.key)!]);
    const S = pgg.reduce((a, b) => a + b, 0);
    const lin = linZero(s);
    let att = 0;
    by.forEach((e, j) => {
      att += (pgg[j] / S) * e.att;
      linAxpy(lin, pgg[j] / S, e.lin);
    });
    const A = new Float64Array(s.C);
    for (let c = 0; c < s.C; c++) A[c] = (by.some((e) => gIdx.get(e.key) === c) ? 1 : 0) - S;
    for (let c = 0; c < s.C; c++) {
      let a = 0;
      by.forEach((e, j) => {
        const ind = gIdx.get(e.key) === c ? 1 : 0;
        a += e.att * ((ind - pgg[j]) / S - (A[c] * pgg[j]) / (S * S));
      });
      lin.a[c] += a;
    }
    return { type, att: by.length ? att : NaN, se: cleanSe(seOf(s, lin)), lin, by };
  }
  if (type === 'dynamic') {
    const tMax = res.times[res.times.length - 1];
    const tMin = Math.min(res.times[0], ...res.cohorts);
    let use = idx;
    if (opts.balanceE !== undefined)
      use = idx.filter((k) => tMax - cells[k].group >= opts.balanceE!);
    let eseq = [...new Set(use.map((k) => cells[k].time - cells[k].group))].sort((a, b) => a - b);
    if (opts.balanceE !== undefined)
      eseq = eseq.filter((e) => e <= opts.balanceE! && e >= opts.balanceE! - tMax + tMin);
    eseq = eseq.filter((e) => e >= minE && e <= maxE);
    const by = eseq.map((e) =>
      entry(
        e,
        pgWeighted(
          use.filter((k) => cells[k].time - cells[k].group === e),
          true,
        ),
      ),
    );
    const r = meanOf(by.filter((b) => b.key >= 0));
    return { type, att: r.att, se: cleanSe(seOf(s, r.lin)), lin: r.lin, by };
  }
  if (type === 'calendar') {
    const minG = Math.min(...idx.map((k) => cells[k].group));
    const by: AggregateEntry[] = [];
    for (const t of res.times) {
      if (t < minG) continue;
      const ks = idx.filter((k) => cells[k].time === t && isPost(k));
      if (ks.length) by.push(entry(t, pgWeighted(ks, true)));
    }
    const r = meanOf(by);
    return { type, att: r.att, se: cleanSe(seOf(s, r.lin)), lin: r.lin, by };
  }
  throw new DidError('BAD_INPUT', `unknown aggregation type '${String(type)}'`);
}
