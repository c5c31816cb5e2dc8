// Storefront search page at scale (issue 5): the real app server over HTTP on a SQLite file
// with 100,000 listed products, against a bare node:http hello world measured in the same run
// on the same machine. Each server runs in its own child process (one core each at most);
// the load comes from wrk when installed (apt-get install wrk: C, one thread, so the
// generator is not the bottleneck for hello world), else from a keep-alive node:http loop.
// Prints requests/s for both, the ratio (goal ≥ 0.25) and the search page's latency
// percentiles at that load (goal p99 ≤ 100 ms), for popular queries (served from the hits
// cache, cards read fresh) and for distinct ones (every request ranked).
// Run: npx tsx bench/storefront-page.ts [products=100000] [seconds=15] [connections=16]
//      KEEP_DB=1 keeps the seeded file; REUSE_DB=path skips seeding.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';
import { hasWrk, load, type LoadResult } from './support/load.js';

function announce(port: number) {
  process.stdout.write(JSON.stringify({ port }) + '\n');
}

async function serveHello() {
  const s = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('hello world');
  });
  s.listen(0, '127.0.0.1', () => announce((s.address() as AddressInfo).port));
}

async function serveApp(path: string) {
  const { connect } = await import('../src/kernel/db/index.js');
  const { loadConfig } = await import('../src/kernel/config.js');
  const { createLogger, serveApp } = await import('../src/kernel/http/index.js');
  const { buildApp } = await import('../src/app.js');
  const h = connect({ sqlitePath: path });
  const config = {
    ...loadConfig({ LUMBUNG_SECRET: 'bench-secret', LUMBUNG_LOG_LEVEL: 'silent' }),
    sqlitePath: path,
  };
  const app = buildApp({ h, config }, createLogger('silent'));
  const s = serveApp(app, { port: 0, hostname: '127.0.0.1' }, (info) => announce(info.port));
  process.on('SIGTERM', () => s.close(() => void h.close().then(() => process.exit(0))));
}

const children = new Set<ChildProcess>();
// A failed run must not leave a server behind.
process.on('exit', () => {
  for (const p of children) p.kill('SIGKILL');
});

function child(
  role: string,
  env: Record<string, string> = {},
): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
    env: { ...process.env, ...env, BENCH_ROLE: role },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${role} server exited with ${code}`)));
    createInterface({ input: proc.stdout! }).once('line', (line) =>
      resolve({ proc, url: `http://127.0.0.1:${JSON.parse(line).port}` }),
    );
  });
}

async function stop(p: ChildProcess) {
  const gone = new Promise((r) => p.once('exit', r));
  p.kill('SIGTERM');
  await gone;
}

// The search page as shoppers use it: words, affixes, filters, a deep page, category pages.
export const SEARCH_PATHS = [
  '/cari?q=aren',
  '/cari?q=gula+aren',
  '/cari?q=kopi+bajawa',
  '/cari?q=tenun+ikat+sumba',
  '/cari?q=keripik+pedas',
  '/cari?q=madu',
  '/cari?q=beras+merah&region=53.09',
  '/cari?q=kopi&halal=1',
  '/cari?q=sambal&stok=1',
  '/cari?q=tenunan',
  '/cari?q=anyaman&min=20000&max=200000',
  '/cari?q=kopi&category=makanan-minuman&page=3',
  '/kategori/kopi',
  '/cari?region=35.10&stok=1',
  '/cari?q=organik&halal=1&stok=1&region=53',
  '/cari?q=jamu+kunyit',
];

// The same pages with a distinct price floor each (2,000 of them, more than the hits cache
// holds), so every request ranks afresh: the long tail of queries nobody asked a moment ago.
export const DISTINCT_PATHS = Array.from({ length: 2000 }, (_, i) => {
  const p = SEARCH_PATHS[i % SEARCH_PATHS.length];
  return `${p}${p.includes('?') ? '&' : '?'}min=${1000 + i}`;
});

