// Order statistics for dashboards and KPIs: the median and sample quantiles of a list of
// numbers. Pure functions; the input is never reordered (a sorted copy is taken). An empty
// list has no median or quantile: the answer is null, so a page can say "no data" rather
// than show 0. Values must be numbers; NaN has no place in an order and is refused.

function sortedCopy(xs: readonly number[]): number[] {
  const s = [...xs];
  if (s.some((x) => Number.isNaN(x)))
    throw new RangeError('median/quantile of a list containing NaN');
  return s.sort((a, b) => a - b);
}

/** The middle value, or the mean of the two middle values of an even-sized list; null when empty. */
export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = sortedCopy(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The p-quantile (0 ≤ p ≤ 1) with linear interpolation between order statistics, as R's
 * default `quantile(x, p, type = 7)` and numpy's default; null when the list is empty.
 */
export function quantile(xs: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (xs.length === 0) return null;
  const s = sortedCopy(xs);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (h - lo) * (s[lo + 1] - s[lo]) : s[lo];
}
