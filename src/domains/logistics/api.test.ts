// The logistics JSON API end to end: a hub operator lists hubs, builds manifests, plans and
// lists runs; an officer reads KPIs. Every body is camelCase and checked against the OpenAPI
// document by the test client, on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { createParcel } from './parcels.service.js';
import { recordScan } from './scans.service.js';

let w: World;
let net: TestNetwork;
const date = '2026-04-07';
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

const snake = (body: unknown) => JSON.stringify(body).match(/"[a-z]+_[a-z_]+":/g) ?? [];

test('API: hubs, manifests, plan and runs of a hub in camelCase', async () => {
  for (let i = 0; i < 3; i++) {
    const p = unwrap(
      await createParcel(w.h.db, null, {
        originPointId: net.points[i],
        destinationPointId: null,
        destinationVillageCode: '35.78.01.1001',
        weightGrams: 20_000,
      }),
    );
    unwrap(
      await recordScan(w.h.db, null, {
        tracking: p.trackingNumber,
        kind: 'received_at_point',
        locationId: net.points[i],
        clientScanId: `api-test-${i}`,
      }),
    );
  }
  const hendra = await w.as('hub_operator', net.kecHub);
  const hubs = await hendra.get('/api/v1/logistics/hubs');
  assert.equal(hubs.status, 200);
  const list = (await hubs.json()) as any;
  assert.deepEqual(snake(list), []);
  const mine = list.items.find((h: any) => h.id === net.kecHub);
  assert.equal(mine.parentHubId, net.kabHub);
  assert.equal(mine.tier, 'kecamatan');
  assert.match(mine.regionCode, /^53\.09\.\d{2}$/);

  const built = await hendra.json('POST', `/api/v1/logistics/hubs/${net.kecHub}/manifests`, {
    date,
  });
  assert.equal(built.status, 200);
  const m = (await built.json()) as any;
  assert.deepEqual(snake(m), []);
  assert.equal(m.parcels, 3);
  assert.equal(
    m.items.reduce((a: number, x: any) => a + x.parcels, 0),
    3,
  );
  assert.ok(
    m.items.every((x: any) => x.fromKind === 'point' && x.runId === null && x.grams === 20_000),
  );

  const planned = await hendra.json('POST', `/api/v1/logistics/hubs/${net.kecHub}/plan`, { date });
  assert.equal(planned.status, 201);
  const plan = (await planned.json()) as any;
  assert.deepEqual(snake(plan), []);
  assert.equal(plan.runs.length, plan.runIds.length);
  assert.equal(plan.runs[0].hubId, net.kecHub);
  assert.equal(plan.runs[0].serviceDate, date);
  assert.equal(plan.runs.flatMap((r: any) => r.stops).length, 3);

  const runs = await hendra.get(`/api/v1/logistics/hubs/${net.kecHub}/runs?date=${date}`);
  assert.equal(runs.status, 200);
  const r = (await runs.json()) as any;
  assert.deepEqual(snake(r), []);
  assert.deepEqual(r.items.map((x: any) => x.id).sort(), [...plan.runIds].sort());
  assert.ok(
    r.items.every((x: any) => x.capacityKg === 500 && x.distanceKm > 0 && x.status === 'planned'),
  );
});

test('API: logistics KPIs name the stages in camelCase', async () => {
  const arif = await w.as('regional_officer', '53.09');
  const res = await arif.get('/api/v1/logistics/kpis?region=53.09&from=2020-01-01&to=2030-12-31');
  assert.equal(res.status, 200);
  const k = (await res.json()) as any;
  assert.deepEqual(snake(k), []);
  assert.deepEqual(Object.keys(k.medianHours), [
    'firstMile',
    'lineHaul',
    'lastMile',
    'pickupWait',
    'endToEnd',
  ]);
  assert.equal(k.parcels, 3);
});
