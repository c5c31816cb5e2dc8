// Clarke–Wright parallel savings: a feasible answer in milliseconds, used for quick quotes
// and as the fallback of the metaheuristic. Merges are only accepted when the merged
// route respects capacity and (re-simulated) time windows.

import { solutionCost } from './check.ts';
import type { VrpInstance } from './instance.ts';

/** Routes and distance of a quick construction. */
export interface QuickSolution {
  routes: number[][];
  cost: number;
}

function routeFeasibleTW(inst: VrpInstance, route: number[]): boolean {
  const tw = inst.tw;
  if (!tw) return true;
  const n = inst.size;
  let t = tw.ready[0];
  let prev = 0;
  for (const c of route) {
    t = Math.max(t + inst.dist[prev * n + c], tw.ready[c]);
    if (t > tw.due[c] + 1e-9) return false;
    t += tw.service[c];
    prev = c;
  }
  return t + inst.dist[prev * n] <= tw.due[0] + 1e-9;
}

/** Clarke–Wright savings construction; every route is feasible when the instance is. */
export function clarkeWright(inst: VrpInstance): QuickSolution {
  const n = inst.size;
  const d = inst.dist;
  let symmetric = inst.tw === null;
  for (let i = 0; i < n && symmetric; i++)
    for (let j = 0; j < i; j++) if (d[i * n + j] !== d[j * n + i]) symmetric = false;
  const routes: (number[] | null)[] = [null];
  const routeOf = new Int32Array(n);
  const load = new Float64Array(n);
  for (let c = 1; c < n; c++) {
    routes.push([c]);
    routeOf[c] = c;
    load[c] = inst.demand[c];
  }
  // Candidate merges "... i] + [j ..." sorted by decreasing saving d(i,0)+d(0,j)-d(i,j).
  const pairs: number[] = [];
  const saving = new Float64Array(n * n);
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      if (i === j || (symmetric && j < i)) continue;
      const s = d[i * n] + d[j] - d[i * n + j];
      if (s > 0) {
        saving[i * n + j] = s;
        pairs.push(i * n + j);
      }
    }
  }
  pairs.sort((a, b) => saving[b] - saving[a] || a - b);
  for (const key of pairs) {
    const i = Math.floor(key / n);
    const j = key % n;
    const a = routeOf[i];
    const b = routeOf[j];
    if (a === b || load[a] + load[b] > inst.capacity + 1e-9) continue;
    const ra = routes[a]!;
    const rb = routes[b]!;
    let merged: number[] | null = null;
    const iEnd = ra[ra.length - 1] === i;
    const iStart = ra[0] === i;
    const jStart = rb[0] === j;
    const jEnd = rb[rb.length - 1] === j;
    if (iEnd && jStart) merged = ra.concat(rb);
    else if (symmetric && iStart && jEnd) merged = rb.concat(ra);
    else if (symmetric && iEnd && jEnd) merged = ra.concat([...rb].reverse());
    else if (symmetric && iStart && jStart) merged = [...ra].reverse().concat(rb);
    if (!merged || !routeFeasibleTW(inst, merged)) continue;
    routes[a] = merged;
    routes[b] = null;
    load[a] += load[b];
    for (const c of rb) routeOf[c] = a;
  }
  const out = routes.filter((r): r is number[] => r !== null);
  return { routes: out, cost: solutionCost(inst, out) };
}
