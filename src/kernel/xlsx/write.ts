// The XLSX writer, on exceljs: the sheet spec's rows as typed cells (numbers as numbers, dates
// as real dates, rupiah with an IDR number format), a bold header row frozen in place with a
// filter, and column widths fitted to the contents. Text is written as text (never as a
// formula), so the apostrophe the CSV needs against formula injection is not added here.
import type ExcelJS from 'exceljs';
import { excel } from './excel.js';
import { columnOf, type ColumnType, type SheetSpec } from './sheet.js';

export const RUPIAH_FORMAT = '"Rp"#,##0;-"Rp"#,##0';
const FORMATS: Partial<Record<ColumnType, string>> = {
  integer: '#,##0',
  rupiah: RUPIAH_FORMAT,
  percent: '0.0%',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

type Cell = string | number | boolean | Date | null;

/** A value as a cell of the given column type, with the number format it needs (if any). */
export function typedCell(v: unknown, type: ColumnType = 'auto'): { value: Cell; format?: string } {
  if (v === null || v === undefined || v === '') return { value: null };
  if (v instanceof Date)
    return { value: v, format: FORMATS[type === 'date' ? 'date' : 'datetime'] };
  if (typeof v === 'boolean') return { value: v };
  if (type === 'text') return { value: String(v) };
  if (typeof v === 'number') {
    if (type === 'auto' || type === 'number') return { value: v };
    return { value: v, format: FORMATS[type] };
  }
  const s = String(v);
  if (ISO_DATE.test(s) && (type === 'auto' || type === 'date'))
    return { value: new Date(`${s}T00:00:00Z`), format: FORMATS.date };
  if (ISO_TIME.test(s) && (type === 'auto' || type === 'datetime' || type === 'date'))
    return { value: new Date(s), format: FORMATS[type === 'date' ? 'date' : 'datetime'] };
  // A typed column holding a numeric string (SQL sums often come back as text on PostgreSQL).
  if (type !== 'auto' && /^-?\d+(\.\d+)?$/.test(s))
    return { value: Number(s), format: FORMATS[type] };
  return { value: s };
}

/** How wide a cell reads, in characters, for fitting the column. */
function shownWidth(cell: { value: Cell; format?: string }): number {
  const v = cell.value;
  if (v === null) return 0;
  if (v instanceof Date) return cell.format === FORMATS.date ? 10 : 16;
  if (typeof v === 'number') return v.toLocaleString('id-ID').length + (cell.format ? 4 : 0);
  return Math.max(
    ...String(v)
      .split(/\r?\n/)
      .map((l) => l.length),
  );
}

/** Writes one sheet to an XLSX workbook. */
export async function writeXlsx(spec: SheetSpec): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Lumbung';
  const ws = wb.addWorksheet(sheetName(spec.name), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const columns = spec.columns.map(columnOf);
  const widths = columns.map((c) => c.header.length);
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  // A sheet whose CSV fixes the decimals holds the same rounded numbers, so both files agree.
  const decimals = spec.csv?.decimals;
  const rounded = (v: unknown) =>
    decimals !== undefined && typeof v === 'number' && !Number.isInteger(v)
      ? Number(v.toFixed(decimals))
      : v;
  for (const values of spec.rows) {
    const row = ws.addRow([]);
    values.forEach((v, i) => {
      const cell = typedCell(rounded(v), columns[i]?.type);
      const target = row.getCell(i + 1);
      target.value = cell.value;
      if (cell.format) target.numFmt = cell.format;
      widths[i] = Math.max(widths[i] ?? 0, shownWidth(cell));
    });
  }
  columns.forEach((c, i) => {
    ws.getColumn(i + 1).width =
      c.width ?? Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, (widths[i] ?? 0) + 2));
  });
  if (columns.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A name Excel accepts for a worksheet. */
export function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet1';
}
