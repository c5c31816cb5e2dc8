// A statement as CSV for the partner's and the treasury's spreadsheets: one row per line,
// each with its order number so it can be traced, and the total last.
import { sheetCsv, type SheetSpec } from '../../../kernel/xlsx/index.js';
import type { Locale } from '../../../kernel/i18n/index.js';
import type { statementWithLines } from './statements.js';
import { noteText } from './notes.js';

type Statement = NonNullable<Awaited<ReturnType<typeof statementWithLines>>>;

/** The statement as CSV; notes in the reader's language, rule kinds as stable codes. */
export function statementCsv(st: Statement, locale: Locale): string {
  return sheetCsv(statementSheet(st, locale));
}

/** The statement as a sheet (CSV or XLSX): amounts in rupiah, the total last. */
export function statementSheet(st: Statement, locale: Locale): SheetSpec {
  const rows: unknown[][] = [];
  for (const l of st.lines)
    rows.push([
      st.number,
      st.partner_name,
      st.period,
      st.scope_code || 'national',
      l.order_id ?? '',
      l.order_number ?? '',
      l.kind,
      Number(l.base),
      Number(l.amount),
      noteText(locale, l.note),
    ]);
  rows.push([
    st.number,
    st.partner_name,
    st.period,
    st.scope_code || 'national',
    '',
    '',
    'total',
    '',
    Number(st.total),
    st.corrects_id ? `correction of ${st.corrects_id}` : '',
  ]);
  return {
    name: st.number,
    columns: [
      'statement',
      'partner',
      { header: 'period', type: 'text' },
      'scope',
      'order_id',
      'order_number',
      'rule',
      { header: 'base', type: 'rupiah' },
      { header: 'amount_idr', type: 'rupiah' },
      'note',
    ],
    rows,
  };
}
