// Posting: the one function that writes to the ledger. A transaction is balanced (lines sum to
// zero, at least two, integer rupiah, none zero) before anything is written; the database
// refuses to seal it otherwise (migrations/index.ts). Each transaction names its source event:
// posting the same source again returns the first posting and writes nothing, so a retried
// webhook, a re-run subscriber or a double-clicked form can never post money twice.
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { accountCode, type AccountRef } from './accounts.js';
import type { LedgerKind } from './ledger.tables.js';

export interface PostingLine {
  account: AccountRef;
  /** Debit positive, credit negative. */
  amount: number;
  /** The order this amount belongs to (defaults to the transaction's order). */
  orderId?: string | null;
}

export interface Posting {
  /** The causing event, unique across the ledger (`order:<id>:paid`, `payout:<id>` …). */
  source: string;
  kind: LedgerKind;
  lines: PostingLine[];
  orderId?: string | null;
  paymentId?: string | null;
  memo?: string | null;
  actorId?: string | null;
  at?: string;
}

export interface Posted {
  transactionId: string;
  /** False when the source had been posted before (nothing written this time). */
  fresh: boolean;
}

const MAX_RUPIAH = 1e13;

/** Why a set of lines cannot be a ledger transaction, or null when it can. */
export function unbalancedReason(lines: readonly PostingLine[]): string | null {
  if (lines.length < 2) return 'fewer than two lines';
  let sum = 0;
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0 || Math.abs(l.amount) > MAX_RUPIAH)
      return `bad amount ${l.amount}`;
    sum += l.amount;
  }
  return sum === 0 ? null : `lines sum to ${sum}`;
}

/** Posts one balanced transaction inside the caller's transaction `tx` (idempotent by source). */
export async function post(tx: Tx, p: Posting): Promise<Result<Posted>> {
  const reason = unbalancedReason(p.lines);
  if (reason) return fail('LEDGER_UNBALANCED', { reason });
  if (!p.source || p.source.length > 200) return fail('VALIDATION_FAILED');
  const at = p.at ?? nowIso();
  const codes = [...new Set(p.lines.map((l) => accountCode(l.account)))];
  await tx
    .insertInto('ledger_accounts')
    .values(
      codes.map((code) => {
        const i = code.indexOf(':');
        return {
          code,
          kind: (i < 0 ? code : code.slice(0, i)) as never,
          owner_id: i < 0 ? null : code.slice(i + 1),
          created_at: at,
        };
      }),
    )
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const id = newId('ltx');
  // The claim on the source key: a concurrent posting of the same source waits here (PostgreSQL)
  // and then finds it taken; SQLite serialises writers.
  const claimed = await tx
    .insertInto('ledger_transactions')
    .values({
      id,
      source_key: p.source,
      kind: p.kind,
      order_id: p.orderId ?? null,
      payment_id: p.paymentId ?? null,
      memo: p.memo ?? null,
      actor_id: p.actorId ?? null,
      posted_at: at,
      line_count: p.lines.length,
      sealed: 0,
    })
    .onConflict((oc) => oc.column('source_key').doNothing())
    .executeTakeFirst();
  if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) {
    const first = await tx
      .selectFrom('ledger_transactions')
      .select('id')
      .where('source_key', '=', p.source)
      .executeTakeFirstOrThrow();
    return ok({ transactionId: first.id, fresh: false });
  }
  await tx
    .insertInto('ledger_lines')
    .values(
      p.lines.map((l, i) => ({
        id: `${id}_${i}`,
        transaction_id: id,
        line_no: i,
        account_code: accountCode(l.account),
        amount: l.amount,
        order_id: l.orderId === undefined ? (p.orderId ?? null) : l.orderId,
        posted_at: at,
      })),
    )
    .execute();
  await tx.updateTable('ledger_transactions').set({ sealed: 1 }).where('id', '=', id).execute();
  return ok({ transactionId: id, fresh: true });
}

/** Posts the exact opposite of a posted transaction (a correction never edits the original). */
export async function reverse(
  tx: Tx,
  transactionId: string,
  o: { source: string; actorId?: string | null; memo?: string | null },
): Promise<Result<Posted>> {
  const orig = await tx
    .selectFrom('ledger_transactions')
    .select(['id', 'order_id', 'payment_id'])
    .where('id', '=', transactionId)
    .executeTakeFirst();
  if (!orig) return fail('LEDGER_NOT_FOUND');
  const lines = await tx
    .selectFrom('ledger_lines')
    .select(['account_code', 'amount', 'order_id'])
    .where('transaction_id', '=', transactionId)
    .orderBy('line_no')
    .execute();
  return post(tx, {
    source: o.source,
    kind: 'correction',
    orderId: orig.order_id,
    paymentId: orig.payment_id,
    actorId: o.actorId ?? null,
    memo: o.memo ?? `reverses ${transactionId}`,
    lines: lines.map((l) => ({
      account: codeRef(l.account_code),
      amount: -Number(l.amount),
      orderId: l.order_id,
    })),
  });
}

function codeRef(code: string): AccountRef {
  const i = code.indexOf(':');
  return (
    i < 0 ? { kind: code } : { kind: code.slice(0, i), owner: code.slice(i + 1) }
  ) as AccountRef;
}
