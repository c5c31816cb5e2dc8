// A statement as CSV for the partner's and the treasury's spreadsheets: one row per line,
// each with its order number so it can be traced, and the total last.
import { csvRows } from '../../../kernel/csv/index.js';
import type { Locale } from '../../../kernel/i18n/index.js';
import type { statementWithLines } from './statements.js';
import { noteText } from './notes.js';

type Statement = NonNullable<Awaited<ReturnType<typeof statementWithLines>>>;

/** The statement as CSV; notes in the reader's language, rule kinds as stable codes. */
export function statementCsv(st: Statement, locale: Locale): string {
  const rows: unknown[][] = [
    [
      'statement',
      'partner',
      'period',
      'scope',
      'order_id',
      'order_number',
      'rule',
      'base',
      'amount_idr',
      'note',
    ],
  ];
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
  return csvRows(rows);
}
