// A regency officer on a 360 px phone opens the targeting page, changes a weight and sees the
// order of the next villages change; the pages pass axe. Runs with JavaScript as in a phone
// browser, but the flow itself is plain forms.
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
import {
  demoProfilesCsv,
  importProfilesCsv,
  villageCodesIn,
  villageProfiles,
} from '../../src/domains/regions/index.js';

let browser: Browser;
let served: Served;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  const db = served.world.h.db;
  const r = await importProfilesCsv(
    db,
    'system',
    demoProfilesCsv(await villageCodesIn(db, '53.09')),
    { isDemo: true },
  );
  assert.equal(r.errors.length, 0);
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('officer changes a weight on a phone and the priority order changes', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await signIn(page, served, 'regional_officer', '53.09');
  await page.goto(`${served.url}/wilayah/53.09/prioritas?n=10`);
  await assertFitsPhone(page, 'targeting page');
  await assertAccessible(page, 'targeting page');
  const order = () =>
    page.$$eval('[data-testid="ranking"] > li', (els) =>
      els.map((e) => e.getAttribute('data-code')),
    );
  const before = await order();
  assert.equal(before.length, 10);

  // Poverty alone decides now: the poorest village must come first.
  for (const [k, v] of Object.entries({
    poverty: '100',
    signal: '0',
    electricity: '0',
    road: '0',
    distance: '0',
  }))
    await page.fill(`#f-${k}`, v);
  await Promise.all([page.waitForURL(/saved=1/), page.click('button.primary')]);
  await page.waitForSelector('.notice');
  const after = await order();
  assert.notDeepEqual(after, before, 'the order changed');
  const profiles = await villageProfiles(
    served.world.h.db,
    await villageCodesIn(served.world.h.db, '53.09'),
  );
  const poorest = [...profiles.values()].sort(
    (a, b) => b.poverty_share! - a.poverty_share! || (a.villageCode < b.villageCode ? -1 : 1),
  )[0];
  assert.equal(after[0], poorest.villageCode);
  assert.equal(await page.inputValue('#f-poverty'), '100');
  await assertFitsPhone(page, 'targeting page after saving');
  await assertAccessible(page, 'targeting page after saving');

  // A village's page shows its score broken down, also on the phone.
  await page.click(`[data-testid="ranking"] > li[data-code="${after[0]}"] a`);
  await page.waitForSelector('[data-testid="score"]');
  await assertFitsPhone(page, 'village page');
  await assertAccessible(page, 'village page');
  await page.goto(`${served.url}/wilayah/${after[0]}/profil`);
  await assertFitsPhone(page, 'profile form');
  await assertAccessible(page, 'profile form');
  await page.goto(`${served.url}/wilayah/impor`);
  await assertFitsPhone(page, 'profile import');
  await assertAccessible(page, 'profile import');
  await page.goto(`${served.url}/wilayah?q=bajawa`);
  await assertFitsPhone(page, 'search page');
  await assertAccessible(page, 'search page');
  await ctx.close();
});
