// Route storage for the local search: every route is a slice of one Int32Array with the
// depot at both ends, and every position carries prefix/suffix data so that the cost,
// load and time warp of "prefix + a few nodes + suffix" are evaluated in O(1).
// Time-window data uses Vidal et al.'s (2013) concatenation of (duration, time warp,
// earliest start, latest start) segments.

import type { Params } from './params.ts';

export class RouteStore {
  readonly n: number;
  /** positions per route slot: depot, up to n-1 customers, depot */
  readonly stride: number;
  readonly slots: number;
  readonly node: Int32Array;
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  // per position (slot*stride + p)
  readonly cDist: Float64Array;
  readonly cLoad: Float64Array;
  readonly cRev: Float64Array;
  readonly pD: Float64Array;
  readonly pT: Float64Array;
  readonly pE: Float64Array;
  readonly pL: Float64Array;
  readonly sD: Float64Array;
  readonly sT: Float64Array;
  readonly sE: Float64Array;
  readonly sL: Float64Array;
  // per route
  readonly load: Float64Array;
  readonly distance: Float64Array;
  readonly warp: Float64Array;
  readonly penalty: Float64Array;
  readonly modified: Int32Array;
  readonly secStart: Int32Array;
  readonly secEnd: Int32Array;

  // Scratch result of the last segment merge (kept as fields to avoid allocation).
  segD = 0;
  segT = 0;
  segE = 0;
  segL = 0;
  segLast = 0;

  penCap = 1;
  penTW = 1;

  constructor(
    readonly p: Params,
    slots: number,
  ) {
    const n = p.n;
    this.n = n;
    this.slots = slots;
    this.stride = n + 1;
    const size = slots * this.stride;
    this.node = new Int32Array(size);
    this.len = new Int32Array(slots);
    this.routeOf = new Int32Array(n);
    this.posOf = new Int32Array(n);
    this.cDist = new Float64Array(size);
    this.cLoad = new Float64Array(size);
    this.cRev = new Float64Array(size);
    const tw = p.hasTW ? size : 0;
    this.pD = new Float64Array(tw);
    this.pT = new Float64Array(tw);
    this.pE = new Float64Array(tw);
    this.pL = new Float64Array(tw);
    this.sD = new Float64Array(tw);
    this.sT = new Float64Array(tw);
    this.sE = new Float64Array(tw);
    this.sL = new Float64Array(tw);
    this.load = new Float64Array(slots);
    this.distance = new Float64Array(slots);
    this.warp = new Float64Array(slots);
    this.penalty = new Float64Array(slots);
    this.modified = new Int32Array(slots);
    this.secStart = new Int32Array(slots);
    this.secEnd = new Int32Array(slots);
  }

  /** Penalty of a load above capacity. */
  penLoad(l: number): number {
    const e = l - this.p.capacity;
    return e > 0 ? e * this.penCap : 0;
  }

  /** Appends segment (D2,T2,E2,L2) starting at node `first` to the scratch segment. */
  merge(D2: number, T2: number, E2: number, L2: number, first: number, last: number): void {
    const t = this.p.dist[this.segLast * this.n + first];
    const delta = this.segD - this.segT + t;
    const wt = E2 - delta - this.segL;
    const dWT = wt > 0 ? wt : 0;
    const tw = this.segE + delta - L2;
    const dTW = tw > 0 ? tw : 0;
    this.segD = this.segD + D2 + t + dWT;
    this.segT = this.segT + T2 + dTW;
    const e = E2 - delta;
    this.segE = (e > this.segE ? e : this.segE) - dWT;
    const l = L2 - delta;
    this.segL = (l < this.segL ? l : this.segL) + dTW;
    this.segLast = last;
  }

  /** Appends a single node to the scratch segment. */
  mergeNode(c: number): void {
    const p = this.p;
    this.merge(p.service[c], 0, p.ready[c], p.due[c], c, c);
  }

  /** Starts the scratch segment from the prefix ending at position i (global index). */
  startPrefix(i: number): void {
    this.segD = this.pD[i];
    this.segT = this.pT[i];
    this.segE = this.pE[i];
    this.segL = this.pL[i];
    this.segLast = this.node[i];
  }

  /** Closes the scratch segment with the suffix starting at position i; returns the time warp. */
  endSuffix(i: number): number {
    this.merge(this.sD[i], this.sT[i], this.sE[i], this.sL[i], this.node[i], 0);
    return this.segT;
  }

