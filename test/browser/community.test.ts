// A BUMDes manager registers an UMKM with the owner's consent on a 360 px phone with
// JavaScript off; the pages pass axe; the owner then signs in with the phone number.
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
import { anyVillage, makeOrganisation } from '../support/community.js';

let browser: Browser;
let served: Served;
let org: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  const village = await anyVillage(served.world.h.db, '53.09', 0);
  org = await makeOrganisation(served.world.h.db, {
    villageCode: village,
    name: 'BUMDes Radabata Maju',
  });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('manager registers an UMKM with consent at 360 px, JS off, axe clean; owner signs in by phone', async () => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await context.newPage();
  await signIn(page, served, 'community_manager', org);

  await page.goto(`${served.url}/community/umkm/new`);
  await assertAccessible(page, 'registration form');
  await assertFitsPhone(page, 'registration form');

  // Forgetting consent: the form comes back with the message, nothing stored.
  await page.fill('#f-owner_name', 'Ibu Sari');
  await page.fill('#f-phone', '0813 5555 0101');
  await page.fill('#f-name', 'Gula Aren Ibu Sari');
  await page.selectOption('#f-business_type', 'perkebunan');
  await page.click('button.primary');
  assert.match((await page.textContent('#f-consent-err')) ?? '', /Persetujuan pemilik data wajib/);
  assert.equal(await page.inputValue('#f-owner_name'), 'Ibu Sari', 'what was typed is kept');
  await assertAccessible(page, 'registration form with errors');
  await assertFitsPhone(page, 'registration form with errors');
  assert.equal((await served.world.h.db.selectFrom('umkm').selectAll().execute()).length, 0);

  await page.check('#f-consent');
  await page.click('button.primary');
  await page.waitForSelector('[data-testid="start-password"]');
  const password = (await page.textContent('[data-testid="start-password"]'))!.trim();
  assert.equal((await page.textContent('[data-testid="login-phone"]'))!.trim(), '081355550101');
  await assertAccessible(page, 'registration done');
  await assertFitsPhone(page, 'registration done');

  await page.click('a.button');
  await page.waitForSelector('#certifications');
  await assertAccessible(page, 'UMKM page');
  await assertFitsPhone(page, 'UMKM page');
  await context.close();

  // The owner's own phone: sign in with the number and the starting password.
  const owner = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const op = await owner.newPage();
  await op.goto(`${served.url}/login`);
  await op.fill('#f-login', '081355550101');
  await op.fill('#f-password', password);
  await op.click('button.primary');
  await op.waitForURL(/\/me$/);
  await op.goto(`${served.url}/community/umkm`);
  assert.match((await op.textContent('main')) ?? '', /Gula Aren Ibu Sari/);
  await assertAccessible(op, 'seller UMKM list');
  await owner.close();
});
