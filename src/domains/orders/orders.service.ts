// Use cases on placed orders: fulfilment moves (seller, service point, logistics), cancel,
// confirm receipt. Who may make which move is decided here, per target state and scope.
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { hasRole, scopeIds, type Actor } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import type { FulfilmentStatus, OrdersTable } from './orders.tables.js';
import {
  BUYER_CANCELLABLE_FULFILMENT,
  CANCELLABLE_FULFILMENT,
  FULFILMENT_STATUSES,
} from './transitions.js';
import { changeOrder, transition } from './lifecycle.js';

const SELLER_MOVES: FulfilmentStatus[] = ['packed', 'handed_over'];
const POINT_MOVES: FulfilmentStatus[] = [
  'handed_over',
  'in_transit',
  'ready_for_pickup',
  'delivered',
  'returned',
];
const LOGISTICS_MOVES: FulfilmentStatus[] = [
  'in_transit',
  'ready_for_pickup',
  'delivered',
  'returned',
];

function sellsIt(actor: Actor, o: OrdersTable) {
  return scopeIds(actor, 'umkm', ['seller']).includes(o.umkm_id);
}
function pointOf(actor: Actor, o: OrdersTable) {
  const mine = scopeIds(actor, 'service_point', ['village_agent']);
  return (
    (o.service_point_id !== null && mine.includes(o.service_point_id)) ||
    (o.agent_service_point_id !== null && mine.includes(o.agent_service_point_id))
  );
}

/** May this actor (null = a system job of logistics) move the order to `to`? */
export function mayMoveFulfilment(
  actor: Actor | null,
  o: OrdersTable,
  to: FulfilmentStatus,
): boolean {
  if (actor === null) return LOGISTICS_MOVES.includes(to);
  if (hasRole(actor, 'national_admin')) return true;
  if (SELLER_MOVES.includes(to) && sellsIt(actor, o)) return true;
  if (POINT_MOVES.includes(to) && pointOf(actor, o)) return true;
  // Hub scans are authorised by logistics, which owns hubs and their scope.
  if (LOGISTICS_MOVES.includes(to) && hasRole(actor, 'hub_operator')) return true;
  return false;
}

/**
 * Moves an order's fulfilment status (validated against the transition table, audit-logged,
 * event after commit). Logistics calls it from scans; sellers and agents through their pages.
 */
export async function recordFulfilment(
  db: Tx,
  orderId: string,
  to: FulfilmentStatus,
  actor: Actor | null,
): Promise<Result<OrdersTable>> {
  if (!FULFILMENT_STATUSES.includes(to))
    return fail('ORDERS_ILLEGAL_TRANSITION', { from: '?', to });
  return changeOrder(db, orderId, async (tx, o) => {
    if (!mayMoveFulfilment(actor, o, to)) return fail('FORBIDDEN');
    return transition(tx, o, { column: 'fulfilment', to }, actor?.userId ?? null);
  });
}

/**
 * Who asks: a signed-in actor, or a guest holding the signed confirmation link of the order's
 * group (the route verified its HMAC; confirm-link.ts). A phone number is no proof: anybody
 * who knows the buyer may know it, and order numbers are sequential (issue 13, hole 5).
 */
export type Requester = { kind: 'actor'; actor: Actor } | { kind: 'signed_link'; groupId: string };

function isBuyer(r: Requester, o: OrdersTable): boolean {
  if (r.kind === 'signed_link') return o.group_id === r.groupId;
  return o.buyer_user_id !== null && o.buyer_user_id === r.actor.userId;
}

/** Cancels: the buyer before packing; the seller, its service point or an admin before hand-over. */
export async function cancelOrder(
  db: Tx,
  orderId: string,
  who: Requester,
): Promise<Result<OrdersTable>> {
  return changeOrder(db, orderId, async (tx, o) => {
    const buyer = isBuyer(who, o);
    const staff =
      who.kind === 'actor' &&
      (hasRole(who.actor, 'national_admin') || sellsIt(who.actor, o) || pointOf(who.actor, o));
    if (!buyer && !staff) return fail('ORDERS_NOT_FOUND');
    const allowed = staff ? CANCELLABLE_FULFILMENT : BUYER_CANCELLABLE_FULFILMENT;
    if (!allowed.includes(o.fulfilment_status))
      return fail('ORDERS_ILLEGAL_TRANSITION', { from: o.fulfilment_status, to: 'cancelled' });
    return transition(
      tx,
      o,
      { column: 'status', to: 'cancelled' },
      who.kind === 'actor' ? who.actor.userId : null,
      { by: buyer ? 'buyer' : 'staff' },
    );
  });
}

/** The buyer confirms the parcel arrived (delivered). */
export async function confirmReceipt(
  db: Tx,
  orderId: string,
  who: Requester,
): Promise<Result<OrdersTable>> {
  return changeOrder(db, orderId, async (tx, o) => {
    if (!isBuyer(who, o)) return fail('ORDERS_NOT_FOUND');
    if (!['in_transit', 'ready_for_pickup', 'handed_over'].includes(o.fulfilment_status))
      return fail('ORDERS_ILLEGAL_TRANSITION', { from: o.fulfilment_status, to: 'delivered' });
    return transition(
      tx,
      o,
      { column: 'fulfilment', to: 'delivered' },
      who.kind === 'actor' ? who.actor.userId : null,
      { by: 'buyer' },
    );
  });
}

/** Cancels unpaid transfer/QRIS orders whose reservation expired (job `orders.expire_reservations`, expiry-job.ts). */
export async function expireReservations(db: Tx, now = new Date()): Promise<number> {
  const due = await db
    .selectFrom('orders')
    .select('id')
    .where('reserved_until', '<', now.toISOString())
    .where('status', '=', 'placed')
    .where('payment_status', '=', 'unpaid')
    .where('fulfilment_status', '=', 'unfulfilled')
    .limit(500)
    .execute();
  let n = 0;
  for (const { id } of due) {
    const r = await changeOrder(db, id, async (tx, o) => {
      if (
        o.reserved_until === null ||
        o.reserved_until >= now.toISOString() ||
        o.payment_status !== 'unpaid'
      )
        return ok([]);
      return transition(tx, o, { column: 'status', to: 'cancelled' }, null, {
        reason: 'reservation_expired',
      });
    });
    if (r.ok && r.value.status === 'cancelled') n++;
  }
  if (n > 0) {
    // A payment expires when none of its group's orders is still open.
    await db
      .updateTable('payments')
      .set({ status: 'expired' })
      .where('status', '=', 'pending')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('orders')
              .select('orders.id')
              .whereRef('orders.group_id', '=', 'payments.group_id')
              .where('orders.status', '=', 'placed'),
          ),
        ),
      )
      .execute();
  }
  return n;
}
