// Closing a market-day cycle at scale, SQLite with synchronous=FULL (or PostgreSQL with
// DATABASE_URL): 10,000 orders from 300 producers to 40 pickup points. The orders are written
// in bulk (the checkout's own speed is bench/orders.ts); the timed part is what the
// coordinator waits for: closeCycle (runs per point, successor) plus both lists. Checks that
// sum(supplier lists) = sum(packing lists) = ordered quantities.
// Usage: npx tsx bench/collective.ts [orders] [producers] [points]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, migrateToLatest, nowIso, type Database } from '../src/kernel/db/index.js';
import { newId } from '../src/kernel/ids/index.js';
import type { CycleOrdersTable } from '../src/domains/collective/collective.tables.js';
import { unwrap } from '../src/kernel/errors/index.js';
import { allMigrations } from '../src/migrations.js';
import { importRegions } from '../src/domains/regions/index.js';
import {
  closeCycle,
  openCycle,
  packingLists,
  supplierLists,
} from '../src/domains/collective/index.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../test/support/community.js';
import { makeProduct } from '../test/support/catalog.js';
import { coordinatorOf } from '../test/support/collective.js';

const N = Number(process.argv[2] ?? 10_000);
const PRODUCERS = Number(process.argv[3] ?? 300);
const POINTS = Number(process.argv[4] ?? 40);
const url = process.env.DATABASE_URL;
const dir = mkdtempSync(join(tmpdir(), 'lumbung-bench-collective-'));
const h = connect({
  databaseUrl: url,
  pgSchema: url ? `bench_collective_${process.pid}` : undefined,
  sqlitePath: join(dir, 'b.db'),
  synchronous: 'FULL',
});
if (url) await h.db.schema.createSchema(`bench_collective_${process.pid}`).ifNotExists().execute();
await migrateToLatest(h, allMigrations);
await importRegions(h.db, { prefixes: ['53.09'] });
const village = await anyVillage(h.db);
const org = await makeOrganisation(h.db, { villageCode: village });
const variants: { variantId: string; productId: string; umkmId: string }[] = [];
for (let i = 0; i < PRODUCERS; i++) {
  const umkmId = await makeUmkm(h.db, { villageCode: village, organisationId: org });
  variants.push({ ...(await makeProduct(h, { umkmId, stock: 1_000_000 })), umkmId });
}
const points: string[] = [];
for (let i = 0; i < POINTS; i++)
  points.push(await makeServicePoint(h.db, { villageCode: village, organisationId: org }));
const now = Date.now();
const cycleId = unwrap(
  await openCycle(h.db, coordinatorOf(org), {
    organisationId: org,
    name: 'Pasar Kamis (bench)',
    opensAt: new Date(now - 3600_000).toISOString(),
    closesAt: new Date(now + 86400_000).toISOString(),
    repeat: 'weekly',
    products: variants.map((v) => ({ variantId: v.variantId })),
    points: points.map((p) => ({
      servicePointId: p,
      pickupDate: new Date(now + 2 * 86400_000).toISOString().slice(0, 10),
      pickupFrom: '08:00',
      pickupTo: '11:00',
    })),
  }),
);

let ordered = 0;
const at = nowIso();
for (let start = 0; start < N; start += 500) {
  const orders: Database['orders'][] = [];
  const lines: Database['order_lines'][] = [];
  const links: CycleOrdersTable[] = [];
  for (let i = start; i < Math.min(N, start + 500); i++) {
    const v = variants[(i * 7) % PRODUCERS];
    const sp = points[i % POINTS];
    const qty = 1 + (i % 3);
    ordered += qty;
    const id = newId('ord');
    orders.push({
      id,
      number: `LMB-2026-B${String(i).padStart(6, '0')}`,
      seq: 1_000_000 + i,
      group_id: newId('grp'),
      umkm_id: v.umkmId,
      village_code: village,
      buyer_name: `Pembeli ${i}`,
      buyer_phone: '+6281234567890',
      buyer_user_id: null,
      delivery_kind: 'pickup' as const,
      delivery_village_code: village,
      delivery_address: null,
      service_point_id: sp,
      channel: 'storefront' as const,
      partner_id: null,
      agent_user_id: null,
      agent_service_point_id: null,
      consent_at: null,
      status: 'placed' as const,
      payment_status: 'unpaid' as const,
      fulfilment_status: 'unfulfilled' as const,
      payment_method: 'cod' as const,
      items_total: 25000 * qty,
      shipping: 0,
      platform_fee: 0,
      agent_commission: 0,
      total: 25000 * qty,
      seller_share: 25000 * qty,
      reserved_until: null,
      placed_at: at,
      delivered_at: null,
      updated_at: at,
      is_demo: 0,
    });
    lines.push({
      id: newId('orl'),
      order_id: id,
      variant_id: v.variantId,
      product_id: v.productId,
      title: 'Gula Aren Cetak 500 g',
      variant_label: '500 g',
      qty,
      unit_price: 25000,
      weight_grams: 500,
      line_total: 25000 * qty,
    });
    links.push({
      order_id: id,
      cycle_id: cycleId,
      group_id: orders.at(-1)!.group_id,
      service_point_id: sp,
      placed_at: at,
    });
  }
  await h.db.transaction().execute(async (tx) => {
    await tx.insertInto('orders').values(orders).execute();
    await tx.insertInto('order_lines').values(lines).execute();
    await tx.insertInto('cycle_orders').values(links).execute();
  });
}
await h.db.updateTable('cycles').set({ order_count: N }).where('id', '=', cycleId).execute();

const t0 = performance.now();
const closed = unwrap(await closeCycle(h.db, coordinatorOf(org), cycleId));
const t1 = performance.now();
const suppliers = await supplierLists(h.db, cycleId);
const t2 = performance.now();
const packing = await packingLists(h.db, cycleId);
const t3 = performance.now();
const sumS = suppliers.reduce((s, l) => s + l.totalQty, 0);
const sumP = packing.reduce((s, l) => s + l.totalQty, 0);
const consistent = sumS === ordered && sumP === ordered;
console.log(
  JSON.stringify({
    dialect: url ? 'postgres' : 'sqlite (synchronous=FULL)',
    orders: N,
    producers: PRODUCERS,
    points: POINTS,
    runs: closed.runs,
    closeMs: Math.round(t1 - t0),
    supplierListsMs: Math.round(t2 - t1),
    packingListsMs: Math.round(t3 - t2),
    totalMs: Math.round(t3 - t0),
    ordered,
    supplierSum: sumS,
    packingSum: sumP,
    consistent,
    supplierLists: suppliers.length,
    packingLists: packing.length,
  }),
);
if (url) await h.db.schema.dropSchema(`bench_collective_${process.pid}`).cascade().execute();
await h.close();
rmSync(dir, { recursive: true, force: true });
if (!consistent || t3 - t0 > 5000) process.exitCode = 1;
