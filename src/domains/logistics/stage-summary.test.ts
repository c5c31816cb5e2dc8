// The logistics KPIs' stage summary (stage-summary.ts, migration 0707) against the scans it
// summarises: 150 parcels with seeded random trips across three months, two provinces and
// three regencies (two of them in one province). For every area (province, regency, kecamatan)
// and period (whole months, parts of months, one day), the KPI figures equal a count of the
// scans before any fold (the days not folded are read from the scans), and after the folds
// every day's and month's rows equal a recount. Then every kind of write: a late scan from an
// offline device that re-pairs its parcel's stages, a parcel's status changed by hand, a
// parcel moved to another month, a parcel and its scans deleted; and on PostgreSQL's pool,
// writers racing the folds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage } from '../../../test/support/community.js';
import { figuresOf, kpiFigures } from './kpi-figures.queries.js';
import { liveParcelCounts, liveStageCounts, SCOPED_COLUMNS } from './stage-counts.queries.js';
import {
  addCount,
  countsOf,
  foldAllStageSummary,
  foldStageSummary,
  regionsOf,
  tenthsOf,
  type Counts,
} from './stage-summary.js';
import { periodParts, stageCountsOf } from './stage-read.js';
import { touching } from './parcel-stats.queries.js';
import type { ScanKind } from './logistics.tables.js';

let w: World;
const villages: string[] = [];
before(async () => {
  w = await createWorld({ regions: ['53.09', '53.10', '35.10'] });
  for (const r of ['53.09', '53.10', '35.10'])
    for (const nth of [0, 1, 7]) villages.push(await anyVillage(w.h.db, r, nth));
});
after(() => w.close());

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}
const rnd = lcg(19);
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;

const TRIPS: ScanKind[][] = [
  ['received_at_point', 'arrived_hub', 'left_hub', 'arrived_hub', 'out_for_delivery', 'delivered'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'ready_for_pickup', 'delivered'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'failed_delivery', 'out_for_delivery'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'ready_for_pickup', 'return_started'],
  ['received_at_point', 'out_for_delivery', 'delivered'],
];
const STATUSES = ['at_hub', 'delivered', 'in_transit', 'returned'] as const;
let made = 0;

/** A parcel between two of the villages, created on `day` (or a random day of Jun-Aug 2026). */
async function parcel(day?: string): Promise<string> {
  const id = `pcl_ss_${made++}`;
  const created = day
    ? Date.parse(`${day}T07:00:00Z`)
    : Date.UTC(2026, 5, 1) + Math.floor(rnd() * 92 * 24) * 3600_000;
  const at = new Date(created).toISOString();
  await w.h.db
    .insertInto('parcels')
    .values({
      id,
      tracking_number: `LSS${made}`,
      order_id: null,
      direction: 'local',
      origin_village_code: pick(villages),
      destination_village_code: pick(villages),
      weight_grams: 800,
      status: pick([...STATUSES]),
      node_index: 0,
      attempts: 0,
      returning: 0,
      is_demo: 0,
      created_at: at,
      updated_at: at,
      delivered_at: null,
    })
    .execute();
  let t = created;
  const trip = pick(TRIPS).slice(0, 2 + Math.floor(rnd() * 5));
  await w.h.db
    .insertInto('parcel_scans')
    .values(
      trip.map((kind, i) => {
        t += Math.floor(1 + rnd() * 30 * 60) * 60_000;
        return scanRow(id, `${i}`, kind, new Date(t).toISOString());
      }),
    )
    .execute();
  return id;
}

const scanRow = (parcelId: string, n: string, kind: ScanKind, at: string) => ({
  id: `scn_${parcelId}_${n}`,
  parcel_id: parcelId,
  client_scan_id: `ss-${parcelId}-${n}`,
  kind,
  node_index: 0,
  location_id: null,
  actor_id: null,
  note: null,
  at,
});

const AREAS = () => ['53', '53.09', '53.10', '35', '35.10', villages[0]!.slice(0, 8)];
const PERIODS: [string, string][] = [
  ['2026-06-01', '2026-07-01'],
  ['2026-06-10', '2026-07-21'],
  ['2026-05-20', '2026-09-01'],
  ['2026-07-31', '2026-08-01'],
  ['2026-07-01', '2026-09-01'],
];

