// Road distances uploaded on /logistik/jarak as XLSX (first sheet, typed number cells: one made
// with exceljs, one written by LibreOffice, fixtures/README.md) or as a hand-made CSV (decimal
// commas, quoted cells) store the same kilometres; a file with bad cells is refused whole with each bad cell
// named by sheet, row and column in the officer's language, and nothing is written; an
// unreadable workbook and an officer of another regency are refused. Both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeFixtureHubs, makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { anyVillage, makeServicePoint } from '../../../test/support/community.js';
import type { TestClient } from '../../../test/support/kernel/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pairKey } from './geo.js';
import { NUL_IN_CELL } from '../../../test/support/sheet-uploads.js';

let w: World;
let net: TestNetwork;
let officer: TestClient;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 2 });
  officer = await w.as('regional_officer', '53.09');
});
after(async () => {
  await w?.close();
});

async function xlsx(rows: (string | number)[][], sheet = 'Jarak Ngada'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function upload(client: TestClient, bytes: Uint8Array | string, name: string) {
  const fd = new FormData();
  fd.set('_csrf', await client.csrf());
  fd.set(
    'file',
    new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], {
      type: 'application/octet-stream',
    }),
    name,
  );
  return client.fetch('/logistik/jarak', { method: 'POST', body: fd });
}

const stored = async () => {
  const rows = await w.h.db
    .selectFrom('distance_overrides')
    .select(['from_id', 'to_id', 'km'])
    .orderBy('from_id')
    .orderBy('to_id')
    .execute();
  return rows.map((r) => ({ ...r, km: Number(r.km) }));
};

test('an XLSX and a hand-made CSV of the same distances store the same kilometres', async () => {
  const [p1, p2] = net.points;
  const book = await xlsx([
    ['from', 'to', 'km'],
    [net.kabHub, net.kecHub, 12.5],
    [net.kecHub, p1, 7],
    [p1, p2, 3.25],
  ]);
  const page = await officer.get('/logistik/jarak');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /enctype="multipart\/form-data"/);
  const res = await upload(officer, book, 'jarak.xlsx');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /3 jarak disimpan\./);
  const fromXlsx = await stored();
  const km = (a: string, b: string) =>
    fromXlsx.find((r) => `${r.from_id}|${r.to_id}` === pairKey(a, b).join('|'))?.km;
  assert.equal(km(net.kabHub, net.kecHub), 12.5);
  assert.equal(km(net.kecHub, p1), 7);
  assert.equal(km(p2, p1), 3.25);
  // The same table typed by hand: spaces, a quoted id, Indonesian decimal commas.
  const csv = `from,to,km\n${net.kabHub}, ${net.kecHub},"12,5"\n"${net.kecHub}",${p1},7\n${p1},${p2},"3,25"\n`;
  const again = await upload(officer, csv, 'jarak.csv');
  assert.equal(again.status, 200);
  assert.deepEqual(await stored(), fromXlsx);
});

test('a workbook LibreOffice wrote from a CSV imports like the CSV itself', async () => {
  // Three kecamatan hubs under the test network's kabupaten hub, with the fixture's fixed ids.
  await makeFixtureHubs(w.h.db, net.kabHub);
  const dir = join(import.meta.dirname, 'fixtures');
  const res = await upload(officer, readFileSync(join(dir, 'distances.xlsx')), 'distances.xlsx');
  assert.equal(res.status, 200);
  assert.match(await res.text(), /3 jarak disimpan\./);
  const km = async () => {
    const rows = (await stored()).filter((r) => r.from_id.startsWith('hub_fx_'));
    return rows.map((r) => `${r.from_id}|${r.to_id}|${r.km}`).sort();
  };
  const fromLibreOffice = await km();
  assert.deepEqual(
    fromLibreOffice,
    [
      `${pairKey('hub_fx_golewa', 'hub_fx_bajawa').join('|')}|12`,
      `${pairKey('hub_fx_golewa', 'hub_fx_riung').join('|')}|23.5`,
      `${pairKey('hub_fx_riung', 'hub_fx_bajawa').join('|')}|41.25`,
    ].sort(),
  );
  const again = await upload(officer, readFileSync(join(dir, 'distances.csv'), 'utf8'), 'd.csv');
  assert.equal(again.status, 200);
  assert.deepEqual(await km(), fromLibreOffice);
});

