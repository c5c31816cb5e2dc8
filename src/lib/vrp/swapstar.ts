// SWAP* (Vidal 2022): exchange u ∈ route A with v ∈ route B where each is reinserted at
// its best position of the other route, not necessarily in the other's place. The three
// best insertion positions of every customer into every route are cached and refreshed
// only when that route changes, which makes the O(|A|·|B|) pair scan cheap.
// Used for capacity-only instances with coordinates, as in HGS-CVRP.

import type { Params } from './params.ts';
import type { RouteStore } from './routes.ts';

/**
 * What SWAP* uses of the local search (localsearch.ts, which calls it): its routes, parameters,
 * scratch buffers, this cache and its move counter. Named here so the two files do not import
 * each other.
 */
export interface SwapStarHost {
  rs: RouteStore;
  readonly p: Params;
  readonly bufA: Int32Array;
  readonly bufB: Int32Array;
  cache: SwapStarCache;
  moves: number;
  /** Marks an applied move; returns its stamp. */
  bump(): number;
}

const EPS = 1e-5;

export class SwapStarCache {
  readonly cost: Float64Array;
  readonly loc: Int32Array;
  readonly when: Int32Array;
  readonly removal: Float64Array;
  readonly tested: Int32Array;
  readonly order: Int32Array;
  // Result of cheapest(): insertion cost and the node to insert after (0 = depot).
  bestCost = 0;
  bestLoc = 0;

  constructor(
    readonly n: number,
    readonly slots: number,
  ) {
    this.cost = new Float64Array(slots * n * 3);
    this.loc = new Int32Array(slots * n * 3);
    this.when = new Int32Array(slots * n).fill(-1);
    this.removal = new Float64Array(n);
    this.tested = new Int32Array(slots).fill(-1);
    this.order = new Int32Array(slots).map((_, k) => k);
  }
}

/** Runs SWAP* over all pairs of routes with overlapping polar sectors. */
export function swapStar(ls: SwapStarHost, loop: number): void {
  const rs = ls.rs;
  const c = ls.cache;
  for (let a = 0; a < rs.slots; a++) {
    const ru = c.order[a];
    const last = c.tested[ru];
    c.tested[ru] = ls.moves;
    if (rs.len[ru] === 0) continue;
    for (let b = 0; b < rs.slots; b++) {
      const rv = c.order[b];
      if (rs.len[rv] === 0 || ru >= rv) continue;
      if (loop > 0 && Math.max(rs.modified[ru], rs.modified[rv]) <= last) continue;
      if (rs.len[ru] === 0 || !rs.overlap(ru, rv)) continue;
      trySwapStar(ls, ru, rv);
    }
  }
}

/** Refreshes removal gains of r1's customers and their best insertions into r2. */
function preprocess(ls: SwapStarHost, r1: number, r2: number): void {
  const rs = ls.rs;
  const c = ls.cache;
  const n = rs.n;
  const d = ls.p.dist;
  const node = rs.node;
  const b1 = r1 * rs.stride;
  const b2 = r2 * rs.stride;
  const l2 = rs.len[r2];
  for (let q = 1; q <= rs.len[r1]; q++) {
    const u = node[b1 + q];
    const prev = node[b1 + q - 1];
    const next = node[b1 + q + 1];
    c.removal[u] = d[prev * n + next] - d[prev * n + u] - d[u * n + next];
    const w = r2 * n + u;
    if (rs.modified[r2] <= c.when[w]) continue;
    c.when[w] = ls.moves;
    const k = 3 * w;
    let c0 = d[u] + d[u * n + node[b2 + 1]] - d[node[b2 + 1]];
    let c1 = Infinity;
    let c2 = Infinity;
    let l0 = 0;
    let l1 = -1;
    let l2b = -1;
    for (let p = 1; p <= l2; p++) {
      const v = node[b2 + p];
      const y = node[b2 + p + 1];
      const cost = d[v * n + u] + d[u * n + y] - d[v * n + y];
      if (cost >= c2) continue;
      if (cost >= c1) {
        c2 = cost;
        l2b = v;
      } else if (cost >= c0) {
        c2 = c1;
        l2b = l1;
        c1 = cost;
        l1 = v;
      } else {
        c2 = c1;
        l2b = l1;
        c1 = c0;
        l1 = l0;
        c0 = cost;
        l0 = v;
      }
    }
    c.cost[k] = c0;
    c.cost[k + 1] = c1;
    c.cost[k + 2] = c2;
    c.loc[k] = l0;
    c.loc[k + 1] = l1;
    c.loc[k + 2] = l2b;
  }
}

