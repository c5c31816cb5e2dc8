// Bank-statement import: each credit line whose amount equals an open transfer's unique
// amount pays that transfer. Lines are fingerprinted, so importing the same statement twice
// pays nothing twice; lines that match nothing are reported for a person to look at.
import { createHash } from 'node:crypto';
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { settlePayment } from './settle-payment.js';

export interface StatementLine { bookedOn: string; description: string; amount: number; line: number }
export interface ImportReport { matched: { line: number; paymentId: string; amount: number }[]; unmatched: StatementLine[]; duplicates: number; ignored: number }

function splitCsv(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (q) {
      if (ch === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (ch === '"') q = false; else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',' || ch === ';') { out.push(cur); cur = ''; } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/** Parses `date,description,amount` rows (a header row is skipped; debits are ignored). */
export function parseStatement(csv: string): Result<{ lines: StatementLine[]; ignored: number }> {
  const rows = csv.replace(/^\uFEFF/, '').split(/\r?\n/).map((r, i) => ({ r, i: i + 1 })).filter((x) => x.r.trim() !== '');
  if (rows.length === 0) return fail('ORDERS_BAD_STATEMENT', { reason: 'kosong / empty' });
  const lines: StatementLine[] = [];
  let ignored = 0;
  for (const { r, i } of rows) {
    const cells = splitCsv(r);
    if (cells.length < 3) return fail('ORDERS_BAD_STATEMENT', { reason: `baris ${i}: 3 kolom` });
    const [date, description, rawAmount] = [cells[0], cells.slice(1, -1).join(' '), cells[cells.length - 1]];
    const amount = Number(rawAmount.replace(/[.\s]/g, '').replace(/,00$/, '').replace(/^Rp/i, ''));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(amount)) {
      if (i === rows[0].i) continue; // header
      return fail('ORDERS_BAD_STATEMENT', { reason: `baris ${i}` });
    }
    if (amount <= 0 || !Number.isInteger(amount)) { ignored++; continue; }
    lines.push({ bookedOn: date, description: description.slice(0, 200), amount, line: i });
  }
  return ok({ lines, ignored });
}

export async function importStatement(db: Tx, csv: string, actorId: string): Promise<Result<ImportReport>> {
  const parsed = parseStatement(csv);
  if (!parsed.ok) return parsed;
  const events: OrderEvent[] = [];
  const report = await inTransaction(db, async (tx) => {
    const rep: ImportReport = { matched: [], unmatched: [], duplicates: 0, ignored: parsed.value.ignored };
    const seen = new Map<string, number>();
    for (const l of parsed.value.lines) {
      const base = `${l.bookedOn}|${l.description}|${l.amount}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const fp = createHash('sha256').update(`${base}|${n}`).digest('hex');
      const id = newId('bsl');
      const ins = await tx.insertInto('bank_statement_lines').values({ id, fingerprint: fp, booked_on: l.bookedOn, description: l.description, amount: l.amount, payment_id: null, imported_by: actorId, imported_at: nowIso() })
        .onConflict((oc) => oc.column('fingerprint').doNothing()).executeTakeFirst();
      if (Number(ins.numInsertedOrUpdatedRows ?? 0) === 0) { rep.duplicates++; continue; }
      const p = await tx.selectFrom('payments').select('id').where('method', '=', 'transfer').where('status', '=', 'pending').where('amount', '=', l.amount).executeTakeFirst();
      if (!p) { rep.unmatched.push(l); continue; }
      const s = await settlePayment(tx, p.id, { matchedBy: 'statement', actorId, providerRef: id });
      if (!s.ok) { rep.unmatched.push(l); continue; }
      events.push(...s.value);
      await tx.updateTable('bank_statement_lines').set({ payment_id: p.id }).where('id', '=', id).execute();
      rep.matched.push({ line: l.line, paymentId: p.id, amount: l.amount });
    }
    return rep;
  });
  dispatchOrderEvents(events);
  return ok(report);
}
