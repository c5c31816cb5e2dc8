// Survey answers and poverty lines from XLSX uploads (issue 21): files LibreOffice wrote from
// a CSV import exactly like that CSV; a bad cell gets the per-cell report (sheet, row, column,
// reason) in Bahasa and English, and nothing is written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createWorld, type World } from '../../../test/support/world.js';
import { NUL_IN_CELL } from '../../../test/support/sheet-uploads.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const surveys = async () =>
  (
    await w.h.db
      .selectFrom('household_surveys')
      .select(['village_code', 'wave_year', 'household_code', 'household_size', 'income_monthly'])
      .orderBy('household_code')
      .orderBy('village_code')
      .execute()
  ).map((r) => JSON.stringify(r));
const lines = async () =>
  (
    await w.h.db
      .selectFrom('poverty_lines')
      .select(['period', 'province_code', 'area', 'amount', 'source'])
      .orderBy('period')
      .orderBy('province_code')
      .orderBy('area')
      .execute()
  ).map((r) => JSON.stringify(r));

type Client = Awaited<ReturnType<World['as']>>;
async function upload(
  c: Client,
  path: string,
  bytes: Uint8Array,
  fields: Record<string, string> = {},
  locale?: string,
) {
  const form = new FormData();
  form.set('_csrf', await c.csrf());
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'tabel.xlsx'));
  return c.fetch(path, {
    method: 'POST',
    body: form,
    headers: locale ? { 'accept-language': locale } : {},
  });
}

/** A workbook written with exceljs: the first sheet holds the rows, a second one is ignored. */
async function workbook(name: string, rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Catatan').addRow(['abaikan']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const problemRows = (html: string) =>
  [...html.matchAll(/<tr><td>(\d+|–)<\/td><td>([^<]*)<\/td><td>([^<]*)<\/td><\/tr>/g)].map(
    (m) => `${m[1]}|${m[2]}|${m[3]}`,
  );

test('household survey: a LibreOffice XLSX imports exactly like the CSV it was made from', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const res = await upload(
    officer,
    '/impact/surveys/import',
    new Uint8Array(fixture('household-survey.xlsx')),
    {
      kind: 'household',
    },
  );
  assert.equal(res.status, 201);
  const fromXlsx = await surveys();
  assert.equal(fromXlsx.length, 3);
  // The CSV, imported into a clean slate, stores the very same rows.
  await w.h.db.deleteFrom('household_surveys').execute();
  const csv = await officer.form('/impact/surveys/import', {
    kind: 'household',
    csv: fixture('household-survey.csv').toString('utf8'),
  });
  assert.equal(csv.status, 201);
  assert.deepEqual(await surveys(), fromXlsx);
  assert.match(fromXlsx[0], /"household_size":4,"income_monthly":1800000/);
  const page = await (await officer.get('/impact/surveys')).text();
  assert.match(page, /accept="[^"]*\.xlsx/);
});

test('household survey: bad cells named by sheet, row and column in both languages; nothing imported', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await surveys();
  const bytes = await workbook('Survei RT', [
    ['village_code', 'wave_year', 'household_code', 'household_size', 'income_monthly', 'consent'],
    ['53.09.01.1002', 2026, 'RT05-01', 4, 1500000, 'ya'],
    [],
    ['53.09.01.1003', 2026, 'RT05-02', 'empat', 1500000, 'ya'],
    ['53.09.01.2001', 2026, 'RT05-03', 3, -5, 'ya'],
  ]);
  const en = await upload(officer, '/impact/surveys/import', bytes, { kind: 'household' }, 'en');
  assert.equal(en.status, 422);
  const html = await en.text();
  assert.match(html, /<caption>Worksheet &quot;Survei RT&quot;<\/caption>/);
  assert.match(html, /Sheet row/);
  const rows = problemRows(html);
  assert.ok(rows.includes('4|household_size|Must be a number.'), rows.join('\n'));
  assert.ok(rows.includes('5|income_monthly|Must not be negative.'), rows.join('\n'));
  const id = await (
    await upload(officer, '/impact/surveys/import', bytes, { kind: 'household' })
  ).text();
  assert.match(id, /Lembar kerja &quot;Survei RT&quot;/);
  assert.match(id, /Baris lembar/);
  assert.deepEqual(await surveys(), before, 'all or nothing');
  const broken = await upload(
    officer,
    '/impact/surveys/import',
    new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]),
    { kind: 'household' },
    'en',
  );
  assert.equal(broken.status, 422);
  assert.match(await broken.text(), /This Excel \(XLSX\) file cannot be read/);
  assert.deepEqual(await surveys(), before);
});

test('poverty lines: a LibreOffice XLSX imports like its CSV; a bad cell is reported and nothing written', async () => {
  const admin = await w.as('national_admin');
  const res = await upload(
    admin,
    '/impact/poverty-lines',
    new Uint8Array(fixture('poverty-lines.xlsx')),
  );
  assert.equal(res.status, 201);
  const fromXlsx = await lines();
  assert.equal(fromXlsx.filter((x) => x.includes('"BPS Maret 2025"')).length, 2);
  // The CSV replaces the same figures with themselves: nothing differs.
  const csv = await admin.form('/impact/poverty-lines', {
    csv: fixture('poverty-lines.csv').toString('utf8'),
  });
  assert.equal(csv.status, 201);
  assert.deepEqual(await lines(), fromXlsx);
  assert.match(fromXlsx.join(), /"amount":612000/);
  const bad = await workbook('Garis kemiskinan', [
    ['period', 'province_code', 'area', 'amount', 'source'],
    ['2025-09', '53', 'rural', 'enam ratus ribu', 'BPS'],
  ]);
  const r = await upload(admin, '/impact/poverty-lines', bad, {}, 'en');
  assert.equal(r.status, 422);
  const html = await r.text();
  assert.match(html, /<caption>Worksheet &quot;Garis kemiskinan&quot;<\/caption>/);
  assert.ok(
    problemRows(html).some((x) => x.startsWith('2|amount|')),
    problemRows(html).join('\n'),
  );
  assert.deepEqual(await lines(), fromXlsx);
  const page = await (await admin.get('/impact/poverty-lines')).text();
  assert.match(page, /accept="[^"]*\.xlsx/);
});

test('a control character in a cell (Excel’s `_x0000_`, or a NUL in a CSV) is named by row and column; nothing imported', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await surveys();
  const bytes = await workbook('Survei RT', [
    ['village_code', 'wave_year', 'household_code', 'household_size', 'income_monthly', 'consent'],
    ['53.09.01.1002', 2026, NUL_IN_CELL, 4, 1500000, 'ya'],
  ]);
  const xlsx = await upload(officer, '/impact/surveys/import', bytes, { kind: 'household' });
  assert.equal(xlsx.status, 422);
  const rows = problemRows(await xlsx.text());
  assert.deepEqual(rows, ['2|C|Berisi karakter kontrol (misalnya NUL) yang tidak diizinkan.']);
  const admin = await w.as('national_admin');
  const linesBefore = await lines();
  // An uploaded CSV file (a pasted one is refused by the form's own check).
  const csv = await upload(
    admin,
    '/impact/poverty-lines',
    new TextEncoder().encode(
      'period,province_code,area,amount,source\n2025-09,53,rural,600000,BPS\u0000\n',
    ),
    {},
    'en',
  );
  assert.equal(csv.status, 422);
  assert.deepEqual(problemRows(await csv.text()), [
    '2|E|Contains control characters (such as NUL) that are not allowed.',
  ]);
  assert.deepEqual(await surveys(), before);
  assert.deepEqual(await lines(), linesBefore);
});
