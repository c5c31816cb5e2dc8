// CSV for spreadsheets, written by csv-stringify: RFC 4180 quoting (a cell is quoted when it
// holds a comma, a quote, CR or LF) and CRLF after every row. Text that a spreadsheet would
// run as a formula (=, +, -, @, tab or CR first; OWASP's CSV injection list) gets a leading
// apostrophe. Numbers are written as they are, so negative amounts stay numbers.
// Data exports read by scripts rather than spreadsheets (the impact panel, the targeting
// ranking, the logistics KPIs) keep their documented LF line ends with `newline: '\n'`.
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const OPTIONS = { record_delimiter: '\r\n', quoted_match: /[\r\n]/ } as const;

export interface CsvWriteOptions {
  /** Record separator: CRLF (RFC 4180, the default) or LF. */
  newline?: '\r\n' | '\n';
  /** Fixed decimals for numbers that are not integers (integers stay as they are). */
  decimals?: number;
  /** Quote every cell, empty ones too (the ledger's lists quote their data rows so). */
  quoteAll?: boolean;
}

/** A value as the text of one cell, before quoting; null and undefined are empty. */
function cellText(v: unknown, decimals?: number): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number')
    return decimals !== undefined && !Number.isInteger(v) ? v.toFixed(decimals) : String(v);
  const s = String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** One cell as it appears in the document (quoted when needed). */
export function csvCell(v: unknown): string {
  return stringify([[cellText(v)]], OPTIONS).slice(0, -2);
}

/** Rows to one CSV document, each row ended by CRLF (or `newline`). */
export function csvRows(rows: unknown[][], opts: CsvWriteOptions = {}): string {
  return stringify(
    rows.map((r) => r.map((v) => cellText(v, opts.decimals))),
    {
      ...OPTIONS,
      record_delimiter: opts.newline ?? OPTIONS.record_delimiter,
      ...(opts.quoteAll ? { quoted: true, quoted_empty: true } : {}),
    },
  );
}
