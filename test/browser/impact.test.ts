// Pak Arif (regency officer, Ngada) on a 360 px phone with JavaScript off: KPIs with server
// SVG charts, then the impact evaluation as a background job whose progress page the officer
// refreshes by a link until the event-study chart and the Bahasa summary appear. axe-clean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  assertAccessible,
  assertFitsPhone,
  launch,
  PHONE,
  serveWorld,
  signIn,
  type Served,
} from './support.js';
import { createWorld } from '../support/world.js';
import { startWorker } from '../../src/kernel/jobs/index.js';
import { seedDemoSurveys } from '../../src/domains/impact/index.js';
import { addRollouts } from '../support/impact.js';

let browser: Browser;
let served: Served;
let stopWorker: () => Promise<void>;

before(async () => {
  browser = await launch();
  const world = await createWorld();
  await addRollouts(world.h.db, ['53.09']);
  await seedDemoSurveys(world.h.db, ['53.09']);
  served = await serveWorld(world);
  stopWorker = startWorker(world.h.db, 200);
});
after(async () => {
  await stopWorker?.();
  await browser?.close();
  await served?.close();
});

test('officer runs the evaluation on a phone without JavaScript and reads the chart and the Bahasa summary', async () => {
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await context.newPage();
  await signIn(page, served, 'regional_officer', '53.09');

  await page.goto(`${served.url}/impact`);
  assert.match(await page.locator('h1').innerText(), /Kabupaten Ngada/);
  assert.ok(await page.locator('svg[role="img"]').first().isVisible());
  await assertFitsPhone(page, 'KPI page');
  await assertAccessible(page, 'KPI page');

  await page.goto(`${served.url}/impact/evaluation`);
  await page.selectOption('#f-outcome', 'log_pc_income');
  await page.selectOption('#f-control', 'notyet');
  await page.selectOption('#f-cluster', 'district');
  await assertFitsPhone(page, 'evaluation form');
  await assertAccessible(page, 'evaluation form');
  await page.getByRole('button', { name: 'Jalankan evaluasi' }).click();
  // The progress page offers a refresh link (no automatic refresh); follow it until the result is there.
  for (let i = 0; i < 60 && !(await page.locator('[data-testid="summary"]').count()); i++) {
    await assertAccessible(page, 'evaluation progress');
    await page.waitForTimeout(1000);
    await page.locator('main a[href^="/impact/evaluation/runs/"]').first().click();
  }
  await page.waitForSelector('[data-testid="summary"]', { timeout: 5_000 });
  const summary = await page.locator('[data-testid="summary"]').innerText();
  assert.match(summary, /Setelah 2 tahun, pendapatan per kapita naik sekitar \d+,\d %/);
  assert.match(summary, /selang kepercayaan 95%/);
  const chart = page.locator('svg[aria-labelledby="es-title es-desc"]');
  assert.ok(await chart.isVisible());
  const box = (await chart.boundingBox())!;
  assert.ok(box.width <= 360 && box.width > 280, `chart width ${box.width}`);
  assert.ok((await page.locator('[data-testid="pretest"]').innerText()).length > 20);
  await assertFitsPhone(page, 'evaluation result');
  await assertAccessible(page, 'evaluation result');
  await context.close();
});
