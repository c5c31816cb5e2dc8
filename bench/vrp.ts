// Benchmark CLI: npm run bench:vrp -- <folder> --seconds N [--seed S] [--threads T] [--out DIR]
// Solves every .vrp / Solomon .txt instance of a folder, checks each answer with the
// independent checker, compares with bks.json when present and prints the mean gap.
// Exits non-zero on any infeasible answer or malformed file.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  checkSolution,
  parseInstance,
  roundCost,
  solve,
  writeSol,
  type VrpInstance,
} from '../src/lib/vrp/index.ts';

function usage(msg: string): never {
  console.error(
    `${msg}\nusage: npm run bench:vrp -- <folder> --seconds N [--seed S] [--threads T] [--out DIR]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let folder = '';
let seconds = NaN;
let seed = 1;
let threads = 1;
let out = '';
for (let k = 0; k < args.length; k++) {
  const a = args[k];
  const val = () => {
    if (k + 1 >= args.length) usage(`${a} needs a value`);
    return args[++k];
  };
  if (a === '--seconds') seconds = Number(val());
  else if (a === '--seed') seed = Number(val());
  else if (a === '--threads') threads = Number(val());
  else if (a === '--out') out = val();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else folder = a;
}
if (!folder) usage('missing folder');
if (!(seconds > 0)) usage('--seconds must be a positive number');
if (!Number.isInteger(seed) || !(threads >= 1))
  usage('--seed must be an integer and --threads at least 1');
if (!existsSync(folder)) usage(`folder ${folder} does not exist`);

const files = readdirSync(folder)
  .filter((f) => /\.(vrp|txt)$/i.test(f))
  .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
if (files.length === 0) usage(`no .vrp or .txt instance in ${folder}`);
let bks: Record<string, number> = {};
const bksPath = join(folder, 'bks.json');
if (existsSync(bksPath)) {
  try {
    bks = JSON.parse(readFileSync(bksPath, 'utf8'));
  } catch (e) {
    console.error(`error: ${bksPath}: ${(e as Error).message}`);
    process.exit(1);
  }
}

// Parse everything first so that a malformed file fails the run before any solving.
const instances: { file: string; inst: VrpInstance }[] = [];
for (const f of files) {
  try {
    instances.push({
      file: f,
      inst: parseInstance(readFileSync(join(folder, f), 'utf8'), join(folder, f)),
    });
  } catch (e) {
    console.error(`error: ${(e as Error).message}`);
    process.exit(1);
  }
}

const pad = (s: string, w: number) => s.padStart(w);
console.log(
  `${'instance'.padEnd(14)}${pad('n', 5)}${pad('BKS', 11)}${pad('cost', 11)}${pad('gap %', 8)}${pad('routes', 7)}${pad('seconds', 9)}${pad('iters', 8)}`,
);
let gapSum = 0;
let gapCount = 0;
let failures = 0;
for (const { file, inst } of instances) {
  const key = bks[inst.name] !== undefined ? inst.name : basename(file).replace(/\.\w+$/, '');
  const best = bks[key];
  const t0 = performance.now();
  const res = await solve(inst, { seconds, seed, threads });
  const secs = (performance.now() - t0) / 1000;
  const cost = roundCost(inst, res.cost);
  const check = checkSolution(inst, res.routes, cost);
  let gap = '';
  if (best !== undefined) {
    const g = ((cost - best) / best) * 100;
    gapSum += g;
    gapCount++;
    gap = g.toFixed(2);
  }
  console.log(
    `${key.padEnd(14)}${pad(String(inst.size - 1), 5)}${pad(best !== undefined ? String(best) : '-', 11)}${pad(String(cost), 11)}${pad(gap || '-', 8)}${pad(String(check.routes), 7)}${pad(secs.toFixed(1), 9)}${pad(String(res.iterations), 8)}`,
  );
  if (!check.feasible) {
    failures++;
    for (const e of check.errors) console.error(`  infeasible ${key}: ${e}`);
  }
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, `${key}.sol`), writeSol(res.routes, cost));
  }
}
console.log(
  `mean gap ${(gapCount ? gapSum / gapCount : 0).toFixed(2)}% over ${gapCount} instances`,
);
if (failures > 0) {
  console.error(`${failures} infeasible solution${failures > 1 ? 's' : ''}`);
  process.exit(1);
}
