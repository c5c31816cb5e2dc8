// Small numerical kit: log-gamma, regularized incomplete gamma (chi-square p-values), normal
// quantile, R's type-1 sample quantile, a dense linear solver and a seeded PRNG. Written here
// so the library has no dependencies.

/** log Γ(x) for x > 0, Lanczos approximation (g = 7, n = 9; Numerical Recipes 3rd ed. §6.1). */
export function lgamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = c[0];
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Regularized lower incomplete gamma P(a, x) and upper Q(a, x) = 1 − P. Series for x < a + 1,
 * Lentz continued fraction otherwise (Numerical Recipes §6.2); both converge to ~1e-15.
 */
export function gammaPQ(a: number, x: number): { p: number; q: number } {
  if (!(a > 0) || !(x >= 0)) return { p: NaN, q: NaN };
  if (x === 0) return { p: 0, q: 1 };
  const lpre = -x + a * Math.log(x) - lgamma(a);
  if (x < a + 1) {
    let ap = a;
    let sum = 1 / a;
    let del = sum;
    for (let n = 0; n < 10000; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * 1e-17) break;
    }
    const p = sum * Math.exp(lpre);
    return { p, q: 1 - p };
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-17) break;
  }
  const q = Math.exp(lpre) * h;
  return { p: 1 - q, q };
}

/** Upper tail of the chi-square distribution: P(X > x), X ~ χ²(df) (= R's 1 − pchisq(x, df)). */
export function chisqSf(x: number, df: number): number {
  return gammaPQ(df / 2, x / 2).q;
}

/** Standard normal quantile, Wichura's AS 241 (PPND16), accurate to about 1e-16. */
export function qnorm(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) *
          r +
          13731.693765509461125) *
          r +
          1971.5909503065514427) *
          r +
          133.14166789178437745) *
          r +
          3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) *
        r +
        5394.1960214247511077) *
        r +
        687.1870074920579083) *
        r +
        42.313330701600911252) *
        r +
        1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let val: number;
  if (r <= 5) {
    r -= 1.6;
    val =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r +
        0.24178072517745061177) *
        r +
        1.27045825245236838258) *
        r +
        3.64784832476320460504) *
        r +
        5.7694972214606914055) *
        r +
        4.6303378461565452959) *
        r +
        1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r +
        0.0151986665636164571966) *
        r +
        0.14810397642748007459) *
        r +
        0.68976733498510000455) *
        r +
        1.6763848301838038494) *
        r +
        2.05319162663775882187) *
        r +
        1);
  } else {
    r -= 5;
    val =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r +
        0.0012426609473880784386) *
        r +
        0.026532189526576123093) *
        r +
        0.29656057182850489123) *
        r +
        1.7848265399172913358) *
        r +
        5.4637849111641143699) *
        r +
        6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r +
        1.8463183175100546818e-5) *
        r +
        7.868691311456132591e-4) *
        r +
        0.0148753612908506148525) *
        r +
        0.13692988092273580531) *
        r +
        0.59983220655588793769) *
        r +
        1);
  }
  return q < 0 ? -val : val;
}

/** R's `quantile(x, p, type = 1)`: the inverse empirical CDF, x_(ceil(n·p)). Sorts a copy. */
export function quantileType1(values: Float64Array, p: number): number {
  const s = Float64Array.from(values).sort();
  const n = s.length;
  if (n === 0) return NaN;
  const np = n * p;
  let j = Math.floor(np);
  if (np - j > 0) j += 1;
  return s[Math.min(Math.max(j, 1), n) - 1];
}

/**
 * Solves A x = b for a dense k×k matrix (row-major) by Gaussian elimination with partial
 * pivoting. Returns null when a pivot is below `tol` times the largest diagonal entry
 * (numerically singular). A and b are not modified.
 */
export function solve(
  A: Float64Array,
  b: Float64Array,
  k: number,
  tol = 1e-12,
): Float64Array | null {
  const nrhs = b.length / k;
  const M = Float64Array.from(A);
  const X = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < k; i++) scale = Math.max(scale, Math.abs(M[i * k + i]));
  if (!(scale > 0)) return null;
  for (let col = 0; col < k; col++) {
    let piv = col;
    for (let r = col + 1; r < k; r++)
      if (Math.abs(M[r * k + col]) > Math.abs(M[piv * k + col])) piv = r;
    if (!(Math.abs(M[piv * k + col]) > tol * scale)) return null;
    if (piv !== col) {
      for (let c = 0; c < k; c++)
        [M[col * k + c], M[piv * k + c]] = [M[piv * k + c], M[col * k + c]];
      for (let c = 0; c < nrhs; c++)
        [X[col * nrhs + c], X[piv * nrhs + c]] = [X[piv * nrhs + c], X[col * nrhs + c]];
    }
    const d = M[col * k + col];
    for (let r = col + 1; r < k; r++) {
      const f = M[r * k + col] / d;
      if (f === 0) continue;
      for (let c = col; c < k; c++) M[r * k + c] -= f * M[col * k + c];
      for (let c = 0; c < nrhs; c++) X[r * nrhs + c] -= f * X[col * nrhs + c];
    }
  }
  for (let r = k - 1; r >= 0; r--) {
    for (let c = 0; c < nrhs; c++) {
      let s = X[r * nrhs + c];
      for (let j = r + 1; j < k; j++) s -= M[r * k + j] * X[j * nrhs + c];
      X[r * nrhs + c] = s / M[r * k + r];
    }
  }
  return X;
}

/** Inverse of a k×k matrix (row-major), or null if singular. */
export function invert(A: Float64Array, k: number): Float64Array | null {
  const I = new Float64Array(k * k);
  for (let i = 0; i < k; i++) I[i * k + i] = 1;
  return solve(A, I, k);
}

/**
 * Seeded PRNG: xoshiro128** (Blackman & Vigna 2018) on 32-bit words, state filled from the
 * seed with splitmix32. Same seed → same stream on every platform.
 */
export class Rng {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  constructor(seed: number) {
    let z = (seed >>> 0) ^ Math.floor(seed / 4294967296);
    const next = (): number => {
      z = (z + 0x9e3779b9) | 0;
      let t = z ^ (z >>> 16);
      t = Math.imul(t, 0x21f0aaad);
      t ^= t >>> 15;
      t = Math.imul(t, 0x735a2d97);
      return (t ^ (t >>> 15)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }
  /** Next uniformly distributed unsigned 32-bit integer. */
  nextU32(): number {
    const r = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return r;
  }
  /** Uniform double in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }
  /** Standard normal draw (Box–Muller), for simulations. */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
