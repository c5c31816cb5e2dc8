// Order lifecycle: every change of status, payment or fulfilment goes through `transition`,
// which checks the table in transitions.ts, updates conditionally on the current value (two
// racing changes cannot both win), applies the stock, ledger and payment side effects, and
// publishes the event itself (audit row, outbox row, in-transaction subscribers: events.ts).
// Callers only dispatch the returned events to after-commit listeners.
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { adjustStock, commitSale, releaseStock } from '../catalog/index.js';
import type { FulfilmentStatus, OrderStatus, OrdersTable, PaymentStatus } from './orders.tables.js';
import { COLUMN_OF, isLegal, type StatusColumn } from './transitions.js';
import {
  dispatchOrderEvents,
  publishLocking,
  publishOrderEvents,
  type OrderEvent,
} from './events.js';
import { repriceGroupPayment } from './group-payment.js';
import { rememberPlaced } from './notice-read.js';

type Target =
  | { column: 'status'; to: OrderStatus }
  | { column: 'payment'; to: PaymentStatus }
  | { column: 'fulfilment'; to: FulfilmentStatus };

async function lines(tx: Tx, orderId: string) {
  return tx
    .selectFrom('order_lines')
    .select(['variant_id', 'qty'])
    .where('order_id', '=', orderId)
    .execute();
}

/**
 * Applies one transition inside `tx`, with its side effects. Returns the events to dispatch
 * after commit. Callers hold the order row as read in the same transaction.
 */
export async function transition(
  tx: Tx,
  order: OrdersTable,
  target: Target,
  actorId: string | null,
  note?: Record<string, unknown>,
): Promise<Result<OrderEvent[]>> {
  const col = COLUMN_OF[target.column as StatusColumn];
  const from = order[col] as string;
  if (!isLegal(target.column, from, target.to))
    return fail('ORDERS_ILLEGAL_TRANSITION', { from, to: target.to });
  if (target.column === 'fulfilment' && order.status !== 'placed')
    return fail('ORDERS_ILLEGAL_TRANSITION', { from: order.status, to: target.to });
  const at = nowIso();
  const set: Record<string, unknown> = { [col]: target.to, updated_at: at };
  if (target.column === 'fulfilment' && target.to === 'delivered') set.delivered_at = at;
  if (target.column === 'fulfilment' && target.to === 'handed_over') set.reserved_until = null;
  if (target.column === 'status' && target.to === 'cancelled') set.reserved_until = null;
  if (target.column === 'payment' && target.to === 'paid') set.reserved_until = null;
  const r = await tx
    .updateTable('orders')
    .set(set as any)
    .where('id', '=', order.id)
    .where(col, '=', from as any)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    return fail('ORDERS_ILLEGAL_TRANSITION', { from, to: target.to });
  Object.assign(order, set);

  // The stock side effects come before the event is published: publishing appends to the audit
  // chain, whose lock (PostgreSQL) is held to the commit, and a checkout batch takes its stock
  // rows' locks before that lock. Taken the other way round here, a hand-over and a checkout of
  // the same product waited for each other until PostgreSQL aborted one (a deadlock).
  if (target.column === 'fulfilment') {
    if (target.to === 'handed_over') {
      // The goods left the seller: the reservation becomes a sale. The UMKM is owed its share
      // only when the order completes (the ledger posts it from the completion event).
      for (const l of await lines(tx, order.id))
        await commitSale(tx, l.variant_id, l.qty, order.id, actorId);
    } else if (target.to === 'returned') {
      // Returned goods go back on the shelf through the stock ledger (a returned order never
      // completed, so the UMKM was never owed for it).
      for (const l of await lines(tx, order.id))
        await adjustStock(tx, l.variant_id, l.qty, 'return', order.id, actorId);
      if (order.agent_commission > 0 && order.agent_user_id) {
        await tx
          .insertInto('agent_commissions')
          .values({
            id: newId('agc'),
            service_point_id: order.agent_service_point_id!,
            agent_user_id: order.agent_user_id,
            order_id: order.id,
            amount: -order.agent_commission,
            kind: 'reversal',
            at,
          })
          .execute();
      }
    }
  }
  const cancelled = target.column === 'status' && target.to === 'cancelled';
  if (cancelled)
    for (const l of await lines(tx, order.id))
      await releaseStock(tx, l.variant_id, l.qty, order.id, actorId);
  const events = await publishOrderEvents(
    tx,
    [{ orderId: order.id, kind: target.column, from, to: target.to, at }],
    { actor: actorId, data: () => ({ ...note }) },
  );
  if (cancelled) {
    // The group's pending payment now asks only for its orders still open.
    await repriceGroupPayment(tx, order.group_id);
    if (order.payment_status === 'paid') {
      const rr = await transition(tx, order, { column: 'payment', to: 'refunded' }, actorId, {
        reason: 'cancelled',
      });
      if (rr.ok) events.push(...rr.value);
    }
  }
  // Delivered and paid: the order is complete (COD orders get there when the cash is in).
  if (
    order.status === 'placed' &&
    order.fulfilment_status === 'delivered' &&
    order.payment_status === 'paid'
  ) {
    const rc = await transition(tx, order, { column: 'status', to: 'completed' }, actorId);
    if (rc.ok) events.push(...rc.value);
  }
  return ok(events);
}

/**
 * Publishes the placement of new orders (inserted in `tx`), each placement with its buyer as the
 * actor: outbox event and audit row each, all in one publication (a checkout batch's subscribers
 * read their facts once for the batch). `reserve` takes the orders' stock between the two (see
 * publishLocking); when it refuses, the answer is null and the caller rolls back.
 */
export async function recordPlacement(
  tx: Tx,
  placements: { orders: OrdersTable[]; actorId: string | null }[],
  reserve: () => Promise<boolean>,
): Promise<OrderEvent[] | null> {
  const byId = new Map(
    placements.flatMap((p) => p.orders.map((o) => [o.id, { o, by: p.actorId }])),
  );
  return publishLocking(
    tx,
    placements.flatMap((p) =>
      p.orders.map((o) => ({
        orderId: o.id,
        kind: 'placed' as const,
        from: null,
        to: 'placed',
        at: o.placed_at,
      })),
    ),
    {
      actor: (e) => byId.get(e.orderId)!.by,
      data: (e) => {
        const { o } = byId.get(e.orderId)!;
        return { group: o.group_id, channel: o.channel, method: o.payment_method, total: o.total };
      },
      // Its subscribers' notices take the placed rows instead of reading them back.
      made: (e) => rememberPlaced(e, byId.get(e.orderId)!.o),
    },
    reserve,
  );
}

async function loadForUpdate(tx: Tx, orderId: string): Promise<OrdersTable | undefined> {
  return tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
}

/** Runs `fn` on one order in a transaction and dispatches its events after commit. */
export async function changeOrder(
  db: Tx,
  orderId: string,
  fn: (tx: Tx, o: OrdersTable) => Promise<Result<OrderEvent[]>>,
): Promise<Result<OrdersTable>> {
  let events: OrderEvent[] = [];
  const r = await inTransaction(db, async (tx) => {
    const o = await loadForUpdate(tx, orderId);
    if (!o) return fail('ORDERS_NOT_FOUND');
    const x = await fn(tx, o);
    // Nothing may stay half-done: any failure undoes the whole change.
    if (!x.ok) throw Object.assign(new Error('rollback'), { result: x });
    events = x.value;
    return ok(o);
  }).catch((e) => {
    if (e?.result) return e.result as Result<OrdersTable>;
    throw e;
  });
  if (r.ok) dispatchOrderEvents(events);
  return r;
}
