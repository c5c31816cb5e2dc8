// The one answer for a download offered as CSV and XLSX: the route registers both paths
// (`.csv` and `.xlsx`) on one handler, keeps its access checks and its query, and hands the
// sheet here; the extension of the requested path picks the format.
import type { Context } from 'hono';
import { sheetCsv, type SheetFormat, type SheetSpec } from './sheet.js';
import { writeXlsx } from './write.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 'xlsx' when the request asked for `….xlsx` (or `…/xlsx`), else 'csv'. */
export function sheetFormat(c: Context): SheetFormat {
  return /[./]xlsx$/.test(c.req.path) ? 'xlsx' : 'csv';
}

/** The two paths of one download: `base.csv` and `base.xlsx`. */
export const bothFormats = (base: string): string[] => [`${base}.csv`, `${base}.xlsx`];

/** Sends the sheet as the requested format; `filename` has no extension. */
export async function sendSheet(c: Context, filename: string, spec: SheetSpec): Promise<Response> {
  const format = sheetFormat(c);
  const disposition = `attachment; filename="${filename.replace(/["\\\r\n]/g, '')}.${format}"`;
  if (format === 'csv')
    return c.body(sheetCsv(spec), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': disposition,
    });
  const bytes = await writeXlsx(spec);
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': XLSX_TYPE,
    'content-disposition': disposition,
  });
}
