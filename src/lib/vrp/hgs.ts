// Hybrid genetic search (Vidal 2022, "HGS-CVRP"), single thread: OX crossover on giant
// tours, Split, granular local search with SWAP*, repair of half the infeasible offspring
// under 10× penalties, and restarts when the search stagnates. Deterministic for a seed
// and an iteration budget; a time limit only decides when to stop.

import { Individual } from './individual.ts';
import type { VrpInstance } from './instance.ts';
import { LocalSearch } from './localsearch.ts';
import { makeParams, type Params } from './params.ts';
import { MU, Population } from './population.ts';
import { Rng } from './rng.ts';
import { clarkeWright } from './savings.ts';
import { Splitter } from './split.ts';

/** Options of a solver run. */
export interface SolveOptions {
  /** wall-clock limit in seconds */
  seconds?: number;
  /** number of offspring to generate (deterministic budget) */
  iterations?: number;
  seed?: number;
  /** worker threads; 1 runs in the calling thread */
  threads?: number;
  /** granular neighbourhood size (default 20) */
  granular?: number;
  /** iterations without improvement before a restart (default 20000) */
  restartAfter?: number;
  /**
   * iterations without improvement after which the run ends early (default: never). For quick
   * answers in a service: a small instance converges in a few hundred iterations and need not
   * spend the rest of its time limit proving it.
   */
  stopAfter?: number;
}

/** Best solution found by a solver run. */
export interface SolveResult {
  routes: number[][];
  cost: number;
  feasible: boolean;
  iterations: number;
  seconds: number;
}

/** Hook for exchanging elite solutions between parallel runs. */
export interface Migration {
  /** called with a copy of each new overall best */
  publish?(routes: number[][], cost: number): void;
  /** polled every few iterations; returns routes to inject, if any */
  receive?(): number[][] | null;
}

function crossoverOX(
  p: Params,
  rng: Rng,
  out: Individual,
  a: Individual,
  b: Individual,
  seen: Uint8Array,
): void {
  const m = p.n - 1;
  seen.fill(0);
  const start = rng.int(m);
  let end = rng.int(m);
  while (m > 1 && end === start) end = rng.int(m);
  let j = start;
  for (;;) {
    const c = a.tour[j % m];
    out.tour[j % m] = c;
    seen[c] = 1;
    j++;
    if (j % m === (end + 1) % m) break;
  }
  for (let i = 1; i <= m; i++) {
    const c = b.tour[(end + i) % m];
    if (!seen[c]) {
      out.tour[j % m] = c;
      j++;
    }
  }
}

/** Runs the hybrid genetic search in the current thread. */
export function runHgs(
  inst: VrpInstance,
  opts: SolveOptions = {},
  migration?: Migration,
): SolveResult {
  const t0 = performance.now();
  const deadline = opts.seconds !== undefined ? t0 + opts.seconds * 1000 : Infinity;
  const budget = opts.iterations ?? Infinity;
  const n = inst.size;
  if (n === 2) {
    return {
      routes: [[1]],
      cost: inst.dist[1] + inst.dist[n],
      feasible: true,
      iterations: 0,
      seconds: 0,
    };
  }
  const p = makeParams(inst, opts.granular ?? 20);
  const rng = new Rng(opts.seed ?? 1);
  const minRoutes = Math.ceil(p.totalDemand / p.capacity);
  const slots = Number.isFinite(inst.maxVehicles)
    ? Math.max(1, Math.min(n - 1, inst.maxVehicles))
    : Math.min(n - 1, Math.ceil(1.3 * minRoutes) + 3 + (p.hasTW ? Math.ceil(0.2 * n) : 0));
  const ls = new LocalSearch(p, rng, slots);
  const split = new Splitter(p);
  const penCap = Math.max(0.1, Math.min(1000, p.maxDist / Math.max(p.maxDemand, 1e-9)));
  const pop = new Population(n, rng, penCap, 1);
  const seen = new Uint8Array(n);
  const restartAfter = opts.restartAfter ?? 20000;
  const timeUp = () => performance.now() >= deadline;

  const educate = (ind: Individual) => {
    ls.load(ind.tour, ind.bounds, ind.nbRoutes, pop.penCap, pop.penTW);
    ls.run();
    ind.fromRoutes(p, ls.rs, pop.penCap, pop.penTW);
    const improved = pop.add(ind, true);
    if (!ind.feasible && rng.int(2) === 0) {
      ls.load(ind.tour, ind.bounds, ind.nbRoutes, pop.penCap * 10, pop.penTW * 10);
      ls.run();
      ind.fromRoutes(p, ls.rs, pop.penCap, pop.penTW);
      if (ind.feasible) return pop.add(ind, false) || improved;
    }
    return improved;
  };
  const inject = (routes: number[][], ind: Individual) => {
    let k = 0;
    ind.nbRoutes = routes.length;
    routes.forEach((r, i) => {
      ind.bounds[i] = k;
      for (const c of r) ind.tour[k++] = c;
    });
    ind.bounds[routes.length] = k;
    ind.evaluate(p, pop.penCap, pop.penTW);
  };
  const offspring = new Individual(n);
  const initial = () => {
    for (let k = 0; k < 4 * MU && !timeUp(); k++) {
      for (let i = 0; i < n - 1; i++) offspring.tour[i] = i + 1;
      rng.shuffle(offspring.tour);
      split.run(offspring, pop.penCap, pop.penTW);
      educate(offspring);
    }
  };
  initial();
  let it = 0;
  let nonProd = 1;
  while (it < budget && !timeUp() && pop.size() > 0) {
    it++;
    crossoverOX(p, rng, offspring, pop.tournament(), pop.tournament(), seen);
    split.run(offspring, pop.penCap, pop.penTW);
    const better = educate(offspring);
    nonProd = better ? 1 : nonProd + 1;
    if (better && migration?.publish && pop.best)
      migration.publish(pop.best.routes(), pop.best.distance);
    if (it % 100 === 0) {
      pop.managePenalties(p.hasTW);
      const routes = migration?.receive?.();
      if (routes) {
        inject(routes, offspring);
        if (pop.add(offspring, false)) nonProd = 1;
      }
    }
    if (opts.stopAfter !== undefined && nonProd >= opts.stopAfter) break;
    if (nonProd >= restartAfter) {
      pop.restart();
      initial();
      nonProd = 1;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  if (pop.best)
    return {
      routes: pop.best.routes(),
      cost: pop.best.distance,
      feasible: true,
      iterations: it,
      seconds,
    };
  // No feasible offspring at all (tiny budget or very tight windows): fall back to savings.
  const cw = clarkeWright(inst);
  return { routes: cw.routes, cost: cw.cost, feasible: true, iterations: it, seconds };
}
