// Money is integer rupiah. The brand stops a plain number (a quantity, a weight) from being
// passed where money is expected without an explicit `rupiah()`.
export type Rupiah = number & { readonly __brand: 'Rupiah' };

/** Brands an integer as rupiah; throws on fractions or non-finite values (a programming error). */
export function rupiah(n: number): Rupiah {
  if (!Number.isSafeInteger(n)) throw new RangeError(`rupiah must be a safe integer, got ${n}`);
  return n as Rupiah;
}

export function sum(values: readonly number[]): Rupiah {
  let s = 0;
  for (const v of values) s += v;
  return rupiah(s);
}

/** Percentage (basis points) of an amount, rounded half up. */
export function percentOf(amount: Rupiah, basisPoints: number): Rupiah {
  return rupiah(Math.round((amount * basisPoints) / 10000));
}

/**
 * Splits `total` by `weights` with the largest-remainder method, so the parts always sum to
 * the whole (no rupiah appears or vanishes when fees are shared across sellers).
 */
export function splitLargestRemainder(total: Rupiah, weights: readonly number[]): Rupiah[] {
  const wsum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0) return [];
  if (wsum <= 0) throw new RangeError('weights must sum to a positive number');
  const exact = weights.map((w) => (total * w) / wsum);
  const parts = exact.map((x) => Math.floor(x));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) parts[order[k].i] += 1;
  return parts.map(rupiah);
}

const idr = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});

/** `Rp 12.500` — the display form used everywhere (non-breaking space normalised). */
export function formatRupiah(amount: number): string {
  return idr.format(amount).replace(/\u00a0/g, ' ');
}