/** The figures of every area and period equal a count of the scans. */
async function assertFigures(at: string): Promise<void> {
  for (const area of AREAS())
    for (const [from, end] of PERIODS) {
      const scans = await liveStageCounts(
        w.h.db,
        w.h.db
          .selectFrom('parcels')
          .select(SCOPED_COLUMNS)
          .where((eb) => touching(eb, [area]))
          .where('created_at', '>=', from)
          .where('created_at', '<', end),
      );
      assert.deepEqual(
        await kpiFigures(w.h.db, area, from, end),
        figuresOf(scans),
        `${at}: ${area} ${from}..${end}`,
      );
    }
}

/** Counts as sorted text, to compare. */
const text = (c: Counts) =>
  JSON.stringify(
    [...c]
      .filter(([, of]) => of.size > 0)
      .sort()
      .map(([k, of]) => [k, [...of].sort((a, b) => a[0] - b[0])]),
  );

/** After folding everything, every parcel's marks and every month's rows equal a recount. */
async function assertFolded(at: string): Promise<void> {
  await foldAllStageSummary(w.h.db);
  const marks = new Map<string, Counts>();
  const months = new Map<string, Counts>();
  const all = await liveParcelCounts(w.h.db, w.h.db.selectFrom('parcels').select(SCOPED_COLUMNS));
  for (const c of all) {
    const m = marks.get(c.id) ?? new Map();
    addCount(m, c.k, c.tenths, c.n);
    marks.set(c.id, m);
    for (const region of regionsOf(c)) {
      const key = `${region}|${c.day.slice(0, 7)}`;
      const into = months.get(key) ?? new Map();
      addCount(into, c.k, c.tenths, c.n);
      months.set(key, into);
    }
  }
  const gotMarks = await w.h.db.selectFrom('parcel_stage_marks').selectAll().execute();
  assert.deepEqual(
    new Map(gotMarks.map((m) => [m.parcel_id, text(countsOf(m.marks))])),
    new Map([...marks].map(([id, c]) => [id, text(c)])),
    `${at}: the marks`,
  );
  const gotMonths = new Map<string, Counts>();
  for (const r of await w.h.db.selectFrom('parcel_stage_months').selectAll().execute()) {
    const key = `${r.region}|${r.month}`;
    gotMonths.set(key, (gotMonths.get(key) ?? new Map()).set(r.k, tenthsOf(r.counts)));
  }
  const sorted = (m: Map<string, Counts>) =>
    [...m]
      .map(([k, c]) => [k, text(c)])
      .filter(([, t]) => t !== '[]')
      .sort();
  assert.deepEqual(sorted(gotMonths), sorted(months), `${at}: the months`);
  assert.equal(
    (await w.h.db.selectFrom('parcel_stage_dirty').selectAll().execute()).length,
    0,
    `${at}: the fold took every parcel`,
  );
  await assertFigures(`${at}, folded`);
}

test('a period as whole months and the days at its edges', () => {
  assert.deepEqual(periodParts('2026-06-10', '2026-09-01'), {
    months: ['2026-07', '2026-08'],
    days: [['2026-06-10', '2026-07-01']],
  });
  assert.deepEqual(periodParts('2026-01-31', '2026-02-01'), {
    months: [],
    days: [['2026-01-31', '2026-02-01']],
  });
  assert.deepEqual(periodParts('2025-12-01', '2026-03-05'), {
    months: ['2025-12', '2026-01', '2026-02'],
    days: [['2026-03-01', '2026-03-05']],
  });
  assert.deepEqual(periodParts('2026-03-05', '2026-03-05'), { months: [], days: [] });
});

