// Independent feasibility checker. It deliberately shares no code with the solver's
// incremental bookkeeping: it re-simulates every route from scratch, so a bug in the
// solver's delta evaluation cannot hide behind the same bug here.

import type { VrpInstance } from './instance.ts';

/** Outcome of {@link checkSolution}: recomputed cost and every violation found. */
export interface CheckResult {
  feasible: boolean;
  cost: number;
  routes: number;
  errors: string[];
}

// Time comparisons allow float noise from summing decimal travel times.
const TIME_EPS = 1e-6;

/** Distance of one route depot → customers → depot. */
export function routeDistance(inst: VrpInstance, route: ArrayLike<number>): number {
  const n = inst.size;
  let prev = 0;
  let d = 0;
  for (let k = 0; k < route.length; k++) {
    d += inst.dist[prev * n + route[k]];
    prev = route[k];
  }
  return route.length > 0 ? d + inst.dist[prev * n] : 0;
}

/** Total distance of a set of routes. */
export function solutionCost(inst: VrpInstance, routes: readonly ArrayLike<number>[]): number {
  let c = 0;
  for (const r of routes) c += routeDistance(inst, r);
  return c;
}

/** How far a reported cost may be from the recomputed one (files round to 2 decimals). */
function costTolerance(cost: number): number {
  return 0.005 + 1e-9 * Math.abs(cost);
}

/**
 * Checks routes (customer indices 1..size-1, depot omitted) against the instance:
 * each customer served exactly once, capacity, time windows, fleet size and, when
 * given, that the reported cost matches the recomputed one.
 */
export function checkSolution(
  inst: VrpInstance,
  routes: readonly (readonly number[])[],
  reportedCost?: number | null,
): CheckResult {
  const n = inst.size;
  const errors: string[] = [];
  const seenIn = new Int32Array(n).fill(-1);
  let used = 0;
  routes.forEach((route, r) => {
    if (route.length === 0) return;
    used++;
    let load = 0;
    let time = 0;
    let prev = 0;
    for (const c of route) {
      if (!Number.isInteger(c) || c < 1 || c >= n) {
        errors.push(`route ${r + 1}: unknown customer ${c} (customers are 1..${n - 1})`);
        continue;
      }
      if (seenIn[c] >= 0)
        errors.push(`customer ${c} is served twice (routes ${seenIn[c] + 1} and ${r + 1})`);
      else seenIn[c] = r;
      load += inst.demand[c];
      if (inst.tw) {
        const arrival = time + inst.dist[prev * n + c];
        const start = Math.max(arrival, inst.tw.ready[c]);
        if (start > inst.tw.due[c] + TIME_EPS) {
          errors.push(
            `route ${r + 1}: customer ${c} served at ${fmt(start)}, after its due date ${inst.tw.due[c]}`,
          );
        }
        time = start + inst.tw.service[c];
      }
      prev = c;
    }
    if (load > inst.capacity + 1e-9)
      errors.push(`route ${r + 1}: load ${fmt(load)} exceeds the capacity ${inst.capacity}`);
    if (inst.tw) {
      const back = time + inst.dist[prev * n];
      if (back > inst.tw.due[0] + TIME_EPS)
        errors.push(
          `route ${r + 1}: returns to the depot at ${fmt(back)}, after the horizon ${inst.tw.due[0]}`,
        );
    }
  });
  const missing: number[] = [];
  for (let c = 1; c < n; c++) if (seenIn[c] < 0) missing.push(c);
  if (missing.length > 0) {
    const list =
      missing.slice(0, 10).join(', ') +
      (missing.length > 10 ? `, … (${missing.length} in all)` : '');
    errors.push(`customer${missing.length > 1 ? 's' : ''} ${list} not served`);
  }
  if (used > inst.maxVehicles)
    errors.push(`${used} routes used but only ${inst.maxVehicles} vehicles are available`);
  const cost = solutionCost(inst, routes);
  if (
    reportedCost !== undefined &&
    reportedCost !== null &&
    Math.abs(reportedCost - cost) > costTolerance(cost)
  ) {
    errors.push(`reported cost ${reportedCost} differs from the recomputed cost ${fmt(cost)}`);
  }
  return { feasible: errors.length === 0, cost, routes: used, errors };
}

function fmt(v: number): string {
  return String(Math.round(v * 1e6) / 1e6);
}
