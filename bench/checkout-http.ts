// Checkout over HTTP (issue 19): POST /api/v1/checkout against the compiled production process
// (dist/main.mjs, plain node), with a distinct Idempotency-Key per request, 2-line orders of
// two UMKM, synchronous=FULL (PostgreSQL: synchronous_commit on), 256 connections, from
// autocannon in its own process (bench/support/checkout-load.mjs). A bare node:http hello
// world is measured in the same run. An order counts once the server answered 201; the bench
// then checks that the database holds at least that many orders (nothing acknowledged lost).
// Two runs: the closed loop above (256 clients each sending its next order when the last was
// answered: the most the server sustains), then the goal's rate offered at Poisson-spaced
// times over the same 256 connections (bench/support/checkout-paced.mjs: the latency buyers
// see at that throughput, counted from when each order was due, after 2 s at the same rate
// that are answered but not counted).
// Goals: SQLite ≥ 3,000 orders/s, PostgreSQL ≥ 1,500/s, p99 ≤ 100 ms at that rate
// (BENCH_RATE=n offers another rate).
// Run: npm run build && npx tsx bench/checkout-http.ts [seconds=10] [connections=256]
//      (DATABASE_URL=postgres://…/any: the bench makes and drops its own database there;
//      with BENCH_EXISTING=1 it runs on DATABASE_URL's world as it is, e.g. one made by
//      `npx lumbung demo national --scale 1`, over BENCH_VARIANTS (1,000) of its UMKM's
//      variants (support/existing-world.ts), and neither makes nor drops it;
//      BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/p' passes flags to the server process)
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { sql } from 'kysely';
import { connect, migrateToLatest, type DbHandle } from '../src/kernel/db/index.js';
import { allMigrations } from '../src/migrations.js';
import { createToken, createUser, grantRole } from '../src/domains/accounts/index.js';
import { unwrap } from '../src/kernel/errors/index.js';
import { checkoutWorld } from './support/checkout-world.js';
import { existingWorld } from './support/existing-world.js';
import { startFlags } from './support/start-flags.js';
import { waitFor } from './support/wait-for.js';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 256);
const root = join(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'lumbung-checkout-http-'));
const pgUrl = process.env.DATABASE_URL;
const dbName = `lumbung_bench_checkout_${process.pid}`;
// A world already made (PostgreSQL): the orders go into it, and it stays.
const existing = process.env.BENCH_EXISTING === '1';
if (existing && !pgUrl) throw new Error('BENCH_EXISTING=1 needs DATABASE_URL (PostgreSQL)');
const benchUrl = pgUrl
  ? existing
    ? pgUrl
    : Object.assign(new URL(pgUrl), { pathname: `/${dbName}` }).href
  : null;
const sqlitePath = join(dir, 'bench.db');
// The paced run's first seconds at the same rate, answered but not counted (checkout-paced.mjs).
const PACED_WARM_SECONDS = 2;
// The paced run's rate: the goal's throughput unless BENCH_RATE says otherwise.
const rate = Number(process.env.BENCH_RATE ?? (pgUrl ? 1500 : 3000));

