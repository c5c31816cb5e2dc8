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

/** One problem of an import, by line and column, with its message key (shown in the user's language). */
export interface ImportProblem {
  /** CSV line number (the header is line 1); 0 for problems of the file itself. */
  line: number;
  column: string;
  key: string;
  params?: Record<string, unknown>;
}

export type ImportTable =
  | { ok: true; table: CsvTable; sheet: string | null }
  | { ok: false; problems: ImportProblem[]; sheet: string | null };

export async function readImportTable(input: TableInput): Promise<ImportTable> {
  // Read as a table first, CSV too, so a control character in any cell (a NUL PostgreSQL
  // refuses) is named by line and column before anything else looks at the file.
  const r = await readTable(input);
  if (!r.ok && r.problem === 'control_chars')
    return {
      ok: false,
      sheet: r.sheet,
      problems: [{ line: r.line, column: r.column, key: 'validation.control_chars' }],
    };
  let text: string;
  let sheet: string | null = null;
  if (typeof input !== 'string' && looksLikeXlsx(input)) {
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
