// Precomputed per-instance data shared by the split, local search and population:
// granular neighbour lists (HGS "correlated vertices") and polar angles for SWAP* sectors.

import type { VrpInstance } from './instance.ts';

/** Solver-side view of an instance plus derived data. */
export interface Params {
  inst: VrpInstance;
  n: number;
  dist: Float64Array;
  demand: Float64Array;
  capacity: number;
  hasTW: boolean;
  ready: Float64Array;
  due: Float64Array;
  service: Float64Array;
  /** neighbours of node i are nbList[nbStart[i] .. nbStart[i+1]) */
  nbStart: Int32Array;
  nbList: Int32Array;
  /** polar angle of each customer around the depot in 0..65535, or null without coordinates */
  polar: Int32Array | null;
  totalDemand: number;
  maxDist: number;
  maxDemand: number;
  symmetric: boolean;
}

/** Builds the solver parameters; `granular` is the neighbour count per customer. */
export function makeParams(inst: VrpInstance, granular = 20): Params {
  const n = inst.size;
  const d = inst.dist;
  const hasTW = inst.tw !== null;
  const ready = inst.tw ? inst.tw.ready : new Float64Array(n);
  const due = inst.tw ? inst.tw.due : new Float64Array(n).fill(Infinity);
  const service = inst.tw ? inst.tw.service : new Float64Array(n);
  let maxDist = 0;
  let symmetric = true;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (d[i * n + j] > maxDist) maxDist = d[i * n + j];
      if (d[i * n + j] !== d[j * n + i]) symmetric = false;
    }
  }
  let totalDemand = 0;
  let maxDemand = 0;
  for (let i = 1; i < n; i++) {
    totalDemand += inst.demand[i];
    if (inst.demand[i] > maxDemand) maxDemand = inst.demand[i];
  }
  // Correlation measure: distance, plus (with time windows) the waiting and lateness a
  // direct i→j visit would imply, as in Vidal et al.'s HGS for VRPTW.
  const g = Math.min(granular, n - 2);
  const sets: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const order = new Int32Array(n - 2);
  const key = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    let k = 0;
    for (let j = 1; j < n; j++) {
      if (j === i) continue;
      order[k++] = j;
      let v = d[i * n + j];
      if (hasTW) {
        const wait = ready[j] - service[i] - d[i * n + j] - due[i];
        const late = ready[i] + service[i] + d[i * n + j] - due[j];
        v += 0.2 * Math.max(0, wait) + Math.max(0, late);
      }
      key[j] = v;
    }
    const sorted = Array.from(order).sort((a, b) => key[a] - key[b] || a - b);
    for (let k2 = 0; k2 < g; k2++) {
      sets[i].add(sorted[k2]);
      sets[sorted[k2]].add(i);
    }
  }
  const nbStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) nbStart[i + 1] = nbStart[i] + sets[i].size;
  const nbList = new Int32Array(nbStart[n]);
  for (let i = 0; i < n; i++)
    nbList.set(
      Array.from(sets[i]).sort((a, b) => a - b),
      nbStart[i],
    );
  let polar: Int32Array | null = null;
  if (inst.x && inst.y) {
    polar = new Int32Array(n);
    for (let i = 1; i < n; i++) {
      const a = Math.atan2(inst.y[i] - inst.y[0], inst.x[i] - inst.x[0]);
      polar[i] = (((Math.round((32768 * a) / Math.PI) % 65536) + 65536) % 65536) | 0;
    }
  }
  return {
    inst,
    n,
    dist: d,
    demand: inst.demand,
    capacity: inst.capacity,
    hasTW,
    ready,
    due,
    service,
    nbStart,
    nbList,
    polar,
    totalDemand,
    maxDist,
    maxDemand,
    symmetric,
  };
}
