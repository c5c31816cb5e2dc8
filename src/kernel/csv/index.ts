// CSV for spreadsheets (RFC 4180 quoting, CRLF). Text that a spreadsheet would run as a
// formula (= + - @ first) gets a leading apostrophe; numbers are written as they are, so
// negative amounts stay numbers.
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  const s = String(v);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to one CSV document, each row ended by CRLF. */
export const csvRows = (rows: unknown[][]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
