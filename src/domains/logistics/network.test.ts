// Network, parcels, scans, manifests and route plans at the service level (both databases);
// distances and quotes are in distances-quotes.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { assignPoint, createHub } from './network.service.js';
import { createParcel, nodesOf } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import { buildManifests, manifestsOf } from './consolidation.service.js';
import { planRuns, runDetail } from './routing.service.js';
import { makeServicePoint } from '../../../test/support/community.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 8 });
});
after(() => w.close());

let scanSeq = 0;
const scan = (
  tracking: string,
  kind: any,
  locationId: string,
  extra: Record<string, string> = {},
) =>
  recordScan(w.h.db, null, {
    tracking,
    kind,
    locationId,
    clientScanId: `test-scan-${++scanSeq}`,
    ...extra,
  });

test('hubs validate their region and parent; points must lie in the hub regency', async () => {
  const bad = await createHub(w.h.db, null, {
    tier: 'kecamatan',
    regionCode: '53.09',
    name: 'x',
    lat: -8,
    lng: 121,
  });
  assert.equal(bad.ok, false);
  const noParent = await createHub(w.h.db, null, {
    tier: 'kecamatan',
    regionCode: '35.10.01',
    parentHubId: net.kabHub,
    name: 'x',
    lat: -8,
    lng: 114,
  });
  assert.equal(!noParent.ok && noParent.code, 'LOGISTICS_BAD_HUB_PARENT');
  const bwPoint = await makeServicePoint(w.h.db, {
    villageCode: (
      await w.h.db
        .selectFrom('regions')
        .select('code')
        .where('level', '=', 4)
        .where('code', 'like', '35.10.%')
        .limit(1)
        .executeTakeFirstOrThrow()
    ).code,
  });
  const r = await assignPoint(w.h.db, null, bwPoint, net.kecHub);
  assert.equal(!r.ok && r.code, 'LOGISTICS_POINT_OUTSIDE_HUB');
  const unknown = await assignPoint(w.h.db, null, 'svp_nope', net.kecHub);
  assert.equal(!unknown.ok && unknown.code, 'LOGISTICS_UNKNOWN_POINT');
});

test('paths: same kecamatan via its hub; across kecamatan via the kabupaten hub; address leaves at the kabupaten hub', async () => {
  const a = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[1],
      weightGrams: 1000,
    }),
  );
  assert.deepEqual(
    (await nodesOf(w.h.db, a.id)).map((n) => n.ref),
    [net.points[0], net.kecHub, net.points[1]],
  );
  const b = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.otherPoint,
      weightGrams: 1000,
    }),
  );
  assert.deepEqual(
    (await nodesOf(w.h.db, b.id)).map((n) => n.ref),
    [net.points[0], net.kecHub, net.kabHub, net.kecHub2, net.otherPoint],
  );
  const c = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: null,
      destinationVillageCode: '35.78.01.1001',
      weightGrams: 1000,
    }),
  );
  assert.deepEqual(
    (await nodesOf(w.h.db, c.id)).map((n) => n.kind),
    ['point', 'hub', 'hub', 'exit'],
  );
  const d = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: null,
      destinationPointId: net.points[2],
      weightGrams: 1000,
    }),
  );
  assert.deepEqual(
    (await nodesOf(w.h.db, d.id)).map((n) => n.ref),
    [null, net.kabHub, net.kecHub, net.points[2]],
  );
  const unassigned = await makeServicePoint(w.h.db, {
    villageCode: (
      await w.h.db
        .selectFrom('service_points')
        .select('village_code')
        .where('id', '=', net.points[0])
        .executeTakeFirstOrThrow()
    ).village_code,
  });
  const e = await createParcel(w.h.db, null, {
    originPointId: unassigned,
    destinationPointId: null,
    weightGrams: 10,
  });
  assert.equal(!e.ok && e.code, 'LOGISTICS_POINT_UNASSIGNED');
  const f = await createParcel(w.h.db, null, {
    originPointId: 'svp_missing',
    destinationPointId: null,
    weightGrams: 10,
  });
  assert.equal(!f.ok && f.code, 'LOGISTICS_UNKNOWN_POINT');
});

