// Precomputed sales for the national and province KPI views (issue 19): after a sequence of
// orders, deliveries and cancellations the summary equals the live computation over the
// orders; a refresh is idempotent; two runners (two connections) never refresh at once, and the
// job runs once across two workers; the national page says when the figures were refreshed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, type World } from '../../../test/support/world.js';
import { connectAgain, testDatabaseUrl } from '../../../test/support/kernel/index.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeOrder } from '../../../test/support/orders.js';
import { connect, type DbHandle } from '../../kernel/db/index.js';
import { enqueue, getJob, runOnce } from '../../kernel/jobs/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import {
  cancelOrder,
  salesMonthsChangedSince,
  salesTotals,
  salesValueBy,
} from '../orders/index.js';
import { median } from '../../lib/stats/index.js';
import { refreshSalesSummary, SUMMARY_JOB } from './sales-summary.js';
import { medianOfTenths, summaryGmvBy, summarySales } from './sales-summary.queries.js';
import { kpiPageRead } from './kpi.reads.js';

const ADMIN: Actor = {
  userId: 'usr_fixture_admin',
  displayName: 'Fixture admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

let w: World;
let second: DbHandle;
let dir: string | null = null;
const sellers: { umkm: string; village: string }[] = [];

before(async () => {
  // A file (SQLite) or a schema (PostgreSQL) that a second connection can open.
  if (!testDatabaseUrl()) dir = mkdtempSync(join(tmpdir(), 'lumbung-summary-'));
  w = await createWorld({ sqlitePath: dir ? join(dir, 'db.sqlite') : undefined });
  second = testDatabaseUrl() ? connectAgain(w.h) : connect({ sqlitePath: join(dir!, 'db.sqlite') });
  for (const prefix of ['53.09', '53.09', '35.10']) {
    const village = await anyVillage(w.h.db, prefix, sellers.length + 1);
    sellers.push({ umkm: await makeUmkm(w.h.db, { villageCode: village }), village });
  }
});
after(async () => {
  await second.close();
  await w.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function order(i: number, advanceTo?: 'delivered') {
  const s = sellers[i % sellers.length]!;
  return makeOrder(w.h, {
    umkmId: s.umkm,
    villageCode: s.village,
    price: 10_000 + 1_000 * i,
    qty: 1 + (i % 3),
    advanceTo,
  });
}

/** The summary's figures equal the live ones for the nation, both provinces and both regencies. */
async function assertSummaryIsLive(label: string) {
  for (const scope of ['all', ['53'], ['35'], ['53.09'], ['35.10']] as ('all' | string[])[]) {
    const live = await salesTotals(w.h.db, scope);
    const sum = await summarySales(w.h.db, scope);
    const at = `${label}, ${String(scope)}`;
    assert.equal(sum.count, live.count, `count: ${at}`);
    assert.equal(sum.gmv, live.gmv, `gmv: ${at}`);
    assert.equal(sum.itemsTotal, live.itemsTotal, `items: ${at}`);
    assert.equal(sum.sellerShare, live.sellerShare, `share: ${at}`);
    assert.equal(sum.delivered, live.leadDays.length, `delivered: ${at}`);
    const m = median(live.leadDays);
    if (m === null) assert.equal(sum.leadDays, null);
    // Kept in tenths of a day: the precision the page shows.
    else assert.ok(Math.abs(sum.leadDays! - m) <= 0.05 + 1e-9, `lead ${sum.leadDays} vs ${m}`);
  }
  for (const len of [2, 5])
    assert.deepEqual(
      [...(await summaryGmvBy(w.h.db, 'all', len))].sort(),
      [...(await salesValueBy(w.h.db, 'all', len))].sort(),
      `${label}: breakdown by ${len}`,
    );
}

const snapshot = () =>
  w.h.db
    .selectFrom('impact_sales_summary')
    .selectAll()
    .orderBy('regency_code')
    .orderBy('month')
    .execute();

test('the summary equals the live figures after orders, deliveries and cancellations', async () => {
  const placed = [];
  for (let i = 0; i < 6; i++) placed.push(await order(i, i % 2 ? 'delivered' : undefined));
  const first = await refreshSalesSummary(w.h.db);
  assert.deepEqual(first.ran && first.rebuilt, true, 'the first refresh builds everything');
  await assertSummaryIsLive('after the first build');

  // More sales, and cancellations in both provinces: an incremental refresh catches up.
  for (let i = 6; i < 10; i++) placed.push(await order(i, i % 3 ? undefined : 'delivered'));
  unwrap(await cancelOrder(w.h.db, placed[0]!.orderId, { kind: 'actor', actor: ADMIN }));
  unwrap(await cancelOrder(w.h.db, placed[2]!.orderId, { kind: 'actor', actor: ADMIN }));
  const stale = await summarySales(w.h.db, 'all');
  assert.notEqual(stale.count, (await salesTotals(w.h.db, 'all')).count, 'not yet refreshed');
  const again = await refreshSalesSummary(w.h.db);
  assert.equal(again.rebuilt, false, 'incremental');
  assert.ok(again.regencyMonths >= 2, 'both regencies recomputed');
  await assertSummaryIsLive('after the incremental refresh');
});

test('an incremental refresh recomputes an older month an event touched, and only the touched pairs', async () => {
  // Two orders placed in earlier months (one in December of the year before: the month after
  // is January), built into the summary, then one cancelled: its month is recomputed alone.
  const old = [await order(30, 'delivered'), await order(31)];
  await w.h.db
    .updateTable('orders')
    .set({ placed_at: '2025-12-20T08:00:00.000Z' })
    .where('id', '=', old[0]!.orderId)
    .execute();
  await w.h.db
    .updateTable('orders')
    .set({ placed_at: '2026-02-27T08:00:00.000Z' })
    .where('id', '=', old[1]!.orderId)
    .execute();
  await refreshSalesSummary(w.h.db, new Date(), { rebuild: true });
  await assertSummaryIsLive('with older months');
  const months = (await snapshot()).map((r) => r.month);
  assert.ok(months.includes('2025-12') && months.includes('2026-02'), months.join());
  unwrap(await cancelOrder(w.h.db, old[1]!.orderId, { kind: 'actor', actor: ADMIN }));
  const r = await refreshSalesSummary(w.h.db);
  assert.equal(r.rebuilt, false);
  await assertSummaryIsLive('after cancelling in an older month');
  assert.ok(
    (await snapshot()).some((x) => x.month === '2025-12'),
    'the untouched older month is kept',
  );
});

test('a refresh is idempotent: again, incremental or rebuilt, the rows are the same', async () => {
  await refreshSalesSummary(w.h.db);
  const before = await snapshot();
  assert.ok(before.length > 0);
  await refreshSalesSummary(w.h.db);
  assert.deepEqual(await snapshot(), before);
  assert.equal((await refreshSalesSummary(w.h.db, new Date(), { rebuild: true })).rebuilt, true);
  assert.deepEqual(await snapshot(), before);
});

test('two runners on two connections: one refreshes, the other stands aside', async () => {
  await order(20);
  // Both connections warm, so the two claims are made while the other run is in progress.
  await second.db.selectFrom('impact_summary_state').selectAll().execute();
  const [a, b] = await Promise.all([refreshSalesSummary(w.h.db), refreshSalesSummary(second.db)]);
  assert.equal([a, b].filter((r) => r.ran).length, 1, JSON.stringify([a, b]));
  await assertSummaryIsLive('after the race');
  // The lease is released: the next refresh runs.
  assert.equal((await refreshSalesSummary(second.db)).ran, true);
});

test('the refresh job runs once across two workers and queues its next run', async () => {
  await w.h.db.deleteFrom('jobs').execute();
  await order(21, 'delivered');
  const id = await enqueue(w.h.db, SUMMARY_JOB, {});
  // On PostgreSQL both workers poll at once. A SQLite file is served by one process, and two
  // connections of one thread cannot both hold transactions (the second would block the thread
  // that must commit the first), so there the second worker polls after the first.
  const claimed = testDatabaseUrl()
    ? await Promise.all([runOnce(w.h.db), runOnce(second.db)])
    : [await runOnce(w.h.db), await runOnce(second.db)];
  assert.equal(claimed.filter(Boolean).length, 1);
  const job = await getJob(w.h.db, id);
  assert.equal(job?.status, 'done');
  assert.equal(job?.attempts, 1);
  const next = await w.h.db
    .selectFrom('jobs')
    .select('run_at')
    .where('type', '=', SUMMARY_JOB)
    .where('status', '=', 'queued')
    .execute();
  assert.equal(next.length, 1);
  assert.ok(Date.parse(next[0]!.run_at) > Date.now());
  await assertSummaryIsLive('after the job');
});

test('the national and province views read the summary and say when it was refreshed', async () => {
  await refreshSalesSummary(w.h.db);
  const read = await kpiPageRead.fn(w.h.db, 'all');
  assert.ok(read.salesAsOf);
  const live = await salesTotals(w.h.db, 'all');
  assert.equal(read.k.orders?.gmv, live.gmv);
  assert.equal((await kpiPageRead.fn(w.h.db, '53.09')).salesAsOf, null, 'a regency reads live');
  // A sale after the refresh shows on the national view only after the next one.
  await order(22);
  assert.equal((await kpiPageRead.fn(w.h.db, 'all')).k.orders?.gmv, live.gmv);
  await refreshSalesSummary(w.h.db);
  assert.equal(
    (await kpiPageRead.fn(w.h.db, 'all')).k.orders?.gmv,
    (await salesTotals(w.h.db, 'all')).gmv,
  );
  const html = await (await (await w.as('analyst')).get('/impact')).text();
  assert.match(html, /data-testid="sales-as-of"/);
  assert.match(html, /Angka penjualan dihitung ulang setiap menit; terakhir diperbarui \d/);
  const regency = await (await w.as('regional_officer', '53.09')).get('/impact');
  assert.doesNotMatch(await regency.text(), /sales-as-of/);
});

test('the median of a histogram is the median of the list it stands for', () => {
  const h = new Map([
    [3, 2],
    [10, 1],
    [25, 3],
  ]);
  assert.equal(medianOfTenths(h), median([0.3, 0.3, 1, 2.5, 2.5, 2.5]));
  assert.equal(medianOfTenths(new Map([[7, 3]])), 0.7);
  assert.equal(medianOfTenths(new Map()), null);
});

test('the touched regency-months: orders minted since, and older orders with an event since', async () => {
  const pause = () => new Promise((r) => setTimeout(r, 5));
  const placedIn = (orderId: string, month: string) =>
    w.h.db
      .updateTable('orders')
      .set({ placed_at: `${month}-10T08:00:00.000Z` })
      .where('id', '=', orderId)
      .execute();
  // Minted before `since`, one with an event after it; then one minted after it.
  const quiet = await order(40);
  const older = await order(41);
  await placedIn(quiet.orderId, '2026-04');
  await placedIn(older.orderId, '2026-03');
  await pause();
  const since = new Date().toISOString();
  await pause();
  unwrap(await cancelOrder(w.h.db, older.orderId, { kind: 'actor', actor: ADMIN }));
  const fresh = await order(42);
  await placedIn(fresh.orderId, '2026-05');
  const pairs = await salesMonthsChangedSince(w.h.db, since);
  const got = pairs.map((p) => `${p.regency}|${p.month}`);
  const of = (i: number, month: string) =>
    `${sellers[i % sellers.length]!.village.slice(0, 5)}|${month}`;
  assert.ok(got.includes(of(41, '2026-03')), `an older order's event: ${got.join()}`);
  assert.ok(got.includes(of(42, '2026-05')), `an order minted since: ${got.join()}`);
  assert.ok(!got.includes(of(40, '2026-04')), `an order with no event since: ${got.join()}`);
  assert.equal(new Set(got).size, got.length, 'each pair once');
});