  /** Writes customers buf[0..count) into route r and recomputes all its data. */
  setRoute(r: number, buf: Int32Array, count: number, stamp: number): void {
    const base = r * this.stride;
    this.node[base] = 0;
    for (let k = 0; k < count; k++) this.node[base + 1 + k] = buf[k];
    this.node[base + count + 1] = 0;
    this.len[r] = count;
    this.update(r, stamp);
  }

  /** Recomputes prefix/suffix data, totals and the polar sector of route r. */
  update(r: number, stamp: number): void {
    const p = this.p;
    const n = this.n;
    const d = p.dist;
    const base = r * this.stride;
    const L = this.len[r];
    const node = this.node;
    this.cDist[base] = 0;
    this.cLoad[base] = 0;
    this.cRev[base] = 0;
    let prev = 0;
    for (let q = 1; q <= L + 1; q++) {
      const i = base + q;
      const c = node[i];
      this.cDist[i] = this.cDist[i - 1] + d[prev * n + c];
      this.cLoad[i] = this.cLoad[i - 1] + p.demand[c];
      this.cRev[i] = this.cRev[i - 1] + d[c * n + prev] - d[prev * n + c];
      if (q <= L) {
        this.routeOf[c] = r;
        this.posOf[c] = q;
      }
      prev = c;
    }
    const end = base + L + 1;
    this.load[r] = this.cLoad[end];
    this.distance[r] = this.cDist[end];
    let warp = 0;
    if (p.hasTW) {
      this.pD[base] = 0;
      this.pT[base] = 0;
      this.pE[base] = p.ready[0];
      this.pL[base] = p.due[0];
      this.segD = 0;
      this.segT = 0;
      this.segE = p.ready[0];
      this.segL = p.due[0];
      this.segLast = 0;
      for (let q = 1; q <= L + 1; q++) {
        const i = base + q;
        this.mergeNode(node[i]);
        this.pD[i] = this.segD;
        this.pT[i] = this.segT;
        this.pE[i] = this.segE;
        this.pL[i] = this.segL;
      }
      warp = this.segT;
      // Suffixes are built backwards: node ⊕ (suffix of the next position).
      this.sD[end] = 0;
      this.sT[end] = 0;
      this.sE[end] = p.ready[0];
      this.sL[end] = p.due[0];
      for (let q = L; q >= 0; q--) {
        const i = base + q;
        const c = node[i];
        this.segD = p.service[c];
        this.segT = 0;
        this.segE = p.ready[c];
        this.segL = p.due[c];
        this.segLast = c;
        this.merge(this.sD[i + 1], this.sT[i + 1], this.sE[i + 1], this.sL[i + 1], node[i + 1], 0);
        this.sD[i] = this.segD;
        this.sT[i] = this.segT;
        this.sE[i] = this.segE;
        this.sL[i] = this.segL;
      }
      // Float noise from one-decimal travel times must not count as lateness.
      if (warp < 1e-7) warp = 0;
    }
    this.warp[r] = warp;
    this.penalty[r] = this.penLoad(this.load[r]) + this.penTW * warp;
    this.modified[r] = stamp;
    if (p.polar && L > 0) {
      let s = p.polar[node[base + 1]];
      let e = s;
      for (let q = 2; q <= L; q++) {
        const a = p.polar[node[base + q]];
        if (((a - s + 65536) & 65535) > ((e - s + 65536) & 65535)) {
          // Extend the sector on the side that makes it grow the least.
          if (((a - e + 65536) & 65535) <= ((s - a + 65536) & 65535)) e = a;
          else s = a;
        }
      }
      this.secStart[r] = s;
      this.secEnd[r] = e;
    }
  }

  /** True when the polar sectors of two routes overlap (HGS CircleSector::overlap). */
  overlap(r1: number, r2: number): boolean {
    const s1 = this.secStart[r1];
    const e1 = this.secEnd[r1];
    const s2 = this.secStart[r2];
    const e2 = this.secEnd[r2];
    return (
      ((s2 - s1 + 65536) & 65535) <= ((e1 - s1 + 65536) & 65535) ||
      ((s1 - s2 + 65536) & 65535) <= ((e2 - s2 + 65536) & 65535)
    );
  }
}
