// A statement as CSV for the partner's and the treasury's spreadsheets: one row per line,
// each with its order number so it can be traced, and the total last.
import type { statementWithLines } from './statements.js';

type Statement = NonNullable<Awaited<ReturnType<typeof statementWithLines>>>;

const cell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  const safe = /^[=+\-@]/.test(s) && !/^-?\d+$/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function statementCsv(st: Statement): string {
  const rows: unknown[][] = [['statement', 'partner', 'period', 'scope', 'order_id', 'order_number', 'rule', 'base', 'amount_idr', 'note']];
  for (const l of st.lines) rows.push([st.number, st.partner_name, st.period, st.scope_code || 'national', l.order_id ?? '', l.order_number ?? '', l.kind, l.base, l.amount, l.note]);
  rows.push([st.number, st.partner_name, st.period, st.scope_code || 'national', '', '', 'total', '', st.total, st.corrects_id ? `correction of ${st.corrects_id}` : '']);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
