// The payment a group waits for. Transfers get a unique amount (total + a code 1..999) so a
// bank-statement line names exactly one open payment; a partial unique index enforces it,
// and a clash simply draws another code. QRIS carries the exact total in a dynamic payload.
// Each transfer/QRIS payment also gets a short reference (unique index; a clash draws again)
// that fits EMVCo tag 62.05 (25 characters): the QR carries it and the provider echoes it.
import { randomBytes, randomInt } from 'node:crypto';
import { nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import type { Payee } from '../../../kernel/config.js';
import type { PaymentsTable } from '../orders.tables.js';

/** The transfer destination as buyers read it: bank, account number, holder (from the payee settings). */
export function payeeAccount(p: Payee): string {
  return `${p.bankName} ${p.bankAccount} a.n. ${p.accountHolder}`;
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** `LMB` + 10 Crockford base32 characters (50 random bits): short enough for a QR field and a transfer remark. */
export function newPaymentReference(): string {
  return 'LMB' + Array.from(randomBytes(10), (b) => ALPHABET[b & 31]).join('');
}
export const REFERENCE_PATTERN = /^LMB[0-9A-HJKMNP-TV-Z]{10}$/;

export async function groupSummary(db: Tx, groupId: string) {
  const rows = await db
    .selectFrom('orders')
    .select(['payment_method', 'total', 'status'])
    .where('group_id', '=', groupId)
    .execute();
  if (rows.length === 0) return null;
  return {
    method: rows[0].payment_method,
    total: rows.filter((r) => r.status !== 'cancelled').reduce((a, r) => a + r.total, 0),
    open: rows.some((r) => r.status === 'placed'),
  };
}

/** The group's transfer/QRIS payment, created on first need; COD groups have none until cash comes in. */
export async function ensurePayment(
  db: Tx,
  groupId: string,
): Promise<Result<PaymentsTable | null>> {
  const g = await groupSummary(db, groupId);
  if (!g) return fail('ORDERS_NOT_FOUND');
  const existing = await db
    .selectFrom('payments')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('method', '=', g.method)
    .executeTakeFirst();
  if (existing || g.method === 'cod' || !g.open) return ok(existing ?? null);
  for (let attempt = 0; attempt < 20; attempt++) {
    const code = g.method === 'transfer' ? randomInt(1, 1000) : 0;
    const row: PaymentsTable = {
      id: newId('pay'),
      group_id: groupId,
      method: g.method,
      amount: g.total + code,
      unique_code: code,
      status: 'pending',
      matched_by: null,
      provider: g.method === 'qris' ? 'qris' : null,
      provider_ref: null,
      collected_by: null,
      service_point_id: null,
      paid_at: null,
      created_at: nowIso(),
      reference: newPaymentReference(),
    };
    const r = await db
      .insertInto('payments')
      .values(row)
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 1) return ok(row);
    const raced = await db
      .selectFrom('payments')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('method', '=', g.method)
      .executeTakeFirst();
    if (raced) return ok(raced);
  }
  throw new Error('no free transfer code or reference');
}
