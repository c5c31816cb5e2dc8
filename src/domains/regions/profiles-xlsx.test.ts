// Village profiles from an XLSX upload (issue 21): a file LibreOffice wrote imports like its
// CSV; bad cells get the per-cell report (sheet, row, column, reason) and change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createWorld, type World } from '../../../test/support/world.js';
import { villageProfiles } from './index.js';
import { importProfilesCsv } from './profiles.service.js';
import { NUL_IN_CELL } from '../../../test/support/sheet-uploads.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const profileRows = async () =>
  (await w.h.db.selectFrom('village_profiles').selectAll().orderBy('village_code').execute()).map(
    (r) => JSON.stringify(r),
  );

/** A workbook written with exceljs: the first sheet holds the rows, a second one is ignored. */
async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Profil desa');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Catatan').addRow(['village_code'], 'i');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

test('a LibreOffice XLSX imports exactly as the CSV it was made from', async () => {
  const xlsx = await importProfilesCsv(w.h.db, 'system', new Uint8Array(fixture('profiles.xlsx')));
  assert.deepEqual(xlsx.errors, []);
  assert.equal(xlsx.sheet, 'profiles');
  assert.equal(xlsx.imported, 3);
  const codes = ['53.09.01.1002', '53.09.01.1003', '53.09.01.2001'];
  const fromXlsx = await villageProfiles(w.h.db, codes);
  const p = fromXlsx.get('53.09.01.1002')!;
  assert.equal(p.population, 1200);
  assert.equal(p.poverty_share, 0.25);
  assert.equal(p.signal, '4g');
  assert.equal(p.lat, -8.8);
  assert.equal(fromXlsx.get('53.09.01.2001')!.distance_km, 27.25);
  // The CSV it came from stores the very same values.
  const csv = await importProfilesCsv(w.h.db, 'system', fixture('profiles.csv').toString('utf8'));
  assert.equal(csv.imported, 3);
  assert.equal(csv.sheet, null);
  const values = (m: Map<string, object>) =>
    [...m.values()].map((x) => ({ ...x, updatedAt: null }));
  assert.deepEqual(values(await villageProfiles(w.h.db, codes)), values(fromXlsx));
});

test('bad cells: every one named by sheet, row and column; nothing imported', async () => {
  const before = await profileRows();
  const bytes = await workbook([
    ['village_code', 'population', 'households', 'poverty_share', 'signal'],
    ['53.09.01.2014', 1200, 300, 0.25, '4g'],
    [],
    ['53.09.01.2018', 100, 300, 1.5, '5g'],
    ['53.09.01', 10, 1, 0.1, 'none'],
  ]);
  const r = await importProfilesCsv(w.h.db, 'system', bytes);
  assert.equal(r.sheet, 'Profil desa');
  assert.equal(r.imported, 0);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column, e.key]),
    [
      [4, 'poverty_share', 'validation.too_big'],
      [4, 'signal', 'regions.field.choice'],
      [4, 'households', 'regions.field.households_over_population'],
      [5, 'village_code', 'regions.csv.bad_village_code'],
    ],
  );
  assert.deepEqual(await profileRows(), before, 'all or nothing');
  const broken = await importProfilesCsv(
    w.h.db,
    'system',
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
  );
  assert.deepEqual(
    broken.errors.map((e) => e.key),
    ['regions.csv.unreadable_xlsx'],
  );
});

test('page upload of an XLSX: the report names the sheet and its rows, in Bahasa and English', async () => {
  const c = await w.as('regional_officer', '53.09');
  const bytes = await workbook([
    ['village_code', 'population', 'households'],
    ['53.09.01.2014', 100, 300],
  ]);
  const post = async (locale?: string) => {
    const form = new FormData();
    form.set('_csrf', await c.csrf());
    form.set('mode', 'all');
    form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'profil.xlsx'));
    return c.fetch('/wilayah/impor', {
      method: 'POST',
      body: form,
      headers: locale ? { 'accept-language': locale } : {},
    });
  };
  const before = await profileRows();
  const res = await post();
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /<caption>Lembar kerja &quot;Profil desa&quot;<\/caption>/);
  assert.match(html, /Baris lembar/);
  assert.match(html, /<td class="num">2<\/td>/);
  assert.match(html, /Jumlah KK tidak boleh melebihi jumlah penduduk/);
  assert.deepEqual(await profileRows(), before);
  const page = await (await c.get('/wilayah/impor')).text();
  assert.match(page, /accept="[^"]*\.xlsx/);
});

test('a control character in a cell (Excel’s `_x0000_`, or a NUL in a CSV) is named by row and column; nothing imported', async () => {
  const before = await profileRows();
  const bytes = await workbook([
    ['village_code', 'population', 'signal'],
    ['53.09.01.2014', 1200, NUL_IN_CELL],
  ]);
  const r = await importProfilesCsv(w.h.db, 'system', bytes);
  assert.equal(r.imported, 0);
  assert.equal(r.sheet, 'Profil desa');
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column, e.key]),
    [[2, 'C', 'validation.control_chars']],
  );
  const csv = await importProfilesCsv(
    w.h.db,
    'system',
    'village_code;population\n53.09.01.2014;12\u000000\n',
  );
  assert.equal(csv.imported, 0);
  assert.deepEqual(
    csv.errors.map((e) => [e.line, e.column, e.key]),
    [[2, 'B', 'validation.control_chars']],
  );
  assert.deepEqual(await profileRows(), before);
});
