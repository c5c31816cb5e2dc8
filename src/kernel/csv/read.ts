// The CSV reader, on csv-parse: RFC 4180 quoting (quoted cells may hold separators, quotes
// as "" and line breaks), CRLF, LF or CR line ends (mixed too), an optional UTF-8 BOM.
// Lenient where spreadsheets are: a quote inside an unquoted cell is text, rows may have any
// number of cells (the caller reports ragged rows in its own words), lines holding only
// blanks are skipped. Each record carries the physical line it starts on, so a report can
// name line and column; the one refusal is a quote never closed, named by its line.
import { parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (quoted cells may span lines). */
  line: number;
  cells: string[];
}

export type CsvRead =
  | { ok: true; delimiter: ',' | ';'; records: CsvRecord[] }
  | { ok: false; problem: 'unclosed_quote'; line: number };

export interface CsvReadOptions {
  /** ',' (the default), ';', or 'auto': ';' when the first line has a ';' and no ','
   *  (spreadsheets set to Indonesian write ';' between cells). */
  delimiter?: ',' | ';' | 'auto';
}

function pickDelimiter(text: string, wanted: CsvReadOptions['delimiter']): ',' | ';' {
  if (wanted !== 'auto') return wanted ?? ',';
  const first = text.slice(0, text.search(/[\r\n]|$/));
  return first.includes(';') && !first.includes(',') ? ';' : ',';
}

const options = (delimiter: ',' | ';') => ({
  bom: true,
  delimiter,
  record_delimiter: ['\r\n', '\n', '\r'],
  relax_quotes: true,
  relax_column_count: true,
});

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

const isQuoteNotClosed = (e: unknown) => (e as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED';

/** Reads CSV text into records (the header, if any, is the first). */
export function readCsv(text: string, opts: CsvReadOptions = {}): CsvRead {
  const delimiter = pickDelimiter(text, opts.delimiter);
  let rows: string[][];
  try {
    rows = parse(text, options(delimiter));
  } catch (e) {
    if (isQuoteNotClosed(e))
      return { ok: false, problem: 'unclosed_quote', line: lineOfUnclosedQuote(text, delimiter) };
    throw e;
  }
  // Blank lines come back as one empty cell, so every physical line belongs to one row and a
  // row's start line is the previous row's plus its own length: 1 + the breaks inside its
  // quoted cells. (csv-parse's own line count is off after a quoted CRLF.) Without a quote
  // in the text no cell holds a break, which keeps large plain files fast.
  const quoted = text.includes('"');
  const records: CsvRecord[] = [];
  let line = 1;
  for (const cells of rows) {
    if (cells.length > 1 || cells[0].trim() !== '') records.push({ line, cells });
    line += 1 + (quoted ? breaksIn(cells) : 0);
  }
  return { ok: true, delimiter, records };
}

/** The start line of the record whose quote is never closed: the line after the rows read. */
function lineOfUnclosedQuote(text: string, delimiter: ',' | ';'): number {
  let line = 1;
  try {
    parse(text, {
      ...options(delimiter),
      on_record: (cells: string[]) => {
        line += 1 + breaksIn(cells);
        return null;
      },
    });
  } catch (e) {
    if (isQuoteNotClosed(e)) return line;
    throw e;
  }
  throw new Error('lineOfUnclosedQuote: the text parses');
}