/** CPU seconds (user + system, all threads) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(statement);
  await c.end();
}

interface Load {
  rps: number;
  total: number;
  p50: number;
  p90: number;
  p97_5: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
}
interface Paced {
  offered: number;
  startedAt: string;
  /** From opening the connections until each had been answered once (the run starts then). */
  warmMs: number;
  /** Orders due in the warm-up seconds before the measured ones, and their answers. */
  warmOffered: number;
  warmStatusCodes: Record<string, number>;
  answered: number;
  unanswered: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  closes: number;
  statusCodes: Record<string, number>;
  worstSeconds: [number, number][];
  cpuSeconds: number;
}
/** Runs one of the load generators in its own process and returns the JSON it prints. */
function generator<T>(script: string, opts: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [join(root, 'bench/support', script), JSON.stringify(opts)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.once('exit', () => {
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function autocannonHello(url: string): Promise<{ rps: number; p99: number }> {
  return new Promise((resolve) => {
    const p = spawn(
      process.execPath,
      [
        join(root, 'node_modules/autocannon/autocannon.js'),
        '-c',
        String(connections),
        '-d',
        String(Math.min(seconds, 5)),
        '-j',
        url,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.once('exit', () => {
      const j = JSON.parse(out);
      resolve({ rps: j.requests.average, p99: j.latency.p99 });
    });
  });
}

/**
 * Stops a child and waits until it has exited (SIGKILL after `graceMs`). The server shuts down
 * closing its pool; the bench drops the database next, and `drop … with (force)` terminating
 * connections the server still held crashed it with an unhandled pool error in the bench's output.
 */
async function stop(p: ChildProcess | null, graceMs = 15_000): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill();
  const timer = setTimeout(() => p.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Waits (at most 10 minutes) until no job has run for 2 s and the server used < 2 % of a core
 * (20 % under --cpu-prof: sampling its two threads costs about 5 % of a core each when idle).
 */
async function quietJobs(h: DbHandle, pid: number): Promise<void> {
  const started = Date.now();
  const idle = process.env.BENCH_NODE_ARGS?.includes('--cpu-prof') ? 0.2 : 0.02;
  for (let quiet = 0; quiet < 2 && Date.now() - started < 600_000; ) {
    const cpu = cpuSeconds(pid);
    await sleep(1000);
    // A lock older than 10 minutes is a killed server's; the queue takes such a job again.
    const running = await h.db
      .selectFrom('jobs')
      .select('type')
      .where('status', '=', 'running')
      .where('locked_at', '>', new Date(Date.now() - 600_000).toISOString())
      .execute();
    quiet = running.length === 0 && cpuSeconds(pid) - cpu < idle ? quiet + 1 : 0;
  }
  console.log(`start-up jobs done after ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

let server: ChildProcess | null = null;
let hello: ChildProcess | null = null;
let bench: DbHandle | null = null;
try {
  // 1. The world: one regency, a service point, 32 products of 32 UMKM with ample stock, and a
  //    signed-in buyer's API token (explicit lines need a signed-in caller).
  if (benchUrl && !existing) await admin(`create database ${dbName}`);
  const h = connect({ databaseUrl: benchUrl ?? undefined, sqlitePath, synchronous: 'FULL' });
  bench = h;
  await migrateToLatest(h, allMigrations);
  const { servicePoint, variants } = existing
    ? await existingWorld(h, {
        variants: Number(process.env.BENCH_VARIANTS ?? 1000),
        stock: 10_000_000,
      })
    : await checkoutWorld(h, {
        stock: 10_000_000,
        product: (i) => ({ category: 'beras', title: `Beras Merah ${i + 1} kg` }),
      });
  // A buyer of its own on every run (a world that stays may hold earlier runs' buyers).
  const phone = existing ? `0812${String(Date.now()).slice(-8)}` : '081299990001';
  const userId = unwrap(await createUser(h.db, { displayName: 'Bench Buyer', phone }));
  await h.db.updateTable('users').set({ status: 'active' }).where('id', '=', userId).execute();
  unwrap(await grantRole(h.db, null, userId, 'buyer', null));
  const grant = await h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  const actor = {
    userId,
    displayName: 'Bench Buyer',
    locale: 'id' as const,
    grants: [],
    via: 'session' as const,
  };
  const { token } = unwrap(await createToken(h.db, actor, 'bench', grant.id));
  // This run's orders (a national world's millions of older ones are not counted each time).
  const since = new Date(Date.now() - 60_000).toISOString();
  const count = async () =>
    Number(
      (
        await h.db
          .selectFrom('orders')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('placed_at', '>=', since)
          .executeTakeFirstOrThrow()
      ).n,
    );

  // 2. The production process on that database, and the hello world, each on its own port.
  const PORT = 3960;
  const base = `http://127.0.0.1:${PORT}`;
  server = spawn(
    process.execPath,
    [
      ...startFlags(root),
      ...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      'dist/main.mjs',
      'serve',
    ],
    {
      cwd: root,
      env: {
        ...process.env,
        ...(benchUrl ? { DATABASE_URL: benchUrl } : { LUMBUNG_DB_PATH: sqlitePath }),
        LUMBUNG_UPLOAD_DIR: join(dir, 'uploads'),
        LUMBUNG_SQLITE_SYNCHRONOUS: 'FULL',
        LUMBUNG_LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
        HOST: '127.0.0.1',
        PORT: String(PORT),
      },
      // BENCH_SERVER_OUT=file keeps the server's stdout (e.g. with --trace-gc-nvp).
      stdio: [
        'ignore',
        process.env.BENCH_SERVER_OUT ? openSync(process.env.BENCH_SERVER_OUT, 'w') : 'ignore',
        'inherit',
      ],
    },
  );
  await waitFor(`${base}/healthz`, 60_000);
  // On a big world the server's start-up jobs (the impact summaries' refresh: seconds of
  // PostgreSQL's CPU, minutes for a first sales rebuild) would run under the measurement: wait
  // until no job runs and the server is idle, as a shop's server is between refreshes.
  if (existing) await quietJobs(h, server.pid!);
  hello = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { s.writeHead(200, {'content-type': 'text/plain'}); s.end('hello world'); }).listen(${PORT + 1}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  );
  await waitFor(`http://127.0.0.1:${PORT + 1}/`, 5000);
  const baseline = await autocannonHello(`http://127.0.0.1:${PORT + 1}/`);
  hello.kill();

  // 3. One checkout by hand first: a refused request would make the run measure errors.
  const probe = await fetch(`${base}/api/v1/checkout`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': `probe-${process.pid}`,
    },
    body: JSON.stringify({
      lines: [
        { variantId: variants[0], qty: 1 },
        { variantId: variants[1], qty: 1 },
      ],
      buyer: { name: 'Bench', phone: '081234567890' },
      delivery: { kind: 'pickup', servicePointId: servicePoint },
      paymentMethod: 'cod',
    }),
  });
  if (probe.status !== 201)
    throw new Error(`checkout refused: ${probe.status} ${await probe.text()}`);

  if (process.env.BENCH_HOLD) {
    // Debugging: print what is needed to send requests by hand, and keep the server up.
    console.log(
      JSON.stringify({
        base,
        token,
        variants: variants.slice(0, 2),
        servicePoint,
        pid: server.pid,
      }),
    );
    await sleep(Number(process.env.BENCH_HOLD) * 1000);
  }
  // 4. A short warm-up (JIT, connection pool), then the measured run.
  const opts = { base, token, variants, servicePoint, connections };
  await generator<Load>('checkout-load.mjs', { ...opts, seconds: 2, run: `warm-${process.pid}` });
  // PostgreSQL planned the server's statements while the order tables were empty: a seq scan of
  // idempotency_keys per batch, growing with every order. Autovacuum analyzes a grown table
  // within its naptime (a minute: longer than this run), and a shop's tables are never empty,
  // so the runs start from the statistics it would have; the analyze invalidates the plans.
  if (benchUrl && !existing) await sql`analyze`.execute(h.db);
  const before = await count();
  const la = loadavg();
  const cpu0 = cpuSeconds(server.pid!);
  const r = await generator<Load>('checkout-load.mjs', {
    ...opts,
    seconds,
    run: `run-${process.pid}`,
  });
  const cpu = cpuSeconds(server.pid!) - cpu0;
  const placed = (await count()) - before;
  const created = r.statusCodes['201']?.count ?? 0;
  const statuses = Object.entries(r.statusCodes)
    .map(([s, v]) => `${s}: ${v.count}`)
    .join(', ');
  console.log(
    `machine: ${cpus().length} × ${cpus()[0].model}; load before ${la.map((x) => x.toFixed(2)).join(' ')}, after ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  console.log(
    `${h.dialect}${existing ? ` (the world at DATABASE_URL, ${variants.length} UMKM's variants)` : ''}, synchronous=FULL, ${connections} connections, ${seconds} s; node:http hello world ${baseline.rps.toFixed(0)} req/s (p99 ${baseline.p99} ms)`,
  );
  console.log(
    `POST /api/v1/checkout: ${(created / seconds).toFixed(0)} acknowledged orders/s (${created} × 201), p50 ${r.p50} ms, p90 ${r.p90} ms, p97.5 ${r.p97_5} ms, p99 ${r.p99} ms, max ${r.max} ms; statuses ${statuses}; ${r.errors} errors, ${r.timeouts} timeouts`,
  );
  console.log(
    `server CPU ${cpu.toFixed(2)} s over the run: ${((1000 * cpu) / Math.max(1, created)).toFixed(2)} ms per acknowledged checkout`,
  );
  // 5. Paced: the goal's rate offered over the same connections (checkout-paced.mjs). In the
  //    closed loop above 256 clients are always waiting, so its latency is 256 / throughput;
  //    the p99 goal is a latency at the goal's throughput, measured here.
  const cpu1 = cpuSeconds(server.pid!);
  const before2 = await count();
  const p = await generator<Paced>('checkout-paced.mjs', {
    ...opts,
    rate,
    seconds,
    warmSeconds: PACED_WARM_SECONDS,
    run: `paced-${process.pid}`,
  });
  const cpu2 = cpuSeconds(server.pid!) - cpu1;
  const placed2 = (await count()) - before2;
  const created2 = p.statusCodes['201'] ?? 0;
  const warmCreated = p.warmStatusCodes['201'] ?? 0;
  console.log(
    `paced at ${rate} orders/s (Poisson arrivals) over ${connections} connections, ${seconds} s after ${PACED_WARM_SECONDS} s not counted (${p.warmOffered} offered, ${JSON.stringify(p.warmStatusCodes)}): ${p.offered} offered, ${created2} × 201 in ${p.seconds.toFixed(1)} s = ${(created2 / p.seconds).toFixed(0)}/s; latency from when each was due p50 ${p.p50} ms, p90 ${p.p90} ms, p99 ${p.p99} ms, max ${p.max} ms; statuses ${JSON.stringify(p.statusCodes)}; ${p.errors} errors, ${p.closes} connections closed, ${p.unanswered} unanswered; server CPU ${((1000 * cpu2) / Math.max(1, created2 + warmCreated)).toFixed(2)} ms per checkout, generator CPU ${p.cpuSeconds.toFixed(2)} s; started ${p.startedAt} (${p.warmMs} ms after the connections opened), slowest seconds ${p.worstSeconds.map(([s, ms]) => `${s}: ${ms} ms`).join(', ')}`,
  );
  const acknowledged = created + created2 + warmCreated;
  const stored = placed + placed2;
  console.log(
    `orders in the database after the runs: +${stored} (${stored >= acknowledged ? 'every acknowledged order is there' : 'MISSING ACKNOWLEDGED ORDERS'})`,
  );
} finally {
  // Every connection to the bench's database ends before it is dropped: the server's (it closes
  // its pool on SIGTERM) and the bench's own, also when the run failed half-way.
  await stop(server);
  await stop(hello);
  await bench?.close();
  if (benchUrl && !existing)
    await admin(`drop database if exists ${dbName} with (force)`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
