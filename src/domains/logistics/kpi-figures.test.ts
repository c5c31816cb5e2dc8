// The logistics KPIs' scan figures counted in the database (stage-counts.queries.ts) against
// the rule they replace, walked in JavaScript scan by scan: 80 parcels with seeded random scan
// sequences (stages, failed attempts, returns before and after collection, scans at equal
// times ordered by id, whole minutes that fall on half a tenth of an hour, parcels outside
// the region or the dates) give the same medians (of hours to the tenth, half up) and failed
// deliveries on both databases. And the 5 km coverage count by cells equals checking every pair.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage } from '../../../test/support/community.js';
import { median } from '../../lib/stats/index.js';
import { kpiFigures } from './kpi-figures.queries.js';
import { parcelOutcomes } from './parcel-stats.queries.js';
import { countWithinKm, greatCircleKm, type LatLng } from './geo.js';
import type { ScanKind } from './logistics.tables.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

interface Scan {
  kind: ScanKind;
  at: string;
  id: string;
}

/** The rule as the page walked it before (kpis.ts until 2026-12-07), one parcel at a time. */
function walked(parcels: Scan[][]) {
  // Hours to the tenth, half up (the page's precision, which the summary counts by).
  const hours = (a: string, b: string) =>
    Math.floor((Date.parse(b) - Date.parse(a) + 180_000) / 360_000) / 10;
  const stage: Record<string, number[]> = {
    first_mile: [],
    line_haul: [],
    last_mile: [],
    pickup_wait: [],
    end_to_end: [],
  };
  let failed = 0;
  for (const scans of parcels) {
    const all = [...scans].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    const turn = all.findIndex((s) => s.kind === 'return_started');
    if (turn > 0 && all[turn - 1]!.kind === 'ready_for_pickup') failed++;
    const list = turn < 0 ? all : all.slice(0, turn);
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      const n = list[i + 1];
      if (s.kind === 'failed_delivery') failed++;
      if (!n) continue;
      if (s.kind === 'received_at_point' && n.kind === 'arrived_hub')
        stage.first_mile!.push(hours(s.at, n.at));
      if (s.kind === 'left_hub' && n.kind === 'arrived_hub')
        stage.line_haul!.push(hours(s.at, n.at));
      if (
        s.kind === 'out_for_delivery' &&
        (n.kind === 'ready_for_pickup' || n.kind === 'delivered')
      )
        stage.last_mile!.push(hours(s.at, n.at));
      if (s.kind === 'ready_for_pickup' && n.kind === 'delivered')
        stage.pickup_wait!.push(hours(s.at, n.at));
    }
    const done = list.find((s) => s.kind === 'delivered');
    if (done && list[0] !== done) stage.end_to_end!.push(hours(list[0]!.at, done.at));
  }
  const medians = Object.fromEntries(
    Object.entries(stage)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, median(v)!]),
  );
  return { medians, failedDeliveries: failed };
}

// Journeys the network makes, and some it should not (a return before anything, a repeat).
const JOURNEYS: ScanKind[][] = [
  ['received_at_point', 'arrived_hub', 'left_hub', 'arrived_hub', 'out_for_delivery', 'delivered'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'ready_for_pickup', 'delivered'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'failed_delivery', 'out_for_delivery'],
  ['received_at_point', 'arrived_hub', 'out_for_delivery', 'ready_for_pickup', 'return_started'],
  ['received_at_point', 'out_for_delivery', 'failed_delivery', 'return_started', 'failed_delivery'],
  ['return_started', 'received_at_point', 'arrived_hub', 'delivered'],
  ['delivered', 'delivered'],
  ['received_at_point', 'return_started', 'ready_for_pickup', 'return_started', 'delivered'],
  ['received_at_point', 'arrived_hub', 'left_hub', 'arrived_hub', 'out_for_delivery'],
];

