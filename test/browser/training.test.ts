// Bu Maria's journey in real Chromium on a 360 px phone with JavaScript off: she ticks who came
// in one form, closes the session, and the certificate verifies publicly for anyone; every page
// passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  assertAccessible,
  assertFitsPhone,
  launch,
  PHONE,
  serveWorld,
  signIn,
  type Served,
} from './support.js';
import { anyVillage } from '../support/community.js';
import { makeCourse, makeSession } from '../support/training.js';

let browser: Browser;

/** axe needs script in the page: check the same URL, with the same cookies, in a script-enabled phone context. */
async function axeWithScript(from: BrowserContext, url: string, label: string) {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  await ctx.addCookies(await from.cookies());
  const page = await ctx.newPage();
  await page.goto(url);
  await assertAccessible(page, label);
  await ctx.close();
}
let served: Served;
let sessionId: string;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  const db = served.world.h.db;
  const village = await anyVillage(db, '53.09');
  const course = await makeCourse(db, {
    topic: 'selling_online',
    title: 'Jualan Online lewat WhatsApp',
  });
  sessionId = await makeSession(db, { courseId: course, regionCode: village, capacity: 10 });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('attendance on a 360 px phone with JavaScript off, then a certificate anyone can verify', async () => {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, served, 'trainer', '53.09');
  const base = `${served.url}/pelatihan/sesi/${sessionId}`;

  // Register three participants with the session page's form.
  for (const name of ['Maria Goreti', 'Yosefina Dhiu', 'Paulus Sina']) {
    await page.goto(base);
    await page.fill('#f-full_name', name);
    await page.click('form[action$="/peserta"] button[type=submit]');
    await page.waitForURL(base);
  }
  assert.match((await page.textContent('main')) ?? '', /3 dari 10 kursi terisi/);
  await assertFitsPhone(page, 'session page');
  await axeWithScript(ctx, base, 'session page');

  await page.goto(`${base}/absensi`);
  await assertFitsPhone(page, 'attendance form');
  await axeWithScript(ctx, `${base}/absensi`, 'attendance form');
  await page.getByLabel(/Maria Goreti/).check();
  await page.getByLabel(/Paulus Sina/).check();
  await page.click('button.primary');
  await page.waitForSelector('.notice');
  assert.match((await page.textContent('.notice')) ?? '', /2 hadir/);
  assert.equal(
    await page.getByLabel(/Maria Goreti/).isChecked(),
    true,
    'the saved state is shown again',
  );
  assert.equal(await page.getByLabel(/Yosefina Dhiu/).isChecked(), false);

  await page.goto(base);
  await page.click('form[action$="/selesai"] button');
  await page.waitForSelector('.notice');
  assert.match((await page.textContent('.notice')) ?? '', /2 sertifikat diterbitkan/);
  const href = await page.locator('a[href^="/sertifikat/"]').first().getAttribute('href');
  assert.ok(href);
  await ctx.close();

  // Anyone, signed out, on a phone: the code verifies.
  const anon = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const p2 = await anon.newPage();
  await p2.goto(`${served.url}${href}`);
  assert.match((await p2.textContent('main')) ?? '', /Sertifikat ini sah/);
  assert.match(
    (await p2.textContent('[data-testid="cert-name"]')) ?? '',
    /Maria Goreti|Paulus Sina/,
  );
  await assertFitsPhone(p2, 'certificate');
  await axeWithScript(anon, `${served.url}${href}`, 'certificate');
  // The lookup form works without script too, and an unknown code says so.
  await p2.goto(`${served.url}/sertifikat`);
  await p2.fill('#f-kode', 'SRT-0000-0000-0000');
  await p2.click('button.primary');
  assert.match((await p2.textContent('main')) ?? '', /Kode sertifikat tidak ditemukan/);
  await axeWithScript(anon, p2.url(), 'certificate not found');
  await anon.close();
});

test('an officer reads the literacy comparison and the mentoring summary: tables scroll by keyboard (axe)', async () => {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, served, 'regional_officer', '53.09');
  for (const [path, label] of [
    ['/pelatihan/literasi?wilayah=53.09', 'literacy comparison'],
    ['/pendampingan/ringkasan', 'mentoring summary'],
    ['/pelatihan/kpi?wilayah=53.09', 'training KPIs'],
  ]) {
    const res = await page.goto(`${served.url}${path}`);
    assert.equal(res?.status(), 200, path);
    await assertFitsPhone(page, label);
    await assertAccessible(page, label);
  }
  await ctx.close();
});
