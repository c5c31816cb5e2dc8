// The first checkout works (issue 15): with JavaScript off at 360 px the buyer sees the full
// total (goods + shipping per seller) before any "Pesan sekarang" button, pricing the chosen
// delivery is a step that re-renders (never an error), and the first press of "Pesan sekarang"
// places the order for exactly the total shown. Changing the delivery after pricing shows the
// new total again (200), it is not a 409.
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
import { formatRupiah } from '../../src/kernel/money/index.js';

let browser: Browser;
let s: Served;
let village: string;
let farVillage: string;
let sellerUmkm: string;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  const db = s.world.h.db;
  village = await anyVillage(db, '53.09');
  // A second point in another village of the same district: its shipping costs more.
  farVillage = (
    await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 4)
      .where('code', 'like', `${village.slice(0, 8)}.%`)
      .where('code', '!=', village)
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  await makeServicePoint(db, { villageCode: village, name: 'Kios BUMDes Dekat' });
  await makeServicePoint(db, { villageCode: farVillage, name: 'Kios BUMDes Jauh' });
  const u1 = await makeUmkm(db, { villageCode: village, name: 'Gula Aren Ibu Sari' });
  sellerUmkm = u1;
  const u2 = await makeUmkm(db, { villageCode: village, name: 'Kopi Bajawa Mangulewa' });
  await makeProduct(s.world.h, { umkmId: u1, title: 'Gula Aren Cetak', price: 25000, stock: 50 });
  await makeProduct(s.world.h, { umkmId: u2, title: 'Kopi Arabika', price: 55000, stock: 50 });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

/** Chooses province, regency and district the JavaScript-free way (each step posts back). */
async function chooseRegion(page: Page, code: string) {
  for (const [label, c] of [
    ['Provinsi', code.slice(0, 2)],
    ['Kabupaten/kota', code.slice(0, 5)],
    ['Kecamatan', code.slice(0, 8)],
  ] as const) {
    await page.getByLabel(label, { exact: true }).selectOption(c);
    await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
  }
}

const rupiahIn = (text: string) => Number(text.replace(/[^\d]/g, ''));

test('first checkout with JavaScript off: the full total before the button, the first press places it', async () => {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  for (const name of [/Gula Aren Cetak/, /Kopi Arabika/]) {
    await page.goto(`${s.url}/desa/${village}`);
    await page.getByRole('button', { name }).click();
    await page.waitForURL(/\/keranjang/);
  }
  await page.getByRole('link', { name: 'Lanjut ke pemesanan' }).click();
  await page.waitForURL(/\/pesan$/);
  // Before a destination is priced there is no "Total bayar" and no button that could fail.
  assert.equal(await page.getByText('Total bayar').count(), 0);
  assert.equal(await page.getByRole('button', { name: 'Pesan sekarang' }).count(), 0);
  await page.getByLabel('Nama penerima').fill('Rina Wulandari');
  await page.getByLabel('Nomor HP (WhatsApp)').fill('0812 3456 7001');
  await chooseRegion(page, village);
  await page.getByLabel('Ambil di titik layanan desa').check();
  await page
    .getByLabel('Titik layanan', { exact: true })
    .selectOption({ label: 'Kios BUMDes Dekat' });
  const priced = page.waitForResponse(
    (r) => r.url().endsWith('/pesan') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Hitung total dengan ongkos kirim' }).click();
  assert.equal((await priced).status(), 200);
  await assertFitsPhone(page, 'priced checkout');
  await assertAccessible(page, 'priced checkout');
  // One shipping line per seller, and the total is goods + shipping.
  const shipping = (await page.locator('td.shipping').allTextContents()).map(rupiahIn);
  assert.equal(shipping.length, 2);
  assert.ok(shipping.every((x) => x > 0));
  const total = rupiahIn((await page.locator('#checkout-total').textContent()) ?? '');
  assert.equal(total, 25000 + 55000 + shipping[0] + shipping[1]);
  assert.ok(await page.getByText(`Total bayar`).isVisible());
  assert.ok(await page.getByText(formatRupiah(total)).first().isVisible());

  // The buyer changes their mind about the point: the new total is shown, calmly (200).
  await page
    .getByLabel('Titik layanan', { exact: true })
    .selectOption({ label: 'Kios BUMDes Jauh' });
  const moved = page.waitForResponse(
    (r) => r.url().endsWith('/pesan') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Pesan sekarang' }).click();
  assert.equal((await moved).status(), 200);
  await page.getByText('Total dihitung ulang').waitFor();
  const total2 = rupiahIn((await page.locator('#checkout-total').textContent()) ?? '');
  assert.ok(total2 > total, `${total2} > ${total}`);

  // The press after seeing the total places the order at exactly that total.
  await page.getByRole('button', { name: 'Pesan sekarang' }).click();
  await page.waitForURL(/\/pesanan\/selesai\//);
  const numbers = await page.locator('.order-number').allTextContents();
  assert.equal(numbers.length, 2);
  const rows = await s.world.h.db
    .selectFrom('orders')
    .select(['total'])
    .where('number', 'in', numbers)
    .execute();
  assert.equal(
    rows.reduce((a, r) => a + r.total, 0),
    total2,
  );
  await ctx.close();
});

test('the seller packs an order with JavaScript off: the page after the action reloads, the number links to its history', async () => {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, s, 'seller', sellerUmkm);
  await page.goto(`${s.url}/penjual/pesanan`);
  await page.getByRole('button', { name: 'Terima dan kemas' }).first().click();
  await page.waitForURL(/\/penjual\/pesanan\/ord_/);
  await page.getByText('Status pesanan diperbarui.').waitFor();
  // Reload and back: a page each time (it was a 404 on reload), and nothing is done twice.
  const reloaded = await page.reload();
  assert.equal(reloaded?.status(), 200);
  await page.getByRole('heading', { name: 'Riwayat pesanan' }).waitFor();
  assert.ok(await page.getByText('Dikemas').first().isVisible());
  await assertFitsPhone(page, 'seller order page');
  await assertAccessible(page, 'seller order page');
  await page.getByRole('link', { name: 'Kembali ke pesanan masuk' }).click();
  const number = page.locator('a.order-number').first();
  await number.click();
  await page.waitForURL(/\/penjual\/pesanan\/ord_[^?]+$/);
  await page.getByRole('heading', { name: 'Riwayat pesanan' }).waitFor();
  const back = await page.goBack();
  assert.equal(back?.status(), 200);
  await ctx.close();
});
