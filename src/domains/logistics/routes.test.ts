// The logistics pages and API through the app (in-process HTTP), on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { createParcel } from './parcels.service.js';
import { recordScan } from './scans.service.js';

let w: World;
let net: TestNetwork;
const date = '2026-04-06';
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 8 });
});
after(() => w.close());

let n = 0;
const sysScan = (tracking: string, kind: any, locationId: string) =>
  recordScan(w.h.db, null, { tracking, kind, locationId, clientScanId: `sys-scan-${++n}` });
const scanIdIn = (html: string) => /name="client_scan_id" value="([^"]+)"/.exec(html)![1];

test('Pak Hendra: manifests, route plan for two 500 kg pickups over eight points, run sheet', async () => {
  for (let i = 0; i < 8; i++) {
    const p = unwrap(
      await createParcel(w.h.db, null, {
        originPointId: net.points[i],
        destinationPointId: null,
        destinationVillageCode: '35.78.01.1001',
        weightGrams: (55 + 10 * i) * 1000,
      }),
    );
    unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[i]));
  }
  const hendra = await w.as('hub_operator', net.kecHub);
  const home = await hendra.get('/hub');
  assert.equal(home.status, 303);
  assert.equal(home.headers.get('location'), `/hub/${net.kecHub}`);
  const day = await hendra.get(`/hub/${net.kecHub}?date=${date}`);
  assert.equal(day.status, 200);
  assert.match(await day.text(), /8 paket belum masuk manifest/);
  const built = await hendra.form(`/hub/${net.kecHub}/manifests`, { date });
  assert.equal(built.status, 303);
  const plan = await hendra.form(`/hub/${net.kecHub}/plan`, { date, vehicle: net.vehicles });
  const html = await plan.text();
  assert.equal(plan.status, 201, html.slice(0, 300));
  const runLinks = [...html.matchAll(/href="(\/hub\/[^"]+\/runs\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(runLinks.length >= 2);
  let stops = 0;
  for (const link of runLinks) {
    const sheet = await hendra.get(link);
    assert.equal(sheet.status, 200);
    const s = await sheet.text();
    assert.match(s, /<svg[^>]+role="img"/);
    stops += [...s.matchAll(/data-stop="/g)].length;
  }
  assert.equal(stops, 8, 'eight stops across the runs');
  const manifest = /href="(\/hub\/[^"]+\/manifests\/[^"]+)"/.exec(html)![1];
  assert.equal((await hendra.get(manifest)).status, 200);
  // Another hub's operator sees none of it.
  const other = await w.as('hub_operator', net.kecHub2);
  assert.equal((await other.get(`/hub/${net.kecHub}`)).status, 404);
  assert.equal((await other.get(runLinks[0])).status, 404);
});

test('plan with no vehicle big enough shows a clear error and writes nothing', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: null,
      destinationVillageCode: '35.78.01.1001',
      weightGrams: 700_000,
    }),
  );
  unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[0]));
  const hendra = await w.as('hub_operator', net.kecHub);
  await hendra.form(`/hub/${net.kecHub}/manifests`, { date: '2026-04-07' });
  const r = await hendra.form(`/hub/${net.kecHub}/plan`, {
    date: '2026-04-07',
    vehicle: net.vehicles,
  });
  assert.equal(r.status, 422);
  assert.match(await r.text(), /melebihi kapasitas kendaraan terbesar \(500 kg\)/);
  assert.equal(
    (
      await w.h.db
        .selectFrom('runs')
        .select('id')
        .where('service_date', '=', '2026-04-07')
        .execute()
    ).length,
    0,
  );
});

