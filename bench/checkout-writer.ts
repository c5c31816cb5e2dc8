// The checkout writer thread's work alone (issue 19): batches of checkouts settled on a SQLite
// file the way the thread settles them (threadSettler: the thread's own connection and its
// checkpoints every CHECKPOINT_EVERY_CHECKOUTS), one after another, with no HTTP and no other
// thread on the core. Over HTTP the writer is the one serial stage every checkout passes, and
// the paced latency is very sensitive to its time a checkout (a batch lasts F / (1 - rate × t):
// bench/README.md, "Two indexes no query reads"); this measures that time without the noise of
// the load generator, the main thread and the machine's other tenants. Prints the wall and CPU
// time a checkout, the batch's p50 / p90 / max, and where SQLite's time goes by statement.
// Usage: npx tsx bench/checkout-writer.ts [batch=100] [batches=300]
//        (BENCH_CHECKPOINT_EVERY=n checkpoints after every n checkouts instead, e.g. 10 × batch,
//        the count in batches the thread used before)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';

// The thread's young generation (main.ts starts it with 16 MiB semi-spaces): run again with it.
if (!process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const r = spawnSync(
    process.execPath,
    ['--max-semi-space-size=16', ...process.execArgv, ...process.argv.slice(1)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}

// Every statement the connection prepares is timed by its text (the writer's statements are
// prepared once per text and kept, connect.ts).
const bySql = new Map<string, { n: number; ms: number }>();
const prepare = Database.prototype.prepare;
Database.prototype.prepare = function (this: Database.Database, source: string) {
  const st = prepare.call(this, source);
  const key = source.replace(/\s+/g, ' ').trim().slice(0, 60);
  for (const m of ['run', 'all', 'get'] as const) {
    const f = st[m] as (...a: unknown[]) => unknown;
    (st as unknown as Record<string, unknown>)[m] = function (this: unknown, ...a: unknown[]) {
      const t = performance.now();
      try {
        return f.apply(this, a);
      } finally {
        const e = bySql.get(key) ?? { n: 0, ms: 0 };
        e.n++;
        e.ms += performance.now() - t;
        bySql.set(key, e);
      }
    };
  }
  return st;
} as typeof prepare;

const { connect, migrateToLatest } = await import('../src/kernel/db/index.js');
const { allMigrations } = await import('../src/migrations.js');
const { composeDomains } = await import('../src/domains.js');
const { demoPayee } = await import('../src/kernel/config.js');
const { threadSettler } = await import('../src/domains/orders/index.js');
const { checkoutWorld } = await import('./support/checkout-world.js');
const { createUser, grantRole } = await import('../src/domains/accounts/index.js');
const { unwrap } = await import('../src/kernel/errors/index.js');
const { checkoutOrder } = await import('./support/checkout-order.mjs');

const B = Number(process.argv[2] ?? 100);
const BATCHES = Number(process.argv[3] ?? 300);
composeDomains();
const dir = mkdtempSync(join(tmpdir(), 'lumbung-checkout-writer-'));
const file = join(dir, 'b.db');
try {
  const setup = connect({ sqlitePath: file, synchronous: 'FULL' });
  await migrateToLatest(setup, allMigrations);
  const { servicePoint, variants } = await checkoutWorld(setup, { stock: 100_000_000 });
  // A signed-in buyer, as the HTTP bench's token is.
  const userId = unwrap(
    await createUser(setup.db, { displayName: 'Bench', phone: '081299990001' }),
  );
  await setup.db.updateTable('users').set({ status: 'active' }).where('id', '=', userId).execute();
  unwrap(await grantRole(setup.db, null, userId, 'buyer', null));
  const actor = {
    userId,
    displayName: 'Bench',
    locale: 'id' as const,
    grants: [],
    via: 'session' as const,
  };
  await setup.close();
  const writer = threadSettler({
    sqlitePath: file,
    synchronous: 'FULL',
    checkpointEvery: Number(process.env.BENCH_CHECKPOINT_EVERY ?? 0) || undefined,
  });
  // The HTTP bench's checkout (support/checkout-order.mjs) as the API hands it to the batcher,
  // with the API's response and the payee.
  let n = 0;
  const order = { variants, servicePoint, token: '', run: 'writer' };
  const job = () => {
    const i = n++;
    const body = JSON.parse(checkoutOrder(order, i).body);
    return {
      input: { ...body, channel: 'api' as const, partnerId: null },
      actor,
      idem: { scope: `checkout:${userId}`, key: `run-${i}`, fp: `fp-${i}` },
      respond: { kind: 'api' as const, secret: 'bench-secret-'.repeat(3), payee: demoPayee() },
    };
  };
  // One unmeasured round of 20 batches: the statements prepared, the code optimised.
  for (let i = 0; i < 20; i++) await writer.settle(Array.from({ length: B }, job));
  bySql.clear();
  const times: number[] = [];
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < BATCHES; i++) {
    const jobs = Array.from({ length: B }, job);
    const t = performance.now();
    const done = await writer.settle(jobs);
    times.push(performance.now() - t);
    if (!done.settled.every((s) => s.ok)) throw new Error('a checkout was not placed');
    // The thread's checkpoint runs on setImmediate after a batch, as between two messages.
    await new Promise((r) => setImmediate(r));
  }
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const count = B * BATCHES;
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))];
  console.log(
    `${count} checkouts in ${BATCHES} batches of ${B}: ${((wall / count) * 1000).toFixed(0)} µs a checkout (wall), ` +
      `${((used.user + used.system) / count).toFixed(0)} µs CPU (system ${(used.system / count).toFixed(0)}); ` +
      `a batch p50 ${at(0.5).toFixed(1)} ms, p90 ${at(0.9).toFixed(1)} ms, max ${at(1).toFixed(1)} ms`,
  );
  const inSqlite = [...bySql.values()].reduce((s, e) => s + e.ms, 0);
  console.log(
    `in SQLite ${((inSqlite / count) * 1000).toFixed(0)} µs a checkout; by statement (µs a checkout, calls):`,
  );
  for (const [text, e] of [...bySql].sort((x, y) => y[1].ms - x[1].ms).slice(0, 12))
    console.log(
      `  ${((e.ms / count) * 1000).toFixed(1).padStart(6)}  ${String(e.n).padStart(5)}  ${text}`,
    );
  await writer.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
