// What the settlement ledger reads of orders and payments (it never reads these tables itself):
// an order's frozen money columns with the payment that paid it, order numbers for people's
// pages, and the imported bank statement lines for reconciliation.
import type { Tx } from '../../kernel/db/index.js';

export interface OrderMoney {
  id: string;
  number: string;
  umkmId: string;
  status: string;
  paymentStatus: string;
  fulfilmentStatus: string;
  paymentMethod: 'cod' | 'transfer' | 'qris';
  itemsTotal: number;
  shipping: number;
  platformFee: number;
  agentCommission: number;
  total: number;
  sellerShare: number;
  servicePointId: string | null;
  agentServicePointId: string | null;
  /** The payment that paid (or is paying) the order: its method, point and unique code. */
  payment: {
    id: string;
    method: 'cod' | 'transfer' | 'qris';
    servicePointId: string | null;
    uniqueCode: number;
  } | null;
}

/** One order's money as frozen at placement, with its paying payment (inside `tx`). */
export async function orderMoney(tx: Tx, orderId: string): Promise<OrderMoney | null> {
  const o = await tx.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirst();
  if (!o) return null;
  // A pickup pays one order of a group (`group:order`); otherwise the group's payment pays it.
  const p = await tx
    .selectFrom('payments')
    .select(['id', 'method', 'service_point_id', 'unique_code'])
    .where('group_id', 'in', [o.group_id, `${o.group_id}:${o.id}`])
    .where('status', '<>', 'expired')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return {
    id: o.id,
    number: o.number,
    umkmId: o.umkm_id,
    status: o.status,
    paymentStatus: o.payment_status,
    fulfilmentStatus: o.fulfilment_status,
    paymentMethod: o.payment_method,
    itemsTotal: o.items_total,
    shipping: o.shipping,
    platformFee: o.platform_fee,
    agentCommission: o.agent_commission,
    total: o.total,
    sellerShare: o.seller_share,
    servicePointId: o.service_point_id,
    agentServicePointId: o.agent_service_point_id,
    payment: p
      ? {
          id: p.id,
          method: p.method,
          servicePointId: p.service_point_id,
          uniqueCode: p.unique_code,
        }
      : null,
  };
}

/** Friendly numbers and placement times of orders (people see numbers, never ids). */
export async function orderNumbers(db: Tx, ids: string[]) {
  if (ids.length === 0) return new Map<string, { number: string; placedAt: string }>();
  const rows = await db
    .selectFrom('orders')
    .select(['id', 'number', 'placed_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { number: r.number, placedAt: r.placed_at }]));
}

/** Imported bank statement lines booked in [from, to] (YYYY-MM-DD), with their matched payment. */
export async function statementLinesBetween(db: Tx, from: string, to: string) {
  return db
    .selectFrom('bank_statement_lines as b')
    .leftJoin('payments as p', 'p.id', 'b.payment_id')
    .select([
      'b.id',
      'b.booked_on',
      'b.description',
      'b.amount',
      'b.payment_id',
      'p.reference',
      'p.status as payment_status',
    ])
    .where('b.booked_on', '>=', from)
    .where('b.booked_on', '<=', to)
    .orderBy('b.booked_on')
    .orderBy('b.id')
    .limit(5000)
    .execute();
}

/** References and statuses of payments (reconciliation names payments by their reference). */
export async function paymentReferences(db: Tx, ids: string[]) {
  if (ids.length === 0)
    return new Map<string, { reference: string | null; paidAt: string | null }>();
  const rows = await db
    .selectFrom('payments')
    .select(['id', 'reference', 'paid_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, { reference: r.reference, paidAt: r.paid_at }]));
}

/** An order's lines (variant, packs, line total): produce records the sales of a listed lot. */
export async function orderLines(db: Tx, orderId: string) {
  return db
    .selectFrom('order_lines')
    .select(['variant_id', 'qty', 'line_total'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
}
