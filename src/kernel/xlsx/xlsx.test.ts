// The XLSX writer and reader: typed cells checked by reading the written file with exceljs,
// a round trip that reads back the CSV's cells, and a file LibreOffice wrote (fixtures/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readCsv } from '../csv/index.js';
import {
  readTable,
  readXlsx,
  recordsAsCsvText,
  RUPIAH_FORMAT,
  sheetCsv,
  writeXlsx,
  type SheetSpec,
} from './index.js';

const SPEC: SheetSpec = {
  name: 'Pembayaran: Mei/Juni',
  columns: [
    'order',
    { header: 'amount', type: 'rupiah' },
    'kg',
    { header: 'share', type: 'percent' },
    'day',
    'at',
    'note',
  ],
  rows: [
    [
      'LMB-2026-000123',
      125500,
      62.5,
      0.25,
      '2026-05-01',
      '2026-05-01T03:04:05.000Z',
      'Sari, "Bajawa"',
    ],
    ['LMB-2026-000124', -2000, 0, 1, '2026-06-30', '2026-06-30T23:59:00.000Z', '=SUM(A1:A2)'],
    ['LMB-2026-000125', '7500', null, 0, null, null, 'two\nlines'],
  ],
};

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb.worksheets[0]!;
};

test('typed cells: numbers, dates, rupiah format, frozen header, widths', async () => {
  const ws = await load(await writeXlsx(SPEC));
  assert.equal(ws.name, 'Pembayaran- Mei-Juni', 'characters Excel refuses are replaced');
  assert.deepEqual(ws.views[0], { ...ws.views[0], state: 'frozen', ySplit: 1 });
  assert.equal(ws.getRow(1).font?.bold, true);
  const amount = ws.getCell('B2');
  assert.equal(amount.value, 125500);
  assert.equal(amount.numFmt, RUPIAH_FORMAT);
  assert.equal(ws.getCell('B3').value, -2000);
  assert.equal(ws.getCell('B4').value, 7500, 'a numeric string in a rupiah column is a number');
  assert.equal(ws.getCell('C2').value, 62.5);
  assert.equal(ws.getCell('D2').value, 0.25);
  assert.equal(ws.getCell('D2').numFmt, '0.0%');
  const day = ws.getCell('E2').value;
  assert.ok(day instanceof Date);
  assert.equal(day.toISOString(), '2026-05-01T00:00:00.000Z');
  assert.equal(ws.getCell('E2').numFmt, 'yyyy-mm-dd');
  const at = ws.getCell('F2').value;
  assert.ok(at instanceof Date);
  assert.equal(at.toISOString(), '2026-05-01T03:04:05.000Z');
  assert.equal(ws.getCell('G3').value, '=SUM(A1:A2)', 'text stays text, never a formula');
  assert.equal(ws.getCell('G3').formula, undefined);
  assert.equal(ws.getCell('C4').value, null);
  for (let i = 1; i <= 7; i++) {
    const width = ws.getColumn(i).width ?? 0;
    assert.ok(width >= 6 && width <= 60, `column ${i} has a width (${width})`);
  }
  assert.ok((ws.getColumn(1).width ?? 0) >= 'LMB-2026-000123'.length);
});

test('round trip: the XLSX reads back as the cells of the same CSV', async () => {
  const fromXlsx = await readXlsx(await writeXlsx(SPEC));
  assert.ok(fromXlsx.ok);
  const csv = readCsv(sheetCsv(SPEC));
  assert.ok(csv.ok);
  // The CSV guards formula-looking text with an apostrophe, which the XLSX does not need.
  const unguard = (c: string) => (c.startsWith("'=") ? c.slice(1) : c);
  assert.deepEqual(
    fromXlsx.records.map((r) => r.cells),
    csv.records.map((r) => r.cells.map(unguard)),
  );
  assert.deepEqual(
    fromXlsx.records.map((r) => r.line),
    [1, 2, 3, 4],
  );
});

test('a file LibreOffice wrote from a CSV reads as that CSV, rows numbered as in the sheet', async () => {
  const bytes = readFileSync(new URL('./fixtures/table.xlsx', import.meta.url));
  const r = await readTable(new Uint8Array(bytes));
  assert.ok(r.ok && r.format === 'xlsx');
  assert.equal(r.sheet, 'table');
  const csv = readCsv(readFileSync(new URL('./fixtures/table.csv', import.meta.url), 'utf8'));
  assert.ok(csv.ok);
  assert.deepEqual(
    r.records.map((x) => [x.line, ...x.cells]),
    csv.records.map((x) => [x.line, ...x.cells]),
  );
  assert.equal(r.records[1]!.cells[4], '2024-03-01', 'a date cell reads as its ISO day');
});

test('readTable: CSV text and CSV bytes go to the CSV reader; a broken zip is refused', async () => {
  const text = 'a;b\n1;2\n';
  const t = await readTable(text, { delimiter: 'auto' });
  assert.ok(t.ok && t.format === 'csv' && t.sheet === null);
  assert.deepEqual(t.records[1]!.cells, ['1', '2']);
  const b = await readTable(new TextEncoder().encode('x,y\n"open\n'));
  assert.deepEqual(b, { ok: false, problem: 'unclosed_quote', line: 2 });
  const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  assert.deepEqual(await readTable(broken), { ok: false, problem: 'unreadable_xlsx', line: 0 });
});

test('recordsAsCsvText keeps each sheet row on its own line number', () => {
  const text = recordsAsCsvText([
    { line: 1, cells: ['a', 'b'] },
    { line: 4, cells: ['x, y', 'two\nlines'] },
  ]);
  assert.equal(text, 'a,b\n\n\n"x, y",two lines\n');
});
