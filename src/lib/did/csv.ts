// Minimal RFC 4180 CSV reader: comma separator, double-quoted fields with "" escapes,
// CRLF or LF line ends, optional UTF-8 BOM. Returns the header and rows of raw strings;
// typing is the caller's job (so error messages can name row and column).
import { DidError } from './errors.ts';

export interface CsvTable {
  header: string[];
  rows: string[][];
  /** 1-based line number in the file where each data row starts (quoted fields may span lines). */
  lines: number[];
}

/** Parses CSV text; throws DidError('CSV_PARSE') on an unterminated quote or ragged row. */
export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: string[][] = [];
  const starts: number[] = [];
  let field = '';
  let rec: string[] = [];
  let line = 1;
  let recLine = 1;
  let i = 0;
  const n = text.length;
  let quotedField = false;
  const endRecord = (): void => {
    rec.push(field);
    if (!(rec.length === 1 && rec[0] === '' && !quotedField)) {
      records.push(rec);
      starts.push(recLine);
    }
    rec = [];
    field = '';
    quotedField = false;
  };
  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '' && !quotedField) {
      quotedField = true;
      const open = line;
      i++;
      for (;;) {
        if (i >= n) throw new DidError('CSV_PARSE', `unterminated quoted field starting on line ${open}`, { line: open });
        const c = text[i];
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n') line++;
        field += c;
        i++;
      }
      if (i < n && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
        throw new DidError('CSV_PARSE', `unexpected character after closing quote on line ${line}`, { line });
      }
      continue;
    }
    if (ch === ',') {
      rec.push(field);
      field = '';
      quotedField = false;
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      if (ch === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recLine = line;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || rec.length || quotedField) endRecord();
  if (!records.length) throw new DidError('CSV_PARSE', 'the CSV file is empty');
  const header = records[0].map((h) => h.trim());
  const rows = records.slice(1);
  const lines = starts.slice(1);
  rows.forEach((r, j) => {
    if (r.length !== header.length) {
      throw new DidError('CSV_PARSE', `line ${lines[j]} has ${r.length} fields, the header has ${header.length}`, { line: lines[j] });
    }
  });
  return { header, rows, lines };
}
