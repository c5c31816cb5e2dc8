// Precomputed sales for the national and province KPI views (issue 19): after a sequence of
// orders, deliveries and cancellations the summary equals the live computation over the
// orders; each event is added once (a refresh repeated, a rebuild between events, an event
// committed late); two runners (two connections) never refresh at once, and the job runs once
// across two workers; the national page says when the figures were refreshed.
//
// A refresh adds the events stamped SETTLE_MS before it: most tests refresh as of a moment that
// much later (`settled()`), as the next minute's run would.
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
import { idFloor } from '../../kernel/ids/index.js';
import { cancelOrder, recordFulfilment, salesTotals, salesValueBy } from '../orders/index.js';
import { median } from '../../lib/stats/index.js';
import { refreshSalesSummary, SETTLE_MS, SUMMARY_JOB } from './sales-summary.js';
import { claimSummary, holdSummary } from './summary-lease.js';
import { inTransaction } from '../../kernel/db/index.js';
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

const pause = () => new Promise((r) => setTimeout(r, 5));
/** As of when the events made so far have settled: what the next minute's refresh adds. */
const settled = () => new Date(Date.now() + SETTLE_MS + 1);

async function order(i: number, advanceTo?: 'delivered' | 'ready_for_pickup') {
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
  const first = await refreshSalesSummary(w.h.db, settled());
  assert.deepEqual(first.ran && first.rebuilt, true, 'the first refresh builds everything');
  await assertSummaryIsLive('after the first build');

  // More sales, and cancellations in both provinces: an incremental refresh catches up.
  for (let i = 6; i < 10; i++) placed.push(await order(i, i % 3 ? undefined : 'delivered'));
  unwrap(await cancelOrder(w.h.db, placed[0]!.orderId, { kind: 'actor', actor: ADMIN }));
  unwrap(await cancelOrder(w.h.db, placed[2]!.orderId, { kind: 'actor', actor: ADMIN }));
  const stale = await summarySales(w.h.db, 'all');
  assert.notEqual(stale.count, (await salesTotals(w.h.db, 'all')).count, 'not yet refreshed');
  const again = await refreshSalesSummary(w.h.db, settled());
  assert.equal(again.rebuilt, false, 'incremental');
  assert.ok(again.regencyMonths >= 2, 'both regencies recomputed');
  await assertSummaryIsLive('after the incremental refresh');
});

test('an incremental refresh changes an older month an event touched, and keeps the others', async () => {
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
  await refreshSalesSummary(w.h.db, settled(), { rebuild: true });
  await assertSummaryIsLive('with older months');
  const months = (await snapshot()).map((r) => r.month);
  assert.ok(months.includes('2025-12') && months.includes('2026-02'), months.join());
  unwrap(await cancelOrder(w.h.db, old[1]!.orderId, { kind: 'actor', actor: ADMIN }));
  const r = await refreshSalesSummary(w.h.db, settled());
  assert.equal(r.rebuilt, false);
  await assertSummaryIsLive('after cancelling in an older month');
  assert.ok(
    (await snapshot()).some((x) => x.month === '2025-12'),
    'the untouched older month is kept',
  );
});

test('a refresh is idempotent: again, incremental or rebuilt, the rows are the same', async () => {
  await refreshSalesSummary(w.h.db, settled());
  const before = await snapshot();
  assert.ok(before.length > 0);
  await refreshSalesSummary(w.h.db, settled());
  assert.deepEqual(await snapshot(), before);
  assert.equal((await refreshSalesSummary(w.h.db, settled(), { rebuild: true })).rebuilt, true);
  assert.deepEqual(await snapshot(), before);
});

test('two runners on two connections: one refreshes, the other stands aside', async () => {
  await order(20);
  // Both connections warm, so the two claims are made while the other run is in progress.
  await second.db.selectFrom('impact_summary_state').selectAll().execute();
  const [a, b] = await Promise.all([
    refreshSalesSummary(w.h.db, settled()),
    refreshSalesSummary(second.db, settled()),
  ]);
  assert.equal([a, b].filter((r) => r.ran).length, 1, JSON.stringify([a, b]));
  await assertSummaryIsLive('after the race');
  // The lease is released: the next refresh runs.
  assert.equal((await refreshSalesSummary(second.db, settled())).ran, true);
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
  // The job refreshed as of now: the sale just made is added by the next run, once settled.
  const state = await w.h.db
    .selectFrom('impact_summary_state')
    .select('refreshed_at')
    .where('name', '=', 'sales')
    .executeTakeFirstOrThrow();
  assert.ok(Date.parse(state.refreshed_at!) > Date.now() - 60_000);
  const next = await w.h.db
    .selectFrom('jobs')
    .select('run_at')
    .where('type', '=', SUMMARY_JOB)
    .where('status', '=', 'queued')
    .execute();
  assert.equal(next.length, 1);
  assert.ok(Date.parse(next[0]!.run_at) > Date.now());
  await refreshSalesSummary(w.h.db, settled());
  await assertSummaryIsLive('after the job and the next run');
});

