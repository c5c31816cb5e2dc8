// Places chosen by name, never typed as codes (issue 15), walked in the seeded demo on a 360 px
// phone with JavaScript off and checked with axe: a buyer filters search by where products
// come from, an officer reads the logistics KPIs of a kecamatan, a reviewer reads the
// innovation dashboard of a desa found by name, and an officer records a household survey in
// a desa found by name.
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

async function phone(role?: string, scope?: string): Promise<Page> {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  if (role) {
    const l = logins.find((x) => x.role === role && (scope === undefined || x.scope === scope))!;
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

const CODE = /\b\d{2}\.\d{2}(\.\d{2}(\.\d{4})?)?\b/;
const optionLabels = (page: Page, select: string) =>
  page.locator(`${select} option`).allTextContents();

test('a buyer filters search by where products come from, by name', async () => {
  const page = await phone();
  await page.goto(`${served.url}/cari`);
  assert.equal(await page.locator('input[name="region"]').count(), 0, 'no code is typed');
  const labels = await optionLabels(page, '#f-region');
  // Only areas with something to buy: the two demo regencies and their provinces.
  assert.ok(labels.includes('Kabupaten Ngada'), labels.join(', '));
  assert.ok(labels.includes('Seluruh Provinsi Jawa Timur'), labels.join(', '));
  assert.ok(!labels.includes('Kabupaten Sorong'), 'an area without products is not offered');
  assert.doesNotMatch(labels.join(' '), CODE);
  await page.click('form[role="search"] summary');
  await page.selectOption('#f-region', { label: 'Kabupaten Ngada' });
  await page.click('form[role="search"] button.primary');
  await page.waitForURL(/region=53\.09/);
  const titles = await page.locator('li.tile').allTextContents();
  assert.ok(titles.length > 0);
  assert.ok(titles.some((t) => /Bajawa/.test(t)));
  assert.ok(!titles.some((t) => /Osing/.test(t)), 'Banyuwangi products are filtered out');
  assert.equal(await page.locator('#f-region option:checked').textContent(), 'Kabupaten Ngada');
  await check(page, 'search filtered by origin');
  await page.context().close();
});

test('an officer reads the logistics KPIs of a kecamatan chosen by name', async () => {
  const page = await phone('regional_officer', 'Kabupaten Ngada');
  await page.goto(`${served.url}/logistik/kpi`);
  assert.equal(await page.locator('input[name="region"]').count(), 0, 'no code is typed');
  assert.equal(
    await page.locator('#f-region option:checked').textContent(),
    'Seluruh Kabupaten Ngada',
  );
  await check(page, 'logistics KPIs');
  await page.selectOption('#f-region', { label: 'Golewa' });
  await page.click('main button.primary');
  await page.waitForURL(/region=53\.09\.02/);
  assert.equal(await page.locator('[data-kpi="parcels"]').count(), 1);
  assert.equal(await page.locator('#f-region option:checked').textContent(), 'Golewa');
  await check(page, 'logistics KPIs of a kecamatan');
  await page.context().close();
});

test('a reviewer finds a desa by name for the innovation dashboard', async () => {
  const page = await phone('reviewer', 'Kabupaten Ngada');
  await page.goto(`${served.url}/innovation/dashboard`);
  assert.equal(await page.locator('input[name="region"]').count(), 0, 'no code is typed');
  await page.fill('#f-region_q', 'Mataloko');
  await page.click('button[value="search"]');
  await page.waitForURL(/region_q=Mataloko/);
  await check(page, 'innovation dashboard after the search');
  await page.selectOption('#f-region', { label: 'Mataloko' });
  await page.click('main button.primary');
  await page.waitForURL(/region=53\.09\.02\.\d{4}/);
  assert.equal(await page.locator('#f-region option:checked').textContent(), 'Mataloko');
  assert.equal(await page.locator('[data-kpi="submitted"]').count(), 1);
  await check(page, 'innovation dashboard of a desa');
  await page.context().close();
});

test('an officer records a household survey in a desa found by name', async () => {
  const page = await phone('regional_officer', 'Kabupaten Ngada');
  await page.goto(`${served.url}/impact/surveys`);
  assert.equal(await page.locator('input[name="village_code"]').count(), 0, 'no code is typed');
  await check(page, 'survey forms');
  const household = page.locator('#household');
  await household.locator('input[name="village_code_q"]').fill('Mataloko');
  await household.locator('button[value="search"]').click();
  await page.waitForURL(/\/impact\/surveys\/household$/);
  assert.equal(await page.locator('[data-testid="done"]').count(), 0, 'a search saves nothing');
  await check(page, 'survey forms after the search');
  await household.locator('select[name="village_code"]').selectOption({ label: 'Mataloko' });
  await page.fill('#f-household_code', 'RT-PICK-01');
  await page.fill('#f-household_size', '4');
  await page.fill('#f-income_monthly', '2.400.000');
  await household.locator('input[name="consent"]').check();
  await household.locator('button.primary').click();
  await page.waitForSelector('[data-testid="done"]');
  assert.match((await page.textContent('[data-testid="done"]')) ?? '', /600\.000/);
  const row = await served.world.h.db
    .selectFrom('household_surveys')
    .innerJoin('regions', 'regions.code', 'household_surveys.village_code')
    .select('regions.name')
    .where('household_code', '=', 'RT-PICK-01')
    .executeTakeFirstOrThrow();
  assert.equal(row.name, 'Mataloko');
  await check(page, 'survey saved');
  await page.context().close();
});

// Enter in a picker's search field runs that picker's search step, with JavaScript off and on:
// it never saves the form around it, and never stops on the browser's "choose an item" bubble;
// Enter in another field, once a place is chosen, saves the form (it used to search again).
for (const js of [false, true]) {
  test(`Enter in a place search finds places and saves nothing (JavaScript ${js ? 'on' : 'off'})`, async () => {
    const page = await phone('regional_officer', 'Kabupaten Ngada');
    if (js) {
      // The same signed-in person, with scripts running.
      const cookies = await page.context().cookies();
      await page.context().close();
      const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: true, locale: 'id-ID' });
      await ctx.addCookies(cookies);
      return enterSearches(await ctx.newPage(), js);
    }
    return enterSearches(page, js);
  });
}

