// An HTTP load generator for the benches: closed loop, keep-alive, `connections` requests in
// flight, cycling through `paths`. wrk when installed (one thread: in C it outruns any Node
// server on the other core), else a node:http loop in this process. Latency percentiles are
// of every request in the run, so at saturation they include the queueing at the server.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './catalog-seed.js';

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
}
export interface LoadOptions {
  seconds: number;
  connections: number;
}

export function hasWrk(): boolean {
  return process.env.BENCH_NO_WRK !== '1' && spawnSync('wrk', ['--version']).error === undefined;
}

export function load(
  base: string,
  paths: readonly string[],
  headers: Record<string, string>,
  o: LoadOptions,
): Promise<LoadResult> {
  return hasWrk() ? wrk(base, paths, headers, o) : nodeLoop(base, paths, headers, o);
}

const lua = (s: string) => JSON.stringify(s); // a JSON string literal is a valid Lua string for these ASCII values

async function wrk(
  base: string,
  paths: readonly string[],
  headers: Record<string, string>,
  o: LoadOptions,
): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-wrk-'));
  const script = join(dir, 'paths.lua');
  writeFileSync(
    script,
    `local paths = { ${paths.map(lua).join(', ')} }
local i = 0
${Object.entries(headers)
  .map(([k, v]) => `wrk.headers[${lua(k)}] = ${lua(v)}`)
  .join('\n')}
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1])
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %f %f\\n", summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout, latency:percentile(50), latency:percentile(99)))
end
`,
  );
  try {
    const out = await new Promise<string>((resolve, reject) => {
      const p = spawn(
        'wrk',
        ['-t1', `-c${o.connections}`, `-d${o.seconds}s`, '--timeout', '5s', '-s', script, base],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let text = '';
      p.stdout.on('data', (d) => (text += d));
      p.once('exit', (code) =>
        code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}`)),
      );
    });
    const m = /RESULT (\d+) (\d+) (\d+) ([\d.]+) ([\d.]+)/.exec(out);
    if (!m) throw new Error(`no result from wrk:\n${out}`);
    const [requests, micros, errors, p50, p99] = m.slice(1).map(Number);
    return { rps: requests / (micros / 1e6), p50: p50 / 1000, p99: p99 / 1000, requests, errors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function nodeLoop(
  base: string,
  paths: readonly string[],
  headers: Record<string, string>,
  o: LoadOptions,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const url = new URL(base);
  const lat: number[] = [];
  let errors = 0;
  let next = 0;
  const end = performance.now() + o.seconds * 1000;
  const one = (path: string) =>
    new Promise<boolean>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path, agent, headers }, (res) => {
        res.on('data', () => {});
        res.on('end', () => resolve(res.statusCode === 200));
      });
      req.on('error', () => resolve(false));
      req.end();
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.connections }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const ok = await one(paths[next++ % paths.length]);
        if (ok) lat.push(performance.now() - t);
        else errors++;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    rps: (lat.length + errors) / secs,
    p50: percentile(lat, 0.5),
    p99: percentile(lat, 0.99),
    requests: lat.length + errors,
    errors,
  };
}
