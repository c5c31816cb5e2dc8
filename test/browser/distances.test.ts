// The road-distance import page in real Chromium on a 360 px phone with JavaScript off
// (issue 21): a regional officer uploads an XLSX with a bad cell and reads the refusal by
// sheet, row and column, then a good file is stored; both pages pass axe-core and fit the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
import { makeNetwork, type TestNetwork } from '../support/logistics.js';

let browser: Browser;
let s: Served;
let net: TestNetwork;
const dir = mkdtempSync(join(tmpdir(), 'lumbung-distances-'));
before(async () => {
  browser = await launch();
  s = await serveWorld();
  net = await makeNetwork(s.world.h.db, { points: 2 });
});
after(async () => {
  await browser?.close();
  await s?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function book(name: string, rows: (string | number)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Jarak');
  for (const r of rows) ws.addRow(r);
  const path = join(dir, name);
  writeFileSync(path, new Uint8Array(await wb.xlsx.writeBuffer()));
  return path;
}

test('an officer uploads distances: a bad cell is named by sheet, row and column; a good file is stored', async () => {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, s, 'regional_officer', '53.09');
  await page.goto(`${s.url}/logistik/jarak`);
  assert.match(await page.locator('h1').innerText(), /Impor jarak jalan/);
  await assertAccessible(page, 'distances import');
  await assertFitsPhone(page, 'distances import');

  const bad = await book('salah.xlsx', [
    ['from', 'to', 'km'],
    [net.kabHub, net.kecHub, 'jauh'],
  ]);
  await page.getByLabel('Berkas CSV atau Excel (XLSX)').setInputFiles(bad);
  await page.getByRole('button', { name: 'Impor' }).click();
  assert.match(await page.locator('[role=alert]').innerText(), /Berkas ditolak karena 1 kesalahan/);
  const cells = await page.locator('tbody tr').first().locator('td').allInnerTexts();
  assert.deepEqual(cells, ['Jarak', '2', 'C', 'Jarak harus angka lebih dari 0 sampai 2000 km.']);
  await assertAccessible(page, 'distances refused');
  await assertFitsPhone(page, 'distances refused');

  const good = await book('jarak.xlsx', [
    ['from', 'to', 'km'],
    [net.kabHub, net.kecHub, 12.5],
  ]);
  await page.getByLabel('Berkas CSV atau Excel (XLSX)').setInputFiles(good);
  await page.getByRole('button', { name: 'Impor' }).click();
  assert.match(await page.locator('[role=status]').innerText(), /1 jarak disimpan/);
  await ctx.close();
});
