// A candidate route written as pieces of the current routes (prefix, suffix, a single node, a
// forward or backward stretch), so a move's new routes are evaluated for time warp and then
// written out without being copied first. Route U uses pieces [0, splitAt), route V the rest.
import type { RouteStore } from './routes.ts';

const PREFIX = 0;
const SUFFIX = 1;
const NODE = 2;
const FWD = 3;
const BWD = 4;

export class Pieces {
  /** kind, route, a, b per piece */
  private readonly pc = new Int32Array(4 * 16);
  np = 0;
  splitAt = 0;
  private rs!: RouteStore;

  /** Starts a new candidate over the routes of `rs`. */
  start(rs: RouteStore): this {
    this.rs = rs;
    this.np = 0;
    this.splitAt = 0;
    return this;
  }

  private push(kind: number, r: number, a: number, b: number): void {
    if ((kind === FWD || kind === BWD) && a > b) return;
    const k = 4 * this.np++;
    this.pc[k] = kind;
    this.pc[k + 1] = r;
    this.pc[k + 2] = a;
    this.pc[k + 3] = b;
  }
  /** Route r from the depot up to position p. */
  P(r: number, p: number): void {
    this.push(PREFIX, r, p, 0);
  }
  /** Route r from position p to the depot. */
  S(r: number, p: number): void {
    this.push(SUFFIX, r, p, 0);
  }
  /** A single customer. */
  N(c: number): void {
    this.push(NODE, 0, c, 0);
  }
  /** Route r, positions a..b forwards. */
  F(r: number, a: number, b: number): void {
    this.push(FWD, r, a, b);
  }
  /** Route r, positions a..b backwards. */
  B(r: number, a: number, b: number): void {
    this.push(BWD, r, a, b);
  }
  /** Ends route U's pieces; the following pieces describe route V. */
  nextRoute(): void {
    this.splitAt = this.np;
  }

  /** Time warp of the route described by pieces [from, to). */
  warpOf(from: number, to: number): number {
    const rs = this.rs;
    const node = rs.node;
    const stride = rs.stride;
    const pc = this.pc;
    rs.startPrefix(pc[4 * from + 1] * stride + pc[4 * from + 2]);
    for (let k = from + 1; k < to - 1; k++) {
      const kind = pc[4 * k];
      const base = pc[4 * k + 1] * stride;
      if (kind === NODE) rs.mergeNode(pc[4 * k + 2]);
      else if (kind === FWD)
        for (let q = pc[4 * k + 2]; q <= pc[4 * k + 3]; q++) rs.mergeNode(node[base + q]);
      else for (let q = pc[4 * k + 3]; q >= pc[4 * k + 2]; q--) rs.mergeNode(node[base + q]);
    }
    const w = rs.endSuffix(pc[4 * (to - 1) + 1] * stride + pc[4 * (to - 1) + 2]);
    return w < 1e-7 ? 0 : w;
  }

  /** Writes the customers of pieces [from, to) into buf; returns their count. */
  collect(from: number, to: number, buf: Int32Array): number {
    const node = this.rs.node;
    const stride = this.rs.stride;
    const pc = this.pc;
    let c = 0;
    for (let k = from; k < to; k++) {
      const kind = pc[4 * k];
      const r = pc[4 * k + 1];
      const base = r * stride;
      const a = pc[4 * k + 2];
      if (kind === PREFIX) for (let q = 1; q <= a; q++) buf[c++] = node[base + q];
      else if (kind === SUFFIX)
        for (let q = a, e = this.rs.len[r]; q <= e; q++) buf[c++] = node[base + q];
      else if (kind === NODE) buf[c++] = a;
      else if (kind === FWD) for (let q = a; q <= pc[4 * k + 3]; q++) buf[c++] = node[base + q];
      else for (let q = pc[4 * k + 3]; q >= a; q--) buf[c++] = node[base + q];
    }
    return c;
  }
}
