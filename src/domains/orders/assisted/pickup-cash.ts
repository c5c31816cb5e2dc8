// The buyer collects a parcel at the service point. A COD buyer pays the agent there: the cash
// becomes a payment collected by that agent at that point (it joins the agent's day and the
// closing), the order's payment turns paid, and the order is delivered — all in the caller's
// transaction, so the parcel scan, the cash and the order's audit rows and outbox events
// commit together or not at all. An order bought by transfer or QRIS that is still unpaid is
// never handed over: the goods would leave without the money.
import { inTransactionResult, nowIso, type Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { transition } from '../lifecycle.js';
import type { OrdersTable } from '../orders.tables.js';

export interface Pickup {
  /** Cash the agent took for this order (0 when it was paid before). */
  cash: number;
  /** The order events of this pickup, for `dispatchOrderEvents` after the caller commits. */
  events: OrderEvent[];
}

const BEFORE_PICKUP = ['handed_over', 'in_transit', 'ready_for_pickup'];

/** What the agent may do with this order at the counter: take cash, hand over, or nothing yet. */
export function pickupOffer(
  o: Pick<OrdersTable, 'status' | 'payment_status' | 'payment_method' | 'total'>,
): { kind: 'cash'; amount: number } | { kind: 'paid' } | { kind: 'awaiting_payment' } {
  if (o.payment_status === 'paid') return { kind: 'paid' };
  if (o.payment_method === 'cod') return { kind: 'cash', amount: o.total };
  return { kind: 'awaiting_payment' };
}

/**
 * Records the pickup of `orderId` at `servicePointId` inside `tx`. Everything is checked
 * before anything is written, so a refusal leaves the transaction untouched (the caller rolls
 * back its own writes on it). `agent` is who took the cash (null: a system scan; the payment
 * still names the point). A pickup already recorded (order delivered and paid) is a no-op.
 */
export async function pickUpAtPoint(
  tx: Tx,
  orderId: string,
  servicePointId: string,
  agent: Actor | null,
): Promise<Result<Pickup>> {
  const o = await tx
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .where('service_point_id', '=', servicePointId)
    .executeTakeFirst();
  if (!o) return fail('ORDERS_NOT_FOUND');
  if (o.status === 'completed') return ok({ cash: 0, events: [] });
  const collectable =
    o.status === 'placed' &&
    (BEFORE_PICKUP.includes(o.fulfilment_status) || o.fulfilment_status === 'delivered');
  if (!collectable) return fail('ORDERS_PICKUP_NOT_READY');
  const offer = pickupOffer(o);
  if (offer.kind === 'awaiting_payment') return fail('ORDERS_PICKUP_UNPAID');
  const events: OrderEvent[] = [];
  let cash = 0;
  if (offer.kind === 'cash') {
    // A pickup pays this order only (a group may have parcels arriving on different days).
    const paymentId = newId('pay');
    const at = nowIso();
    await tx
      .insertInto('payments')
      .values({
        id: paymentId,
        group_id: `${o.group_id}:${o.id}`,
        method: 'cod',
        amount: o.total,
        unique_code: 0,
        status: 'paid',
        matched_by: 'agent_cash',
        provider: null,
        provider_ref: null,
        collected_by: agent?.userId ?? null,
        service_point_id: servicePointId,
        paid_at: at,
        created_at: at,
      })
      .execute();
    const paid = await transition(tx, o, { column: 'payment', to: 'paid' }, agent?.userId ?? null, {
      via: 'agent_cash',
      payment: paymentId,
      amount: o.total,
      point: servicePointId,
    });
    // The row was read in this transaction and is unpaid: only a racing pickup loses here,
    // and its failure makes the caller roll the payment row back with everything else.
    if (!paid.ok) return paid;
    events.push(...paid.value);
    cash = o.total;
  }
  if (o.fulfilment_status !== 'delivered') {
    const d = await transition(
      tx,
      o,
      { column: 'fulfilment', to: 'delivered' },
      agent?.userId ?? null,
      { by: 'agent_pickup' },
    );
    if (!d.ok) return d;
    events.push(...d.value);
  }
  return ok({ cash, events });
}

/**
 * The day page's hand-over of an order that has no parcel (seller and buyer at the same point):
 * one transaction of its own, events dispatched after commit.
 */
export async function collectAtPoint(
  db: Tx,
  orderId: string,
  servicePointId: string,
  agent: Actor,
): Promise<Result<Pickup>> {
  const r = await inTransactionResult(db, async (tx) => {
    const p = await pickUpAtPoint(tx, orderId, servicePointId, agent);
    // Pressing the button twice is not a second pickup: the first one already counted.
    if (p.ok && p.value.events.length === 0) return fail('ORDERS_PICKUP_DONE');
    return p;
  });
  if (r.ok) dispatchOrderEvents(r.value.events);
  return r;
}
