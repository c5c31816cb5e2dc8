// Proof of delivery by photo: the agent's form (multipart, CSRF, no script) and the courier's
// API; only JPEG/PNG/WebP within the size and dimension rules are accepted; refused uploads
// leave no file and no scan; the photo is seen by the seller and hub staff, never publicly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { TestClient } from '../../../test/support/kernel/index.js';
import { makeOrder } from '../../../test/support/orders.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { createParcel, parcelsForOrder } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import './index.js';

let w: World;
let net: TestNetwork;
const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-pod-'));
before(async () => {
  w = await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploadDir } });
  net = await makeNetwork(w.h.db, { points: 2 });
});
after(() => w.close());

let n = 0;
const sys = async (tracking: string, kind: any, loc: string) =>
  unwrap(
    await recordScan(w.h.db, null, {
      tracking,
      kind,
      locationId: loc,
      clientScanId: `pod-sys-${++n}`,
    }),
  );
const image = (width: number, height: number, fmt: 'jpeg' | 'png' | 'webp' | 'gif') =>
  sharp({ create: { width, height, channels: 3, background: { r: 150, g: 90, b: 40 } } })
    [fmt]()
    .toBuffer();
const proofFiles = () =>
  existsSync(join(uploadDir, 'pod')) ? readdirSync(join(uploadDir, 'pod')).length : 0;

async function multipart(
  client: TestClient,
  path: string,
  fields: Record<string, string>,
  file?: { data: Buffer; type: string; name: string },
  headers: Record<string, string> = {},
) {
  const fd = new FormData();
  fd.set('_csrf', await client.csrf());
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  if (file) fd.set('photo', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return client.fetch(path, { method: 'POST', body: fd, headers });
}

/** A parcel of a real order, waiting at point 1 for its buyer. */
async function waitingParcel() {
  const seller = (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  const o = await makeOrder(w.h, {
    villageCode: seller,
    servicePointId: net.points[1],
    advanceTo: 'handed_over',
  });
  const [{ trackingNumber }] = await parcelsForOrder(w.h.db, o.orderId);
  await sys(trackingNumber, 'received_at_point', net.points[0]);
  await sys(trackingNumber, 'arrived_hub', net.kecHub);
  await sys(trackingNumber, 'out_for_delivery', net.kecHub);
  await sys(trackingNumber, 'ready_for_pickup', net.points[1]);
  return { ...o, tracking: trackingNumber };
}

test('agent hands over with a photo: delivered, proof linked to the scan, seen by the seller, not public', async () => {
  const o = await waitingParcel();
  const agent = await w.as('village_agent', net.points[1]);
  const res = await multipart(
    agent,
    '/titik/paket/photos',
    { point: net.points[1], tracking: o.tracking, client_scan_id: 'pod-form-0001' },
    { data: await image(1200, 900, 'jpeg'), type: 'image/jpeg', name: 'bukti.jpg' },
  );
  assert.equal(res.status, 200);
  assert.match(await res.text(), new RegExp(`${o.tracking}: Sudah diterima`));
  const p = await w.h.db
    .selectFrom('parcels')
    .selectAll()
    .where('tracking_number', '=', o.tracking)
    .executeTakeFirstOrThrow();
  assert.equal(p.status, 'delivered');
  assert.equal(p.proof_kind, 'photo');
  const scan = await w.h.db
    .selectFrom('parcel_scans')
    .selectAll()
    .where('parcel_id', '=', p.id)
    .where('kind', '=', 'delivered')
    .executeTakeFirstOrThrow();
  assert.equal(scan.proof_photo, p.proof_photo, 'the photo belongs to the delivered scan');
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('fulfilment_status')
        .where('id', '=', o.orderId)
        .executeTakeFirstOrThrow()
    ).fulfilment_status,
    'delivered',
  );
  const seller = await w.as('seller', o.umkmId);
  const detail = await (await seller.get(`/paket/${o.tracking}`)).text();
  assert.match(detail, /data-testid="proof-photo"/);
  const img = await seller.get(`/paket/${o.tracking}/bukti/320`);
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/webp');
  assert.match(img.headers.get('cache-control') ?? '', /no-store/);
  assert.equal((await sharp(Buffer.from(await img.arrayBuffer())).metadata()).width, 320);
  const list = await (await seller.get('/paket')).text();
  assert.match(list, new RegExp(o.tracking));
  const { number } = await w.h.db
    .selectFrom('orders')
    .select('number')
    .where('id', '=', o.orderId)
    .executeTakeFirstOrThrow();
  assert.match(list, new RegExp(number), "the seller's list names the parcel's order");
  const operator = await w.as('hub_operator', net.kecHub);
  assert.equal((await operator.get(`/paket/${o.tracking}/bukti/640`)).status, 200);
  // Not for another seller, another hub, the public page or the public API.
  const otherSeller = await w.as('seller', (await makeOrder(w.h, {})).umkmId);
  assert.equal((await otherSeller.get(`/paket/${o.tracking}/bukti/320`)).status, 404);
  assert.equal((await otherSeller.get(`/paket/${o.tracking}`)).status, 404);
  assert.equal(
    (await (await w.as('hub_operator', net.kecHub2)).get(`/paket/${o.tracking}/bukti/320`)).status,
    404,
  );
  assert.notEqual((await w.client().get(`/paket/${o.tracking}/bukti/320`)).status, 200);
  const pub = await (await w.client().get(`/lacak/${o.tracking}`)).text();
  assert.doesNotMatch(pub, /bukti|pod_/);
  const api = await (await w.client().get(`/api/v1/logistics/parcels/${o.tracking}`)).text();
  assert.doesNotMatch(api, /pod_|proof/);
  assert.equal(
    (await w.client().get(`/media/${p.proof_photo}-320.webp`)).status,
    404,
    'the public media route never serves proofs',
  );
});

