// Bank-statement import: each credit line pays the open transfer it names — by the payment
// reference in the transfer remark when the buyer wrote it, else by the unique amount. Lines
// are fingerprinted, so importing the same statement twice pays nothing twice; money for a
// transfer whose reservation already expired becomes an exception for staff (late-payment.ts).
// Every record of the file comes back with one outcome and a reason, and the counts add up.
import { createHash } from 'node:crypto';
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import type { PaymentsTable } from '../orders.tables.js';
import { groupSummary } from './intent.js';
import { recordLatePayment } from './late-payment.js';
import { settlePayment } from './settle-payment.js';
import type { TableInput } from '../../../kernel/xlsx/index.js';
import { readStatement, type StatementReason } from './statement.js';

export const OUTCOMES = [
  'matched',
  'late',
  'unmatched',
  'debit',
  'duplicate',
  'skipped',
  'rejected',
] as const;
export type Outcome = (typeof OUTCOMES)[number];
export type LineReason =
  | StatementReason
  | 'no_payment'
  | 'amount_differs'
  | 'already_paid'
  | 'debit'
  | 'duplicate'
  | 'paid'
  | 'late';

export interface LineResult {
  line: number;
  outcome: Outcome;
  reason: LineReason;
  bookedOn?: string;
  description?: string;
  amount?: number;
  paymentId?: string;
  reference?: string;
  exceptionId?: string;
  /** The raw record, for lines that are not transactions. */
  text?: string;
  /** For a rejected line: the column whose cell was not understood. */
  column?: string;
}

export interface ImportReport {
  /** Records in the file; equals the sum of `counts`. */
  total: number;
  counts: Record<Outcome, number>;
  lines: LineResult[];
  /** The worksheet read when the file was XLSX (each line is then its row). */
  sheet: string | null;
}

const REFERENCE_IN_TEXT = /\bLMB[0-9A-HJKMNP-TV-Z]{10}\b/i;
/** How far back an expired transfer may be to take a late payment matched by amount alone. */
const LATE_BY_AMOUNT_DAYS = 14;

async function findByReference(tx: Tx, description: string): Promise<PaymentsTable | undefined> {
  const m = REFERENCE_IN_TEXT.exec(description);
  if (!m) return undefined;
  return tx
    .selectFrom('payments')
    .selectAll()
    .where('reference', '=', m[0].toUpperCase())
    .where('method', '=', 'transfer')
    .executeTakeFirst();
}

/** An expired transfer of exactly this amount, when exactly one recent one exists (else it is not ours to guess). */
async function lateByAmount(tx: Tx, amount: number): Promise<PaymentsTable | undefined> {
  const since = new Date(Date.now() - LATE_BY_AMOUNT_DAYS * 86_400_000).toISOString();
  const rows = await tx
    .selectFrom('payments')
    .selectAll()
    .where('method', '=', 'transfer')
    .where('status', '=', 'expired')
    .where('amount', '=', amount)
    .where('created_at', '>=', since)
    .limit(2)
    .execute();
  return rows.length === 1 ? rows[0] : undefined;
}

