// A COD buyer collects the parcel at the service point and pays cash to the agent: the cash
// joins the agent's day, the payment settles, and the order is delivered — one transaction.
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { AppError, fail, ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { transition } from '../lifecycle.js';

export async function collectAtPoint(
  db: Tx,
  orderId: string,
  servicePointId: string,
  agent: Actor,
): Promise<Result<null>> {
  const events: OrderEvent[] = [];
  const r = await inTransaction(db, async (tx) => {
    const o = await tx
      .selectFrom('orders')
      .selectAll()
      .where('id', '=', orderId)
      .where('service_point_id', '=', servicePointId)
      .executeTakeFirst();
    if (!o) return fail('ORDERS_NOT_FOUND');
    if (
      o.status !== 'placed' ||
      !['ready_for_pickup', 'handed_over', 'in_transit'].includes(o.fulfilment_status)
    )
      return fail('ORDERS_ILLEGAL_TRANSITION', { from: o.fulfilment_status, to: 'delivered' });
    if (o.payment_status === 'unpaid') {
      if (o.payment_method !== 'cod') return fail('ORDERS_BAD_METHOD');
      // A pickup pays this order only (a group may have parcels arriving on different days).
      const paymentId = newId('pay');
      await tx
        .insertInto('payments')
        .values({
          id: paymentId,
          group_id: `${o.group_id}:${o.id}`,
          method: 'cod',
          amount: o.total,
          unique_code: 0,
          status: 'pending',
          matched_by: null,
          provider: null,
          provider_ref: null,
          collected_by: null,
          service_point_id: servicePointId,
          paid_at: null,
          created_at: nowIso(),
        })
        .execute();
      const paid = await transition(tx, o, { column: 'payment', to: 'paid' }, agent.userId, {
        via: 'agent_cash',
        payment: paymentId,
      });
      if (!paid.ok) throw new AppError(paid.code, paid.params);
      events.push(...paid.value);
      await tx
        .updateTable('payments')
        .set({
          status: 'paid',
          matched_by: 'agent_cash',
          collected_by: agent.userId,
          paid_at: nowIso(),
        })
        .where('id', '=', paymentId)
        .execute();
    }
    const d = await transition(tx, o, { column: 'fulfilment', to: 'delivered' }, agent.userId, {
      by: 'agent_pickup',
    });
    if (!d.ok) throw new AppError(d.code, d.params);
    events.push(...d.value);
    return ok(null);
  });
  if (r.ok) dispatchOrderEvents(events);
  return r;
}