test('bad type, oversize, too small, no file, foreign point: clear errors, nothing written', async () => {
  const o = await waitingParcel();
  const agent = await w.as('village_agent', net.points[1]);
  const before = proofFiles();
  const jpeg = await image(600, 400, 'jpeg');
  const cases: [
    string,
    { data: Buffer; type: string; name: string } | undefined,
    number,
    RegExp,
  ][] = [
    [
      'gif',
      { data: await image(600, 400, 'gif'), type: 'image/gif', name: 'a.gif' },
      422,
      /JPEG, PNG atau WebP/,
    ],
    [
      'script named .jpg',
      { data: Buffer.from('<script>alert(1)</script>'), type: 'image/jpeg', name: 'x.jpg' },
      422,
      /JPEG, PNG atau WebP/,
    ],
    [
      'over 5 MB',
      {
        data: Buffer.concat([jpeg, Buffer.alloc(6 * 1024 * 1024)]),
        type: 'image/jpeg',
        name: 'big.jpg',
      },
      413,
      /maksimal 5 MB/,
    ],
    [
      'too small',
      { data: await image(120, 120, 'png'), type: 'image/png', name: 's.png' },
      422,
      /antara 200 dan 6000 piksel/,
    ],
    ['no file', undefined, 422, /Pilih foto bukti/],
  ];
  for (const [name, file, status, msg] of cases) {
    const res = await multipart(
      agent,
      '/titik/paket/photos',
      {
        point: net.points[1],
        tracking: o.tracking,
        client_scan_id: `pod-bad-${name.replace(/\W/g, '')}-01`,
      },
      file,
    );
    assert.equal(res.status, status, name);
    assert.match(await res.text(), msg, name);
  }
  const foreign = await w.as('village_agent', net.points[0]);
  const denied = await multipart(
    foreign,
    '/titik/paket/photos',
    { point: net.points[1], tracking: o.tracking, client_scan_id: 'pod-foreign-01' },
    { data: jpeg, type: 'image/jpeg', name: 'a.jpg' },
  );
  assert.equal(denied.status, 403);
  const atOwn = await multipart(
    foreign,
    '/titik/paket/photos',
    { point: net.points[0], tracking: o.tracking, client_scan_id: 'pod-foreign-02' },
    { data: jpeg, type: 'image/jpeg', name: 'a.jpg' },
  );
  assert.equal(atOwn.status, 409, "not at this agent's point");
  assert.equal(proofFiles(), before, 'no file left behind');
  const p = await w.h.db
    .selectFrom('parcels')
    .select(['status', 'proof_photo'])
    .where('tracking_number', '=', o.tracking)
    .executeTakeFirstOrThrow();
  assert.deepEqual(p, { status: 'ready_for_pickup', proof_photo: null });
  // Without a CSRF token the form is refused outright.
  const fd = new FormData();
  fd.set('point', net.points[1]);
  assert.equal(
    (await agent.fetch('/titik/paket/photos', { method: 'POST', body: fd })).status,
    403,
  );
});

test('courier API: delivered at an address with a photo (201, retry 200), bad type 415, foreign hub 403', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: null,
      destinationVillageCode: '35.78.01.1001',
      weightGrams: 1200,
    }),
  );
  await sys(p.trackingNumber, 'received_at_point', net.points[0]);
  await sys(p.trackingNumber, 'arrived_hub', net.kecHub);
  await sys(p.trackingNumber, 'left_hub', net.kecHub);
  await sys(p.trackingNumber, 'arrived_hub', net.kabHub);
  await sys(p.trackingNumber, 'out_for_delivery', net.kabHub);
  const path = `/api/v1/logistics/parcels/${p.trackingNumber}/photos`;
  const courier = await w.as('hub_operator', net.kabHub);
  const csrf = async (c: TestClient) => ({ 'x-csrf-token': await c.csrf() });
  const png = { data: await image(800, 800, 'png'), type: 'image/png', name: 'door.png' };
  const foreign = await w.as('hub_operator', net.kecHub2);
  assert.equal(
    (
      await multipart(
        foreign,
        path,
        { locationId: net.kabHub, clientScanId: 'pod-api-0000' },
        png,
        await csrf(foreign),
      )
    ).status,
    403,
  );
  const bad = await multipart(
    courier,
    path,
    { locationId: net.kabHub, clientScanId: 'pod-api-0001' },
    { data: Buffer.from('%PDF-1.4 nope'), type: 'application/pdf', name: 'a.pdf' },
    await csrf(courier),
  );
  assert.equal(bad.status, 415);
  assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
  const missing = await multipart(
    courier,
    path,
    { locationId: net.kabHub, clientScanId: 'pod-api-0002' },
    undefined,
    await csrf(courier),
  );
  assert.equal(missing.status, 422);
  const okRes = await multipart(
    courier,
    path,
    { locationId: net.kabHub, clientScanId: 'pod-api-0003' },
    png,
    await csrf(courier),
  );
  assert.equal(okRes.status, 201);
  assert.equal((await okRes.json()).status, 'delivered');
  const files = proofFiles();
  const retry = await multipart(
    courier,
    path,
    { locationId: net.kabHub, clientScanId: 'pod-api-0003' },
    png,
    await csrf(courier),
  );
  assert.equal(retry.status, 200, 'the same scan again is one event');
  assert.equal(proofFiles(), files, 'and stores no second photo');
  const spec = await (await w.client().get('/api/openapi.json')).json();
  assert.ok(
    spec.paths['/api/v1/logistics/parcels/{tracking}/photos']?.post?.requestBody?.content?.[
      'multipart/form-data'
    ],
    'documented in OpenAPI',
  );
});
