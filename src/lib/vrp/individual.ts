// A solution of the genetic search: a giant tour cut into routes, with its penalised
// evaluation and the successor/predecessor arrays used by the broken-pairs distance.

import type { Params } from './params.ts';
import type { RouteStore } from './routes.ts';

export interface Proximity {
  d: number;
  ind: Individual;
}

export class Individual {
  /** customers in visiting order, routes one after another */
  readonly tour: Int32Array;
  /** route r is tour[bounds[r] .. bounds[r+1]) */
  bounds: Int32Array;
  nbRoutes = 0;
  readonly succ: Int32Array;
  readonly pred: Int32Array;
  distance = 0;
  excess = 0;
  warp = 0;
  penalized = 0;
  feasible = false;
  fitness = 0;
  prox: Proximity[] = [];

  constructor(n: number) {
    this.tour = new Int32Array(n - 1);
    this.bounds = new Int32Array(n);
    this.succ = new Int32Array(n);
    this.pred = new Int32Array(n);
  }

  /** Copies the solution (not the population bookkeeping) of another individual. */
  copyFrom(o: Individual): void {
    this.tour.set(o.tour);
    this.bounds.set(o.bounds);
    this.nbRoutes = o.nbRoutes;
    this.succ.set(o.succ);
    this.pred.set(o.pred);
    this.distance = o.distance;
    this.excess = o.excess;
    this.warp = o.warp;
    this.penalized = o.penalized;
    this.feasible = o.feasible;
  }

  /** Routes as arrays of customer indices. */
  routes(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.nbRoutes; r++)
      out.push(Array.from(this.tour.subarray(this.bounds[r], this.bounds[r + 1])));
    return out;
  }

  /** Recomputes distance, load excess, time warp and successor arrays from tour/bounds. */
  evaluate(p: Params, penCap: number, penTW: number): void {
    const n = p.n;
    const d = p.dist;
    let dist = 0;
    let excess = 0;
    let warp = 0;
    for (let r = 0; r < this.nbRoutes; r++) {
      let prev = 0;
      let load = 0;
      let t = p.ready[0];
      for (let k = this.bounds[r]; k < this.bounds[r + 1]; k++) {
        const c = this.tour[k];
        dist += d[prev * n + c];
        load += p.demand[c];
        this.pred[c] = prev;
        if (prev !== 0) this.succ[prev] = c;
        if (p.hasTW) {
          t += d[prev * n + c];
          if (t < p.ready[c]) t = p.ready[c];
          if (t > p.due[c]) {
            warp += t - p.due[c];
            t = p.due[c];
          }
          t += p.service[c];
        }
        prev = c;
      }
      dist += d[prev * n];
      if (prev !== 0) this.succ[prev] = 0;
      if (p.hasTW) {
        t += d[prev * n];
        if (t > p.due[0]) warp += t - p.due[0];
      }
      if (load > p.capacity) excess += load - p.capacity;
    }
    if (warp < 1e-7) warp = 0;
    this.distance = dist;
    this.excess = excess;
    this.warp = warp;
    this.penalized = dist + penCap * excess + penTW * warp;
    this.feasible = excess < 1e-9 && warp === 0 && this.nbRoutes <= p.inst.maxVehicles;
  }

  /** Reads the routes of a local search back, ordered by the polar angle of their barycentre. */
  fromRoutes(p: Params, rs: RouteStore, penCap: number, penTW: number): void {
    const keys: { r: number; a: number }[] = [];
    const x = p.inst.x;
    const y = p.inst.y;
    for (let r = 0; r < rs.slots; r++) {
      const L = rs.len[r];
      if (L === 0) continue;
      let a = r;
      if (x && y) {
        let sx = 0;
        let sy = 0;
        for (let q = 1; q <= L; q++) {
          const c = rs.node[r * rs.stride + q];
          sx += x[c] - x[0];
          sy += y[c] - y[0];
        }
        a = Math.atan2(sy / L, sx / L);
      }
      keys.push({ r, a });
    }
    keys.sort((s, t) => s.a - t.a || s.r - t.r);
    let k = 0;
    this.nbRoutes = keys.length;
    if (this.bounds.length < keys.length + 1) this.bounds = new Int32Array(keys.length + 1);
    keys.forEach(({ r }, i) => {
      this.bounds[i] = k;
      for (let q = 1; q <= rs.len[r]; q++) this.tour[k++] = rs.node[r * rs.stride + q];
    });
    this.bounds[keys.length] = k;
    this.evaluate(p, penCap, penTW);
  }
}

/** Broken-pairs distance: share of customers whose neighbours differ (HGS diversity metric). */
export function brokenPairs(a: Individual, b: Individual): number {
  let diff = 0;
  const n = a.succ.length;
  for (let j = 1; j < n; j++) {
    if (a.succ[j] !== b.succ[j] && a.succ[j] !== b.pred[j]) diff++;
    if (a.pred[j] === 0 && b.pred[j] !== 0 && b.succ[j] !== 0) diff++;
  }
  return diff / (n - 1);
}
