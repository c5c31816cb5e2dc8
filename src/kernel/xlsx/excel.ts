// ExcelJS, loaded on the first spreadsheet rather than at start: it is the largest module the
// server would import (≈ 0.3 s and tens of MB at start on the 2-core machine), and most
// processes never write or read a workbook.
import type ExcelJS from 'exceljs';

let loaded: Promise<typeof ExcelJS> | null = null;

export function excel(): Promise<typeof ExcelJS> {
  loaded ??= import('exceljs').then((m) => m.default);
  return loaded;
}
