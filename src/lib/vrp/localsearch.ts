// Granular local search of HGS-CVRP (Vidal 2022): relocate, swap, 2-opt and 2-opt* moves
// between each customer and its correlated neighbours, first improvement, plus SWAP*
// (in swapstar.ts) between routes whose polar sectors overlap. Distance deltas are written
// out by hand (the cheap filter); time warp is evaluated only for moves that survive it, by
// concatenating the new route out of "pieces" of the current routes (pieces.ts).

import type { Params } from './params.ts';
import type { Rng } from './rng.ts';
import { RouteStore } from './routes.ts';
import { swapStar, SwapStarCache } from './swapstar.ts';
import { Pieces } from './pieces.ts';

const EPS = 1e-5;
export class LocalSearch {
  rs: RouteStore;
  readonly p: Params;
  readonly order: Int32Array;
  readonly tested: Int32Array;
  readonly bufA: Int32Array;
  readonly bufB: Int32Array;
  // The candidate route(s) of the move being tried, as pieces of the current routes.
  private readonly pieces = new Pieces();
  moves = 0;
  improved = false;
  cache: SwapStarCache;
  // Current pair (set by setUV): positions, routes and neighbouring nodes.
  private ru = 0;
  private rv = 0;
  private pu = 0;
  private pv = 0;
  private iu = 0;
  private iv = 0;
  private u = 0;
  private v = 0;
  private x = 0;
  private y = 0;
  private uPrev = 0;
  private vPrev = 0;
  private xNext = 0;
  private yNext = 0;
  private intra = false;

  constructor(
    p: Params,
    private readonly rng: Rng,
    slots: number,
  ) {
    this.p = p;
    this.rs = new RouteStore(p, slots);
    this.order = new Int32Array(p.n - 1).map((_, k) => k + 1);
    this.tested = new Int32Array(p.n);
    this.bufA = new Int32Array(p.n);
    this.bufB = new Int32Array(p.n);
    this.cache = new SwapStarCache(p.n, slots);
  }

  /** Loads routes (flat customer list + route starts) into the store, growing it if needed. */
  load(
    tour: Int32Array,
    bounds: Int32Array,
    nbRoutes: number,
    penCap: number,
    penTW: number,
  ): void {
    if (nbRoutes + 1 > this.rs.slots) {
      this.rs = new RouteStore(this.p, Math.min(this.p.n, 2 * nbRoutes + 2));
      this.cache = new SwapStarCache(this.p.n, this.rs.slots);
    }
    const rs = this.rs;
    rs.penCap = penCap;
    rs.penTW = penTW;
    this.moves++;
    for (let r = 0; r < rs.slots; r++) {
      const from = r < nbRoutes ? bounds[r] : 0;
      const count = r < nbRoutes ? bounds[r + 1] - bounds[r] : 0;
      rs.setRoute(r, tour.subarray(from, from + count), count, this.moves);
    }
    this.tested.fill(this.moves - 1);
  }

  /** Runs the local search to a local optimum under the current penalties. */
  run(): void {
    const p = this.p;
    const rs = this.rs;
    this.rng.shuffle(this.order);
    // Reshuffle a few neighbour lists so that ties are explored in varying order.
    for (let i = 1; i < p.n; i++)
      if (this.rng.int(20) === 0) this.rng.shuffle(p.nbList, p.nbStart[i], p.nbStart[i + 1]);
    const useSwapStar = p.polar !== null && !p.hasTW;
    this.improved = true;
    for (let loop = 0; this.improved; loop++) {
      this.improved = false;
      for (let k = 0; k < this.order.length; k++) {
        const u = this.order[k];
        const lastTest = this.tested[u];
        this.tested[u] = this.moves;
        for (let q = p.nbStart[u], qe = p.nbStart[u + 1]; q < qe; q++) {
          const v = p.nbList[q];
          if (
            loop > 0 &&
            Math.max(rs.modified[rs.routeOf[u]], rs.modified[rs.routeOf[v]]) <= lastTest
          )
            continue;
          this.setUV(u, rs.routeOf[v], rs.posOf[v]);
          if (this.relocate1() || this.relocate2(false) || this.relocate2(true)) continue;
          if (u <= v && this.swap11()) continue;
          if (this.swap21()) continue;
          if (u <= v && this.swap22()) continue;
          if (this.intra ? this.twoOpt() : this.twoOptStar1() || this.twoOptStar2()) continue;
          // Also try inserting u right after the depot of v's route.
          if (rs.posOf[v] === 1) {
            this.setUV(u, rs.routeOf[v], 0);
            if (this.relocate1() || this.relocate2(false) || this.relocate2(true)) continue;
            if (!this.intra && (this.twoOptStar1() || this.twoOptStar2())) continue;
          }
        }
        // Moves into an empty route are skipped in the first loop to avoid growing the fleet.
        if (loop > 0) {
          let empty = -1;
          for (let r = 0; r < rs.slots; r++) {
            if (rs.len[r] === 0) {
              empty = r;
              break;
            }
          }
          if (empty >= 0) {
            this.setUV(u, empty, 0);
            if (this.relocate1() || this.relocate2(false) || this.relocate2(true)) continue;
            this.twoOptStar2();
          }
        }
      }
      if (useSwapStar) swapStar(this, loop);
    }
  }

