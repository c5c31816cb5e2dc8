// The table an import API receives. Every JSON API import that takes CSV also takes the XLSX
// workbook itself: the raw bytes with the XLSX content type, beside the route's CSV body (CSV
// text, or JSON `{csv}`), so a client sends a file as it is, within the one body limit, with no
// base64. `tableBody` declares both forms in the OpenAPI route; `requestTable` reads either
// into the input the web form's importer takes (first sheet), so both paths validate alike;
// `tableRejected` is the 422 that lists every bad cell by sheet, row and column.
import type { Context } from 'hono';
import { z } from '@hono/zod-openapi';
import { AppError, defineErrors } from '../errors/errors.js';
import { registerMessages, t } from '../i18n/i18n.js';
import type { AppEnv } from '../http/env.js';
import { readJson } from '../http/validate.js';
import { looksLikeXlsx, readXlsx } from './read.js';
import { XLSX_TYPE } from './respond.js';
import { controlCharCells, type TableInput } from './table.js';

/** How a route takes its CSV: the text itself, or a JSON object with the text in `csv`. */
export type CsvBody = 'text/csv' | z.ZodType<{ csv: string }>;

/** One bad cell (or row, when `column` is null; the whole file when `row` is 0). */
export interface CellProblem {
  row: number;
  column: string | null;
  /** Message key of the reason, and its parameters. */
  key: string;
  params?: Record<string, unknown>;
}

defineErrors({
  TABLE_NOT_XLSX: { status: 400, message: 'table.err.not_xlsx' },
  TABLE_REJECTED: { status: 422, message: 'table.err.rejected' },
});
registerMessages({
  id: {
    'table.err.not_xlsx':
      'Isi kiriman bukan buku kerja Excel (XLSX) yang dapat dibaca. Simpan ulang sebagai .xlsx lalu kirim lagi. Tidak ada yang disimpan.',
    'table.err.rejected':
      'Berkas ditolak; tidak ada yang disimpan. Setiap sel yang salah tercantum di cells (lembar, baris, kolom, alasan).',
  },
  en: {
    'table.err.not_xlsx':
      'The body is not an Excel (XLSX) workbook that can be read. Save it again as .xlsx and resend. Nothing was stored.',
    'table.err.rejected':
      'The file was refused; nothing was stored. Every bad cell is listed in cells (sheet, row, column, reason).',
  },
});

const WORKBOOK_DESCRIPTION =
  'The workbook itself (raw bytes of an .xlsx file); its first worksheet is read as the table';

/** The OpenAPI request body of an import: the route's CSV form, or the XLSX workbook. */
export function tableBody(csv: CsvBody) {
  // The JSON form is declared as plain JSON Schema, not as a zod schema: the OpenAPI layer
  // would then validate every body as JSON, the workbook too. `requestTable` validates it.
  const csvForm =
    csv === 'text/csv'
      ? { 'text/csv': { schema: z.string() } }
      : { 'application/json': { schema: jsonSchemaOf(csv) } };
  return {
    required: true,
    description: `The table as CSV ${csv === 'text/csv' ? 'text (text/csv)' : 'text in `csv` (application/json)'}, or the Excel workbook itself (${XLSX_TYPE}): the same checks, the same report`,
    content: {
      ...csvForm,
      [XLSX_TYPE]: {
        schema: { type: 'string' as const, format: 'binary', description: WORKBOOK_DESCRIPTION },
      },
    },
  };
}

function jsonSchemaOf(schema: z.ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema) as Record<string, unknown>;
  return rest;
}

/**
 * The table in the request: the workbook's bytes (checked readable, 400 otherwise) when the
 * Content-Type is XLSX, else the CSV text of the route's CSV form (JSON validated as the
 * route declares it; another Content-Type is a 415).
 */
export async function requestTable(c: Context<AppEnv>, csv: CsvBody): Promise<TableInput> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === XLSX_TYPE) return workbook(c);
  // A text route reads any other body as the CSV, as it did before workbooks were taken.
  if (csv === 'text/csv') return c.req.text();
  if (!/^application\/([\w.-]+\+)?json$/.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  return (await readJson(c, csv)).csv;
}

async function workbook(c: Context<AppEnv>): Promise<Uint8Array> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const read = looksLikeXlsx(bytes) ? await readXlsx(bytes) : null;
  if (!read?.ok) throw new AppError('TABLE_NOT_XLSX');
  // A cell may carry control characters (`_x0000_` in the file's XML) that no database stores
  // as sent; the CSV body is refused for them at validation, a workbook cell by cell.
  const bad: CellProblem[] = controlCharCells(read.records).map((cell) => ({
    row: cell.line,
    column: cell.column,
    key: 'validation.control_chars',
  }));
  if (bad.length) throw tableRejected(c, read.sheet, bad);
  return bytes;
}

/**
 * The 422 of a table refused whole: `cells` lists every problem with its sheet (null for CSV),
 * row, column and reason in the caller's language; `errors` keeps a message per cell, keyed
 * `line <row> <column>` as the first import API named them.
 */
export function tableRejected(
  c: Context<AppEnv>,
  sheet: string | null,
  problems: CellProblem[],
  code = 'TABLE_REJECTED',
): AppError {
  const locale = c.get('locale');
  const cells = problems.map((p) => ({
    sheet,
    row: p.row,
    column: p.column,
    reason: t(locale, p.key, p.params),
    code: p.key,
  }));
  const fields = Object.fromEntries(
    problems.map((p) => [`line ${p.row} ${p.column ?? '-'}`, { key: p.key, params: p.params }]),
  );
  return new AppError(code, { sheet, cells }, fields);
}