async function enterSearches(page: Page, js: boolean) {
  await page.goto(`${served.url}/impact/surveys`);
  const household = page.locator('#household');
  // Something typed already stays through the search step.
  await page.fill('#f-household_code', `RT-ENTER-${js ? 'JS' : 'NOJS'}`);
  await household.locator('input[name="village_code_q"]').fill('Mataloko');
  await household.locator('input[name="village_code_q"]').press('Enter');
  await page.waitForURL(/\/impact\/surveys\/household$/);
  assert.equal(await page.locator('[data-testid="done"]').count(), 0, 'Enter saves nothing');
  const options = await household.locator('select[name="village_code"] option').allTextContents();
  assert.ok(options.includes('Mataloko'), `the search found the desa: ${options.join(', ')}`);
  assert.equal(await page.inputValue('#f-household_code'), `RT-ENTER-${js ? 'JS' : 'NOJS'}`);
  assert.equal(await page.locator('.error').count(), 0, 'a search step shows no error');
  const saved = await served.world.h.db
    .selectFrom('household_surveys')
    .select('id')
    .where('household_code', '=', `RT-ENTER-${js ? 'JS' : 'NOJS'}`)
    .execute();
  assert.deepEqual(saved, []);
  await check(page, `survey search by Enter (JavaScript ${js ? 'on' : 'off'})`);
  // Once the place is chosen, Enter in the form's last field saves it (it used to search again).
  await household.locator('select[name="village_code"]').selectOption({ label: 'Mataloko' });
  await page.fill('#f-household_size', '4');
  await page.fill('#f-income_monthly', '2.400.000');
  await household.locator('input[name="consent"]').check();
  await page.press('#f-income_monthly', 'Enter');
  await page.waitForSelector('[data-testid="done"]');
  const row = await served.world.h.db
    .selectFrom('household_surveys')
    .innerJoin('regions', 'regions.code', 'household_surveys.village_code')
    .select('regions.name')
    .where('household_code', '=', `RT-ENTER-${js ? 'JS' : 'NOJS'}`)
    .executeTakeFirstOrThrow();
  assert.equal(row.name, 'Mataloko');
  // A GET form: the dashboard's place search.
  await page.goto(`${served.url}/innovation/dashboard`);
  if (await page.locator('#f-region_q').count()) {
    await page.fill('#f-region_q', 'Mataloko');
    await page.press('#f-region_q', 'Enter');
    await page.waitForURL(/region_q=Mataloko/);
    const found = await page.locator('#f-region option').allTextContents();
    assert.ok(found.includes('Mataloko'), found.join(', '));
  }
  await page.context().close();
}
