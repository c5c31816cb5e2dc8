// Checkout throughput with synchronous=FULL: one transaction per order (baseline) vs group
// commit (CheckoutBatcher: concurrent checkouts in one transaction, a savepoint each).
// Usage: npx tsx bench/orders.ts [orders]   (DATABASE_URL=postgres://… for PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateToLatest } from '../src/kernel/db/index.js';
import { allMigrations } from '../src/migrations.js';
import { importRegions } from '../src/domains/regions/index.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../src/domains/community/testing.js';
import { makeProduct } from '../src/domains/catalog/testing.js';
import { placeOrder, type PlaceOrderInput } from '../src/domains/orders/index.js';
import { CheckoutBatcher } from '../src/domains/orders/checkout/group-commit.js';

const N = Number(process.argv[2] ?? 3000);
const url = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-orders-'));
const h = connect({ databaseUrl: url, sqlitePath: join(dir, 'b.db'), synchronous: 'FULL', poolSize: 8 });
await migrateToLatest(h, allMigrations);
await importRegions(h.db, { prefixes: ['53.09'] });
const village = await anyVillage(h.db);
const sp = await makeServicePoint(h.db, { villageCode: village });
const variants: string[] = [];
for (let i = 0; i < 8; i++) variants.push((await makeProduct(h, { umkmId: await makeUmkm(h.db, { villageCode: village }), stock: 1_000_000 })).variantId);
const input = (i: number): PlaceOrderInput => ({ lines: [{ variantId: variants[i % 8], qty: 1 }], buyer: { name: 'Bench', phone: '081234567890' }, delivery: { kind: 'pickup', servicePointId: sp }, paymentMethod: 'cod', channel: 'api' });

async function run(label: string, fn: (i: number) => Promise<unknown>, n: number, concurrency: number) {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => { while (next < n) await fn(next++); }));
  const rate = n / ((performance.now() - t0) / 1000);
  console.log(`${label.padEnd(44)} ${rate.toFixed(0).padStart(6)} orders/s`);
  return rate;
}
const base = await run(`baseline: 1 tx per order, 16 concurrent`, (i) => placeOrder(h.db, input(i), null), Math.min(N, 1000), 16);
const batcher = new CheckoutBatcher(h.db, { maxBatch: 128, parallel: 1 });
const gc = await run(`group commit, 256 concurrent`, (i) => batcher.place(input(i), null), N, 256);
console.log(`${h.dialect}, synchronous=FULL: group commit = ${(gc / base).toFixed(1)}× baseline (${batcher.batches} batches)`);
await h.close();
rmSync(dir, { recursive: true, force: true });
