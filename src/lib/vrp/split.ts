// Split (Prins 2004; Vidal 2016 for the penalised variant): the optimal cut of a giant
// tour into routes, as a shortest path over tour positions. Routes may exceed capacity
// (penalised) up to 1.5×Q so that the search can cross infeasible space. With a finite
// fleet, a layered version bounds the number of routes.

import type { Individual } from './individual.ts';
import type { Params } from './params.ts';

export class Splitter {
  private readonly pot: Float64Array;
  private readonly pred: Int32Array;
  private potK: Float64Array | null = null;
  private predK: Int32Array | null = null;

  constructor(private readonly p: Params) {
    this.pot = new Float64Array(p.n);
    this.pred = new Int32Array(p.n);
  }

  /** Cost of the route made of tour[i..j) plus penalties; scanned incrementally in run(). */
  private scan(
    ind: Individual,
    i: number,
    penCap: number,
    penTW: number,
    visit: (j: number, cost: number) => void,
  ): void {
    const p = this.p;
    const n = p.n;
    const d = p.dist;
    const m = n - 1;
    let load = 0;
    let dist = 0;
    // Time-window segment (duration, time warp, earliest, latest) of depot + tour[i..j).
    let D = 0;
    let T = 0;
    let E = p.ready[0];
    let L = p.due[0];
    let last = 0;
    for (let j = i + 1; j <= m && load <= 1.5 * p.capacity; j++) {
      const c = ind.tour[j - 1];
      load += p.demand[c];
      dist += d[last * n + c];
      let warp = 0;
      if (p.hasTW) {
        const t = d[last * n + c];
        const delta = D - T + t;
        const dWT = Math.max(p.ready[c] - delta - L, 0);
        const dTW = Math.max(E + delta - p.due[c], 0);
        D += p.service[c] + t + dWT;
        T += dTW;
        E = Math.max(p.ready[c] - delta, E) - dWT;
        L = Math.min(p.due[c] - delta, L) + dTW;
        // Closing with the depot.
        const back = d[c * n];
        warp = T + Math.max(E + D - T + back - p.due[0], 0);
      }
      last = c;
      const excess = load - p.capacity;
      visit(j, dist + d[c * n] + (excess > 0 ? penCap * excess : 0) + penTW * warp);
    }
  }

  /** Cuts ind.tour into routes (fills bounds/nbRoutes) and evaluates the individual. */
  run(ind: Individual, penCap: number, penTW: number): void {
    const p = this.p;
    const m = p.n - 1;
    const pot = this.pot;
    const pred = this.pred;
    pot.fill(Infinity);
    pot[0] = 0;
    for (let i = 0; i < m; i++) {
      const base = pot[i];
      if (base === Infinity) continue;
      this.scan(ind, i, penCap, penTW, (j, cost) => {
        if (base + cost < pot[j]) {
          pot[j] = base + cost;
          pred[j] = i;
        }
      });
    }
    let routes = 0;
    for (let j = m; j > 0; j = pred[j]) routes++;
    const maxV = p.inst.maxVehicles;
    if (routes > maxV) {
      this.runLimited(ind, penCap, penTW, maxV);
    } else {
      ind.nbRoutes = routes;
      let r = routes;
      ind.bounds[r] = m;
      for (let j = m; j > 0; j = pred[j]) ind.bounds[--r] = pred[j];
    }
    ind.evaluate(p, penCap, penTW);
  }

  /** Layered split with at most K routes (Bellman over route counts). */
  private runLimited(ind: Individual, penCap: number, penTW: number, K: number): void {
    const m = this.p.n - 1;
    const w = m + 1;
    if (!this.potK || this.potK.length < (K + 1) * w) {
      this.potK = new Float64Array((K + 1) * w);
      this.predK = new Int32Array((K + 1) * w);
    }
    const pot = this.potK;
    const pred = this.predK!;
    pot.fill(Infinity);
    pot[0] = 0;
    for (let k = 0; k < K; k++) {
      for (let i = k; i < m; i++) {
        const base = pot[k * w + i];
        if (base === Infinity) continue;
        this.scan(ind, i, penCap, penTW, (j, cost) => {
          if (base + cost < pot[(k + 1) * w + j]) {
            pot[(k + 1) * w + j] = base + cost;
            pred[(k + 1) * w + j] = i;
          }
        });
      }
    }
    let bestK = -1;
    for (let k = 1; k <= K; k++)
      if (pot[k * w + m] < Infinity && (bestK < 0 || pot[k * w + m] < pot[bestK * w + m]))
        bestK = k;
    if (bestK < 0) {
      // Even 1.5×Q per route cannot hold everything: one overloaded route per block of
      // the tour keeps the individual well-formed and heavily penalised.
      const per = Math.ceil(m / K);
      ind.nbRoutes = Math.ceil(m / per);
      for (let r = 0; r <= ind.nbRoutes; r++) ind.bounds[r] = Math.min(m, r * per);
      return;
    }
    ind.nbRoutes = bestK;
    let j = m;
    ind.bounds[bestK] = m;
    for (let k = bestK; k > 0; k--) {
      j = pred[k * w + j];
      ind.bounds[k - 1] = j;
    }
  }
}
