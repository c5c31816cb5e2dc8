// What the partners domain reads of orders (it never names these tables itself): a partner's
// own orders with their lines, its delivered sales for incentives and rankings, its totals, and
// an order's state for a status webhook. Every partner read is filtered by the partner id the
// caller acts for.
import { sql } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import './orders.tables.js';

/** The partner's orders as a query its reads narrow further (status, change time, one id). */
export function ordersOfPartner(db: Tx, partnerId: string) {
  return db
    .selectFrom('orders as o')
    .select([
      'o.id',
      'o.number',
      'o.group_id',
      'o.umkm_id',
      'o.status',
      'o.payment_status',
      'o.fulfilment_status',
      'o.payment_method',
      'o.delivery_kind',
      'o.service_point_id',
      'o.delivery_village_code',
      'o.delivery_address',
      'o.buyer_name',
      'o.items_total',
      'o.shipping',
      'o.total',
      'o.placed_at',
      'o.updated_at',
      'o.delivered_at',
    ])
    .where('o.partner_id', '=', partnerId);
}

/** The lines of these orders, in line order (a page of a partner's orders). */
export async function linesOfOrders(db: Tx, orderIds: string[]) {
  if (orderIds.length === 0) return [];
  return db
    .selectFrom('order_lines')
    .select([
      'order_id',
      'variant_id',
      'product_id',
      'title',
      'variant_label',
      'qty',
      'unit_price',
      'line_total',
    ])
    .where('order_id', 'in', orderIds)
    .orderBy('id')
    .execute();
}

/**
 * The partner's delivered, not-cancelled sales delivered before `before`, oldest delivery first,
 * inside a region prefix ('' = the country): what incentives rank and pay on.
 */
export async function partnerDeliveredSales(
  db: Tx,
  partnerId: string,
  o: { before: string; scope: string },
) {
  return db
    .selectFrom('orders')
    .select([
      'orders.id',
      'orders.umkm_id',
      'orders.village_code',
      'orders.items_total',
      'orders.delivered_at',
    ])
    .where('orders.partner_id', '=', partnerId)
    .where((eb) => regionWhere(eb, 'orders.village_code', o.scope === '' ? 'all' : [o.scope]))
    .where('orders.fulfilment_status', '=', 'delivered')
    .where('orders.status', '!=', 'cancelled')
    .where('orders.delivered_at', '<', o.before)
    .orderBy('orders.delivered_at')
    .orderBy('orders.id')
    .execute();
}

/** Every partner's delivered, not-cancelled sales of sellers inside a prefix (null = the country). */
export async function deliveredPartnerSales(db: Tx, prefix: string | null) {
  return db
    .selectFrom('orders')
    .select(['orders.partner_id', 'orders.umkm_id', 'orders.village_code', 'orders.items_total'])
    .where('orders.partner_id', 'is not', null)
    .where('orders.fulfilment_status', '=', 'delivered')
    .where('orders.status', '!=', 'cancelled')
    .where((eb) => regionWhere(eb, 'orders.village_code', prefix ? [prefix] : 'all'))
    .execute();
}

/** A partner's not-cancelled orders: how many, the value delivered, how many came back. */
export async function partnerOrderTotals(db: Tx, partnerId: string) {
  const r = await db
    .selectFrom('orders')
    .select([
      sql<number>`coalesce(sum(case when fulfilment_status = 'delivered' then items_total else 0 end), 0)`.as(
        'gmv',
      ),
      sql<number>`count(*)`.as('orders'),
      sql<number>`coalesce(sum(case when fulfilment_status = 'returned' then 1 else 0 end), 0)`.as(
        'returns',
      ),
    ])
    .where('partner_id', '=', partnerId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirstOrThrow();
  return { gmv: Number(r.gmv), orders: Number(r.orders), returns: Number(r.returns) };
}

/** An order's partner and its three statuses (a partner's status webhook), or undefined. */
export async function orderStateForPartner(db: Tx, orderId: string) {
  return db
    .selectFrom('orders')
    .select(['id', 'number', 'partner_id', 'status', 'payment_status', 'fulfilment_status'])
    .where('id', '=', orderId)
    .executeTakeFirst();
}

/** Numbers and sellers of orders by id (an incentive statement's lines). */
export async function orderSellers(
  db: Tx,
  ids: string[],
): Promise<Map<string, { number: string; umkmId: string }>> {
  const out = new Map<string, { number: string; umkmId: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select(['id', 'number', 'umkm_id'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { number: r.number, umkmId: r.umkm_id });
  }
  return out;
}
