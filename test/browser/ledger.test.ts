// Money pages with JavaScript off on a 360 px phone, axe clean: the seller's earnings with the
// fee breakdown per order, the treasurer's payout (post/redirect/get, reload-safe) and the bank
// reconciliation for national staff.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../support/community.js';
import { ledgerOrder } from '../support/ledger.js';

let browser: Browser;
let served: Served;
let org: string;
let umkm: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  const db = served.world.h.db;
  const village = await anyVillage(db, '53.09', 0);
  org = await makeOrganisation(db, { villageCode: village, name: 'BUMDes Radabata Maju' });
  umkm = await makeUmkm(db, {
    villageCode: village,
    organisationId: org,
    name: 'Gula Aren Ibu Sari',
  });
  const sp = await makeServicePoint(db, { villageCode: village });
  await ledgerOrder(served.world.h, {
    umkmId: umkm,
    servicePointId: sp,
    method: 'cod',
    stage: 'completed',
  });
  await ledgerOrder(served.world.h, {
    umkmId: umkm,
    servicePointId: sp,
    method: 'cod',
    stage: 'delivered_unpaid',
  });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

const phone = () => browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });

test('treasurer pays out what is in; the seller sees the fee breakdown; staff reconcile', async () => {
  const tc = await phone();
  const tp = await tc.newPage();
  await signIn(tp, served, 'community_manager', org);
  await tp.goto(`${served.url}/bumdes/pembayaran`);
  await assertAccessible(tp, 'payouts');
  await assertFitsPhone(tp, 'payouts');
  await tp.click('button.primary');
  await tp.waitForURL(/\/bumdes\/pembayaran\?dibayar=lpo_/);
  assert.match((await tp.textContent('[role="status"]')) ?? '', /untuk 1 UMKM dibuat/);
  await tp.reload();
  assert.match(
    (await tp.textContent('[role="status"]')) ?? '',
    /untuk 1 UMKM dibuat/,
    'reload is safe',
  );
  await assertAccessible(tp, 'payout done');
  await assertFitsPhone(tp, 'payout done');
  await tc.close();

  const sc = await phone();
  const sellerPage = await sc.newPage();
  await signIn(sellerPage, served, 'seller', umkm);
  await sellerPage.goto(`${served.url}/penjual/pendapatan`);
  const text = (await sellerPage.textContent('main')) ?? '';
  assert.match(text, /Biaya platform/);
  assert.match(text, /Komisi titik layanan/);
  assert.match(text, /Dibayarkan/);
  assert.equal(
    await sellerPage.locator('li[data-order]').count(),
    1,
    'the unpaid COD order is not earnings yet',
  );
  await assertAccessible(sellerPage, 'earnings');
  await assertFitsPhone(sellerPage, 'earnings');
  await sc.close();

  const ac = await phone();
  const ap = await ac.newPage();
  await signIn(ap, served, 'national_admin', null);
  await ap.goto(`${served.url}/keuangan/rekonsiliasi`);
  assert.match((await ap.textContent('main')) ?? '', /Neraca saldo/);
  await assertAccessible(ap, 'reconciliation');
  await assertFitsPhone(ap, 'reconciliation');
  await ac.close();
});
