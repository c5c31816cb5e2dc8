// The buy flow in real Chromium, with JavaScript on and off: a guest buys from two UMKM in one
// checkout, picks up at a village service point and pays cash (COD), then tracks the order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  launch,
  serveWorld,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';

let browser: Browser;
let s: Served;
let village: string;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  village = await anyVillage(s.world.h.db, '53.09');
  await makeServicePoint(s.world.h.db, { villageCode: village, name: 'Kios BUMDes Radabata' });
  const u1 = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Gula Aren Ibu Sari' });
  const u2 = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Kopi Bajawa Mangulewa' });
  await makeProduct(s.world.h, {
    umkmId: u1,
    title: 'Gula Aren Cetak 500 g',
    price: 25000,
    stock: 50,
  });
  await makeProduct(s.world.h, {
    umkmId: u2,
    title: 'Kopi Arabika Bajawa 250 g',
    price: 55000,
    stock: 50,
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

for (const js of [true, false]) {
  test(`guest buys from two UMKM, pickup at a service point, COD — JavaScript ${js ? 'on' : 'off'}`, async () => {
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: js, locale: 'id-ID' });
    const page = await ctx.newPage();
    await page.goto(`${s.url}/desa/${village}`);
    await assertFitsPhone(page, 'village page');
    await assertAccessible(page, 'village page');
    await page.getByRole('button', { name: /Gula Aren Cetak/ }).click();
    await page.waitForURL(/\/keranjang/);
    await page.goto(`${s.url}/desa/${village}`);
    await page.getByRole('button', { name: /Kopi Arabika Bajawa/ }).click();
    await page.waitForURL(/\/keranjang/);
    await assertAccessible(page, 'cart');
    await page.getByRole('link', { name: 'Lanjut ke pemesanan' }).click();
    await page.getByLabel('Nama penerima').fill('Rina Wulandari');
    await page.getByLabel('Nomor HP (WhatsApp)').fill('0812 3456 7001');
    const regionSteps: [string, string][] = [
      ['Provinsi', village.slice(0, 2)],
      ['Kabupaten/kota', village.slice(0, 5)],
      ['Kecamatan', village.slice(0, 8)],
    ];
    for (const [label, code] of regionSteps) {
      await page.getByLabel(label, { exact: true }).selectOption(code);
      await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
    }
    await page.getByLabel('Ambil di titik layanan desa').check();
    await page
      .getByLabel('Titik layanan', { exact: true })
      .selectOption({ label: 'Kios BUMDes Radabata' });
    await page.getByLabel('Bayar di tempat (COD)').check();
    await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
    await assertFitsPhone(page, 'checkout');
    await assertAccessible(page, 'checkout');
    await page.getByRole('button', { name: 'Pesan sekarang' }).click();
    await page.waitForURL(/\/pesanan\/selesai\//);
    await assertAccessible(page, 'confirmation');
    const numbers = await page.locator('.order-number').allTextContents();
    assert.equal(numbers.length, 2);
    await page.goto(`${s.url}/lacak`);
    await page.getByLabel('Nomor pesanan').fill(numbers[0]);
    await page.getByLabel('Nomor HP pemesan').fill('081234567001');
    await page.getByRole('button', { name: 'Lacak' }).click();
    await page.getByText('Menunggu penjual').first().waitFor();
    await ctx.close();
  });
}
