// Test fixtures: the mpdta panel and its R reference numbers (kept in ./fixtures with their
// source and licence), plus a seeded generator of staggered panels with known effects used by
// tests and the bench.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from './csv.ts';
import { makePanel, type Panel } from './panel.ts';
import { Rng } from './stats.ts';

/** The folder of the fixtures, found from this file so the tests run from any checkout. */
export const MPDTA_DIR = fileURLToPath(new URL('./fixtures', import.meta.url));

export interface Mpdta {
  id: number[];
  time: number[];
  cohort: number[];
  y: number[];
}

/** The mpdta columns (countyreal, year, first.treat, lemp). */
export function loadMpdta(): Mpdta {
  const csv = parseCsv(readFileSync(`${MPDTA_DIR}/mpdta.csv`, 'utf8'));
  const j = (name: string): number => csv.header.indexOf(name);
  const col = (name: string): number[] => csv.rows.map((r) => Number(r[j(name)]));
  return { id: col('countyreal'), time: col('year'), cohort: col('first.treat'), y: col('lemp') };
}

export function mpdtaPanel(): Panel {
  return makePanel(loadMpdta());
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function loadReference(): any {
  return JSON.parse(readFileSync(`${MPDTA_DIR}/mpdta_reference.json`, 'utf8'));
}

export interface SimPanel {
  id: Int32Array;
  time: Float64Array;
  cohort: Float64Array;
  y: Float64Array;
  cluster: Int32Array;
  /** True ATT(g,t) = effect(g, t) for t ≥ g. */
  effect: (g: number, t: number) => number;
}

/**
 * Staggered panel: `units` × `years` (t = 1..years), cohorts 3..years−1 plus never treated
 * (~30 %), unit and year effects, noise N(0, sigma²), and a true effect growing with exposure:
 * τ(g, t) = 0.05 + 0.02·(t − g) + 0.01·(g mod 3). Clusters = blocks of 25 consecutive units,
 * with cohorts assigned per cluster when `cohortByCluster`.
 */
export function simulatePanel(
  units: number,
  years: number,
  seed: number,
  sigma = 0.1,
  cohortByCluster = false,
): SimPanel {
  const rng = new Rng(seed);
  const N = units * years;
  const id = new Int32Array(N);
  const time = new Float64Array(N);
  const cohort = new Float64Array(N);
  const y = new Float64Array(N);
  const cluster = new Int32Array(N);
  const effect = (g: number, t: number): number => 0.05 + 0.02 * (t - g) + 0.01 * (g % 3);
  const yearFx = Float64Array.from({ length: years }, (_, t) => 0.03 * t + 0.02 * Math.sin(t));
  const drawCohort = (): number => {
    const u = rng.next();
    return u < 0.3 ? 0 : 3 + Math.floor(((u - 0.3) / 0.7) * (years - 3));
  };
  let gCluster = 0;
  for (let i = 0; i < units; i++) {
    const cl = Math.floor(i / 25);
    if (i % 25 === 0) gCluster = drawCohort();
    const g = cohortByCluster ? gCluster : drawCohort();
    const a = 8 + rng.normal();
    for (let t = 0; t < years; t++) {
      const r = i * years + t;
      const tt = t + 1;
      id[r] = 100000 + i;
      time[r] = tt;
      cohort[r] = g;
      cluster[r] = cl;
      y[r] = a + yearFx[t] + (g !== 0 && tt >= g ? effect(g, tt) : 0) + sigma * rng.normal();
    }
  }
  return { id, time, cohort, y, cluster, effect };
}
