// Village profiles through the JSON API as an XLSX body (issue 21): the workbook LibreOffice
// wrote imports like the CSV it came from; bad cells are a 422 naming sheet, row, column and
// reason, writing nothing; a body that is no workbook is a 400; the CSV body still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWorld, type World } from '../../../test/support/world.js';
import type { TestClient } from '../../../test/support/kernel/index.js';
import {
  NOT_WORKBOOKS,
  postTable,
  refusedCells,
  workbookOf,
} from '../../../test/support/sheet-uploads.js';
import { villageProfiles } from './index.js';

const PATH = '/api/v1/regions/profiles/import';
const CODES = ['53.09.01.1002', '53.09.01.1003', '53.09.01.2001'];

let w: World;
let officer: TestClient;
before(async () => {
  w = await createWorld();
  officer = await w.as('regional_officer', '53.09');
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const stored = async () =>
  (await w.h.db.selectFrom('village_profiles').selectAll().orderBy('village_code').execute()).map(
    (r) => JSON.stringify(r),
  );
const values = async () =>
  [...(await villageProfiles(w.h.db, CODES)).values()].map((x) => ({ ...x, updatedAt: null }));

test('the LibreOffice workbook imports through the API and stores what its CSV stores', async () => {
  const res = await postTable(officer, PATH, new Uint8Array(fixture('profiles.xlsx')));
  assert.equal(res.status, 200);
  const report = (await res.json()) as any;
  assert.deepEqual(report.errors, []);
  assert.equal(report.sheet, 'profiles');
  assert.equal(report.imported, 3);
  const fromXlsx = await values();
  assert.equal(fromXlsx.length, 3);
  assert.equal(fromXlsx[0].population, 1200);
  assert.equal(fromXlsx[0].poverty_share, 0.25);
  const csv = await postTable(officer, PATH, fixture('profiles.csv').toString('utf8'), {
    type: 'text/csv',
  });
  assert.equal(csv.status, 200);
  const csvReport = (await csv.json()) as any;
  assert.equal(csvReport.imported, 3);
  assert.equal(csvReport.sheet, null);
  assert.deepEqual(await values(), fromXlsx);
});

test('bad cells: a 422 naming each by sheet, row and column, in the caller’s language; nothing written', async () => {
  const before = await stored();
  const book = await workbookOf(
    [
      ['village_code', 'population', 'households', 'poverty_share', 'signal'],
      ['53.09.01.2014', 1200, 300, 0.25, '4g'],
      ['53.09.01.2018', 100, 300, 0.5, '5g'],
      ['35.10.01.2001', 10, 1, 0.1, 'none'],
    ],
    'Profil desa',
  );
  const res = await postTable(officer, PATH, book, { locale: 'en' });
  assert.equal(res.status, 422);
  const r = await refusedCells(res);
  assert.equal(r.code, 'REGIONS_CSV_INVALID');
  assert.equal(r.body.sheet, 'Profil desa');
  assert.deepEqual(r.cells, [
    ['Profil desa', 3, 'signal', 'regions.field.choice'],
    ['Profil desa', 3, 'households', 'regions.field.households_over_population'],
    ['Profil desa', 4, 'village_code', 'regions.csv.outside_scope'],
  ]);
  assert.match(r.body.cells[1].reason, /households cannot exceed the population/i);
  assert.match(r.body.errors['line 4 village_code'], /outside/i);
  const id = await refusedCells(await postTable(officer, PATH, book));
  assert.match(id.body.cells[1].reason, /Jumlah KK tidak boleh melebihi jumlah penduduk/);
  assert.deepEqual(await stored(), before, 'all or nothing');
});

test('a body sent as XLSX that is no readable workbook is a 400 in the caller’s language', async () => {
  const before = await stored();
  for (const [what, body] of NOT_WORKBOOKS) {
    const res = await postTable(officer, PATH, body);
    assert.equal(res.status, 400, what);
    const p = (await res.json()) as any;
    assert.equal(p.code, 'TABLE_NOT_XLSX', what);
    assert.match(p.detail, /bukan buku kerja Excel \(XLSX\)/, what);
  }
  const en = (await (
    await postTable(officer, PATH, NOT_WORKBOOKS[0][1], { locale: 'en' })
  ).json()) as any;
  assert.match(en.detail, /not an Excel \(XLSX\) workbook/);
  // The body limit holds for workbooks as for any body.
  const huge = new Uint8Array(1024 * 1024 + 1);
  huge.set([0x50, 0x4b, 0x03, 0x04]);
  assert.equal((await postTable(officer, PATH, huge)).status, 413);
  assert.deepEqual(await stored(), before);
  // Who may not import still may not, whatever the format.
  const buyer = await w.as('buyer');
  const book = await workbookOf([['village_code'], ['53.09.01.1002']]);
  assert.equal((await postTable(buyer, PATH, book)).status, 403);
});
