// KPIs from known scan times: medians per stage, end to end, failures and 5 km coverage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { createParcel } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import { logisticsKpis } from './kpis.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 2 });
});
after(() => w.close());

test('lead times, failures and coverage from recorded scans', async () => {
  let n = 0;
  const h = (hours: number) => new Date(Date.UTC(2026, 5, 1, 0) + hours * 3600_000).toISOString();
  for (const [first, total] of [
    [2, 30],
    [4, 50],
  ]) {
    const p = unwrap(
      await createParcel(w.h.db, null, {
        originPointId: net.points[0],
        destinationPointId: net.points[1],
        weightGrams: 1000,
        at: h(0),
      }),
    );
    const s = async (kind: any, loc: string, at: number, code?: string) =>
      unwrap(
        await recordScan(w.h.db, null, {
          tracking: p.trackingNumber,
          kind,
          locationId: loc,
          clientScanId: `kpi-scan-${++n}`,
          at: h(at),
          pickupCode: code,
        }),
      );
    await s('received_at_point', net.points[0], 0);
    await s('arrived_hub', net.kecHub, first);
    await s('out_for_delivery', net.kecHub, first + 1);
    await s('failed_delivery', net.kecHub, first + 2);
    await s('out_for_delivery', net.kecHub, first + 10);
    await s('ready_for_pickup', net.points[1], first + 12);
    await s('delivered', net.points[1], total, p.pickupCode);
  }
  // Village centres: one 1 km from point 0, one 40 km away.
  const p0 = await w.h.db
    .selectFrom('service_points')
    .select(['lat', 'lng', 'village_code'])
    .where('id', '=', net.points[0])
    .executeTakeFirstOrThrow();
  const villages = await w.h.db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', '53.09.%')
    .orderBy('code')
    .limit(2)
    .execute();
  const now = new Date().toISOString();
  for (const [i, v] of villages.entries()) {
    await w.h.db.deleteFrom('village_profiles').where('village_code', '=', v.code).execute();
    await w.h.db
      .insertInto('village_profiles')
      .values({
        village_code: v.code,
        lat: p0.lat! + (i === 0 ? 0.009 : 0.36),
        lng: p0.lng!,
        is_demo: 0,
        updated_at: now,
      } as any)
      .execute();
  }
  const k = await logisticsKpis(w.h.db, '53.09', '2026-06-01', '2026-06-30');
  assert.equal(k.parcels, 2);
  assert.equal(k.delivered, 2);
  assert.equal(k.failedDeliveries, 2);
  assert.equal(k.medianHours.first_mile, 3);
  assert.equal(k.medianHours.end_to_end, 40);
  assert.equal(k.medianHours.pickup_wait, (30 - 14 + 50 - 16) / 2);
  assert.ok(k.coverage.villages >= 2);
  assert.ok(k.coverage.within5km >= 1 && k.coverage.within5km < k.coverage.villages);
  const outside = await logisticsKpis(w.h.db, '53.09', '2026-07-01', '2026-07-31');
  assert.equal(outside.parcels, 0);
  assert.equal(outside.medianHours.end_to_end, null);
});