// A returning browser: it carries its CSRF cookie and accepts gzip.
const HEADERS = {
  'accept-encoding': 'gzip',
  cookie: 'lumbung_csrf=0123456789abcdef0123456789abcdef',
  'accept-language': 'id',
};

async function main() {
  const n = Number(process.argv[2] ?? 100_000);
  const seconds = Number(process.argv[3] ?? 15);
  const connections = Number(process.argv[4] ?? 16);
  const reuse =
    process.env.REUSE_DB && existsSync(process.env.REUSE_DB) ? process.env.REUSE_DB : null;
  const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'lumbung-storefront-'));
  const path = reuse ?? join(dir!, 'bench.db');
  const { connect, migrateToLatest } = await import('../src/kernel/db/index.js');
  const { allMigrations } = await import('../src/migrations.js');
  const { seedCatalog } = await import('./support/catalog-seed.js');
  const h = connect({ sqlitePath: path, synchronous: 'NORMAL' });
  const t0 = performance.now();
  if (reuse) await migrateToLatest(h, allMigrations);
  else await seedCatalog(h, n);
  await h.close();
  console.log(
    `${reuse ? 'reused' : 'seeded'} ${n} products in ${((performance.now() - t0) / 1000).toFixed(1)} s; load generator: ${hasWrk() ? 'wrk (1 thread)' : 'node:http keep-alive loop'}, ${connections} connections, ${seconds} s each`,
  );

  const hello = await child('hello');
  await load(hello.url, ['/'], HEADERS, { seconds: 2, connections }); // warm-up
  const base = await load(hello.url, ['/'], HEADERS, { seconds, connections });
  await stop(hello.proc);

  const app = await child('app', { BENCH_DB: path });
  for (const p of SEARCH_PATHS) {
    const res = await fetch(app.url + p, { headers: HEADERS });
    if (res.status !== 200) throw new Error(`${p}: HTTP ${res.status}`);
    await res.arrayBuffer();
  }
  await load(app.url, SEARCH_PATHS, HEADERS, { seconds: 3, connections }); // warm-up: JIT, SQLite page cache
  const page = await load(app.url, SEARCH_PATHS, HEADERS, { seconds, connections });
  const distinct = await load(app.url, DISTINCT_PATHS, HEADERS, { seconds, connections });
  // The ceiling for any page of the app: /healthz (one `select 1`) through the whole middleware
  // stack (request id, log, gzip, secure headers, body limit, actor, locale, CSRF).
  const ceiling = await load(app.url, ['/healthz'], HEADERS, {
    seconds: Math.min(seconds, 5),
    connections,
  });
  await stop(app.proc);

  const f = (x: number) => x.toFixed(1);
  const show = (label: string, r: LoadResult) =>
    console.log(
      `${label}: ${f(r.rps)} req/s, latency p50 ${f(r.p50)} ms, p99 ${f(r.p99)} ms, ${r.requests} requests, ${r.errors} errors`,
    );
  console.log(
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} on ${cpus().length} cores`,
  );
  show('node:http hello world', base);
  show('search page, 16 popular queries', page);
  show('search page, 2,000 distinct queries', distinct);
  show('app /healthz (middleware ceiling)', ceiling);
  console.log(
    `ratio search/hello: popular ${(page.rps / base.rps).toFixed(3)}, distinct ${(distinct.rps / base.rps).toFixed(3)} (goal >= 0.25); search p99 ${f(page.p99)} / ${f(distinct.p99)} ms (goal <= 100 ms); ceiling ${(ceiling.rps / base.rps).toFixed(3)}`,
  );
  if (process.env.KEEP_DB || reuse) console.log(`kept ${path}`);
  else rmSync(dir!, { recursive: true, force: true });
}

// Dispatch last: the constants above must be initialised before main() reads them.
const role = process.env.BENCH_ROLE;
if (role === 'hello') await serveHello();
else if (role === 'app') await serveApp(process.env.BENCH_DB!);
else await main();