test('scan figures from the database equal the rule walked parcel by parcel', async () => {
  const rnd = lcg(7);
  const inside = await anyVillage(w.h.db, '53.09', 3);
  const outside = await anyVillage(w.h.db, '35.10', 3);
  const counted: Scan[][] = [];
  for (let p = 0; p < 80; p++) {
    const journey = JOURNEYS[p % JOURNEYS.length]!.slice(0, 2 + Math.floor(rnd() * 5));
    const created = Date.UTC(2026, 5, 1 + Math.floor(rnd() * 30), Math.floor(rnd() * 24));
    // One parcel in eight lies outside the region, one in eight outside the dates.
    const away = p % 8 === 3;
    const late = p % 8 === 5;
    const createdAt = new Date(created + (late ? 40 * 86400_000 : 0)).toISOString();
    await w.h.db
      .insertInto('parcels')
      .values({
        id: `pcl_kpi_${p}`,
        tracking_number: `LKPI${p}`,
        order_id: null,
        direction: 'local',
        origin_village_code: away ? outside : inside,
        destination_village_code: away ? outside : inside,
        weight_grams: 1000,
        status: 'at_hub',
        node_index: 0,
        attempts: 0,
        returning: 0,
        is_demo: 0,
        created_at: createdAt,
        updated_at: createdAt,
        delivered_at: null,
      })
      .execute();
    let t = Date.parse(createdAt);
    const scans: Scan[] = journey.map((kind, i) => {
      // Every fifth step at the same time as the one before: the id decides the order.
      if (i % 5 !== 4) t += Math.floor(1 + rnd() * 40 * 60) * 60_000;
      return {
        kind,
        at: new Date(t).toISOString(),
        id: `scn_kpi_${p}_${String(i).padStart(2, '0')}`,
      };
    });
    await w.h.db
      .insertInto('parcel_scans')
      .values(
        scans.map((s, i) => ({
          id: s.id,
          parcel_id: `pcl_kpi_${p}`,
          client_scan_id: `kpi-${p}-${i}`,
          kind: s.kind,
          node_index: i,
          location_id: null,
          actor_id: null,
          note: null,
          at: s.at,
        })),
      )
      .execute();
    if (!away && !late) counted.push(scans);
  }
  const got = await kpiFigures(w.h.db, '53.09', '2026-06-01', '2026-07-01');
  assert.deepEqual(got.byStatus, { at_hub: counted.length }, 'the parcels in scope, by status');
  const want = walked(counted);
  assert.equal(got.failedDeliveries, want.failedDeliveries);
  assert.deepEqual(Object.keys(got.medians).sort(), Object.keys(want.medians).sort());
  for (const [k, v] of Object.entries(want.medians))
    assert.ok(Math.abs(got.medians[k as keyof typeof got.medians]! - v) < 1e-6, `${k}: ${v}`);
  assert.ok(want.failedDeliveries > 5 && Object.keys(want.medians).length === 5, 'every rule met');
  // Two scans at one time, the later id written first: the id, not the writing, orders them
  // (delivered, then a stray ready_for_pickup: no pickup wait).
  await w.h.db
    .insertInto('parcels')
    .values({
      id: 'pcl_kpi_tie',
      tracking_number: 'LKPITIE',
      order_id: null,
      direction: 'local',
      origin_village_code: inside,
      destination_village_code: inside,
      weight_grams: 1000,
      status: 'delivered',
      node_index: 0,
      attempts: 0,
      returning: 0,
      is_demo: 0,
      created_at: '2026-09-02T09:00:00.000Z',
      updated_at: '2026-09-02T15:00:00.000Z',
      delivered_at: '2026-09-02T15:00:00.000Z',
    })
    .execute();
  for (const [id, kind, at] of [
    ['scn_tie_3', 'received_at_point', '10:00'],
    ['scn_tie_2', 'out_for_delivery', '12:00'],
    ['scn_tie_1', 'ready_for_pickup', '15:00'],
    ['scn_tie_0', 'delivered', '15:00'],
  ] as const)
    await w.h.db
      .insertInto('parcel_scans')
      .values({
        id,
        parcel_id: 'pcl_kpi_tie',
        client_scan_id: `kpi-${id}`,
        kind,
        node_index: 0,
        location_id: null,
        actor_id: null,
        note: null,
        at: `2026-09-02T${at}:00.000Z`,
      })
      .execute();
  assert.deepEqual(await kpiFigures(w.h.db, '53.09', '2026-09-01', '2026-10-01'), {
    byStatus: { delivered: 1 },
    medians: { last_mile: 3, end_to_end: 5 },
    failedDeliveries: 0,
  });
  const none = await kpiFigures(w.h.db, '53.09', '2027-01-01', '2027-02-01');
  assert.deepEqual(none, { byStatus: {}, medians: {}, failedDeliveries: 0 });
});

