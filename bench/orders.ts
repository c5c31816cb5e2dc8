// Checkout throughput with synchronous=FULL: one transaction per order (baseline) vs group
// commit through the production checkout use case (apiCheckout, the body of POST
// /api/v1/checkout: Idempotency-Key stored with the response, the shared CheckoutBatcher,
// logistics' shipping quoter wired as in `npm start`). An order counts once its batch committed.
// Usage: npx tsx bench/orders.ts [orders]   (DATABASE_URL=postgres://… for PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { connect, migrateToLatest } from '../src/kernel/db/index.js';
import { demoPayee } from '../src/kernel/config.js';
import { allMigrations } from '../src/migrations.js';
import { checkoutWorld } from './support/checkout-world.js';
import '../src/domains/logistics/index.js';
import { placeOrder, type PlaceOrderInput } from '../src/domains/orders/index.js';
import { apiCheckout, type ApiCheckoutBody } from '../src/domains/orders/checkout/api-checkout.js';
import { checkoutBatcher } from '../src/domains/orders/checkout/group-commit.js';
import { idempotent } from '../src/kernel/http/index.js';

const N = Number(process.argv[2] ?? 5000);
const url = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-orders-'));
// PostgreSQL: a fresh schema per run, dropped at the end, so runs never mix.
const schema = url ? `bench_orders_${process.pid}` : undefined;
if (url) await admin(`create schema ${schema}`);
const h = connect({
  databaseUrl: url,
  pgSchema: schema,
  sqlitePath: join(dir, 'b.db'),
  synchronous: 'FULL',
  poolSize: 8,
});
await migrateToLatest(h, allMigrations);
const { servicePoint: sp, variants } = await checkoutWorld(h, { stock: 1_000_000 });
const lines = (i: number) => [
  { variantId: variants[i % 32], qty: 1 + (i % 2) },
  ...(i % 4 === 0 ? [{ variantId: variants[(i * 7 + 3) % 32], qty: 1 }] : []),
];
const input = (i: number): PlaceOrderInput => ({
  lines: lines(i),
  buyer: { name: 'Bench', phone: '081234567890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
  channel: 'api',
});
const body = (i: number): ApiCheckoutBody => ({
  lines: lines(i),
  buyer: { name: 'Bench', phone: '081234567890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
});

async function admin(statement: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(statement);
  await c.end();
}

async function run(
  label: string,
  fn: (i: number) => Promise<unknown>,
  n: number,
  concurrency: number,
) {
  let next = 0;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  const s = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const rate = n / s;
  console.log(
    `${label.padEnd(52)} ${rate.toFixed(0).padStart(6)} orders/s  (node CPU ${(((cpu.user + cpu.system) / 1e6 / s) * 100).toFixed(0)} %)`,
  );
  return rate;
}
const q0 = h.queryCount();
const base = await run(
  'baseline: placeOrder, 1 tx per order, 16 concurrent',
  (i) => placeOrder(h.db, input(i), null),
  Math.min(N, 1000),
  16,
);
const perBase = (h.queryCount() - q0) / Math.min(N, 1000);
// What the API ran before group commit: per request, the kernel's idempotent() (key reserved,
// then one transaction for order + stored response), i.e. two durable commits per order.
let j = 0;
await run(
  'per request: idempotent() + placeOrder, 16 concurrent',
  async (i) => {
    const r = await idempotent(h.db, 'bench', `alone-${process.pid}-${++j}`, 'fp', async (tx) => {
      const placed = await placeOrder(tx, input(i), null);
      if (!placed.ok) throw new Error(`checkout ${i}: ${placed.code}`);
      return { status: 201, body: placed.value };
    });
    if (r.status !== 201) throw new Error(`checkout ${i}: ${r.status}`);
  },
  Math.min(N, 1000),
  16,
);
const batcher = checkoutBatcher(h.db);
const q1 = h.queryCount();
let k = 0;
const gc = await run(
  'group commit: apiCheckout + key, 256 concurrent',
  async (i) => {
    const r = await apiCheckout(h.db, {
      key: `bench-${process.pid}-${++k}`,
      body: body(i),
      actor: null,
      secret: 'bench-secret',
      client: `bench-${i}`,
      payee: demoPayee(),
    });
    if (r.status !== 201) throw new Error(`checkout ${i}: ${r.status}`);
  },
  N,
  256,
);
const perGc = (h.queryCount() - q1) / N;
console.log(
  `${h.dialect}, synchronous=FULL: group commit = ${(gc / base).toFixed(1)}× baseline; statements per order ${perBase.toFixed(1)} → ${perGc.toFixed(2)}; ${batcher.batches} batches (${batcher.parallel} in parallel), ${batcher.fallbacks} fell back`,
);
await h.close();
if (url) await admin(`drop schema ${schema} cascade`);
rmSync(dir, { recursive: true, force: true });
