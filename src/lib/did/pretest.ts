// Wald pre-test of parallel trends as printed by did's summary(att_gt): all pre-treatment
// cells (t < g) with a non-degenerate SE, W = n · a' V⁻¹ a with V = IF'IF / n (cluster sums
// of the IF when clustered), W ~ χ²(#cells) under H0 (Callaway & Sant'Anna 2021, §4.1).
import type { AttGtResult } from './attgt.ts';
import { chisqSf, solve } from './stats.ts';
import { crossIF } from './suff.ts';

export interface PretestResult {
  /** Wald statistic; null when there are no pre-periods or V is singular. */
  stat: number | null;
  df: number;
  p: number | null;
  /** Why stat is null, in plain English. */
  note?: string;
}

const SE_TINY = Math.sqrt(2.220446049250313e-16) * 10;

/** Joint Wald test that every pre-treatment ATT(g,t) is zero. */
export function pretest(res: AttGtResult): PretestResult {
  const pre = res.cells
    .map((c, k) => k)
    .filter((k) => {
      const c = res.cells[k];
      return c.group > c.time && !c.reference && Number.isFinite(c.att) && c.se > SE_TINY;
    });
  const q = pre.length;
  if (q === 0) return { stat: null, df: 0, p: null, note: 'no pre-treatment periods to test' };
  const V = crossIF(
    res.stats,
    pre.map((k) => res.lins[k]),
  );
  const a = Float64Array.from(pre, (k) => res.cells[k].att);
  // W = n · a' (IF'IF/n)⁻¹ a = n² · a' (IF'IF)⁻¹ a
  const x = solve(V, a, q, 1e-13);
  if (!x)
    return {
      stat: null,
      df: q,
      p: null,
      note: 'singular covariance matrix of the pre-treatment estimates',
    };
  let w = 0;
  for (let i = 0; i < q; i++) w += a[i] * x[i];
  const stat = res.n * res.n * w;
  return { stat, df: q, p: chisqSf(stat, q) };
}