test('hub scans by form: the same form sent twice is one event; out of order refused', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[1],
      destinationPointId: net.points[2],
      weightGrams: 3000,
    }),
  );
  unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[1]));
  const hendra = await w.as('hub_operator', net.kecHub);
  const page = await (await hendra.get(`/hub/${net.kecHub}`)).text();
  const id = scanIdIn(page);
  const first = await hendra.form(`/hub/${net.kecHub}/scan`, {
    tracking: p.trackingNumber.toLowerCase(),
    kind: 'arrived_hub',
    client_scan_id: id,
  });
  assert.equal(first.status, 200);
  assert.match(await first.text(), /Di hub/);
  const second = await hendra.form(`/hub/${net.kecHub}/scan`, {
    tracking: p.trackingNumber,
    kind: 'arrived_hub',
    client_scan_id: id,
  });
  assert.match(await second.text(), /sudah tercatat sebelumnya/);
  const count = await w.h.db
    .selectFrom('parcel_scans')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('kind', '=', 'arrived_hub')
    .where('parcel_id', '=', p.id)
    .executeTakeFirstOrThrow();
  assert.equal(Number(count.n), 1);
  const bad = await hendra.form(`/hub/${net.kecHub}/scan`, {
    tracking: p.trackingNumber,
    kind: 'left_hub',
    client_scan_id: 'form-scan-x1',
  });
  assert.equal(bad.status, 409);
  // The refusal names the scan and the parcel's status in Bahasa, not their enum values.
  assert.match(
    await bad.text(),
    /Pindai ditolak: (&quot;|")Berangkat dari hub(&quot;|") tidak bisa dicatat saat paket berstatus (&quot;|")Di hub(&quot;|")/,
  );
  // Out for delivery to the point, then Pak Yohanes receives it and hands it over with the code.
  unwrap(await sysScan(p.trackingNumber, 'out_for_delivery', net.kecHub));
  const yohanes = await w.as('village_agent', net.points[2]);
  const board = await (await yohanes.get('/titik/paket')).text();
  assert.match(board, new RegExp(p.trackingNumber));
  const scanIn = await yohanes.form('/titik/paket/scan', {
    point: net.points[2],
    kind: 'ready_for_pickup',
    tracking: p.trackingNumber,
    client_scan_id: scanIdIn(board),
  });
  assert.equal(scanIn.status, 200);
  const wrong = await yohanes.form('/titik/paket/scan', {
    point: net.points[2],
    kind: 'delivered',
    tracking: p.trackingNumber,
    pickup_code: p.pickupCode === '123456' ? '654321' : '123456',
    client_scan_id: 'agent-scan-2',
  });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /Kode pengambilan salah/);
  const ok = await yohanes.form('/titik/paket/scan', {
    point: net.points[2],
    kind: 'delivered',
    tracking: p.trackingNumber,
    pickup_code: p.pickupCode,
    client_scan_id: 'agent-scan-3',
  });
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /Sudah diterima/);
  // Another point's agent cannot scan here.
  const stranger = await w.as('village_agent', net.points[3]);
  assert.equal(
    (
      await stranger.form('/titik/paket/scan', {
        point: net.points[2],
        kind: 'ready_for_pickup',
        tracking: p.trackingNumber,
        client_scan_id: 'agent-scan-4',
      })
    ).status,
    403,
  );
  // Public tracking page: light, shows the history.
  const track = await w.client().get(`/lacak/${p.trackingNumber}`);
  const body = await track.text();
  assert.equal(track.status, 200);
  assert.ok(
    Buffer.byteLength(body) <= 14 * 1024,
    `tracking page is ${Buffer.byteLength(body)} bytes`,
  );
  assert.match(body, /Diterima pembeli/);
  assert.equal((await w.client().get('/lacak/LP0000000000')).status, 404);
  const label = await yohanes.get(`/paket/${p.trackingNumber}/label`);
  assert.equal(label.status, 200);
  assert.match(await label.text(), /<svg[^>]*>.*<path/s);
  assert.equal((await stranger.get(`/paket/${p.trackingNumber}/label`)).status, 404);
});

test('API: scans are idempotent (201 then 200) and out-of-order is a 409 problem', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[4],
      destinationPointId: null,
      destinationVillageCode: '35.78.01.1001',
      weightGrams: 1000,
    }),
  );
  const agent = await w.as('village_agent', net.points[4]);
  const body = {
    tracking: p.trackingNumber,
    kind: 'received_at_point',
    locationId: net.points[4],
    clientScanId: 'api-scan-0001',
  };
  const a = await agent.json('POST', '/api/v1/logistics/scans', body);
  assert.equal(a.status, 201);
  const b = await agent.json('POST', '/api/v1/logistics/scans', body);
  assert.equal(b.status, 200);
  assert.equal((await b.json()).duplicate, true);
  const c = await agent.json('POST', '/api/v1/logistics/scans', {
    ...body,
    kind: 'ready_for_pickup',
    clientScanId: 'api-scan-0002',
  });
  assert.equal(c.status, 409);
  assert.equal((await c.json()).code, 'LOGISTICS_SCAN_OUT_OF_ORDER');
  const d = await agent.json('POST', '/api/v1/logistics/scans', {
    ...body,
    locationId: 'svp_unknown',
    clientScanId: 'api-scan-0003',
  });
  assert.equal(d.status, 422);
  const pub = await w.client().get(`/api/v1/logistics/parcels/${p.trackingNumber}`);
  assert.equal((await pub.json()).status, 'at_point');
  const spec = await (await w.client().get('/api/openapi.json')).json();
  assert.ok(spec.paths['/api/v1/logistics/scans']);
});

test('KPIs page and CSV for the regency officer; foreign region refused', async () => {
  const arif = await w.as('regional_officer', '53.09');
  const r = await arif.get('/logistik/kpi?region=53.09&from=2020-01-01&to=2030-12-31');
  assert.equal(r.status, 200);
  assert.match(await r.text(), /data-kpi="parcels">\d+/);
  const csv = await arif.get('/logistik/kpi.csv?region=53.09&from=2020-01-01&to=2030-12-31');
  assert.match(await csv.text(), /^metric,value\nregion,53\.09/);
  const xlsx = await sameRowsInBoth(arif, '/logistik/kpi', {
    query: '?region=53.09&from=2020-01-01&to=2030-12-31',
  });
  assert.equal(typeof xlsx.getCell('B5').value, 'number', 'parcels is a number');
  assert.ok(xlsx.getCell('B3').value instanceof Date, 'from is a date');
  assert.equal(
    (await arif.get('/logistik/kpi.xlsx?region=35.10&from=2020-01-01&to=2030-12-31')).status,
    403,
  );
  assert.equal(
    (await arif.get('/logistik/kpi?region=35.10&from=2020-01-01&to=2030-12-31')).status,
    403,
  );
  assert.equal(
    (await arif.get('/logistik/kpi?region=53.09&from=2020-13-01&to=2030-12-31')).status,
    422,
  );
});