  /** Marks an applied move. */
  bump(): number {
    this.improved = true;
    return ++this.moves;
  }

  private setUV(u: number, rv: number, pv: number): void {
    const rs = this.rs;
    const node = rs.node;
    this.u = u;
    this.ru = rs.routeOf[u];
    this.pu = rs.posOf[u];
    this.iu = this.ru * rs.stride + this.pu;
    this.x = node[this.iu + 1];
    this.uPrev = node[this.iu - 1];
    this.xNext = this.x !== 0 ? node[this.iu + 2] : 0;
    this.rv = rv;
    this.pv = pv;
    this.iv = rv * rs.stride + pv;
    this.v = node[this.iv];
    this.y = node[this.iv + 1];
    this.vPrev = pv > 0 ? node[this.iv - 1] : 0;
    this.yNext = this.y !== 0 ? node[this.iv + 2] : 0;
    this.intra = this.ru === rv;
  }

  private d(a: number, b: number): number {
    return this.p.dist[a * this.p.n + b];
  }

  /**
   * Finishes a move whose pieces are built: `bound` is the cost change without the new
   * routes' time warp. Evaluates the warp when needed and applies the move if it improves.
   */
  private finish(bound: number): boolean {
    if (bound > -EPS) return false;
    const rs = this.rs;
    const pc = this.pieces;
    if (this.p.hasTW) {
      let w = pc.warpOf(0, this.intra ? pc.np : pc.splitAt);
      if (!this.intra) w += pc.warpOf(pc.splitAt, pc.np);
      if (bound + rs.penTW * w > -EPS) return false;
    }
    const stamp = this.bump();
    if (this.intra) {
      const c = pc.collect(0, pc.np, this.bufA);
      rs.setRoute(this.ru, this.bufA, c, stamp);
    } else {
      const a = pc.collect(0, pc.splitAt, this.bufA);
      const b = pc.collect(pc.splitAt, pc.np, this.bufB);
      rs.setRoute(this.ru, this.bufA, a, stamp);
      rs.setRoute(this.rv, this.bufB, b, stamp);
    }
    return true;
  }

  /** Lower bound of a move's cost change from its distance delta and new loads. */
  private bound(delta: number, loadU: number, loadV: number): number {
    const rs = this.rs;
    if (this.intra) return this.p.hasTW ? delta - rs.penTW * rs.warp[this.ru] : delta;
    const old = rs.penalty[this.ru] + rs.penalty[this.rv];
    if (delta >= old) return Infinity;
    return delta + rs.penLoad(loadU) + rs.penLoad(loadV) - old;
  }

  // ---- moves (numbering of HGS-CVRP in comments) ------------------------------------
  /** Move 1: relocate u after v. */
  private relocate1(): boolean {
    const { u, x, y, v, uPrev, ru, rv, pu, pv } = this;
    if (u === y) return false;
    const delta =
      this.d(uPrev, x) -
      this.d(uPrev, u) -
      this.d(u, x) +
      this.d(v, u) +
      this.d(u, y) -
      this.d(v, y);
    const q = this.p.demand[u];
    const b = this.bound(delta, this.rs.load[ru] - q, this.rs.load[rv] + q);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    if (!this.intra) {
      pc.P(ru, pu - 1), pc.S(ru, pu + 1), pc.nextRoute();
      pc.P(rv, pv), pc.N(u), pc.S(rv, pv + 1);
    } else if (pu < pv) pc.P(ru, pu - 1), pc.F(ru, pu + 1, pv), pc.N(u), pc.S(ru, pv + 1);
    else pc.P(ru, pv), pc.N(u), pc.F(ru, pv + 1, pu - 1), pc.S(ru, pu + 1);
    return this.finish(b);
  }

