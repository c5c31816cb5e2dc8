// Spreadsheets: one table spec written as CSV or XLSX, and one reader for imports that take
// CSV or XLSX (first worksheet), on exceljs.
export {
  columnOf,
  sheetCsv,
  type ColumnType,
  type SheetColumn,
  type SheetFormat,
  type SheetSpec,
} from './sheet.js';
export { RUPIAH_FORMAT, sheetName, typedCell, writeXlsx } from './write.js';
export { cellText, looksLikeXlsx, readXlsx, type XlsxRead } from './read.js';
export {
  columnLetter,
  readTable,
  recordsAsCsvText,
  uploadedTable,
  type TableInput,
  type TableRead,
} from './table.js';
export { bothFormats, sendSheet, sheetFormat, XLSX_TYPE } from './respond.js';
export {
  requestTable,
  tableBody,
  tableRejected,
  type CellProblem,
  type CsvBody,
} from './request.js';