test('scans: full journey with pickup code; duplicates are one event; out-of-order and wrong place refused', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.otherPoint,
      weightGrams: 2000,
    }),
  );
  const early = await scan(p.trackingNumber, 'delivered', net.otherPoint, {
    pickupCode: p.pickupCode,
  });
  assert.equal(!early.ok && early.code, 'LOGISTICS_SCAN_OUT_OF_ORDER');
  const wrong = await scan(p.trackingNumber, 'received_at_point', net.points[1]);
  assert.equal(!wrong.ok && wrong.code, 'LOGISTICS_WRONG_LOCATION');
  const first = unwrap(
    await recordScan(w.h.db, null, {
      tracking: p.trackingNumber,
      kind: 'received_at_point',
      locationId: net.points[0],
      clientScanId: 'dup-scan-0001',
    }),
  );
  const again = unwrap(
    await recordScan(w.h.db, null, {
      tracking: p.trackingNumber,
      kind: 'received_at_point',
      locationId: net.points[0],
      clientScanId: 'dup-scan-0001',
    }),
  );
  assert.equal(again.duplicate, true);
  assert.equal(again.scanId, first.scanId);
  const secondTap = unwrap(await scan(p.trackingNumber, 'received_at_point', net.points[0]));
  assert.equal(secondTap.duplicate, true);
  const reused = await recordScan(w.h.db, null, {
    tracking: p.trackingNumber,
    kind: 'arrived_hub',
    locationId: net.kecHub,
    clientScanId: 'dup-scan-0001',
  });
  assert.equal(!reused.ok && reused.code, 'LOGISTICS_SCAN_ID_REUSED');
  const n = await w.h.db
    .selectFrom('parcel_scans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('parcel_id', '=', p.id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(n.n), 1);
  unwrap(await scan(p.trackingNumber, 'arrived_hub', net.kecHub));
  const skip = await scan(p.trackingNumber, 'out_for_delivery', net.kecHub);
  assert.equal(!skip.ok && skip.code, 'LOGISTICS_SCAN_OUT_OF_ORDER');
  unwrap(await scan(p.trackingNumber, 'left_hub', net.kecHub));
  unwrap(await scan(p.trackingNumber, 'arrived_hub', net.kabHub));
  unwrap(await scan(p.trackingNumber, 'left_hub', net.kabHub));
  unwrap(await scan(p.trackingNumber, 'arrived_hub', net.kecHub2));
  unwrap(await scan(p.trackingNumber, 'out_for_delivery', net.kecHub2));
  unwrap(await scan(p.trackingNumber, 'ready_for_pickup', net.otherPoint));
  const noProof = await scan(p.trackingNumber, 'delivered', net.otherPoint);
  assert.equal(!noProof.ok && noProof.code, 'LOGISTICS_PROOF_REQUIRED');
  const badCode = await scan(p.trackingNumber, 'delivered', net.otherPoint, {
    pickupCode: p.pickupCode === '000000' ? '111111' : '000000',
  });
  assert.equal(!badCode.ok && badCode.code, 'LOGISTICS_BAD_PICKUP_CODE');
  const done = unwrap(
    await scan(p.trackingNumber, 'delivered', net.otherPoint, { pickupCode: p.pickupCode }),
  );
  assert.equal(done.status, 'delivered');
  const row = await w.h.db
    .selectFrom('parcels')
    .selectAll()
    .where('id', '=', p.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.pickup_code, null, 'the code is one-time');
  assert.equal(row.proof_kind, 'code');
  const replay = await scan(p.trackingNumber, 'delivered', net.otherPoint, {
    pickupCode: p.pickupCode,
  });
  assert.equal(replay.ok && replay.value.duplicate, true);
});

test('manifests group by next leg once; Pak Hendra plans two 500 kg pickups over eight points', async () => {
  const date = '2026-03-02';
  const tracking: string[] = [];
  for (let i = 0; i < 8; i++) {
    // 60–130 kg per point: more than one 500 kg vehicle can take, so both go out.
    const p = unwrap(
      await createParcel(w.h.db, null, {
        originPointId: net.points[i],
        destinationPointId: null,
        destinationVillageCode: '35.78.01.1001',
        weightGrams: (60 + i * 10) * 1000,
      }),
    );
    unwrap(await scan(p.trackingNumber, 'received_at_point', net.points[i]));
    tracking.push(p.trackingNumber);
  }
  const built = unwrap(await buildManifests(w.h.db, null, net.kecHub, date));
  assert.equal(built.parcels, 8);
  const again = unwrap(await buildManifests(w.h.db, null, net.kecHub, date));
  assert.equal(again.parcels, 0, 'building twice adds nothing');
  const manifests = await manifestsOf(w.h.db, net.kecHub, date);
  assert.equal(manifests.length, 8);
  const plan = unwrap(
    await planRuns(w.h.db, null, net.kecHub, date, { iterations: 500, seconds: 2 }),
  );
  assert.equal(plan.runIds.length >= 2, true);
  const details = await Promise.all(plan.runIds.map((id) => runDetail(w.h.db, id)));
  const visited = details.flatMap((d) => d!.stops.map((s) => s.service_point_id)).sort();
  assert.deepEqual(visited, [...net.points].sort(), 'every point exactly once');
  for (const d of details) {
    assert.ok(
      d!.stops.every((s) => s.load_after_grams <= 500_000),
      'capacity respected',
    );
    const etas = d!.stops.map((s) => Date.parse(s.eta));
    assert.deepEqual(
      etas,
      [...etas].sort((a, b) => a - b),
    );
  }
  assert.equal(new Set(details.map((d) => d!.run.vehicle)).size, 2, 'both vehicles used');
  // Planning again replaces the planned runs instead of adding to them.
  const replan = unwrap(await planRuns(w.h.db, null, net.kecHub, date, { iterations: 200 }));
  const runs = await w.h.db
    .selectFrom('runs')
    .select('id')
    .where('hub_id', '=', net.kecHub)
    .where('service_date', '=', date)
    .execute();
  assert.deepEqual(runs.map((r) => r.id).sort(), [...replan.runIds].sort());
});

test('bad input: demand over any vehicle, nothing to plan, unknown hub — nothing written', async () => {
  const date = '2026-03-03';
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: null,
      destinationVillageCode: '35.78.01.1001',
      weightGrams: 600_000,
    }),
  );
  unwrap(await scan(p.trackingNumber, 'received_at_point', net.points[0]));
  unwrap(await buildManifests(w.h.db, null, net.kecHub, date));
  const r = await planRuns(w.h.db, null, net.kecHub, date);
  assert.equal(!r.ok && r.code, 'LOGISTICS_DEMAND_EXCEEDS_CAPACITY');
  assert.equal(
    (await w.h.db.selectFrom('runs').select('id').where('service_date', '=', date).execute())
      .length,
    0,
  );
  const none = await planRuns(w.h.db, null, net.kecHub, '2026-03-09');
  assert.equal(!none.ok && none.code, 'LOGISTICS_NOTHING_TO_PLAN');
  const unknown = await planRuns(w.h.db, null, 'hub_nope', date);
  assert.equal(!unknown.ok && unknown.code, 'LOGISTICS_UNKNOWN_HUB');
});