/** Best cost of inserting u into v's route while v is removed from it. */
function cheapest(ls: SwapStarHost, u: number, v: number, rv: number): void {
  const rs = ls.rs;
  const c = ls.cache;
  const n = rs.n;
  const d = ls.p.dist;
  const node = rs.node;
  const base = rv * rs.stride;
  const k = 3 * (rv * n + u);
  let found = false;
  let bestLoc = 0;
  let bestCost = Infinity;
  for (let t = 0; t < 3 && !found; t++) {
    const loc = c.loc[k + t];
    if (loc < 0) break;
    bestLoc = loc;
    bestCost = c.cost[k + t];
    found =
      t === 2 || (loc !== v && (loc === 0 ? node[base + 1] : node[base + rs.posOf[loc] + 1]) !== v);
  }
  const pv = rs.posOf[v];
  const prev = node[base + pv - 1];
  const next = node[base + pv + 1];
  const inPlace = d[prev * n + u] + d[u * n + next] - d[prev * n + next];
  if (!found || inPlace < bestCost) {
    bestLoc = prev;
    bestCost = inPlace;
  }
  c.bestCost = bestCost;
  c.bestLoc = bestLoc;
}

function trySwapStar(ls: SwapStarHost, ru: number, rv: number): boolean {
  const rs = ls.rs;
  const c = ls.cache;
  const p = ls.p;
  const n = rs.n;
  const node = rs.node;
  const bu = ru * rs.stride;
  const bv = rv * rs.stride;
  preprocess(ls, ru, rv);
  preprocess(ls, rv, ru);
  const loadU = rs.load[ru];
  const loadV = rs.load[rv];
  const penU = rs.penalty[ru];
  const penV = rs.penalty[rv];
  let best = Infinity;
  let bestU = -1;
  let bestV = -1;
  let locU = 0; // where u goes in route V
  let locV = 0; // where v goes in route U
  for (let a = 1; a <= rs.len[ru]; a++) {
    const u = node[bu + a];
    const qu = p.demand[u];
    for (let b = 1; b <= rs.len[rv]; b++) {
      const v = node[bv + b];
      const qv = p.demand[v];
      const dPen = rs.penLoad(loadU + qv - qu) - penU + rs.penLoad(loadV + qu - qv) - penV;
      const pre = dPen + c.removal[u] + c.removal[v];
      if (pre > 0) continue;
      cheapest(ls, u, v, rv);
      const extraV = c.bestCost;
      const lU = c.bestLoc;
      cheapest(ls, v, u, ru);
      const cost = pre + extraV + c.bestCost;
      if (cost < best) {
        best = cost;
        bestU = u;
        bestV = v;
        locU = lU;
        locV = c.bestLoc;
      }
    }
  }
  // Plain relocations come for free from the same cache and may catch moves the
  // granular neighbourhood misses.
  for (let a = 1; a <= rs.len[ru]; a++) {
    const u = node[bu + a];
    const k = 3 * (rv * n + u);
    const cost =
      c.removal[u] +
      c.cost[k] +
      rs.penLoad(loadU - p.demand[u]) -
      penU +
      rs.penLoad(loadV + p.demand[u]) -
      penV;
    if (cost < best) {
      best = cost;
      bestU = u;
      bestV = -1;
      locU = c.loc[k];
    }
  }
  for (let b = 1; b <= rs.len[rv]; b++) {
    const v = node[bv + b];
    const k = 3 * (ru * n + v);
    const cost =
      c.removal[v] +
      c.cost[k] +
      rs.penLoad(loadV - p.demand[v]) -
      penV +
      rs.penLoad(loadU + p.demand[v]) -
      penU;
    if (cost < best) {
      best = cost;
      bestU = -1;
      bestV = v;
      locV = c.loc[k];
    }
  }
  if (best > -EPS) return false;
  const lenA = rebuild(ls, ru, bestU, bestV, locV, ls.bufA);
  const lenB = rebuild(ls, rv, bestV, bestU, locU, ls.bufB);
  const stamp = ls.bump();
  rs.setRoute(ru, ls.bufA, lenA, stamp);
  rs.setRoute(rv, ls.bufB, lenB, stamp);
  return true;
}

/** Copies route r into buf without `out` and with `inn` inserted after node `at` (0 = depot). */
function rebuild(
  ls: SwapStarHost,
  r: number,
  out: number,
  inn: number,
  at: number,
  buf: Int32Array,
): number {
  const rs = ls.rs;
  const base = r * rs.stride;
  let k = 0;
  if (inn >= 0 && at === 0) buf[k++] = inn;
  for (let q = 1; q <= rs.len[r]; q++) {
    const c = rs.node[base + q];
    if (c !== out) buf[k++] = c;
    if (inn >= 0 && c === at) buf[k++] = inn;
  }
  return k;
}
