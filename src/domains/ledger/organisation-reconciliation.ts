// A BUMDes/koperasi reconciles its own bank account: its treasurer imports the account's CSV
// statement (read by orders' one bank statement reader), and the page lists what the bank and
// the ledger's `organisation_cash:<organisation>` account disagree on. The ledger side is each
// transaction's net movement of that account (an advance paid, a lot's proceeds received, a
// farmer paid); the bank side each statement line. Neither carries a shared reference, so a
// day's movements (the ledger's instants read in the bank's calendar, bank-day.ts) are matched by amount, one to one, and what is left over on either side is
// reported. Importing the same file twice adds nothing (each line's fingerprint is its date,
// description, amount and occurrence in the file).
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { audit } from '../../kernel/audit/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { TableInput } from '../../kernel/xlsx/index.js';
import { readStatement } from '../orders/index.js';
import { accountCode } from './accounts.js';
import { bankDay, bankDaysRange } from './bank-day.js';
import { organisationCash } from './produce-postings.js';
import type { Reconciliation, ReconciliationRow } from './reconciliation.js';

export interface OrganisationImport {
  added: number;
  /** Lines already imported before (the same file again). */
  duplicates: number;
  /** Records of the file that were not transactions (header, balance lines, bad dates …). */
  skipped: number;
}

/** Imports an organisation's bank statement; the caller has checked the actor may. */
export async function importOrganisationStatement(
  db: Tx,
  organisationId: string,
  csv: TableInput,
  actorId: string,
): Promise<Result<OrganisationImport>> {
  // Pasted CSV text, or an uploaded CSV or XLSX file (first sheet).
  const read = await readStatement(csv);
  const parsed = read.ok ? read.lines : null;
  const txs = (parsed ?? []).flatMap((l) => (l.kind === 'transaction' ? [l] : []));
  if (!parsed || txs.length === 0) return fail('LEDGER_BAD_STATEMENT');
  return ok(
    await inTransaction(db, async (tx) => {
      const seen = new Map<string, number>();
      const at = nowIso();
      let added = 0;
      for (const l of txs) {
        const amount = l.direction === 'credit' ? l.amount : -l.amount;
        if (amount === 0) continue;
        const key = `${l.bookedOn}|${l.description}|${amount}`;
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        const r = await tx
          .insertInto('ledger_bank_lines')
          .values({
            id: newId('lbl'),
            organisation_id: organisationId,
            fingerprint: createHash('sha256').update(`${key}|${n}`).digest('hex'),
            booked_on: l.bookedOn,
            description: l.description.slice(0, 300),
            amount,
            imported_by: actorId,
            imported_at: at,
          })
          .onConflict((oc) => oc.columns(['organisation_id', 'fingerprint']).doNothing())
          .executeTakeFirst();
        added += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      const result = {
        added,
        duplicates: txs.length - added,
        skipped: parsed.length - txs.length,
      };
      await audit(tx, {
        actorId,
        action: 'ledger.bank_statement_import',
        entityType: 'organisation',
        entityId: organisationId,
        data: result,
      });
      return result;
    }),
  );
}

/** What the organisation's bank lines and its cash account disagree on in [from, to]. */
export async function reconcileOrganisation(
  db: Tx,
  organisationId: string,
  from: string,
  to: string,
): Promise<Reconciliation> {
  const bank = await db
    .selectFrom('ledger_bank_lines')
    .select(['booked_on', 'description', 'amount'])
    .where('organisation_id', '=', organisationId)
    .where('booked_on', '>=', from)
    .where('booked_on', '<=', to)
    .orderBy('booked_on')
    .orderBy('id')
    .limit(5000)
    .execute();
  const window = bankDaysRange(from, to);
  const moves = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['t.id', 't.kind', 't.memo'])
    .select(sql<string>`min(l.posted_at)`.as('at'))
    .select(sql<number>`sum(l.amount)`.as('amount'))
    .where('l.account_code', '=', accountCode(organisationCash(organisationId)))
    .where('l.posted_at', '>=', window.start)
    .where('l.posted_at', '<', window.end)
    .groupBy(['t.id', 't.kind', 't.memo'])
    .execute();
  // Unmatched ledger movements per day and amount (a multiset), consumed by the bank lines.
  const open = new Map<string, { kind: string; at: string }[]>();
  for (const m of moves) {
    const amount = Number(m.amount);
    if (amount === 0) continue; // a correction that moved nothing through the bank
    const key = `${bankDay(m.at)}|${amount}`;
    open.set(key, [...(open.get(key) ?? []), { kind: m.kind, at: m.at }]);
  }
  const rows: ReconciliationRow[] = [];
  let matched = 0;
  for (const b of bank) {
    const amount = Number(b.amount);
    const left = open.get(`${b.booked_on}|${amount}`);
    if (left?.length) {
      left.shift();
      matched++;
      continue;
    }
    rows.push({
      kind: 'in_bank_only',
      bookedOn: b.booked_on,
      reference: null,
      description: b.description,
      bank: amount,
      ledger: 0,
    });
  }
  for (const [key, left] of open)
    for (const m of left)
      rows.push({
        kind: 'in_ledger_only',
        bookedOn: bankDay(m.at),
        reference: m.kind,
        description: null,
        bank: 0,
        ledger: Number(key.split('|')[1]),
      });
  return {
    from,
    to,
    bankTotal: bank.reduce((s, b) => s + Number(b.amount), 0),
    ledgerTotal: moves.reduce((s, m) => s + Number(m.amount), 0),
    matched,
    rows: rows.sort((a, b) => (a.bookedOn ?? '').localeCompare(b.bookedOn ?? '')),
  };
}