  /** Moves 2 and 3: relocate (u,x) after v, as (u,x) or reversed as (x,u). */
  private relocate2(reversed: boolean): boolean {
    const { u, x, y, v, uPrev, xNext, ru, rv, pu, pv } = this;
    if (u === y || v === x || x === 0) return false;
    let delta = this.d(uPrev, xNext) - this.d(uPrev, u) - this.d(x, xNext) - this.d(v, y);
    delta += reversed
      ? this.d(v, x) + this.d(x, u) + this.d(u, y) - this.d(u, x)
      : this.d(v, u) + this.d(x, y);
    const q = this.p.demand[u] + this.p.demand[x];
    const b = this.bound(delta, this.rs.load[ru] - q, this.rs.load[rv] + q);
    if (b > -EPS) return false;
    const first = reversed ? x : u;
    const second = reversed ? u : x;
    const pc = this.pieces.start(this.rs);
    if (!this.intra) {
      pc.P(ru, pu - 1), pc.S(ru, pu + 2), pc.nextRoute();
      pc.P(rv, pv), pc.N(first), pc.N(second), pc.S(rv, pv + 1);
    } else if (pu < pv)
      pc.P(ru, pu - 1), pc.F(ru, pu + 2, pv), pc.N(first), pc.N(second), pc.S(ru, pv + 1);
    else pc.P(ru, pv), pc.N(first), pc.N(second), pc.F(ru, pv + 1, pu - 1), pc.S(ru, pu + 2);
    return this.finish(b);
  }

  /** Move 4: swap u and v. */
  private swap11(): boolean {
    const { u, x, y, v, uPrev, vPrev, ru, rv, pu, pv } = this;
    if (v === 0 || u === vPrev || u === y) return false;
    const delta =
      this.d(uPrev, v) +
      this.d(v, x) -
      this.d(uPrev, u) -
      this.d(u, x) +
      this.d(vPrev, u) +
      this.d(u, y) -
      this.d(vPrev, v) -
      this.d(v, y);
    const dq = this.p.demand[v] - this.p.demand[u];
    const b = this.bound(delta, this.rs.load[ru] + dq, this.rs.load[rv] - dq);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    if (!this.intra) {
      pc.P(ru, pu - 1), pc.N(v), pc.S(ru, pu + 1), pc.nextRoute();
      pc.P(rv, pv - 1), pc.N(u), pc.S(rv, pv + 1);
    } else if (pu < pv)
      pc.P(ru, pu - 1), pc.N(v), pc.F(ru, pu + 1, pv - 1), pc.N(u), pc.S(ru, pv + 1);
    else pc.P(ru, pv - 1), pc.N(u), pc.F(ru, pv + 1, pu - 1), pc.N(v), pc.S(ru, pu + 1);
    return this.finish(b);
  }

  /** Move 5: swap (u,x) with v. */
  private swap21(): boolean {
    const { u, x, y, v, uPrev, vPrev, xNext, ru, rv, pu, pv } = this;
    if (v === 0 || x === 0 || u === vPrev || x === vPrev || u === y) return false;
    const delta =
      this.d(uPrev, v) +
      this.d(v, xNext) -
      this.d(uPrev, u) -
      this.d(x, xNext) +
      this.d(vPrev, u) +
      this.d(x, y) -
      this.d(vPrev, v) -
      this.d(v, y);
    const dq = this.p.demand[v] - this.p.demand[u] - this.p.demand[x];
    const b = this.bound(delta, this.rs.load[ru] + dq, this.rs.load[rv] - dq);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    if (!this.intra) {
      pc.P(ru, pu - 1), pc.N(v), pc.S(ru, pu + 2), pc.nextRoute();
      pc.P(rv, pv - 1), pc.N(u), pc.N(x), pc.S(rv, pv + 1);
    } else if (pu < pv)
      pc.P(ru, pu - 1), pc.N(v), pc.F(ru, pu + 2, pv - 1), pc.N(u), pc.N(x), pc.S(ru, pv + 1);
    else pc.P(ru, pv - 1), pc.N(u), pc.N(x), pc.F(ru, pv + 1, pu - 1), pc.N(v), pc.S(ru, pu + 2);
    return this.finish(b);
  }