export async function importStatement(
  db: Tx,
  csv: TableInput,
  actorId: string,
): Promise<Result<ImportReport>> {
  const read = await readStatement(csv);
  if (!read.ok && read.problem === 'control_chars')
    return fail('ORDERS_BAD_STATEMENT', {
      reason: `karakter kontrol (misalnya NUL) di baris ${read.line} kolom ${read.column} / control character (such as NUL) at line ${read.line} column ${read.column}`,
    });
  if (!read.ok)
    return fail('ORDERS_BAD_STATEMENT', {
      reason: 'berkas Excel tidak terbaca / unreadable Excel file',
    });
  const parsed = read.lines;
  if (!parsed) return fail('ORDERS_BAD_STATEMENT', { reason: 'kosong / empty' });
  if (!parsed.some((l) => l.kind === 'transaction')) {
    const first = parsed.find((l) => l.kind === 'rejected') ?? parsed[parsed.length - 1];
    return fail('ORDERS_BAD_STATEMENT', { reason: `baris/line ${first.line}` });
  }
  const events: OrderEvent[] = [];
  const lines = await inTransaction(db, async (tx) => {
    const out: LineResult[] = [];
    const seen = new Map<string, number>();
    for (const l of parsed) {
      if (l.kind !== 'transaction') {
        out.push({
          line: l.line,
          outcome: l.kind,
          reason: l.reason,
          text: l.text,
          ...(l.kind === 'rejected' && l.column ? { column: l.column } : {}),
        });
        continue;
      }
      const base = {
        line: l.line,
        bookedOn: l.bookedOn,
        description: l.description,
        amount: l.amount,
      };
      if (l.direction === 'debit') {
        out.push({ ...base, outcome: 'debit', reason: 'debit' });
        continue;
      }
      const key = `${l.bookedOn}|${l.description}|${l.amount}`;
      const n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
      const fp = createHash('sha256').update(`${key}|${n}`).digest('hex');
      const id = newId('bsl');
      const ins = await tx
        .insertInto('bank_statement_lines')
        .values({
          id,
          fingerprint: fp,
          booked_on: l.bookedOn,
          description: l.description,
          amount: l.amount,
          payment_id: null,
          imported_by: actorId,
          imported_at: nowIso(),
        })
        .onConflict((oc) => oc.column('fingerprint').doNothing())
        .executeTakeFirst();
      if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 0) {
        out.push({ ...base, outcome: 'duplicate', reason: 'duplicate' });
        continue;
      }
      const named = await findByReference(tx, l.description);
      let p = named;
      if (named && named.amount !== l.amount) {
        out.push({
          ...base,
          outcome: 'unmatched',
          reason: 'amount_differs',
          paymentId: named.id,
          reference: named.reference ?? undefined,
        });
        continue;
      }
      if (named && named.status === 'paid') {
        out.push({
          ...base,
          outcome: 'unmatched',
          reason: 'already_paid',
          paymentId: named.id,
          reference: named.reference ?? undefined,
        });
        continue;
      }
      p ??= await tx
        .selectFrom('payments')
        .selectAll()
        .where('method', '=', 'transfer')
        .where('status', '=', 'pending')
        .where('amount', '=', l.amount)
        .executeTakeFirst();
      p ??= await lateByAmount(tx, l.amount);
      if (!p) {
        out.push({ ...base, outcome: 'unmatched', reason: 'no_payment' });
        continue;
      }
      // Expired, or every order of the group was cancelled: the money is real, the goods are not held.
      if (p.status === 'expired' || !(await groupSummary(tx, p.group_id))?.open) {
        const ex = await recordLatePayment(tx, p, {
          source: 'statement',
          sourceRef: id,
          amount: l.amount,
          actorId,
        });
        await tx
          .updateTable('bank_statement_lines')
          .set({ payment_id: p.id })
          .where('id', '=', id)
          .execute();
        out.push({
          ...base,
          outcome: 'late',
          reason: 'late',
          paymentId: p.id,
          reference: p.reference ?? undefined,
          exceptionId: ex.id,
        });
        continue;
      }
      const s = await settlePayment(tx, p.id, { matchedBy: 'statement', actorId, providerRef: id });
      if (!s.ok) {
        out.push({ ...base, outcome: 'unmatched', reason: 'no_payment' });
        continue;
      }
      events.push(...s.value);
      await tx
        .updateTable('bank_statement_lines')
        .set({ payment_id: p.id })
        .where('id', '=', id)
        .execute();
      out.push({
        ...base,
        outcome: 'matched',
        reason: 'paid',
        paymentId: p.id,
        reference: p.reference ?? undefined,
      });
    }
    return out;
  });
  dispatchOrderEvents(events);
  const counts = Object.fromEntries(
    OUTCOMES.map((o) => [o, lines.filter((l) => l.outcome === o).length]),
  ) as Record<Outcome, number>;
  return ok({ total: lines.length, counts, lines, sheet: read.sheet });
}