test('a sheet with bad cells is refused whole: every bad cell by sheet, row and column, in the officer’s language; nothing written', async () => {
  const before = await stored();
  const elsewhere = await makeServicePoint(w.h.db, {
    villageCode: await anyVillage(w.h.db, '35.10'),
  });
  const book = await xlsx([
    ['from', 'to', 'km'],
    [net.kabHub, net.kabHub, 4],
    [net.kecHub, 'spt_tidak_ada', 9],
    [net.kecHub, net.points[0], 'jauh'],
    [net.kecHub2, net.points[1], 2500],
    ['', net.points[1], 3],
    [net.kecHub, elsewhere, 30],
    // A good row: refused with the rest.
    [net.kecHub2, net.otherPoint, 5],
  ]);
  const res = await upload(officer, book, 'jarak.xlsx');
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Berkas ditolak karena 6 kesalahan/);
  const cells = [
    ...html.matchAll(
      /<tr><td>([^<]*)<\/td><td class="num">(\d+)<\/td><td>([A-D–])<\/td><td>([^<]*)<\/td><\/tr>/g,
    ),
  ].map((m) => [m[1], Number(m[2]), m[3], m[4]]);
  assert.deepEqual(cells, [
    ['Jarak Ngada', 2, 'B', 'Asal dan tujuan sama.'],
    ['Jarak Ngada', 3, 'B', 'Bukan kode hub atau titik layanan yang dikenal.'],
    ['Jarak Ngada', 4, 'C', 'Jarak harus angka lebih dari 0 sampai 2000 km.'],
    ['Jarak Ngada', 5, 'C', 'Jarak harus angka lebih dari 0 sampai 2000 km.'],
    ['Jarak Ngada', 6, 'A', 'Wajib diisi.'],
    ['Jarak Ngada', 7, 'B', 'Di luar wilayah Anda.'],
  ]);
  assert.deepEqual(await stored(), before);
  officer.cookies.set('lumbung_lang', 'en');
  const en = await (await upload(officer, book, 'jarak.xlsx')).text();
  assert.match(en, /The file was refused for the 6 problems below\. Nothing was stored/);
  assert.match(en, /Not a known hub or service point code\./);
  officer.cookies.delete('lumbung_lang');
  // A CSV says so in the sheet column; a wrong header is one problem on row 1.
  const header = await (await upload(officer, 'dari,ke,km\nA,B,1\n', 'x.csv')).text();
  assert.match(
    header,
    /<td>CSV<\/td><td class="num">1<\/td><td>–<\/td><td>Baris pertama harus berisi from, to, km\.<\/td>/,
  );
  assert.deepEqual(await stored(), before);
});

test('an unreadable workbook and an officer of another regency are refused; a buyer cannot open the page', async () => {
  const before = await stored();
  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
  const res = await upload(officer, broken, 'rusak.xlsx');
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Berkas Excel tidak bisa dibaca\./);
  const other = await w.as('regional_officer', '35.10');
  const theirs = await upload(
    other,
    await xlsx([
      ['from', 'to', 'km'],
      [net.kabHub, net.kecHub, 12],
    ]),
    'jarak.xlsx',
  );
  assert.equal(theirs.status, 422);
  assert.match(await theirs.text(), /Di luar wilayah Anda\./);
  assert.deepEqual(await stored(), before);
  const buyer = await w.as('buyer');
  assert.equal((await buyer.get('/logistik/jarak')).status, 403);
});

test('a control character in a cell (Excel’s `_x0000_`, or a NUL in a CSV) is named by row and column; nothing written', async () => {
  const before = await stored();
  const [p1] = net.points;
  const book = await xlsx([
    ['from', 'to', 'km'],
    [net.kabHub, NUL_IN_CELL, 5],
  ]);
  const res = await upload(officer, book, 'jarak.xlsx');
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Berisi karakter kontrol \(misalnya NUL\) yang tidak diizinkan\./);
  assert.match(html, /<td[^>]*>2<\/td>\s*<td[^>]*>B<\/td>/);
  const csv = await upload(officer, `from,to,km\n${p1},${net.kabHub},1\u0000\n`, 'jarak.csv');
  assert.equal(csv.status, 422);
  assert.match(await csv.text(), /Berisi karakter kontrol/);
  assert.deepEqual(await stored(), before);
});
