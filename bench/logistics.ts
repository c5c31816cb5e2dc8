// Route planning for a realistic hub day: 8–60 service points within ~30 km of a kecamatan
// hub on Flores (Mataloko), loads of 5–90 kg, 500 kg pickups, road km = great-circle × 1.55.
// Baseline measured in the same script: Clarke–Wright savings (what a planner without
// lib/vrp would get in milliseconds). Figures: the planner's time and its distance as a
// ratio to savings, at the page's budget (1 s) and the seed's (0.1 s). Every answer is
// checked with lib/vrp's independent checker.
// Run: npx tsx bench/logistics.ts [--seeds 3]
import { buildInstance, checkSolution, clarkeWright } from '../src/lib/vrp/index.js';
import { roadMatrix, type Located } from '../src/domains/logistics/geo.js';
import { solveRoutes } from '../src/domains/logistics/routing.service.js';

const seedsArg = process.argv.indexOf('--seeds');
const SEEDS = seedsArg > 0 ? Number(process.argv[seedsArg + 1]) : 3;
const HUB = { id: 'hub', lat: -8.8289, lng: 121.0444 };

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

function day(n: number, seed: number) {
  const r = rng(seed * 7919 + n);
  const nodes: Located[] = [HUB];
  for (let i = 0; i < n; i++) {
    // Villages cluster along valleys: radius up to ~30 km, denser near the hub.
    const rad = 0.27 * Math.sqrt(r()) * (0.3 + 0.7 * r());
    const a = r() * 2 * Math.PI;
    nodes.push({ id: `p${i}`, lat: HUB.lat + rad * Math.sin(a), lng: HUB.lng + rad * Math.cos(a) });
  }
  const demands = [0, ...nodes.slice(1).map(() => 5 + Math.floor(r() * 86))];
  const dist = roadMatrix(nodes, 1.55, new Map());
  return buildInstance({
    name: `day-${n}-${seed}`,
    distances: dist,
    demands,
    capacity: 500,
    coordinates: nodes.map((x) => [x.lng, x.lat] as const),
  });
}

const ms = (f: () => void, reps: number) => {
  const ts: number[] = [];
  for (let k = 0; k < reps; k++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return ts.sort((a, b) => a - b)[ts.length >> 1];
};

console.log(
  'stops | savings ms | savings km | plan(0.1 s) km ratio | plan(1 s) ms | plan(1 s) km | km ratio vs savings | vehicles',
);
console.log('---|---|---|---|---|---|---|---');
let bad = 0;
for (const n of [8, 15, 30, 60]) {
  const rows = {
    sMs: [] as number[],
    sKm: [] as number[],
    fast: [] as number[],
    pMs: [] as number[],
    pKm: [] as number[],
    ratio: [] as number[],
    routes: [] as number[],
  };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const inst = day(n, seed);
    const quick = clarkeWright(inst);
    rows.sMs.push(ms(() => clarkeWright(inst), 20));
    rows.sKm.push(quick.cost);
    const fast = solveRoutes(inst, { seconds: 0.1, seed });
    rows.fast.push(fast.cost / quick.cost);
    const t = performance.now();
    const plan = solveRoutes(inst, { seconds: 1, seed });
    rows.pMs.push(performance.now() - t);
    rows.pKm.push(plan.cost);
    rows.ratio.push(plan.cost / quick.cost);
    rows.routes.push(plan.routes.length);
    for (const sol of [quick.routes, fast.routes, plan.routes]) {
      const chk = checkSolution(inst, sol);
      if (!chk.feasible) {
        bad++;
        console.error(`infeasible answer for ${inst.name}: ${chk.errors.join('; ')}`);
      }
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${n} | ${mean(rows.sMs).toFixed(2)} | ${mean(rows.sKm).toFixed(1)} | ${mean(rows.fast).toFixed(3)} | ${mean(rows.pMs).toFixed(0)} | ${mean(rows.pKm).toFixed(1)} | ${mean(rows.ratio).toFixed(3)} | ${mean(rows.routes).toFixed(1)}`,
  );
}
console.log(
  `mean over ${SEEDS} generated days per size; distance ratio < 1 means shorter routes than savings`,
);
if (bad) process.exit(1);
