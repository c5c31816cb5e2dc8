// Partner journeys in Chromium on a 360 px phone with JavaScript off: the partner offers a
// partnership, the BUMDes manager accepts it, and the officer's incentive pages are usable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { createPartnerRecord } from '../../src/domains/partners/index.js';

let browser: Browser;
let served: Served;
let orgId: string;
let partnerId: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  const db = served.world.h.db;
  const village = await anyVillage(db);
  orgId = await makeOrganisation(db, {
    villageCode: village,
    name: 'Koperasi Desa Merah Putih Uji',
  });
  const umkm = await makeUmkm(db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Tenun Ikat Uji',
  });
  await makeProduct(served.world.h, { umkmId: umkm, title: 'Tenun Ikat Sumba' });
  partnerId = await createPartnerRecord(db, { name: 'Pasar Uji', kind: 'marketplace' });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

const phone = (): Promise<BrowserContext> =>
  browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });

test('a partner offers a partnership and the koperasi manager accepts it, on a phone without JavaScript', async () => {
  const ctx = await phone();
  const page = await ctx.newPage();
  await signIn(page, served, [['partner', partnerId]]);
  await page.goto(`${served.url}/mitra`);
  await assertFitsPhone(page, 'partner dashboard');
  await assertAccessible(page, 'partner dashboard');
  await page.selectOption('#f-target', `organisation:${orgId}`);
  await page.fill('#f-terms', 'Komisi 5% dari nilai barang');
  await page.click('form[action="/mitra/tawar"] button[type="submit"]');
  assert.match((await page.textContent('[role="status"]')) ?? '', /terkirim/);
  await ctx.close();

  const ctx2 = await phone();
  const m = await ctx2.newPage();
  await signIn(m, served, 'community_manager', orgId);
  await m.goto(`${served.url}/kemitraan`);
  await assertFitsPhone(m, 'partnerships');
  await assertAccessible(m, 'partnerships');
  assert.match((await m.textContent('main')) ?? '', /Pasar Uji/);
  await m.click('button[value="accepted"]');
  assert.match((await m.textContent('main')) ?? '', /Diterima/);
  const row = await served.world.h.db
    .selectFrom('partnerships')
    .select('status')
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'accepted');
  await ctx2.close();
});

test("the officer's incentive page fits a phone and passes axe", async () => {
  const ctx = await phone();
  const page = await ctx.newPage();
  await signIn(page, served, 'regional_officer', '53.09');
  await page.goto(`${served.url}/insentif?period=2026-01&scope=53.09`);
  await assertFitsPhone(page, 'incentives');
  await assertAccessible(page, 'incentives');
  await page.fill('#f-amount', '250');
  await page.click('form[action="/insentif/aturan"] button[type="submit"]');
  assert.match((await page.textContent('main')) ?? '', /Persen dari GMV/);
  await ctx.close();
});
