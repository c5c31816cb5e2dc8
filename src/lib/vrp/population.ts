// HGS population management (Vidal 2012/2022): feasible and infeasible subpopulations,
// survivor selection by biased fitness (cost rank + diversity rank measured with the
// broken-pairs distance), binary tournament selection and adaptive penalties.

import { brokenPairs, Individual } from './individual.ts';
import type { Rng } from './rng.ts';

export const MU = 25;
export const LAMBDA = 40;
const ELITE = 4;
const CLOSE = 5;
const TARGET_FEASIBLE = 0.2;
const EPS = 1e-5;

export class Population {
  feasible: Individual[] = [];
  infeasible: Individual[] = [];
  best: Individual | null = null;
  bestRestart: Individual | null = null;
  private loadHistory: boolean[] = [];
  private twHistory: boolean[] = [];
  penCap: number;
  penTW: number;

  constructor(
    private readonly n: number,
    private readonly rng: Rng,
    penCap: number,
    penTW: number,
  ) {
    this.penCap = penCap;
    this.penTW = penTW;
  }

  /** Inserts a copy of ind; returns true when it improves the best feasible solution. */
  add(ind: Individual, updateStats: boolean): boolean {
    if (updateStats) {
      this.loadHistory.push(ind.excess < 1e-9);
      this.twHistory.push(ind.warp === 0);
    }
    const sub = ind.feasible ? this.feasible : this.infeasible;
    const copy = new Individual(this.n);
    copy.copyFrom(ind);
    for (const other of sub) {
      const d = brokenPairs(copy, other);
      insertProx(other.prox, d, copy);
      insertProx(copy.prox, d, other);
    }
    let place = sub.length;
    while (place > 0 && sub[place - 1].penalized > copy.penalized + EPS) place--;
    sub.splice(place, 0, copy);
    if (sub.length > MU + LAMBDA) while (sub.length > MU) this.removeWorst(sub);
    if (ind.feasible && (!this.bestRestart || ind.penalized < this.bestRestart.penalized - EPS)) {
      this.bestRestart = copyOf(ind, this.n);
      if (!this.best || ind.penalized < this.best.penalized - EPS) {
        this.best = copyOf(ind, this.n);
        return true;
      }
    }
    return false;
  }

  private updateFitness(sub: Individual[]): void {
    if (sub.length === 1) {
      sub[0].fitness = 0;
      return;
    }
    const ranking = sub.map((ind, i) => ({ div: -avgClosest(ind, CLOSE), i }));
    ranking.sort((a, b) => a.div - b.div || a.i - b.i);
    const m = sub.length;
    ranking.forEach(({ i }, k) => {
      const divRank = k / (m - 1);
      const fitRank = i / (m - 1);
      sub[i].fitness = m <= ELITE ? fitRank : fitRank + (1 - ELITE / m) * divRank;
    });
  }

  private removeWorst(sub: Individual[]): void {
    this.updateFitness(sub);
    let worst = 1;
    let worstClone = false;
    let worstFit = -1;
    for (let i = 1; i < sub.length; i++) {
      const clone = avgClosest(sub[i], 1) < EPS;
      if ((clone && !worstClone) || (clone === worstClone && sub[i].fitness > worstFit)) {
        worst = i;
        worstClone = clone;
        worstFit = sub[i].fitness;
      }
    }
    const gone = sub[worst];
    sub.splice(worst, 1);
    for (const o of sub) {
      const k = o.prox.findIndex((e) => e.ind === gone);
      if (k >= 0) o.prox.splice(k, 1);
    }
  }

  /** Binary tournament on biased fitness over both subpopulations. */
  tournament(): Individual {
    this.updateFitness(this.feasible);
    this.updateFitness(this.infeasible);
    const total = this.feasible.length + this.infeasible.length;
    const pick = () => {
      const k = this.rng.int(total);
      return k < this.feasible.length
        ? this.feasible[k]
        : this.infeasible[k - this.feasible.length];
    };
    const a = pick();
    const b = pick();
    return a.fitness < b.fitness ? a : b;
  }

  size(): number {
    return this.feasible.length + this.infeasible.length;
  }

  /** Adjusts penalties towards 20 % feasible local-search outputs, then re-sorts. */
  managePenalties(hasTW: boolean): void {
    const adapt = (hist: boolean[], pen: number) => {
      if (hist.length === 0) return pen;
      const frac = hist.filter(Boolean).length / hist.length;
      if (frac < TARGET_FEASIBLE - 0.05 && pen < 100000) return Math.min(100000, pen * 1.2);
      if (frac > TARGET_FEASIBLE + 0.05 && pen > 0.1) return Math.max(0.1, pen * 0.85);
      return pen;
    };
    this.penCap = adapt(this.loadHistory, this.penCap);
    if (hasTW) this.penTW = adapt(this.twHistory, this.penTW);
    this.loadHistory = [];
    this.twHistory = [];
    for (const ind of this.infeasible)
      ind.penalized = ind.distance + this.penCap * ind.excess + this.penTW * ind.warp;
    this.infeasible.sort((a, b) => a.penalized - b.penalized);
  }

  /** Empties the population (keeps the overall best). */
  restart(): void {
    this.feasible = [];
    this.infeasible = [];
    this.bestRestart = null;
  }
}

function copyOf(ind: Individual, n: number): Individual {
  const c = new Individual(n);
  c.copyFrom(ind);
  return c;
}

function insertProx(list: Individual['prox'], d: number, ind: Individual): void {
  let k = list.length;
  while (k > 0 && list[k - 1].d > d) k--;
  list.splice(k, 0, { d, ind });
}

function avgClosest(ind: Individual, count: number): number {
  const m = Math.min(count, ind.prox.length);
  if (m === 0) return 0;
  let s = 0;
  for (let k = 0; k < m; k++) s += ind.prox[k].d;
  return s / m;
}
