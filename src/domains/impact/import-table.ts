// The table behind a survey or poverty-line import: pasted CSV text, or an uploaded CSV or
// XLSX file (first sheet, told apart by its first bytes). A sheet is laid out as CSV text with
// row N on line N, so the checks that follow read one table and name sheet rows as lines.
import {
  looksLikeXlsx,
  readTable,
  recordsAsCsvText,
  type TableInput,
} from '../../kernel/xlsx/index.js';
import { parseCsv, type CsvTable } from '../../lib/did/index.js';
import type { ImportProblem } from './survey-import.js';

export type ImportTable =
  | { ok: true; table: CsvTable; sheet: string | null }
  | { ok: false; problems: ImportProblem[]; sheet: string | null };

export async function readImportTable(input: TableInput): Promise<ImportTable> {
  let text: string;
  let sheet: string | null = null;
  if (typeof input !== 'string' && looksLikeXlsx(input)) {
    const r = await readTable(input);
    if (!r.ok || r.format !== 'xlsx')
      return {
        ok: false,
        sheet,
        problems: [{ line: 0, column: '', key: 'impact.err.unreadable_xlsx' }],
      };
    sheet = r.sheet;
    text = recordsAsCsvText(r.records);
  } else text = typeof input === 'string' ? input : new TextDecoder().decode(input);
  try {
    return { ok: true, table: parseCsv(text.replace(/^\uFEFF/, '')), sheet };
  } catch (e) {
    return {
      ok: false,
      sheet,
      problems: [
        {
          line: 0,
          column: '',
          key: 'impact.err.csv_parse',
          params: { detail: e instanceof Error ? e.message : String(e) },
        },
      ],
    };
  }
}