  /** Move 6: swap (u,x) with (v,y). */
  private swap22(): boolean {
    const { u, x, y, v, uPrev, vPrev, xNext, yNext, ru, rv, pu, pv } = this;
    if (v === 0 || x === 0 || y === 0 || y === uPrev || u === y || x === v || v === xNext)
      return false;
    const delta =
      this.d(uPrev, v) +
      this.d(y, xNext) -
      this.d(uPrev, u) -
      this.d(x, xNext) +
      this.d(vPrev, u) +
      this.d(x, yNext) -
      this.d(vPrev, v) -
      this.d(y, yNext);
    const dq = this.p.demand[v] + this.p.demand[y] - this.p.demand[u] - this.p.demand[x];
    const b = this.bound(delta, this.rs.load[ru] + dq, this.rs.load[rv] - dq);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    if (!this.intra) {
      pc.P(ru, pu - 1), pc.N(v), pc.N(y), pc.S(ru, pu + 2), pc.nextRoute();
      pc.P(rv, pv - 1), pc.N(u), pc.N(x), pc.S(rv, pv + 2);
    } else if (pu < pv)
      pc.P(ru, pu - 1),
        pc.N(v),
        pc.N(y),
        pc.F(ru, pu + 2, pv - 1),
        pc.N(u),
        pc.N(x),
        pc.S(ru, pv + 2);
    else
      pc.P(ru, pv - 1),
        pc.N(u),
        pc.N(x),
        pc.F(ru, pv + 2, pu - 1),
        pc.N(v),
        pc.N(y),
        pc.S(ru, pu + 2);
    return this.finish(b);
  }

  /** Move 7: intra-route 2-opt, reversing x..v. */
  private twoOpt(): boolean {
    const { u, x, y, v, ru, pu, pv } = this;
    if (pu > pv || x === v) return false;
    const rs = this.rs;
    const base = ru * rs.stride;
    const delta =
      this.d(u, v) +
      this.d(x, y) -
      this.d(u, x) -
      this.d(v, y) +
      rs.cRev[base + pv] -
      rs.cRev[base + pu + 1];
    const b = this.bound(delta, 0, 0);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    pc.P(ru, pu), pc.B(ru, pu + 1, pv), pc.S(ru, pv + 1);
    return this.finish(b);
  }

  /** Move 8: 2-opt* joining u→v and x→y, reversing both route parts. */
  private twoOptStar1(): boolean {
    const { u, x, y, v, ru, rv, pu, pv } = this;
    const rs = this.rs;
    const bu = ru * rs.stride;
    const bv = rv * rs.stride;
    const endU = bu + rs.len[ru] + 1;
    const delta =
      this.d(u, v) +
      this.d(x, y) -
      this.d(u, x) -
      this.d(v, y) +
      rs.cRev[bv + pv] +
      rs.cRev[endU] -
      rs.cRev[bu + pu + 1];
    const lu = rs.cLoad[bu + pu];
    const lv = rs.cLoad[bv + pv];
    const b = this.bound(delta, lu + lv, rs.load[ru] + rs.load[rv] - lu - lv);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    pc.P(ru, pu), pc.B(rv, 1, pv), pc.S(ru, rs.len[ru] + 1), pc.nextRoute();
    pc.P(rv, 0), pc.B(ru, pu + 1, rs.len[ru]), pc.S(rv, pv + 1);
    return this.finish(b);
  }

  /** Move 9: 2-opt* exchanging the tails after u and after v. */
  private twoOptStar2(): boolean {
    const { u, x, y, v, ru, rv, pu, pv } = this;
    const rs = this.rs;
    const delta = this.d(u, y) + this.d(v, x) - this.d(u, x) - this.d(v, y);
    const lu = rs.cLoad[ru * rs.stride + pu];
    const lv = rs.cLoad[rv * rs.stride + pv];
    const b = this.bound(delta, lu + rs.load[rv] - lv, lv + rs.load[ru] - lu);
    if (b > -EPS) return false;
    const pc = this.pieces.start(this.rs);
    pc.P(ru, pu), pc.S(rv, pv + 1), pc.nextRoute();
    pc.P(rv, pv), pc.S(ru, pu + 1);
    return this.finish(b);
  }
}