test('the national and province views read the summary and say when it was refreshed', async () => {
  await refreshSalesSummary(w.h.db, settled());
  const read = await kpiPageRead.fn(w.h.db, 'all');
  assert.ok(read.salesAsOf);
  const live = await salesTotals(w.h.db, 'all');
  assert.equal(read.k.orders?.gmv, live.gmv);
  assert.equal((await kpiPageRead.fn(w.h.db, '53.09')).salesAsOf, null, 'a regency reads live');
  // A sale after the refresh shows on the national view only after the next one.
  await order(22);
  assert.equal((await kpiPageRead.fn(w.h.db, 'all')).k.orders?.gmv, live.gmv);
  await refreshSalesSummary(w.h.db, settled());
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

test('a refresh adds an event only once it has settled, and then once', async () => {
  await refreshSalesSummary(w.h.db, settled());
  const before = await snapshot();
  await order(40);
  // Placed and cancelled between two refreshes: it adds nothing.
  const gone = await order(41);
  unwrap(await cancelOrder(w.h.db, gone.orderId, { kind: 'actor', actor: ADMIN }));
  // Stamped a moment ago: its transaction might not have committed yet, so it waits.
  assert.equal((await refreshSalesSummary(w.h.db)).rebuilt, false);
  assert.deepEqual(await snapshot(), before, 'not added before it settled');
  await refreshSalesSummary(w.h.db, settled());
  await assertSummaryIsLive('added once settled');
  const added = await snapshot();
  await refreshSalesSummary(w.h.db, settled());
  assert.deepEqual(await snapshot(), added, 'and not again');
});

test('a rebuild takes out the events after its cutoff, which the next refresh adds once', async () => {
  const toCancel = await order(50);
  const toDeliver = await order(51, 'ready_for_pickup');
  await refreshSalesSummary(w.h.db, settled());
  await assertSummaryIsLive('before');
  const before = await snapshot();
  await pause();
  const cutoff = Date.now();
  await pause();
  // A cancellation, a delivery and a sale stamped after the rebuild's cutoff (now - SETTLE_MS).
  unwrap(await cancelOrder(w.h.db, toCancel.orderId, { kind: 'actor', actor: ADMIN }));
  unwrap(await recordFulfilment(w.h.db, toDeliver.orderId, 'delivered', ADMIN));
  await order(52);
  const asOfCutoff = new Date(cutoff + SETTLE_MS);
  assert.equal((await refreshSalesSummary(w.h.db, asOfCutoff, { rebuild: true })).rebuilt, true);
  assert.deepEqual(await snapshot(), before, 'the figures as they were at the cutoff');
  assert.equal((await refreshSalesSummary(w.h.db, settled())).rebuilt, false);
  await assertSummaryIsLive('the events after the cutoff added by the next refresh');
});

test('a change committed after its window was read makes the next refresh rebuild', async () => {
  const older = await order(60);
  await refreshSalesSummary(w.h.db, settled());
  const { inputs } = await w.h.db
    .selectFrom('impact_summary_state')
    .select('inputs')
    .where('name', '=', 'sales')
    .executeTakeFirstOrThrow();
  const last = JSON.parse(inputs!) as { from: number; to: number };
  // A cancellation whose transaction stamped its event inside the window just read and
  // committed only after the read: made here by moving a new event's stamp back into it.
  unwrap(await cancelOrder(w.h.db, older.orderId, { kind: 'actor', actor: ADMIN }));
  await w.h.db
    .updateTable('order_outbox')
    .set({ id: idFloor('oev', last.from + Math.floor((last.to - last.from) / 2)) })
    .where('order_id', '=', older.orderId)
    .where('kind', '=', 'status')
    .execute();
  const r = await refreshSalesSummary(w.h.db, settled());
  assert.equal(r.rebuilt, true, 'the recount found one change more');
  await assertSummaryIsLive('after the rebuild');
  assert.equal((await refreshSalesSummary(w.h.db, settled())).rebuilt, false, 'then incremental');
  await assertSummaryIsLive('and still live');
});

test('a summary left by the recomputing refresh before this one is rebuilt first', async () => {
  await refreshSalesSummary(w.h.db, settled());
  // That refresh recorded no window, and its watermark lagged 2 minutes behind what it counted:
  // adding events from there would count those again.
  await w.h.db
    .updateTable('impact_summary_state')
    .set({ inputs: null, watermark: new Date(Date.now() - 120_000).toISOString() })
    .where('name', '=', 'sales')
    .execute();
  assert.equal((await refreshSalesSummary(w.h.db, settled())).rebuilt, true);
  await assertSummaryIsLive('rebuilt');
});

test('a run whose lease another runner took writes nothing', async () => {
  const now = new Date();
  assert.ok(await claimSummary(w.h.db, 'sales', 'first', now));
  // The first run outlived its lease; a second runner claimed the summary.
  const later = new Date(now.getTime() + 11 * 60_000);
  assert.ok(await claimSummary(w.h.db, 'sales', 'second', later));
  const before = await snapshot();
  await assert.rejects(
    inTransaction(w.h.db, async (tx) => {
      await tx.deleteFrom('impact_sales_summary').execute();
      await holdSummary(tx, 'sales', 'first');
    }),
    /lease was lost/,
  );
  assert.deepEqual(await snapshot(), before, 'rolled back');
  await w.h.db
    .updateTable('impact_summary_state')
    .set({ lease_owner: null, lease_until: null })
    .where('name', '=', 'sales')
    .execute();
});
