// One table, two file formats. An export describes its columns once (header, and a type
// where the value alone does not say it: rupiah, percent) with its rows; the CSV is the same
// document the export wrote before, the XLSX gets typed cells from the same rows. Keeping
// both behind one spec is what makes "the same rows in both" hold by construction.
import { csvRows, type CsvWriteOptions } from '../csv/index.js';

/** How a column's cells are typed in the XLSX. 'auto' (the default) follows each value:
 *  numbers as numbers, ISO dates (YYYY-MM-DD) and timestamps as dates, the rest as text. */
export type ColumnType =
  | 'auto'
  | 'text'
  | 'integer'
  | 'number'
  | 'rupiah'
  | 'percent'
  | 'date'
  | 'datetime';

export interface SheetColumn {
  header: string;
  type?: ColumnType;
  /** Width in characters; worked out from the contents when absent. */
  width?: number;
}

export interface SheetSpec {
  /** The worksheet's name (Excel allows 31 characters, no []:*?/\). */
  name: string;
  columns: (string | SheetColumn)[];
  rows: unknown[][];
  /** The CSV's own options (LF line ends, fixed decimals), as the export documented them. */
  csv?: CsvWriteOptions;
}

export type SheetFormat = 'csv' | 'xlsx';

export const columnOf = (c: string | SheetColumn): SheetColumn =>
  typeof c === 'string' ? { header: c } : c;

/** The CSV document of a sheet: its header row, then its rows (`quoteAll` quotes the data
 *  rows only: the header names are plain words). */
export function sheetCsv(spec: SheetSpec): string {
  const header = [spec.columns.map((c) => columnOf(c).header)];
  if (!spec.csv?.quoteAll) return csvRows([...header, ...spec.rows], spec.csv);
  return csvRows(header, { ...spec.csv, quoteAll: false }) + csvRows(spec.rows, spec.csv);
}
