// Downloads offered as CSV and XLSX: fetch both with the same client and assert they hold the
// same rows (the XLSX read back through the import reader), the XLSX typed as the caller says.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { readCsv } from '../../src/kernel/csv/index.js';
import { readXlsx, XLSX_TYPE } from '../../src/kernel/xlsx/index.js';

interface Getter {
  get(path: string): Promise<Response>;
}

/** The CSV guards formula-looking text with an apostrophe the XLSX does not need, and writes
 *  some numbers with fixed decimals ("54.50") that the XLSX holds as the number (54.5). */
const same = (c: string) => {
  const s = /^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c;
  return /^-?\d+\.\d+$/.test(s) ? String(Number(s)) : s;
};

/**
 * Fetches `base.csv` and `base.xlsx` (plus `query`) and asserts: both 200, the XLSX's content
 * type and file name, the same cells row by row, at least `minRows` data rows. Returns the
 * first worksheet for typed-cell checks.
 */
export async function sameRowsInBoth(
  client: Getter,
  base: string,
  opts: { query?: string; minRows?: number; sep?: '.' | '/' } = {},
): Promise<ExcelJS.Worksheet> {
  const q = opts.query ?? '';
  const sep = opts.sep ?? '.';
  const csvRes = await client.get(`${base}${sep}csv${q}`);
  assert.equal(csvRes.status, 200, `${base}${sep}csv`);
  const xlsxRes = await client.get(`${base}${sep}xlsx${q}`);
  assert.equal(xlsxRes.status, 200, `${base}${sep}xlsx`);
  assert.equal(xlsxRes.headers.get('content-type'), XLSX_TYPE);
  assert.match(xlsxRes.headers.get('content-disposition') ?? '', /attachment; filename=".+\.xlsx"/);
  const bytes = new Uint8Array(await xlsxRes.arrayBuffer());
  const csv = readCsv(await csvRes.text());
  assert.ok(csv.ok);
  const xlsx = await readXlsx(bytes);
  assert.ok(xlsx.ok);
  const csvCells = csv.records.map((r) => r.cells.map(same));
  const width = Math.max(...csvCells.map((r) => r.length));
  assert.deepEqual(
    xlsx.records.map((r) => r.cells.map(same)),
    csvCells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
  );
  assert.ok(xlsx.records.length - 1 >= (opts.minRows ?? 1), `${base}: rows to compare`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb.worksheets[0]!;
}
