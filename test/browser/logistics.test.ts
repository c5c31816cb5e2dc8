// Pak Hendra plans the day's route and opens the run sheet on a 360 px phone; Pak Yohanes
// scans an arriving parcel in at his service point. Real browser, JavaScript not needed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  assertAccessible,
  assertFitsPhone,
  launch,
  PHONE,
  serveWorld,
  signIn,
  type Served,
} from './support.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { createParcel, recordScan } from '../../src/domains/logistics/index.js';
import { makeNetwork, type TestNetwork } from '../support/logistics.js';

let browser: Browser;
let served: Served;
let net: TestNetwork;
let n = 0;
const scan = (tracking: string, kind: any, at: string) =>
  recordScan(served.world.h.db, null, {
    tracking,
    kind,
    locationId: at,
    clientScanId: `browser-scan-${++n}`,
  });

before(async () => {
  browser = await launch();
  served = await serveWorld();
  net = await makeNetwork(served.world.h.db, { points: 8 });
  for (let i = 0; i < 8; i++) {
    const p = unwrap(
      await createParcel(served.world.h.db, null, {
        originPointId: net.points[i],
        destinationPointId: null,
        destinationVillageCode: '35.78.01.1001',
        weightGrams: (60 + 5 * i) * 1000,
      }),
    );
    unwrap(await scan(p.trackingNumber, 'received_at_point', net.points[i]));
  }
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('hub operator builds manifests, plans two pickups, opens the run sheet at 360 px', async () => {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, served, 'hub_operator', net.kecHub);
  await page.goto(`${served.url}/hub`);
  assert.match(await page.locator('h1').first().innerText(), /Hub Kecamatan Satu/);
  await assertFitsPhone(page, 'hub day');
  await assertAccessible(page, 'hub day');
  await page.getByRole('button', { name: 'Buat manifest' }).click();
  await page.getByText('8 paket dimasukkan ke manifest.').waitFor();
  await page.getByRole('button', { name: 'Rencanakan rute' }).last().click();
  await page.getByText(/Rute direncanakan: 2 perjalanan/).waitFor();
  await assertAccessible(page, 'hub day after planning');
  await page.getByRole('link', { name: 'Lembar jalan' }).first().click();
  await page.locator('table tbody tr').first().waitFor();
  assert.ok((await page.locator('tr[data-stop]').count()) >= 1);
  assert.equal(await page.locator('svg.route-sketch').count(), 1);
  await assertFitsPhone(page, 'run sheet');
  await assertAccessible(page, 'run sheet');
  await ctx.close();
});

test('village agent scans an arriving parcel in', async () => {
  const p = unwrap(
    await createParcel(served.world.h.db, null, {
      originPointId: null,
      destinationPointId: net.points[0],
      weightGrams: 2500,
    }),
  );
  unwrap(await scan(p.trackingNumber, 'arrived_hub', net.kabHub));
  unwrap(await scan(p.trackingNumber, 'left_hub', net.kabHub));
  unwrap(await scan(p.trackingNumber, 'arrived_hub', net.kecHub));
  unwrap(await scan(p.trackingNumber, 'out_for_delivery', net.kecHub));
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, served, 'village_agent', net.points[0]);
  await page.goto(`${served.url}/titik/paket`);
  await assertFitsPhone(page, 'agent board');
  await assertAccessible(page, 'agent board');
  await page.locator('#t-ready_for_pickup').fill(p.trackingNumber);
  await page
    .locator('form', { has: page.locator('#t-ready_for_pickup') })
    .getByRole('button')
    .click();
  await page.getByText(`${p.trackingNumber}: Siap diambil.`).waitFor();
  await assertAccessible(page, 'agent board after scan');
  const row = await served.world.h.db
    .selectFrom('parcels')
    .select('status')
    .where('id', '=', p.id)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'ready_for_pickup');
  await page.goto(`${served.url}/lacak/${p.trackingNumber}`);
  await assertAccessible(page, 'tracking page');
  await ctx.close();
});

test('regency officer creates a kecamatan hub at 360 px with JavaScript off (pickers step by step, error first)', async () => {
  const db = served.world.h.db;
  const district = (
    await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 3)
      .where('code', 'like', '53.09.%')
      .orderBy('code')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).code;
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, served, 'regional_officer', '53.09');
  await page.goto(`${served.url}/hub`);
  await page.getByRole('link', { name: 'Buat hub baru' }).click();
  await page.locator('h1', { hasText: 'Buat hub baru' }).waitFor();
  await assertFitsPhone(page, 'hub creation');
  await assertAccessible(page, 'hub creation');
  // Submitting without a name or district: the form comes back with messages beside the fields.
  await page.getByRole('button', { name: 'Buat hub' }).click();
  await page.getByText('Nama hub 3–120 karakter.').first().waitFor();
  await assertAccessible(page, 'hub creation with errors');
  const before = Number(
    (
      await db
        .selectFrom('hubs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await page.getByLabel('Nama hub').fill('Hub Kecamatan Peramban');
  await page.getByLabel('Kecamatan (untuk hub kecamatan)').selectOption(district);
  await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
  await page.getByLabel('Hub kabupaten induk').waitFor();
  await page.getByLabel('Lintang (mis. -8,7861)').fill('-8,79');
  await page.getByLabel('Bujur (mis. 120,9783)').fill('121,02');
  await assertFitsPhone(page, 'hub creation filled');
  await page.getByRole('button', { name: 'Buat hub' }).click();
  await page.getByText('Hub "Hub Kecamatan Peramban" dibuat.', { exact: false }).waitFor();
  assert.match(await page.locator('h1').first().innerText(), /Hub Kecamatan Peramban/);
  const after = Number(
    (
      await db
        .selectFrom('hubs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  assert.equal(after, before + 1);
  const hub = await db
    .selectFrom('hubs')
    .selectAll()
    .where('name', '=', 'Hub Kecamatan Peramban')
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [hub.region_code, hub.parent_hub_id, hub.lat, hub.lng],
    [district, net.kabHub, -8.79, 121.02],
  );
  await assertAccessible(page, 'new hub day');
  await ctx.close();
});
