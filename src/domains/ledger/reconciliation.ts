// Reconciliation of the imported bank statement (orders' statement import) with the ledger's
// bank transfer account: per payment, what the bank booked and what the ledger recorded as
// received. Only disagreements are reported:
//   in_bank_only    a credit line the import matched to no payment, or matched to a payment
//                   the ledger has not received (money that came late: a payment exception)
//   in_ledger_only  a transfer the ledger received that no imported line books (not yet imported,
//                   or marked paid by staff without the bank seeing it)
//   amount_differs  both sides know the payment but the amounts differ
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { paymentReferences, statementLinesBetween } from '../orders/index.js';
import { bankDay, bankDaysRange } from './bank-day.js';

export type Disagreement = 'in_bank_only' | 'in_ledger_only' | 'amount_differs';

export interface ReconciliationRow {
  kind: Disagreement;
  bookedOn: string | null;
  reference: string | null;
  description: string | null;
  bank: number;
  ledger: number;
}

export interface Reconciliation {
  from: string;
  to: string;
  bankTotal: number;
  ledgerTotal: number;
  matched: number;
  rows: ReconciliationRow[];
}

/**
 * Compares statement lines booked in [from, to] with ledger receipts posted in the same days,
 * each receipt's day read in the bank's calendar (bank-day.ts).
 */
export async function reconcile(db: Tx, from: string, to: string): Promise<Reconciliation> {
  const lines = await statementLinesBetween(db, from, to);
  const window = bankDaysRange(from, to);
  const received = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select('t.payment_id')
    .select(sql<number>`sum(l.amount)`.as('amount'))
    .where('l.account_code', '=', 'bank_transfer')
    .where('t.payment_id', 'is not', null)
    .groupBy('t.payment_id')
    .execute();
  const ledgerByPayment = new Map(received.map((r) => [r.payment_id!, Number(r.amount)]));
  const bankByPayment = new Map<
    string,
    { amount: number; bookedOn: string; description: string }
  >();
  const rows: ReconciliationRow[] = [];
  let matched = 0;
  const differing = new Map<ReconciliationRow, string>();
  for (const l of lines) {
    if (!l.payment_id || !ledgerByPayment.has(l.payment_id)) {
      rows.push({
        kind: 'in_bank_only',
        bookedOn: l.booked_on,
        reference: l.reference ?? null,
        description: l.description,
        bank: l.amount,
        ledger: 0,
      });
      continue;
    }
    const b = bankByPayment.get(l.payment_id);
    bankByPayment.set(l.payment_id, {
      amount: (b?.amount ?? 0) + l.amount,
      bookedOn: l.booked_on,
      description: l.description,
    });
  }
  for (const [paymentId, b] of bankByPayment) {
    const inLedger = ledgerByPayment.get(paymentId) ?? 0;
    if (inLedger === b.amount) {
      matched++;
      continue;
    }
    const row: ReconciliationRow = {
      kind: 'amount_differs',
      bookedOn: b.bookedOn,
      reference: null,
      description: b.description,
      bank: b.amount,
      ledger: inLedger,
    };
    rows.push(row);
    differing.set(row, paymentId);
  }
  // Receipts the ledger posted in the period that no imported line books.
  const inPeriod = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select('t.payment_id')
    .select(sql<number>`sum(l.amount)`.as('amount'))
    .select(sql<string>`min(l.posted_at)`.as('at'))
    .where('l.account_code', '=', 'bank_transfer')
    .where('t.payment_id', 'is not', null)
    .where('l.posted_at', '>=', window.start)
    .where('l.posted_at', '<', window.end)
    .groupBy('t.payment_id')
    .execute();
  const booked = new Set(lines.map((l) => l.payment_id).filter(Boolean));
  const refs = await paymentReferences(db, [
    ...inPeriod.map((r) => r.payment_id!),
    ...bankByPayment.keys(),
  ]);
  for (const r of rows)
    if (r.kind === 'amount_differs' && differing.has(r))
      r.reference = refs.get(differing.get(r)!)?.reference ?? null;
  for (const r of inPeriod) {
    if (booked.has(r.payment_id)) continue;
    rows.push({
      kind: 'in_ledger_only',
      bookedOn: bankDay(r.at),
      reference: refs.get(r.payment_id!)?.reference ?? null,
      description: null,
      bank: 0,
      ledger: Number(r.amount),
    });
  }
  return {
    from,
    to,
    bankTotal: lines.reduce((s, l) => s + l.amount, 0),
    ledgerTotal: inPeriod.reduce((s, r) => s + Number(r.amount), 0),
    matched,
    rows: rows.sort((a, b) => (a.bookedOn ?? '').localeCompare(b.bookedOn ?? '')),
  };
}
