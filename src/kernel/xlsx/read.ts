// The XLSX reader, on exceljs: the first worksheet as records of text cells, each with the
// sheet row it comes from, so the CSV importers validate it unchanged and name sheet, row and
// column in their reports. Typed cells become the text a CSV of the same table holds: numbers
// as JavaScript writes them, dates as YYYY-MM-DD (or an ISO timestamp when they carry a
// time), formulas as their cached result. Rows are padded to the sheet's width because XLSX
// does not store empty cells; rows holding only blanks are skipped, as in the CSV reader.
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import type { CsvRecord } from '../csv/index.js';

export type XlsxRead =
  | { ok: true; sheet: string; records: CsvRecord[] }
  | { ok: false; problem: 'unreadable' | 'no_sheet' };

/** True when the bytes are a ZIP container (an XLSX file starts "PK\x03\x04"). */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The text of one cell as a CSV of the same table would hold it. */
export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = v.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('error' in v) return v.error;
  if ('result' in v) return cellText((v.result ?? null) as ExcelJS.CellValue);
  if ('text' in v) return typeof v.text === 'string' ? v.text : cellText(v.text as never);
  return '';
}

// The API checks a workbook body is readable before the importer reads it (request.ts): the
// same bytes give the same reading without parsing the workbook twice. Keyed by the byte
// array itself, so a reading lives as long as its request; callers treat records as read-only.
const readings = new WeakMap<Uint8Array, Promise<XlsxRead>>();

/** Reads the first worksheet of an XLSX file. */
export function readXlsx(bytes: Uint8Array): Promise<XlsxRead> {
  let reading = readings.get(bytes);
  if (!reading) {
    reading = parseXlsx(bytes);
    readings.set(bytes, reading);
  }
  return reading;
}

async function parseXlsx(bytes: Uint8Array): Promise<XlsxRead> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(bytes as never);
  } catch {
    return { ok: false, problem: 'unreadable' };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { ok: false, problem: 'no_sheet' };
  const rows: { line: number; cells: string[] }[] = [];
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows.push({ line, cells });
    width = Math.max(width, cells.length);
  });
  const records: CsvRecord[] = [];
  for (const r of rows) {
    const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
    if (cells.some((c) => c.trim() !== '')) records.push({ line: r.line, cells });
  }
  return { ok: true, sheet: ws.name, records };
}
