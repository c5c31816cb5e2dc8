// Mbak Rina pays without cash, in real Chromium on a 360 px phone with JavaScript off: QRIS
// (the code is shown, the provider's signed webhook pays it, the confirmation says so) and bank
// transfer (the unique amount is shown, the statement import on the staff page matches it).
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
import { createWorld } from '../support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { signQris, webhookSecret } from '../../src/domains/orders/payments/provider.js';
import { readQrFromHtml } from '../support/qr-read.js';
import { parseTlv } from '../../src/domains/orders/index.js';

let browser: Browser;
let s: Served;
let village: string;
before(async () => {
  browser = await launch();
  s = await serveWorld(await createWorld({ env: { LUMBUNG_SECRET: 'browser-secret' } }));
  village = await anyVillage(s.world.h.db, '53.09');
  await makeServicePoint(s.world.h.db, { villageCode: village, name: 'Kios BUMDes Waiwuri' });
  const u = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Tenun Ikat Waiwuri' });
  await makeProduct(s.world.h, {
    umkmId: u,
    title: 'Selendang Tenun Ikat',
    price: 150000,
    stock: 10,
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

/** A guest checkout of one scarf with pickup at the service point, paid by `method`. */
async function buy(method: 'QRIS' | 'Transfer bank'): Promise<Page> {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await page.goto(`${s.url}/desa/${village}`);
  await page.getByRole('button', { name: /Selendang Tenun Ikat/ }).click();
  await page.waitForURL(/\/keranjang/);
  await page.getByRole('link', { name: 'Lanjut ke pemesanan' }).click();
  await page.getByLabel('Nama penerima').fill('Rina Wulandari');
  await page.getByLabel('Nomor HP (WhatsApp)').fill('0812 3456 7002');
  for (const [label, code] of [
    ['Provinsi', village.slice(0, 2)],
    ['Kabupaten/kota', village.slice(0, 5)],
    ['Kecamatan', village.slice(0, 8)],
  ]) {
    await page.getByLabel(label, { exact: true }).selectOption(code);
    await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
  }
  await page.getByLabel('Ambil di titik layanan desa').check();
  await page
    .getByLabel('Titik layanan', { exact: true })
    .selectOption({ label: 'Kios BUMDes Waiwuri' });
  await page.getByLabel(method, { exact: true }).check();
  await page.getByRole('button', { name: 'Tampilkan pilihan' }).click();
  await page.getByRole('button', { name: 'Pesan sekarang' }).click();
  await page.waitForURL(/\/pesanan\/selesai\//, { timeout: 5000 }).catch(async (e) => {
    throw new Error(`${e.message}\n${await page.locator('main').innerText()}`);
  });
  return page;
}

const pendingPayment = (method: 'qris' | 'transfer') =>
  s.world.h.db
    .selectFrom('payments')
    .selectAll()
    .where('method', '=', method)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();

test('QRIS: the code and amount are shown; a signed provider webhook pays it and the confirmation says so', async () => {
  const page = await buy('QRIS');
  const qr = page.getByRole('img', { name: 'QRIS' });
  assert.ok(await qr.locator('svg').count(), 'the QR code is an inline SVG');
  const pay = await pendingPayment('qris');
  assert.match(
    await page.locator('main').innerText(),
    new RegExp(`Rp\\s${pay.amount.toLocaleString('id-ID').replace(/\./g, '\\.')}`),
  );
  await assertFitsPhone(page, 'QRIS confirmation');
  await assertAccessible(page, 'QRIS confirmation');

  // The provider echoes the reference the QR the buyer scanned carries (EMVCo 62.05): read it from the page's code.
  const reference = parseTlv(parseTlv(readQrFromHtml(await page.content())).get('62')!).get('05')!;
  assert.equal(reference, pay.reference);
  const body = JSON.stringify({
    event_id: 'evt_browser_0001',
    reference,
    amount: pay.amount,
    status: 'paid',
  });
  const forged = await fetch(`${s.url}/api/v1/webhooks/payments/qris`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...signQris('not-the-secret', body) },
  });
  assert.equal(forged.status, 401);
  await page.reload();
  assert.equal(
    await page.getByText('Pembayaran sudah diterima.').count(),
    0,
    'a forged webhook pays nothing',
  );

  const paid = await fetch(`${s.url}/api/v1/webhooks/payments/qris`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      ...signQris(webhookSecret('browser-secret', 'qris'), body),
    },
  });
  assert.equal(paid.status, 200);
  await page.reload();
  await page.getByText('Pembayaran sudah diterima.').waitFor();
  await page.context().close();
});

test('bank transfer: the unique amount is shown; the statement import on the staff page matches it', async () => {
  const page = await buy('Transfer bank');
  const pay = await pendingPayment('transfer');
  assert.equal(await page.locator('[data-amount]').getAttribute('data-amount'), String(pay.amount));
  assert.ok(pay.unique_code > 0, 'a unique code is added to the total');
  await assertAccessible(page, 'transfer confirmation');

  const staff = await (
    await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' })
  ).newPage();
  await signIn(staff, s, 'national_admin');
  await staff.goto(`${s.url}/keuangan/pembayaran`);
  await assertFitsPhone(staff, 'reconciliation');
  await assertAccessible(staff, 'reconciliation');
  await staff
    .getByLabel(/tempel mutasi rekening/)
    .fill(`2026-12-02,TRF RINA WULANDARI,${pay.amount}\n2026-12-02,TRF LAIN,12345`);
  await staff.getByRole('button', { name: 'Impor dan cocokkan' }).click();
  const report = await staff.locator('main').innerText();
  assert.match(report, /1 cocok, 0 terlambat \(pengecualian\), 1 tidak cocok/);
  await page.reload();
  await page.getByText('Pembayaran sudah diterima.').waitFor();
  await page.context().close();
  await staff.context().close();
});
