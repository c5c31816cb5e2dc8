// Pak Yohanes's day at the service point, in real Chromium on a 360 px phone with JavaScript
// off (issue 15): a neighbour's list built from two searches with the full amount shown before
// the cash button, the receipt, a request recorded when the catalogue has nothing that fits
// (and sourced by the BUMDes), a COD buyer collecting a parcel with the code (the cash lands in
// the closing), a transfer order that offers no cash button, and the closing summary.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { makeOrganisation, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { makeOrder } from '../support/orders.js';
import { makeNetwork, type TestNetwork } from '../support/logistics.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { parcelsForOrder, recordScan } from '../../src/domains/logistics/index.js';

let browser: Browser;
let s: Served;
let net: TestNetwork;
let org: string;
let sp: string;
let village: string;
let umkm: string;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  net = await makeNetwork(s.world.h.db, { points: 3 });
  sp = net.points[1];
  village = (
    await s.world.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', sp)
      .executeTakeFirstOrThrow()
  ).village_code;
  org = await makeOrganisation(s.world.h.db, { villageCode: village, name: 'BUMDes Mangulewa' });
  await s.world.h.db
    .updateTable('service_points')
    .set({ organisation_id: org, name: 'Kios BUMDes Mangulewa' })
    .where('id', '=', sp)
    .execute();
  umkm = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Toko Tani Mangulewa' });
  const besi = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Pandai Besi Bajawa' });
  await makeProduct(s.world.h, {
    umkmId: umkm,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 20,
  });
  await makeProduct(s.world.h, {
    umkmId: besi,
    title: 'Suku Cadang Traktor Tangan',
    price: 125000,
    stock: 4,
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

async function phonePage(): Promise<Page> {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  return ctx.newPage();
}
const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
const cellOf = (p: Page) => async (k: string) =>
  (await p.locator(`td[data-k="${k}"]`).innerText()).replace(/\s/g, ' ');

test('a neighbour’s list from two searches, the amount shown before the cash, the receipt, and a request the catalogue cannot meet', async () => {
  const agent = await phonePage();
  await signIn(agent, s, 'village_agent', sp);
  await agent.goto(`${s.url}/agen/pesan`);
  await agent.getByLabel('Cari produk').fill('pupuk');
  await agent.getByRole('button', { name: 'Cari', exact: true }).click();
  await agent.getByLabel(/Jumlah Pupuk Organik 5 kg/).fill('2');
  await assertFitsPhone(agent, 'search results');
  await assertAccessible(agent, 'search results');
  await agent.getByRole('button', { name: 'Tambah ke daftar' }).click();
  await agent.getByRole('status').waitFor();
  // A second search adds to the same list: the hand tractor part.
  await agent.getByLabel('Cari produk').fill('traktor');
  await agent.getByRole('button', { name: 'Cari', exact: true }).click();
  await agent.getByLabel(/Jumlah Suku Cadang Traktor Tangan/).fill('1');
  await agent.getByRole('button', { name: 'Tambah ke daftar' }).click();
  await agent.getByRole('status').waitFor();

  // Before any cash: goods, shipping per seller and the total to collect, on the button too.
  const list = await agent.locator('section[aria-labelledby="h-list"]').innerText();
  assert.match(list, /Pupuk Organik 5 kg/);
  assert.match(list, /Suku Cadang Traktor Tangan/);
  assert.match(list, /Ongkos kirim dari Toko Tani Mangulewa/);
  assert.match(list, /Ongkos kirim dari Pandai Besi Bajawa/);
  const cell = cellOf(agent);
  assert.equal(await cell('items'), rupiah(205000));
  const toCollect = await cell('to-collect');
  const shown = Number(toCollect.replace(/\D/g, ''));
  assert.ok(shown > 205000, 'shipping is in the amount to collect');
  const place = agent.getByRole('button', { name: `Pesan — warga bayar tunai ${toCollect}` });
  await place.waitFor();
  await assertFitsPhone(agent, 'neighbour’s list');
  await assertAccessible(agent, 'neighbour’s list');

  // Without consent nothing is ordered, and the agent is told why in Bahasa.
  await agent.getByLabel('Nama warga').fill('Mama Yuli');
  await place.click();
  await agent.getByRole('alert').waitFor();
  assert.equal((await s.world.h.db.selectFrom('orders').select('id').execute()).length, 0);
  await agent.getByLabel('Nama warga').fill('Mama Yuli');
  await agent.getByLabel(/Warga setuju nama/).check();
  await agent.getByRole('button', { name: `Pesan — warga bayar tunai ${toCollect}` }).click();
  await agent.waitForURL(/\/agen\/struk\//);
  await agent.getByRole('heading', { name: 'Struk pesanan' }).waitFor();
  const receipt = await agent.locator('main').innerText();
  assert.match(receipt, /Mama Yuli/);
  assert.match(receipt, new RegExp(`Dibayar tunai di titik layanan: ${toCollect}`));
  // Each order number links to its history on the receipt; the next steps are links.
  const numbers = agent.locator('main a.order-number');
  assert.equal(await numbers.count(), 2);
  for (const href of await numbers.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
    assert.equal(await agent.locator(`main ${href} h3`).innerText(), 'Riwayat pesanan');
  const next = agent.getByRole('navigation', { name: 'Langkah berikutnya' });
  assert.equal(
    await next.getByRole('link', { name: 'Pesanan baru untuk warga' }).getAttribute('href'),
    '/agen/pesan',
  );
  assert.equal(
    await next.getByRole('link', { name: 'Lacak pesanan' }).getAttribute('href'),
    '/lacak',
  );
  await assertFitsPhone(agent, 'receipt');
  await assertAccessible(agent, 'receipt');
  const orders = await s.world.h.db.selectFrom('orders').select(['total', 'group_id']).execute();
  assert.equal(orders.length, 2);
  assert.equal(
    orders.reduce((a, o) => a + o.total, 0),
    shown,
    'the cash taken is what was shown',
  );

  // A hoe is not in the catalogue: the request is recorded for the BUMDes.
  await agent.goto(`${s.url}/agen/pesan`);
  await agent.getByLabel('Cari produk').fill('cangkul');
  await agent.getByRole('button', { name: 'Cari', exact: true }).click();
  await agent.getByText('“cangkul” tidak ada di katalog.').waitFor();
  await assertFitsPhone(agent, 'not in the catalogue');
  await assertAccessible(agent, 'not in the catalogue');
  await agent.getByLabel(/Berapa banyak/).fill('2 buah');
  await agent.getByLabel(/Untuk siapa/).fill('Bapa Kornelis');
  await agent.getByLabel(/Warga setuju namanya dicatat/).check();
  await agent.getByRole('button', { name: 'Catat permintaan' }).click();
  await agent.getByRole('status').filter({ hasText: 'Permintaan “cangkul” dicatat' }).waitFor();

  const manager = await phonePage();
  await signIn(manager, s, 'community_manager', org);
  await manager.goto(`${s.url}/bumdes/permintaan`);
  const card = manager.locator('article', { hasText: 'cangkul' });
  assert.match(await card.innerText(), /2 buah[\s\S]*Kios BUMDes Mangulewa[\s\S]*Bapa Kornelis/);
  await assertFitsPhone(manager, 'requests');
  await assertAccessible(manager, 'requests');
  await card.getByRole('button', { name: 'Tandai sudah dicarikan' }).click();
  await manager.getByRole('status').filter({ hasText: 'Sudah dicarikan' }).waitFor();
  await agent.context().close();
  await manager.context().close();
});

test('a COD buyer collects with the code: the cash is in the closing; a transfer order offers no cash button', async () => {
  const sellerVillage = (
    await s.world.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  let n = 0;
  const waiting = async (paymentMethod: 'cod' | 'transfer') => {
    const o = await makeOrder(s.world.h, {
      villageCode: sellerVillage,
      servicePointId: sp,
      paymentMethod,
      advanceTo: 'handed_over',
    });
    const [p] = await parcelsForOrder(s.world.h.db, o.orderId);
    for (const [kind, at] of [
      ['received_at_point', net.points[0]],
      ['arrived_hub', net.kecHub],
      ['out_for_delivery', net.kecHub],
      ['ready_for_pickup', sp],
    ] as const)
      unwrap(
        await recordScan(s.world.h.db, null, {
          tracking: p.trackingNumber,
          kind,
          locationId: at,
          clientScanId: `browser-agent-${++n}-${paymentMethod}`,
        }),
      );
    return { ...o, tracking: p.trackingNumber, code: p.pickupCode! };
  };
  const cod = await waiting('cod');
  const transfer = await waiting('transfer');

  const agent = await phonePage();
  await signIn(agent, s, 'village_agent', sp);
  await agent.goto(`${s.url}/agen/hari-ini`);
  const cell = cellOf(agent);
  assert.equal(await cell('cash'), 'Rp 0');
  await assertFitsPhone(agent, 'day with pickups');
  await assertAccessible(agent, 'day with pickups');
  // The transfer order is unpaid: no hand-over is offered at all.
  const transferCard = agent.locator(`article[data-order="${transfer.number}"]`);
  assert.match(await transferCard.innerText(), /Menunggu pembayaran transfer\/QRIS/);
  assert.equal(await transferCard.getByRole('button').count(), 0);

  const codCard = agent.locator(`article[data-order="${cod.number}"]`);
  await codCard.getByLabel(`Kode ambil dari pembeli (${cod.tracking})`).fill(cod.code);
  await codCard
    .getByRole('button', { name: `Serahkan paket (terima tunai ${rupiah(cod.total)})` })
    .click();
  await agent.waitForURL(/\/agen\/hari-ini$/);
  assert.equal(await cell('cash'), rupiah(cod.total));
  assert.equal(await cell('cash-pickups'), rupiah(cod.total));
  assert.equal(await cell('shortfall'), rupiah(cod.total));
  const order = await s.world.h.db
    .selectFrom('orders')
    .select(['status', 'payment_status'])
    .where('id', '=', cod.orderId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(order, { status: 'completed', payment_status: 'paid' });

  // Closing: the agent hands the cash over; nothing is left to hand over.
  await agent.getByRole('button', { name: 'Setor uang tunai' }).click();
  await agent.waitForURL(/\/agen\/hari-ini\?hari=/);
  assert.equal(await cell('shortfall'), 'Rp 0');
  await assertAccessible(agent, 'day closed');
  await agent.context().close();
});
