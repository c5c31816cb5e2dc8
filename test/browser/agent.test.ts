// Pak Yohanes's day at the service point, in real Chromium on a 360 px phone with JavaScript
// off: an assisted order for a neighbour who pays cash, the receipt, the seller packing and
// handing the parcel over, and the closing summary with cash to hand over and commission.
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
import { anyVillage, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';

let browser: Browser;
let s: Served;
let sp: string;
let umkm: string;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  const village = await anyVillage(s.world.h.db, '53.09');
  sp = await makeServicePoint(s.world.h.db, {
    villageCode: village,
    name: 'Kios BUMDes Mangulewa',
  });
  umkm = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Toko Tani Mangulewa' });
  await makeProduct(s.world.h, {
    umkmId: umkm,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 20,
  });
  await makeProduct(s.world.h, {
    umkmId: umkm,
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

test('agent orders for a neighbour who pays cash; the seller hands the parcel over; the day closes with cash and commission', async () => {
  const agent = await phonePage();
  await signIn(agent, s, 'village_agent', sp);
  await agent.goto(`${s.url}/agen/pesan`);
  await agent.getByLabel('Cari produk').fill('pupuk');
  await agent.getByRole('button', { name: 'Cari', exact: true }).click();
  await agent.getByLabel(/Jumlah Pupuk Organik 5 kg/).fill('2');
  await agent.getByLabel('Nama warga').fill('Mama Yuli');
  await assertFitsPhone(agent, 'assisted order');
  await assertAccessible(agent, 'assisted order');

  // Without consent nothing is ordered, and the agent is told why in Bahasa.
  await agent.getByRole('button', { name: 'Pesan — warga bayar tunai' }).click();
  await agent.getByRole('alert').waitFor();
  assert.equal(
    await s.world.h.db
      .selectFrom('orders')
      .select('id')
      .execute()
      .then((r) => r.length),
    0,
  );

  await agent.getByLabel(/Jumlah Pupuk Organik 5 kg/).fill('2');
  await agent.getByLabel(/Warga setuju/).check();
  await agent.getByRole('button', { name: 'Pesan — warga bayar tunai' }).click();
  await agent.waitForURL(/\/agen\/struk\//);
  await agent.getByRole('heading', { name: 'Struk pesanan' }).waitFor();
  const receipt = await agent.locator('main').innerText();
  assert.match(receipt, /Mama Yuli/);
  assert.match(receipt, /Dibayar tunai di titik layanan/);
  await assertFitsPhone(agent, 'receipt');
  await assertAccessible(agent, 'receipt');

  // The seller (Toko Tani) packs the order and hands it to the service point.
  const seller = await phonePage();
  await signIn(seller, s, 'seller', umkm);
  await seller.goto(`${s.url}/penjual/pesanan`);
  await assertFitsPhone(seller, 'incoming orders');
  await assertAccessible(seller, 'incoming orders');
  await seller.getByRole('button', { name: 'Terima dan kemas' }).click();
  await seller.getByRole('button', { name: 'Serahkan ke titik layanan' }).click();
  await seller.getByRole('status').waitFor();
  const order = await s.world.h.db
    .selectFrom('orders')
    .select(['fulfilment_status', 'payment_status', 'agent_commission', 'total'])
    .executeTakeFirstOrThrow();
  assert.equal(order.fulfilment_status, 'handed_over');
  assert.equal(order.payment_status, 'paid');

  // At closing: cash received, what is still to hand over, commission and assisted orders.
  await agent.goto(`${s.url}/agen/hari-ini`);
  await assertFitsPhone(agent, 'day summary');
  await assertAccessible(agent, 'day summary');
  const cell = async (k: string) =>
    (await agent.locator(`td[data-k="${k}"]`).innerText()).replace(/\s/g, ' ');
  const rupiah = (n: number) => `Rp ${n.toLocaleString('id-ID')}`;
  assert.ok(order.total > 80_000, 'two sacks at Rp 40.000 plus fees');
  assert.equal(await cell('cash'), rupiah(order.total));
  assert.equal(await cell('shortfall'), rupiah(order.total));
  assert.equal(await cell('assisted'), '1');
  assert.equal(await cell('commission'), rupiah(order.agent_commission));
  await agent.getByRole('button', { name: 'Setor uang tunai' }).click();
  await agent.waitForURL(/\/agen\/hari-ini\?hari=/);
  assert.equal(await cell('shortfall'), 'Rp 0');
  assert.equal(await cell('handed'), rupiah(order.total));
  await agent.context().close();
  await seller.context().close();
});
