// A seller's inbox and notification settings in real Chromium on a 360 px phone with JavaScript
// off (issue 21): a new order appears in the inbox in Bahasa with its one link, is marked read,
// WhatsApp is switched on with quiet hours in the village's zone (WITA), and a wrong hour is
// refused in place; every page passes axe-core and fits the screen.
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
import { anyVillage, makeOrganisation, makeUmkm } from '../support/community.js';
import { makeOrder } from '../support/orders.js';

let browser: Browser;
let s: Served;
let umkm: string;
let village: string;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  village = await anyVillage(s.world.h.db);
  const org = await makeOrganisation(s.world.h.db, { villageCode: village });
  umkm = await makeUmkm(s.world.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Kopi Bajawa',
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

test('the seller reads a new order in the inbox, marks it read, and turns on WhatsApp with quiet hours', async () => {
  const page = await phonePage();
  const sellerId = await signIn(page, s, 'seller', umkm);
  const order = await makeOrder(s.world.h, { umkmId: umkm, villageCode: village });

  await page.goto(`${s.url}/kotak-masuk`);
  const item = page.locator('li[data-kind="order_placed"]');
  assert.match(await item.innerText(), new RegExp(`Pesanan baru ${order.number}`));
  assert.equal(await item.getAttribute('data-read'), '0');
  assert.equal(
    await item.getByRole('link', { name: 'Buka' }).getAttribute('href'),
    `/penjual/pesanan/${order.orderId}`,
  );
  // The menu carries the unread count, read out with its words (not a bare number).
  await page.locator('details.menu summary').click();
  const menuInbox = page.locator('details.menu nav').getByRole('link', { name: /Kotak masuk/ });
  assert.equal(
    (await menuInbox.innerText()).replace(/\s+/g, ' ').trim(),
    'Kotak masuk 1 belum dibaca',
  );
  await assertAccessible(page, 'inbox');
  await assertFitsPhone(page, 'inbox');
  await page.locator('details.menu summary').click();
  await item.getByRole('button', { name: 'Tandai sudah dibaca' }).click();
  assert.equal(await page.locator('li[data-kind="order_placed"]').getAttribute('data-read'), '1');
  assert.match(await page.locator('main').innerText(), /0 belum dibaca/);

  await page.getByRole('link', { name: 'Atur WhatsApp, SMS dan jam tenang' }).click();
  assert.match(await page.locator('h1').innerText(), /Pengaturan pemberitahuan/);
  assert.match(await page.locator('main').innerText(), /Jam tenang \(WITA\)/);
  await assertAccessible(page, 'notification settings');
  await assertFitsPhone(page, 'notification settings');
  await page.getByLabel('WhatsApp').check();
  await page.getByLabel('Mulai pukul').selectOption('22');
  await page.getByLabel('Selesai pukul').selectOption('5');
  await page.getByRole('button', { name: 'Simpan' }).click();
  assert.match(await page.locator('[role=status]').innerText(), /Pengaturan disimpan/);
  assert.equal(await page.getByLabel('WhatsApp').isChecked(), true);
  const row = await s.world.h.db
    .selectFrom('notification_prefs')
    .selectAll()
    .where('user_id', '=', sellerId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.whatsapp, row.sms, row.quiet_from, row.quiet_to], [1, 0, 22, 5]);
  await assertAccessible(page, 'notification settings saved');
  await page.context().close();
});
