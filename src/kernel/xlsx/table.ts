// One entry for importers that take "a table": CSV text, or an uploaded file that may be CSV
// or XLSX (told apart by its first bytes, not by its name). Either way the importer gets
// records with the line (CSV) or row (XLSX) they start on; `sheet` names the worksheet, so a
// report can say sheet, row and column.
import { readCsv, type CsvReadOptions, type CsvRecord } from '../csv/index.js';
import { hasControlChars } from '../http/validate.js';
import { looksLikeXlsx, readXlsx } from './read.js';

export type TableInput = string | Uint8Array;

export type TableRead =
  | { ok: true; format: 'csv'; sheet: null; records: CsvRecord[] }
  | { ok: true; format: 'xlsx'; sheet: string; records: CsvRecord[] }
  | { ok: false; problem: 'unclosed_quote'; line: number }
  | { ok: false; problem: 'unreadable_xlsx'; line: 0 }
  | { ok: false; problem: 'control_chars'; line: number; column: string; sheet: string | null };

/** Where a cell holds a control character: its row (XLSX) or line (CSV) and column letter. */
export interface ControlCharCell {
  line: number;
  column: string;
}

/**
 * Every cell holding a control character (`_x0000_` in a sheet's XML becomes a NUL; a CSV file
 * may carry one too) that no database stores as sent (PostgreSQL refuses NUL in text). TAB and
 * line breaks pass: a quoted CSV cell may hold a line break, as the API check allows.
 */
export function controlCharCells(records: CsvRecord[]): ControlCharCell[] {
  const found: ControlCharCell[] = [];
  for (const r of records)
    r.cells.forEach((cell, i) => {
      if (hasControlChars(cell, true)) found.push({ line: r.line, column: columnLetter(i) });
    });
  return found;
}

/** The column's letters as a spreadsheet shows them (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Reads CSV text, or the bytes of an uploaded CSV or XLSX file (first worksheet). A table with
 * a control character in any cell is refused, naming the first such cell.
 */
export async function readTable(input: TableInput, opts: CsvReadOptions = {}): Promise<TableRead> {
  const read = await readAny(input, opts);
  if (!read.ok) return read;
  const [bad] = controlCharCells(read.records);
  if (bad) return { ok: false, problem: 'control_chars', ...bad, sheet: read.sheet };
  return read;
}

async function readAny(input: TableInput, opts: CsvReadOptions): Promise<TableRead> {
  if (typeof input !== 'string' && looksLikeXlsx(input)) {
    const r = await readXlsx(input);
    if (!r.ok) return { ok: false, problem: 'unreadable_xlsx', line: 0 };
    return { ok: true, format: 'xlsx', sheet: r.sheet, records: r.records };
  }
  const text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  const r = readCsv(text, opts);
  if (!r.ok) return r;
  return { ok: true, format: 'csv', sheet: null, records: r.records };
}

/** The bytes of an uploaded form file, or the text of a pasted field (empty when neither). */
export async function uploadedTable(file: unknown, pasted?: unknown): Promise<TableInput> {
  if (file && typeof file === 'object' && 'arrayBuffer' in file && (file as File).size > 0)
    return new Uint8Array(await (file as File).arrayBuffer());
  return typeof pasted === 'string' ? pasted : '';
}

/** A table as CSV text with each record on the line it came from, for readers that take
 *  text (a sheet's row N becomes line N; line breaks inside a cell become spaces, as no
 *  importer's cell holds one). */
export function recordsAsCsvText(records: CsvRecord[], delimiter = ','): string {
  const lines: string[] = [];
  for (const r of records) {
    while (lines.length < r.line - 1) lines.push('');
    lines.push(
      r.cells
        .map((c) => c.replace(/[\r\n]+/g, ' '))
        .map((c) => (/[",;\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
        .join(delimiter),
    );
  }
  return `${lines.join('\n')}\n`;
}
