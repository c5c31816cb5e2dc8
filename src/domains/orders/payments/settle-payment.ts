// The one way an order becomes paid: a matched bank-statement line, a verified provider
// webhook, cash recorded by an agent, or an explicit staff reconciliation — each audit-logged
// by the transitions. There is no other "mark as paid".
import { nowIso, type Tx } from '../../../kernel/db/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { transition } from '../lifecycle.js';
import type { OrderEvent } from '../events.js';

export type MatchedBy = 'statement' | 'webhook' | 'staff' | 'agent_cash';

export interface PaidBy {
  matchedBy: MatchedBy;
  actorId: string | null;
  providerRef?: string | null;
  collectedBy?: string | null;
  servicePointId?: string | null;
}

/** Marks a pending payment and every open order of its group paid, inside `tx`. */
export async function settlePayment(
  tx: Tx,
  paymentId: string,
  by: PaidBy,
): Promise<Result<OrderEvent[]>> {
  const at = nowIso();
  const r = await tx
    .updateTable('payments')
    .set({
      status: 'paid',
      matched_by: by.matchedBy,
      provider_ref: by.providerRef ?? null,
      collected_by: by.collectedBy ?? null,
      service_point_id: by.servicePointId ?? null,
      paid_at: at,
    })
    .where('id', '=', paymentId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return fail('ORDERS_PAYMENT_NOT_FOUND');
  const p = await tx
    .selectFrom('payments')
    .select('group_id')
    .where('id', '=', paymentId)
    .executeTakeFirstOrThrow();
  return payGroupOrders(tx, p.group_id, paymentId, by);
}

/** Moves every open, unpaid order of the group to paid (the payment row is the caller's). */
export async function payGroupOrders(
  tx: Tx,
  groupId: string,
  paymentId: string,
  by: PaidBy,
): Promise<Result<OrderEvent[]>> {
  const orders = await tx
    .selectFrom('orders')
    .selectAll()
    .where('group_id', '=', groupId)
    .where('status', '=', 'placed')
    .where('payment_status', '=', 'unpaid')
    .execute();
  const events: OrderEvent[] = [];
  for (const o of orders) {
    const t = await transition(tx, o, { column: 'payment', to: 'paid' }, by.actorId, {
      via: by.matchedBy,
      payment: paymentId,
    });
    if (!t.ok) return t;
    events.push(...t.value);
  }
  return ok(events);
}