test('villages with a point within 5 km: by cells as by every pair', () => {
  const rnd = lcg(11);
  // Flores around Bajawa, and a few far north (the cells widen with latitude).
  const near = (lat: number, lng: number, spread: number): LatLng => ({
    lat: lat + (rnd() - 0.5) * spread,
    lng: lng + (rnd() - 0.5) * spread,
  });
  for (const [lat, n] of [
    [-8.79, 400],
    [5.5, 200],
    [60, 100],
  ] as const) {
    const villages = Array.from({ length: n }, () => near(lat, 120.98, 1));
    const points = Array.from({ length: n / 10 }, () => near(lat, 120.98, 1));
    const everyPair = villages.filter((v) => points.some((p) => greatCircleKm(v, p) <= 5)).length;
    assert.equal(countWithinKm(villages, points, 5), everyPair, `around latitude ${lat}`);
    assert.ok(everyPair > 0 && everyPair < n, 'some near, some not');
  }
  assert.equal(countWithinKm([], [{ lat: 0, lng: 0 }], 5), 0);
  assert.equal(countWithinKm([{ lat: 0, lng: 0 }], [], 5), 0);
});

test("an area's parcel outcomes and median days to delivery, as counted parcel by parcel", async () => {
  const v35 = await anyVillage(w.h.db, '35.10', 4);
  const leads = [0.5, 3.25, 1.75, 2.1, 6];
  for (const [i, status] of ['delivered', 'failed_delivery', 'at_hub', 'returned'].entries())
    for (let k = 0; k < (status === 'delivered' ? leads.length : 2); k++) {
      const created = Date.UTC(2026, 2, 1 + k, 8);
      await w.h.db
        .insertInto('parcels')
        .values({
          id: `pcl_out_${i}_${k}`,
          tracking_number: `LOUT${i}${k}`,
          order_id: null,
          direction: 'inbound',
          origin_village_code: null,
          destination_village_code: v35,
          weight_grams: 500,
          status: status as 'delivered',
          node_index: 0,
          attempts: 0,
          returning: 0,
          is_demo: 0,
          created_at: new Date(created).toISOString(),
          updated_at: new Date(created).toISOString(),
          delivered_at:
            status === 'delivered' ? new Date(created + leads[k]! * 86400_000).toISOString() : null,
        })
        .execute();
    }
  // The village alone: the first test's parcels lie in other villages.
  const odd = await parcelOutcomes(w.h.db, [v35]);
  assert.deepEqual(odd, { total: 11, delivered: 5, failed: 2, inProgress: 4, leadDays: 2.1 });
  await w.h.db.deleteFrom('parcels').where('id', '=', 'pcl_out_0_4').execute();
  const even = await parcelOutcomes(w.h.db, [v35]);
  assert.equal(even.leadDays, median([0.5, 3.25, 1.75, 2.1]), 'the mean of the two middle ones');
  assert.equal(even.total, 10);
  const none = await parcelOutcomes(w.h.db, ['35.10.99.9999']);
  assert.deepEqual(none, { total: 0, delivered: 0, failed: 0, inProgress: 0, leadDays: null });
});
