// Pages that speak people's language (issue 15), walked on a 360 px phone with JavaScript off
// in the seeded demo, each checked with axe: the partner's and the buyer's homes list their
// work, a village page shows its products with pictures, and a national admin places a new
// organisation in a village found by name (no code typed), then reads hubs, audit and training
// pages that name places instead of codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  serveWorld,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { createWorld } from '../support/world.js';
import { DEMO_PASSWORD, demoLogins, seedDemo } from '../../src/seed/index.js';

let browser: Browser;
let served: Served;
let logins: Awaited<ReturnType<typeof demoLogins>>;

before(async () => {
  browser = await launch();
  const world = await createWorld();
  await seedDemo(world.h);
  logins = await demoLogins(world.h);
  served = await serveWorld(world);
});
after(async () => {
  await browser?.close();
  await served?.close();
});

async function phone(role?: string): Promise<Page> {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  if (role) {
    const l = logins.find((x) => x.role === role)!;
    await page.goto(`${served.url}/login`);
    await page.fill('#f-login', l.login);
    await page.fill('#f-password', DEMO_PASSWORD);
    await page.click('main button[type="submit"]');
    await page.waitForURL(/\/me$/);
  }
  return page;
}

async function check(page: Page, label: string) {
  await assertFitsPhone(page, label);
  await assertAccessible(page, label);
}

test('the partner home lists partnerships and orders and links the API tokens', async () => {
  const page = await phone('partner');
  const panel = page.locator('[data-panel="partner"]').first();
  assert.match((await panel.textContent()) ?? '', /Kemitraan/);
  await check(page, 'partner home');
  await panel.locator('a[href="/account/tokens"]').click();
  await page.waitForURL(/\/account\/tokens$/);
  await check(page, 'API tokens');
  await page.context().close();
});

test('the buyer home shows their orders panel', async () => {
  const page = await phone('buyer');
  assert.equal(await page.locator('[data-panel="buyer-orders"]').count(), 1);
  await check(page, 'buyer home');
  await page.context().close();
});

test("a village page shows its producers' products with pictures", async () => {
  const page = await phone();
  await page.goto(`${served.url}/desa/53.09.02.2011`);
  const tiles = page.locator('li.tile');
  assert.ok((await tiles.count()) >= 3);
  assert.equal(await page.locator('li.tile img').count(), await tiles.count());
  await check(page, 'village page');
  await page.context().close();
});

test('a national admin finds the village of a new organisation by name and reads places by name', async () => {
  const page = await phone('national_admin');
  await page.goto(`${served.url}/community/organisations/new`);
  assert.equal(await page.locator('input[name="village_code"]').count(), 0, 'no code is typed');
  await check(page, 'organisation form');
  await page.selectOption('#f-kind', 'bumdes');
  await page.fill('#f-name', 'BUMDes Mataloko Jaya');
  await page.fill('#f-village_code_q', 'Mataloko');
  await page.click('button[value="search"]');
  await page.waitForSelector('#f-village_code');
  await check(page, 'organisation form after the search');
  await page.selectOption('#f-village_code', { label: 'Mataloko' });
  await page.click('button.primary');
  await page.waitForURL(/\/community\/organisations\/org_/);
  assert.match((await page.textContent('main')) ?? '', /Mataloko/);
  await check(page, 'new organisation');
  for (const [path, label] of [
    ['/hub', 'hub list'],
    ['/audit', 'audit trail'],
    ['/pelatihan', 'training list'],
    ['/community/points/new', 'service point form'],
  ]) {
    await page.goto(`${served.url}${path}`);
    const text = (await page.textContent('main')) ?? '';
    // The audit trail shows record ids (a rollout's is its village code) as code, by design.
    if (path !== '/audit')
      assert.doesNotMatch(text, /\b\d{2}\.\d{2}\.\d{2}\.\d{4}\b/, `${label}: no village code`);
    await check(page, label);
  }
  await page.context().close();
});
