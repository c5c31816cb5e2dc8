// The CLI's CSV reader, on csv-parse: comma separator, RFC 4180 quoting ("" escapes, quoted
// line breaks), CRLF, LF or CR line ends, optional UTF-8 BOM, empty lines skipped. A quote
// inside an unquoted cell is text (a malformed number then fails as NOT_NUMERIC, naming row
// and column). Returns the header and rows of raw strings; typing is the caller's job.
// lib/ imports nothing of ours, so this mirrors the reader in src/kernel/csv.
import { parse } from 'csv-parse/sync';
import { DidError } from './errors.ts';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** 1-based line number in the file where each data row starts (quoted fields may span lines). */
  lines: number[];
}

const OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: true,
  relax_column_count: true,
};

/** Line breaks inside a record's cells (only quoted cells hold any); a CRLF counts once. */
function breaksIn(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    for (let i = c.search(/[\r\n]/); i !== -1 && i < c.length; i++) {
      if (c[i] === '\n' || (c[i] === '\r' && c[i + 1] !== '\n')) n++;
    }
  }
  return n;
}

const quoteNotClosed = (e: unknown) => (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';

/** The start line of the record whose quote is never closed: the line after the rows read. */
function unclosedQuoteLine(text: string): number {
  let line = 1;
  try {
    parse(text, {
      ...OPTIONS,
      on_record: (cells: string[]) => {
        line += 1 + breaksIn(cells);
        return null;
      },
    });
  } catch (e) {
    if (quoteNotClosed(e)) return line;
    throw e;
  }
  return line;
}

/** Parses CSV text; throws DidError('CSV_PARSE') on an unterminated quote or ragged row. */
export function parseCsv(text: string): CsvTable {
  let parsed: string[][];
  try {
    parsed = parse(text, OPTIONS);
  } catch (e) {
    if (!quoteNotClosed(e)) throw e;
    const open = unclosedQuoteLine(text);
    throw new DidError('CSV_PARSE', `unterminated quoted field starting on line ${open}`, {
      line: open,
    });
  }
  // Every physical line belongs to one record (empty lines come back as one empty cell), so a
  // record starts on the previous record's line plus that record's length in lines.
  const records: string[][] = [];
  const starts: number[] = [];
  let line = 1;
  for (const cells of parsed) {
    if (cells.length > 1 || cells[0] !== '') {
      records.push(cells);
      starts.push(line);
    }
    line += 1 + breaksIn(cells);
  }
  if (!records.length) throw new DidError('CSV_PARSE', 'the CSV file is empty');
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  const lines = starts.slice(1);
  rows.forEach((r, j) => {
    if (r.length !== header.length) {
      throw new DidError(
        'CSV_PARSE',
        `line ${lines[j]} has ${r.length} fields, the header has ${header.length}`,
        { line: lines[j] },
      );
    }
  });
  return { header, rows, lines };
}
