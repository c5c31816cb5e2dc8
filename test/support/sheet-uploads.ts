// Table imports through the JSON API: a workbook made in the test, sent as the raw XLSX body
// (kernel/xlsx/request.ts) with the CSRF header a cookie client needs, and the bodies every
// import must refuse with 400.
import ExcelJS from 'exceljs';
import { XLSX_TYPE } from '../../src/kernel/xlsx/index.js';
import type { TestClient } from './kernel/index.js';

/** A workbook whose first sheet holds `rows`; a second sheet the import must ignore. */
export async function workbookOf(rows: unknown[][], sheet = 'Sheet1'): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Catatan').addRow(['abaikan', 'ignore']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Text that exceljs writes as it is and reads back with a NUL in it: the file's XML escape
 *  `_x0000_` (Excel's own way to store a control character in a cell). */
export const NUL_IN_CELL = 'TRF_x0000_BUDI';

/** POSTs `body` as the raw XLSX body (or with `type`) to an import API. */
export async function postTable(
  client: TestClient,
  path: string,
  body: Uint8Array | string,
  opts: { type?: string; locale?: string } = {},
): Promise<Response> {
  return client.fetch(path, {
    method: 'POST',
    body: body as BodyInit,
    headers: {
      'content-type': opts.type ?? XLSX_TYPE,
      'x-csrf-token': await client.csrf(),
      ...(opts.locale ? { 'accept-language': opts.locale } : {}),
    },
  });
}

/** Bodies sent as XLSX that are not a readable workbook: each must be a 400 writing nothing. */
export const NOT_WORKBOOKS: [string, Uint8Array][] = [
  ['a ZIP header and nothing else', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6])],
  ['CSV text', new TextEncoder().encode('from,to,km\na,b,1\n')],
  ['nothing', new Uint8Array()],
];

/** The per-cell report of a refused table, as [sheet, row, column, code] rows. */
export async function refusedCells(
  res: Response,
): Promise<{ code: string; cells: [string | null, number, string | null, string][]; body: any }> {
  const body = (await res.json()) as any;
  return {
    code: body.code,
    body,
    cells: (body.cells ?? []).map((x: any) => [x.sheet, x.row, x.column, x.code]),
  };
}
