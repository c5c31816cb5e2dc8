// A group's pending payment always asks for exactly what its open orders cost. A group never
// grows (checkout/claim-group.ts), but it shrinks when one of its orders is cancelled: then the
// transfer or QRIS amount is recomputed in the cancel's own transaction, so a bank line or a
// provider callback for the old total can never mark the remaining orders paid for less or
// more than they cost. A group with no open order left has nothing to pay: its payment expires.
import { randomInt } from 'node:crypto';
import type { Tx } from '../../kernel/db/index.js';

async function openTotal(tx: Tx, groupId: string): Promise<number> {
  const rows = await tx
    .selectFrom('orders')
    .select('total')
    .where('group_id', '=', groupId)
    .where('status', '=', 'placed')
    .where('payment_status', '=', 'unpaid')
    .execute();
  return rows.reduce((s, r) => s + r.total, 0);
}

async function amountFree(tx: Tx, paymentId: string, amount: number): Promise<boolean> {
  const clash = await tx
    .selectFrom('payments')
    .select('id')
    .where('method', '=', 'transfer')
    .where('status', '=', 'pending')
    .where('amount', '=', amount)
    .where('id', '<>', paymentId)
    .executeTakeFirst();
  return !clash;
}

/** Re-prices the group's pending transfer/QRIS payment to its open orders (or expires it). */
export async function repriceGroupPayment(tx: Tx, groupId: string): Promise<void> {
  const pay = await tx
    .selectFrom('payments')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('status', '=', 'pending')
    .where('method', 'in', ['transfer', 'qris'])
    .executeTakeFirst();
  if (!pay) return;
  const total = await openTotal(tx, groupId);
  if (total <= 0) {
    await tx
      .updateTable('payments')
      .set({ status: 'expired' })
      .where('id', '=', pay.id)
      .where('status', '=', 'pending')
      .execute();
    return;
  }
  if (pay.amount === total + pay.unique_code) return;
  let code = pay.unique_code;
  // Open transfers never share an amount (a statement line names one payment): keep the code
  // when the new amount is free, else draw another, as when the payment was made.
  if (pay.method === 'transfer') {
    for (let attempt = 0; !(await amountFree(tx, pay.id, total + code)); attempt++) {
      if (attempt >= 50) throw new Error('no free transfer code');
      code = randomInt(1, 1000);
    }
  }
  await tx
    .updateTable('payments')
    .set({ amount: total + code, unique_code: code })
    .where('id', '=', pay.id)
    .where('status', '=', 'pending')
    .execute();
}
