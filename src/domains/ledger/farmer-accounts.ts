// A farmer's money read from the ledger alone: each statement's share and payment (posted by
// produce-postings.ts under the statement's source keys), each advance, and what the koperasi
// still owes. A produce statement's totals can be checked against this without produce's tables.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { accountCode } from './accounts.js';
import { farmerPayable } from './produce-postings.js';

export interface FarmerStatementMoney {
  statementId: string;
  /** Credited to the farmer (a correction's difference may be negative). */
  share: number;
  /** Handed over. */
  paid: number;
  /** Advance recovered by the statement (share − paid for an original statement). */
  recovered: number;
}

export interface FarmerLedger {
  /** Advances paid at intake, per intake id. */
  advances: Map<string, number>;
  statements: Map<string, FarmerStatementMoney>;
  /** What the koperasi still owes the farmer (negative: advances the farmer still owes). */
  owed: number;
}

const SOURCE = /^produce:(advance|statement):([A-Za-z0-9_]+)(?::(share|paid))?$/;

/** Every produce posting on the farmer's account, grouped by intake and statement. */
export async function farmerLedger(db: Tx, producerId: string): Promise<FarmerLedger> {
  const rows = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select('t.source_key')
    .select(sql<number>`sum(l.amount)`.as('amount'))
    .where('l.account_code', '=', accountCode(farmerPayable(producerId)))
    .groupBy('t.source_key')
    .execute();
  const advances = new Map<string, number>();
  const statements = new Map<string, FarmerStatementMoney>();
  let balance = 0;
  for (const r of rows) {
    const amount = Number(r.amount);
    balance += amount;
    const m = SOURCE.exec(r.source_key);
    if (!m) continue;
    if (m[1] === 'advance') {
      advances.set(m[2]!, amount);
      continue;
    }
    const s = statements.get(m[2]!) ?? { statementId: m[2]!, share: 0, paid: 0, recovered: 0 };
    if (m[3] === 'share') s.share = 0 - amount;
    else s.paid = amount;
    s.recovered = s.share > 0 ? Math.max(0, s.share - s.paid) : 0;
    statements.set(m[2]!, s);
  }
  return { advances, statements, owed: 0 - balance };
}
