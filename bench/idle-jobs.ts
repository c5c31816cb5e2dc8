// The server between requests (issue 19, "never block the event loop"): the recurring jobs
// (impact summaries, the collective sweep, notification delivery, reservation expiry) run in
// the server process, most of them every minute. A client asks /healthz every 20 ms for a
// while (default 130 s: two rounds of the minutely jobs) and the bench prints p50 / p99 / max
// and the slowest moments, then the server's RSS. The compiled production process with
// `npm start`'s flags, on the seeded demo database (first start seeds it; the measured start is
// the second, on a migrated database, as in production).
// Run: npm run build && npx tsx bench/idle-jobs.ts [seconds=130]
//      (BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p' passes flags to the server process)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startFlags } from './support/start-flags.js';
import { waitFor } from './support/wait-for.js';

const seconds = Number(process.argv[2] ?? 130);
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'lumbung-idle-jobs-'));
const PORT = 3955;
const url = `http://127.0.0.1:${PORT}/healthz`;

function start(): ChildProcess {
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  return spawn(process.execPath, [...startFlags(root), ...extra, 'dist/main.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      LUMBUNG_DB_PATH: join(dir, 'bench.db'),
      LUMBUNG_UPLOAD_DIR: join(dir, 'uploads'),
      HOST: '127.0.0.1',
      PORT: String(PORT),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
const stop = async (p: ChildProcess) => {
  p.kill();
  await new Promise((r) => p.once('exit', r));
};

let server = start();
try {
  await waitFor(url, 180_000);
  await stop(server);
  server = start();
  await waitFor(url, 10_000);
  const la = loadavg();
  const samples: { ms: number; at: number }[] = [];
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) {
    const s = performance.now();
    await (await fetch(url)).text();
    samples.push({ ms: performance.now() - s, at: (s - t0) / 1000 });
    await sleep(20);
  }
  const rss = Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024,
  );
  const sorted = samples.map((x) => x.ms).sort((a, b) => a - b);
  const q = (p: number) => sorted[Math.floor(p * (sorted.length - 1))].toFixed(1);
  const slowest = [...samples]
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 6)
    .map((x) => `${x.ms.toFixed(0)} ms at ${x.at.toFixed(1)} s`);
  console.log(
    `machine: ${cpus().length} × ${cpus()[0].model}; load ${la.map((x) => x.toFixed(2)).join(' ')}`,
  );
  console.log(
    `/healthz every 20 ms for ${seconds} s: ${samples.length} requests, p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms`,
  );
  console.log(`slowest: ${slowest.join(', ')}`);
  console.log(`server RSS at the end: ${rss} MiB`);
} finally {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
}
