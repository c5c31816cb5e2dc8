// Money that arrives after its reservation ran out (a provider callback or a statement line
// for an expired payment) is never dropped: it becomes an exception that staff of the buyer's
// region must resolve — reserve the goods again (a new order group, paid by this money) or
// mark the money for refund. Each step is audit-logged in the transaction that makes it.
import { audit } from '../../../kernel/audit/index.js';
import {
  canInRegion,
  regionScope,
  regionWhere,
  type Actor,
  type Role,
} from '../../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../../kernel/db/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { placeOrder, type PlaceOrderInput } from '../checkout/place-order.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import type { PaymentExceptionsTable, PaymentsTable } from '../orders.tables.js';
import { newPaymentReference } from './intent.js';
import { payGroupOrders } from './settle-payment.js';

/** Who resolves exceptions: national admins everywhere, regional officers in their region. */
export const EXCEPTION_ROLES: readonly Role[] = ['national_admin', 'regional_officer'];

export interface LateArrival {
  source: 'webhook' | 'statement';
  /** Provider event id or statement line id. */
  sourceRef: string;
  amount: number;
  actorId: string | null;
}

/** Records a late payment for `payment` (idempotent per arrival); returns the exception row. */
export async function recordLatePayment(
  tx: Tx,
  payment: PaymentsTable,
  a: LateArrival,
): Promise<PaymentExceptionsTable> {
  const existing = await tx
    .selectFrom('payment_exceptions')
    .selectAll()
    .where('source', '=', a.source)
    .where('source_ref', '=', a.sourceRef)
    .executeTakeFirst();
  if (existing) return existing;
  const o = await tx
    .selectFrom('orders')
    .select('delivery_village_code')
    .where('group_id', '=', payment.group_id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const row: PaymentExceptionsTable = {
    id: newId('pex'),
    payment_id: payment.id,
    kind: 'late_payment',
    amount: a.amount,
    source: a.source,
    source_ref: a.sourceRef,
    village_code: o.delivery_village_code,
    status: 'open',
    resolution_group_id: null,
    resolved_by: null,
    resolved_at: null,
    created_at: nowIso(),
  };
  await tx.insertInto('payment_exceptions').values(row).execute();
  await audit(tx, {
    actorId: a.actorId,
    action: 'orders.payment_exception',
    entityType: 'payment',
    entityId: payment.id,
    data: { exception: row.id, kind: row.kind, source: a.source, amount: a.amount },
  });
  return row;
}

export interface ExceptionView extends PaymentExceptionsTable {
  reference: string | null;
  method: string;
  order_numbers: string[];
}

/** Exceptions the actor may see (scoped by the delivery village), newest first. */
export async function listExceptions(
  db: Tx,
  actor: Actor,
  status: 'open' | 'all' = 'open',
): Promise<ExceptionView[]> {
  const scope = regionScope(actor, EXCEPTION_ROLES);
  let q = db
    .selectFrom('payment_exceptions')
    .innerJoin('payments', 'payments.id', 'payment_exceptions.payment_id')
    .selectAll('payment_exceptions')
    .select(['payments.reference', 'payments.method', 'payments.group_id'])
    .where((eb) => regionWhere(eb, 'payment_exceptions.village_code', scope));
  if (status === 'open') q = q.where('payment_exceptions.status', '=', 'open');
  const rows = await q.orderBy('payment_exceptions.created_at', 'desc').limit(200).execute();
  const groups = [...new Set(rows.map((r) => r.group_id))];
  const numbers = groups.length
    ? await db
        .selectFrom('orders')
        .select(['group_id', 'number'])
        .where('group_id', 'in', groups)
        .orderBy('number')
        .execute()
    : [];
  return rows.map(({ group_id, ...r }) => ({
    ...r,
    order_numbers: numbers.filter((n) => n.group_id === group_id).map((n) => n.number),
  }));
}

export type Resolution = 'reserve' | 'refund';

/**
 * Resolves an open exception. `reserve` places the same lines again for the same buyer and
 * delivery (stock permitting) and pays the new group with the money that arrived; it is
 * refused when the goods now cost a different amount, which leaves `refund` as the answer.
 */
export async function resolveException(
  db: Tx,
  actor: Actor,
  exceptionId: string,
  how: Resolution,
): Promise<Result<PaymentExceptionsTable>> {
  const events: OrderEvent[] = [];
  // A failure anywhere (a reservation lost half-way, an amount that changed) rolls it all back.
  const r = await inTransactionResult(db, async (tx): Promise<Result<PaymentExceptionsTable>> => {
    const ex = await tx
      .selectFrom('payment_exceptions')
      .selectAll()
      .where('id', '=', exceptionId)
      .executeTakeFirst();
    if (!ex || !canInRegion(actor, EXCEPTION_ROLES, ex.village_code))
      return fail('ORDERS_EXCEPTION_NOT_FOUND');
    if (ex.status !== 'open') return fail('ORDERS_EXCEPTION_RESOLVED');
    const at = nowIso();
    let groupId: string | null = null;
    if (how === 'reserve') {
      const placed = await reserveAgain(tx, ex, actor, events);
      if (!placed.ok) return placed;
      groupId = placed.value;
    }
    const status = how === 'reserve' ? 'reserved_again' : 'refund_due';
    const u = await tx
      .updateTable('payment_exceptions')
      .set({ status, resolution_group_id: groupId, resolved_by: actor.userId, resolved_at: at })
      .where('id', '=', ex.id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(u.numUpdatedRows) !== 1) return fail('ORDERS_EXCEPTION_RESOLVED');
    await audit(tx, {
      actorId: actor.userId,
      action: 'orders.payment_exception_resolved',
      entityType: 'payment',
      entityId: ex.payment_id,
      data: { exception: ex.id, status, group: groupId },
    });
    return ok({
      ...ex,
      status,
      resolution_group_id: groupId,
      resolved_by: actor.userId,
      resolved_at: at,
    } as PaymentExceptionsTable);
  });
  if (r.ok) dispatchOrderEvents(events);
  return r;
}

async function reserveAgain(
  tx: Tx,
  ex: PaymentExceptionsTable,
  actor: Actor,
  events: OrderEvent[],
): Promise<Result<string>> {
  const pay = await tx
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', ex.payment_id)
    .executeTakeFirstOrThrow();
  const orders = await tx
    .selectFrom('orders')
    .selectAll()
    .where('group_id', '=', pay.group_id)
    .orderBy('id')
    .execute();
  const first = orders[0];
  // A partner's order can only be placed by that partner: its money goes back instead.
  if (first.channel === 'partner' || first.channel === 'assisted')
    return fail('ORDERS_EXCEPTION_REFUND_ONLY');
  const lines = await tx
    .selectFrom('order_lines')
    .select(['variant_id', 'qty'])
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .execute();
  const input: PlaceOrderInput = {
    lines: lines.map((l) => ({ variantId: l.variant_id, qty: l.qty })),
    buyer: { name: first.buyer_name, phone: first.buyer_phone, userId: null },
    delivery:
      first.delivery_kind === 'pickup'
        ? { kind: 'pickup', servicePointId: first.service_point_id ?? '' }
        : {
            kind: 'address',
            villageCode: first.delivery_village_code,
            address: first.delivery_address ?? '',
          },
    paymentMethod: pay.method,
    channel: first.channel,
  };
  const placed = await placeOrder(tx, input, null);
  if (!placed.ok) return placed;
  // The money pays exactly what it was sent for: prices or shipping that moved mean a refund.
  if (placed.value.total + pay.unique_code !== ex.amount)
    return fail('ORDERS_EXCEPTION_AMOUNT_CHANGED', {
      amount: ex.amount,
      total: placed.value.total,
    });
  await tx
    .updateTable('orders')
    .set({ buyer_user_id: first.buyer_user_id })
    .where('group_id', '=', placed.value.groupId)
    .execute();
  const paymentId = newId('pay');
  await tx
    .insertInto('payments')
    .values({
      id: paymentId,
      group_id: placed.value.groupId,
      method: pay.method,
      amount: ex.amount,
      unique_code: pay.unique_code,
      status: 'paid',
      matched_by: 'staff',
      provider: pay.provider,
      provider_ref: `exception:${ex.id}`,
      collected_by: null,
      service_point_id: null,
      paid_at: nowIso(),
      created_at: nowIso(),
      reference: newPaymentReference(),
    })
    .execute();
  const paid = await payGroupOrders(tx, placed.value.groupId, paymentId, {
    matchedBy: 'staff',
    actorId: actor.userId,
    providerRef: `exception:${ex.id}`,
  });
  if (!paid.ok) return paid;
  events.push(...paid.value);
  return ok(placed.value.groupId);
}
