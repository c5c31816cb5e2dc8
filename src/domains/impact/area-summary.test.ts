// The national and province views' precomputed areas (issue 19): after a refresh every block
// (villages and enrolment, UMKM, listings, parcels, survey poverty, the west/east comparison,
// the poverty page) equals the live computation for the nation and both provinces; a new UMKM,
// survey answer or parcel shows after the next (incremental) refresh; the pages say when.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder } from '../../../test/support/orders.js';
import { addRollouts } from '../../../test/support/impact.js';
import { sql } from 'kysely';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { seedDemoSurveys } from './demo-seed.js';
import { childBreakdown, kpisFor, westEast, type Sources } from './kpi.queries.js';
import { kpiPageRead, povertyRowsRead } from './kpi.reads.js';
import { refreshAreaSummary } from './area-summary.js';
import { recordHousehold } from './surveys.service.js';
import { householdCells, povertyBy } from './outcomes.queries.js';
import { villageCohorts } from './regions.queries.js';
import { lineBook } from './poverty-lines.js';

const ADMIN: Actor = {
  userId: 'usr_fixture_admin',
  displayName: 'Fixture admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};
const ASOF = new Date().toISOString().slice(0, 10);
const LIVE: Sources = {};
const SUMMARY: Sources = { areas: 'refreshed' };

let w: World;
let v53: string;
let v35: string;
let n = 0;

async function parcel(from: string, to: string, status: string, days?: number) {
  const created = new Date(Date.now() - 5 * 86400_000).toISOString();
  n++;
  await w.h.db
    .insertInto('parcels')
    .values({
      id: `prc_test_${n}`,
      tracking_number: `TST${n}`,
      order_id: null,
      direction: 'outbound',
      origin_village_code: from,
      destination_village_code: to,
      weight_grams: 1000,
      status: status as any,
      node_index: 0,
      attempts: 0,
      returning: 0,
      is_demo: 0,
      created_at: created,
      updated_at: new Date().toISOString(),
      delivered_at:
        days === undefined ? null : new Date(Date.parse(created) + days * 86400_000).toISOString(),
    })
    .execute();
}

before(async () => {
  w = await createWorld();
  await addRollouts(w.h.db);
  await seedDemoSurveys(w.h.db, ['53.09', '35.10']);
  v53 = await anyVillage(w.h.db, '53.09', 2);
  v35 = await anyVillage(w.h.db, '35.10', 2);
  const u = await makeUmkm(w.h.db, { villageCode: v53 });
  await makeUmkm(w.h.db, { villageCode: v53 });
  await makeUmkm(w.h.db, { villageCode: v35 });
  await makeProduct(w.h, { umkmId: u, listed: true });
  await makeOrder(w.h, { umkmId: u, villageCode: v53, price: 30000, qty: 1 });
  await parcel(v53, v35, 'delivered', 2.34);
  await parcel(v53, v53, 'delivered', 1.5);
  await parcel(v35, v53, 'failed_delivery');
  await parcel(v35, v35, 'at_hub');
  await w.h.db
    .insertInto('village_profiles')
    .values([
      { village_code: v53, signal: '4g', electricity_share: 0.8, updated_at: ASOF, is_demo: 0 },
      { village_code: v35, signal: '2g', electricity_share: 0.95, updated_at: ASOF, is_demo: 0 },
    ])
    .execute();
});
after(() => w.close());

/** Numbers equal; sums of floats (poverty gap, mean income) to 1e-9 relative. */
function same(a: unknown, b: unknown, at: string): void {
  if (typeof a === 'number' && typeof b === 'number') {
    if (Number.isNaN(a)) assert.ok(Number.isNaN(b), at);
    else assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${at}: ${a} vs ${b}`);
    return;
  }
  if (a && b && typeof a === 'object') {
    assert.deepEqual(Object.keys(a).sort(), Object.keys(b).sort(), at);
    for (const k of Object.keys(a)) same((a as any)[k], (b as any)[k], `${at}.${k}`);
    return;
  }
  assert.equal(a, b, at);
}

async function assertSummaryIsLive(label: string): Promise<void> {
  for (const focus of ['all', '53', '35']) {
    const at = `${label}, ${focus}`;
    const live = await kpisFor(w.h.db, focus, ASOF, LIVE);
    const sum = await kpisFor(w.h.db, focus, ASOF, SUMMARY);
    // Delivery time: kept in tenths of a day, the precision the page shows.
    assert.ok(Math.abs((sum.parcels!.leadDays ?? 0) - (live.parcels!.leadDays ?? 0)) <= 0.05);
    same({ ...sum.parcels, leadDays: 0 }, { ...live.parcels, leadDays: 0 }, `${at} parcels`);
    same({ ...sum, parcels: null }, { ...live, parcels: null }, `${at} kpis`);
    same(
      await childBreakdown(w.h.db, focus, ASOF, SUMMARY),
      await childBreakdown(w.h.db, focus, ASOF, LIVE),
      `${at} children`,
    );
    const scope = focus === 'all' ? 'all' : [focus];
    for (const level of ['province', 'regency', 'district', 'village'] as const)
      for (const year of [2023, 2024, 2025]) {
        const page = await povertyRowsRead.fn(w.h.db, scope, level, year);
        assert.ok(page.areasAsOf, 'the poverty page reads the cells');
        const villages = new Map((await villageCohorts(w.h.db, scope)).map((v) => [v.code, v]));
        const cells = await householdCells(w.h.db, scope, villages, await lineBook(w.h.db), year);
        same(
          page.rows.map(({ name: _, ...r }) => r),
          povertyBy(cells, level),
          `${at} poverty ${level} ${year}`,
        );
      }
  }
  same(await westEast(w.h.db, ASOF, SUMMARY), await westEast(w.h.db, ASOF, LIVE), 'west/east');
}

test('before any refresh the pages read live; after it every block equals the live figures', async () => {
  const before = await kpiPageRead.fn(w.h.db, 'all');
  assert.equal(before.areasAsOf, null, 'never refreshed: read live');
  const first = await refreshAreaSummary(w.h.db);
  assert.ok(first.ran && first.rebuilt, 'the first refresh builds everything');
  const k = await kpisFor(w.h.db, 'all', ASOF, SUMMARY);
  assert.ok(
    k.villages > 0 && k.enrolledVillages > 0 && k.umkm!.total === 3 && k.umkm!.active === 1,
  );
  assert.deepEqual(
    { ...k.parcels, leadDays: null },
    { total: 4, delivered: 2, failed: 1, inProgress: 1, leadDays: null },
  );
  assert.ok(k.households && k.households.surveyed > 0);
  await assertSummaryIsLive('after the first build');
  const page = await kpiPageRead.fn(w.h.db, 'all');
  assert.ok(page.areasAsOf, 'the page says when');
  same(page.k, await kpisFor(w.h.db, 'all', undefined, SUMMARY), 'page');
});

test('a new UMKM, survey answer and parcel show after the next refresh (incremental)', async () => {
  await refreshAreaSummary(w.h.db);
  const was = await kpisFor(w.h.db, 'all', ASOF, SUMMARY);
  await makeUmkm(w.h.db, { villageCode: v35 });
  await parcel(v35, v53, 'delivered', 3);
  const village = await anyVillage(w.h.db, '53.09', 5);
  unwrap(
    await recordHousehold(w.h.db, ADMIN, {
      village_code: village,
      wave_year: was.households!.wave,
      household_code: 'HH-NEW-1',
      household_size: 4,
      income_monthly: 400_000,
      consent: true,
    } as any),
  );
  const stale = await kpisFor(w.h.db, 'all', ASOF, SUMMARY);
  assert.equal(stale.umkm!.total, was.umkm!.total, 'not yet refreshed');
  const r = await refreshAreaSummary(w.h.db);
  assert.equal(r.rebuilt, false, 'incremental');
  // The regencies and months with rows from the last two minutes (the margin): here all new.
  assert.ok(r.regencies >= 1 && r.regencies <= 2 && r.months === 1, JSON.stringify(r));
  const now = await kpisFor(w.h.db, 'all', ASOF, SUMMARY);
  assert.equal(now.umkm!.total, was.umkm!.total + 1);
  assert.equal(now.parcels!.total, was.parcels!.total + 1);
  assert.equal(now.parcels!.delivered, was.parcels!.delivered + 1);
  assert.equal(now.households!.surveyed, was.households!.surveyed + 1);
  assert.equal(
    now.households!.below,
    was.households!.below + 1,
    '100,000 a head is below the line',
  );
  await assertSummaryIsLive('after the incremental refresh');
});

test('a refresh is idempotent, and a new poverty line rebuilds the cells', async () => {
  await refreshAreaSummary(w.h.db);
  const cells = () =>
    w.h.db
      .selectFrom('impact_poverty_cells')
      .selectAll()
      .orderBy('wave_year')
      .orderBy('village_code')
      .execute();
  const before = await cells();
  assert.equal((await refreshAreaSummary(w.h.db)).rebuilt, false);
  assert.deepEqual(await cells(), before, 'nothing new: the same cells');
  await w.h.db
    .insertInto('poverty_lines')
    .values({
      period: '2025-03',
      province_code: '53',
      area: 'rural',
      amount: 700_000,
      source: 'test',
      created_at: new Date().toISOString(),
      created_by: null,
    })
    .execute();
  const r = await refreshAreaSummary(w.h.db);
  assert.ok(r.rebuilt, 'the lines changed: everything rebuilt');
  assert.notDeepEqual(await cells(), before);
  await assertSummaryIsLive('after a new line');
});

test('PostgreSQL: a parcel written while the rebuild waits is counted once', async (t) => {
  if (w.h.dialect !== 'postgres') return t.skip('SQLite has one writer: none writes meanwhile');
  await parcel(v53, v35, 'at_hub');
  // Holds the logged change's row lock, so the rebuild's emptying of the log waits on it.
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const holder = inTransaction(w.h.db, async (tx) => {
    await sql`select 1 from parcel_count_changes for update`.execute(tx);
    held();
    await gate;
  });
  await holding;
  const rebuild = refreshAreaSummary(w.h.db, new Date(), { rebuild: true });
  for (let i = 0; ; i++) {
    const waiting = await sql<{ n: number }>`select count(*)::integer as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(w.h.db);
    if (waiting.rows[0]!.n > 0) break;
    if (i > 300) throw new Error('the rebuild never waited');
    await new Promise((r) => setTimeout(r, 10));
  }
  // Written after the rebuild began emptying the log: in its recount or in the log, not both.
  await parcel(v35, v53, 'delivered', 2);
  release();
  await holder;
  assert.ok((await rebuild).rebuilt);
  assert.equal((await refreshAreaSummary(w.h.db)).months, 1, 'left in the log for the next run');
  await assertSummaryIsLive('after a parcel written while the rebuild waited');
});