test('the summary gives the figures the scans give, however a parcel is written', async () => {
  for (let i = 0; i < 150; i++) await parcel();
  await assertFigures('nothing folded');
  const june = await kpiFigures(w.h.db, '53', '2026-06-01', '2026-07-01');
  assert.ok(
    Object.keys(june.medians).length === 5 && june.failedDeliveries > 0,
    'every stage and failed deliveries in June',
  );
  await assertFolded('every parcel');
  const monthRows = await w.h.db
    .selectFrom('parcel_stage_months')
    .select('region')
    .distinct()
    .execute();
  assert.deepEqual(monthRows.map((r) => r.region).sort(), ['35', '35.10', '53', '53.09', '53.10']);

  // A scan sent late by an offline device, timed between two it follows: the parcel's stages
  // pair again (left_hub → arrived_hub becomes a line haul where there was none).
  const late = await parcel('2026-06-15');
  await w.h.db.deleteFrom('parcel_scans').where('parcel_id', '=', late).execute();
  await w.h.db
    .insertInto('parcel_scans')
    .values([
      scanRow(late, 'a', 'received_at_point', '2026-06-15T08:00:00.000Z'),
      scanRow(late, 'b', 'arrived_hub', '2026-06-15T10:00:00.000Z'),
      scanRow(late, 'c', 'arrived_hub', '2026-06-16T10:00:00.000Z'),
    ])
    .execute();
  await assertFolded('a trip');
  await w.h.db
    .insertInto('parcel_scans')
    .values(scanRow(late, 'd', 'left_hub', '2026-06-15T12:03:00.000Z'))
    .execute();
  await assertFigures('a late scan, not folded');
  // With more parcels waiting than the read takes from the log, the period comes from the scans.
  assert.deepEqual(
    figuresOf(await stageCountsOf(w.h.db, '53', '2026-06-01', '2026-08-01', 0)),
    await kpiFigures(w.h.db, '53', '2026-06-01', '2026-08-01'),
    'too many waiting: counted from the scans',
  );
  await assertFolded('a late scan');
  const before = await w.h.db
    .selectFrom('parcels')
    .select(['id', 'created_at'])
    .orderBy('id')
    .limit(3)
    .execute();
  await w.h.db
    .updateTable('parcels')
    .set({ status: 'failed_delivery' })
    .where('id', '=', before[0]!.id)
    .execute();
  await assertFigures('a status by hand');
  await assertFolded('a status by hand');
  await w.h.db
    .updateTable('parcels')
    .set({ created_at: '2026-08-30T10:00:00.000Z' })
    .where('id', '=', before[1]!.id)
    .execute();
  await assertFolded('a parcel moved to August');
  await w.h.db.deleteFrom('parcel_scans').where('parcel_id', '=', before[2]!.id).execute();
  await w.h.db.deleteFrom('parcels').where('id', '=', before[2]!.id).execute();
  await assertFigures('a parcel deleted, not folded');
  await assertFolded('a parcel deleted');
  // The only parcel of its month: once it is deleted, its month's rows go with it.
  const alone = await parcel('2026-05-03');
  await assertFolded('the only parcel of May');
  await w.h.db.deleteFrom('parcel_scans').where('parcel_id', '=', alone).execute();
  await w.h.db.deleteFrom('parcels').where('id', '=', alone).execute();
  await assertFolded('the only parcel of May deleted');
  assert.deepEqual(
    await w.h.db
      .selectFrom('parcel_stage_months')
      .select('k')
      .where('month', '=', '2026-05')
      .execute(),
    [],
    "May's rows are gone",
  );
  assert.equal(await foldStageSummary(w.h.db), 0, 'nothing new: nothing to fold');
});

test('writers racing the folds: every scan is counted once', async () => {
  let writing = true;
  const folder = (async () => {
    while (writing) {
      await foldStageSummary(w.h.db);
      await new Promise((r) => setImmediate(r));
    }
  })();
  // Six writers, each making parcels in one July week and scanning them on.
  await Promise.all(
    Array.from({ length: 6 }, async (_, i) => {
      for (let k = 0; k < 5; k++) {
        const id = await parcel(`2026-07-0${1 + ((i + k) % 7)}`);
        await w.h.db
          .insertInto('parcel_scans')
          .values(scanRow(id, 'z', 'delivered', '2026-07-20T10:00:00.000Z'))
          .execute();
        await w.h.db
          .updateTable('parcels')
          .set({ status: 'delivered' })
          .where('id', '=', id)
          .execute();
      }
    }),
  );
  writing = false;
  await folder;
  await assertFolded('after the race');
});
