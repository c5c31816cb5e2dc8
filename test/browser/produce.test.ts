// The produce journey on a 360 px phone with JavaScript off, axe clean: the collection-point
// clerk records an intake with an advance and gets the printable receipt; the koperasi
// treasurer pools the intakes into a lot, records the sale, settles it, pays every farmer and
// opens a farmer's statement; then reconciles the koperasi's bank account with the ledger.
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
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../support/produce.js';

let browser: Browser;
let served: Served;
let k: Koperasi;
let yosef: string;
let maria: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  k = await makeKoperasi(served.world, 0, '53.09');
  await setCoffeePrices(served.world, k);
  yosef = await makeProducer(served.world, k, 'Yosef Bhara');
  maria = await makeProducer(served.world, k, 'Maria Dhiu');
  await makeIntake(served.world, k, maria, { grossGrams: 41_000 });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

const phone = () => browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });

async function check(p: Page, label: string) {
  await assertAccessible(p, label);
  await assertFitsPhone(p, label);
}

test('clerk intake with receipt, pooled lot sold, settled and paid, statement and reconciliation', async () => {
  const cc = await phone();
  const clerk = await cc.newPage();
  await signIn(clerk, served, [['village_agent', k.pointId]]);
  await clerk.goto(`${served.url}/produksi/setoran/baru`);
  await check(clerk, 'intake form');
  await clerk.selectOption('[name=producer_id]', yosef);
  await clerk.selectOption('[name=grade]', 'kopi_arabika:g1');
  await clerk.fill('[name=gross_kg]', '62,5');
  await clerk.fill('[name=tare_kg]', '0,5');
  await clerk.fill('[name=moisture_pct]', '45');
  await clerk.fill('[name=measure]', '8');
  await clerk.fill('[name=received_on]', '2026-05-04');
  await clerk.fill('[name=advance]', '100000');
  await clerk.click('form[action="/produksi/setoran"] button[type=submit]');
  await clerk.waitForURL(/\/produksi\/setoran\/[A-Za-z0-9_]+$/);
  const receipt = (await clerk.textContent('main')) ?? '';
  assert.match(receipt, /TANDA TERIMA SETORAN/);
  assert.match(receipt, /Yosef Bhara/);
  assert.match(receipt, /Panjar: Rp\s?100\.000/);
  await check(clerk, 'receipt');
  await cc.close();

  const tc = await phone();
  const t = await tc.newPage();
  await signIn(t, served, [['community_manager', k.orgId]]);
  await t.goto(`${served.url}/produksi/lot/baru`);
  await check(t, 'new lot');
  await t.fill('form[action="/produksi/lot"] [name=name]', 'Kopi Arabika Bajawa');
  for (const box of await t.locator('[name=intake_ids]').all()) await box.check();
  await t.click('form[action="/produksi/lot"] button[type=submit]');
  await t.waitForURL(/\/produksi\/lot\/[A-Za-z0-9_]+\?done=created/);
  await check(t, 'lot');
  await t.fill('form[action$="/jual"] [name=buyer_name]', 'CV Flores Kopi');
  await t.fill('form[action$="/jual"] [name=price_total]', '1500000');
  await t.fill('form[action$="/jual"] [name=sold_on]', '2026-06-01');
  await t.click('form[action$="/jual"] button[type=submit]');
  await t.waitForURL(/done=saved/);
  await t.fill('form[action$="/selesai"] [name=proceeds]', '1500000');
  await t.fill('form[action$="/selesai"] [name=margin_pct]', '5');
  await t.fill('form[action$="/selesai"] [name=processing_cost]', '50000');
  await t.fill('form[action$="/selesai"] [name=logistics_cost]', '25000');
  await t.fill('form[action$="/selesai"] [name=platform_fee]', '0');
  await t.click('form[action$="/selesai"] button[type=submit]');
  await t.waitForURL(/done=saved/);
  await check(t, 'lot settled');
  await t.click('form[action$="/bayar"] button[type=submit]');
  await t.waitForURL(/done=paid/);
  await check(t, 'lot paid');
  const statements = t.locator('a[href^="/produksi/pernyataan/"]');
  assert.equal(await statements.count(), 2, 'one statement per farmer');
  await statements.first().click();
  await t.waitForURL(/\/produksi\/pernyataan\//);
  assert.match((await t.textContent('main')) ?? '', /Rp/);
  await check(t, 'statement');

  // The treasurer reconciles the koperasi's own bank account: the advance is in the ledger.
  await t.goto(`${served.url}/keuangan/rekonsiliasi/organisasi`);
  await check(t, 'organisation reconciliation');
  assert.match((await t.textContent('main')) ?? '', /Panjar ke petani/);
  await tc.close();
});
