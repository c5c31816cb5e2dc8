// Direct, row-by-row implementation of ATT(g,t) from the definition (plain objects, one
// pass over all rows per cell, explicit per-unit influence-function vectors). It is slow on
// purpose: the tests cross-check the columnar estimator against it on arbitrary panels, and
// bench/did.ts times it as the non-columnar baseline. Balanced panels, no always-treated.

export interface NaiveRow {
  id: number | string;
  time: number;
  cohort: number;
  y: number;
  cluster?: number | string;
}

export interface NaiveCell {
  group: number;
  time: number;
  att: number;
  se: number;
}

/** ATT(g,t) and IF-based SEs (clustered when rows carry `cluster`) computed from the definition. */
export function naiveAttgt(
  rows: NaiveRow[],
  opts: {
    control?: 'never' | 'notyet';
    base?: 'varying' | 'universal';
    anticipation?: number;
  } = {},
): NaiveCell[] {
  const control = opts.control ?? 'never';
  const universal = opts.base === 'universal';
  const delta = opts.anticipation ?? 0;
  const times = [...new Set(rows.map((r) => r.time))].sort((a, b) => a - b);
  const units = new Map<
    number | string,
    { cohort: number; cluster: number | string | undefined }
  >();
  for (const r of rows) units.set(r.id, { cohort: r.cohort, cluster: r.cluster });
  const ids = [...units.keys()];
  const n = ids.length;
  const cohorts = [...new Set(rows.map((r) => r.cohort))]
    .filter((g) => g !== 0)
    .sort((a, b) => a - b);
  const out: NaiveCell[] = [];
  for (const g of cohorts) {
    const pretIdx = times.reduce((acc, t, j) => (t + delta < g ? j : acc), -1);
    for (let k = universal ? 0 : 1; k < times.length; k++) {
      const cur = times[k];
      const b = universal || g <= cur ? times[pretIdx] : times[k - 1];
      if (b === cur) {
        out.push({ group: g, time: cur, att: 0, se: NaN });
        continue;
      }
      const thr = universal ? Math.max(cur, b) : cur;
      const inCtrl = (c: number): boolean =>
        c === 0 || (control === 'notyet' && c !== g && c > thr + delta);
      const dy = new Map<number | string, number>();
      for (const r of rows) {
        if (r.time === cur) dy.set(r.id, (dy.get(r.id) ?? 0) + r.y);
        if (r.time === b) dy.set(r.id, (dy.get(r.id) ?? 0) - r.y);
      }
      let sg = 0,
        ng = 0,
        sc = 0,
        nc = 0;
      for (const id of ids) {
        const c = units.get(id)!.cohort;
        if (c === g) {
          sg += dy.get(id)!;
          ng++;
        } else if (inCtrl(c)) {
          sc += dy.get(id)!;
          nc++;
        }
      }
      const mg = sg / ng;
      const mc = sc / nc;
      const inf = new Map<number | string, number>();
      for (const id of ids) {
        const c = units.get(id)!.cohort;
        const v =
          c === g ? (n / ng) * (dy.get(id)! - mg) : inCtrl(c) ? -(n / nc) * (dy.get(id)! - mc) : 0;
        const key = units.get(id)!.cluster ?? id;
        inf.set(key, (inf.get(key) ?? 0) + v);
      }
      let ss = 0;
      for (const v of inf.values()) ss += v * v;
      out.push({ group: g, time: cur, att: mg - mc, se: Math.sqrt(ss) / n });
    }
  }
  return out;
}
