// Reads of the orders domain's own tables (plus the names shown beside them, as community's
// subqueries: still one statement for a page of orders).
import type { NotNull } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { servicePointNameOf, umkmColumn } from '../community/index.js';
import type { OrderLinesTable, OrdersTable } from './orders.tables.js';

/** An order with its lines and the names shown beside it (what the order cards render). */
export type OrderWithLines = OrdersTable & {
  lines: OrderLinesTable[];
  umkm_name: string;
  point_name?: string | null;
};

export async function ordersWithLines(
  db: Tx,
  where: { groupId?: string; ids?: string[] },
): Promise<OrderWithLines[]> {
  let q = db
    .selectFrom('orders as o')
    .selectAll('o')
    .select([
      umkmColumn('o.umkm_id', 'name').as('umkm_name'),
      servicePointNameOf(db, 'o.service_point_id').as('point_name'),
    ])
    // Every order has its UMKM (a foreign key); only the point is optional.
    .$narrowType<{ umkm_name: NotNull }>();
  if (where.groupId) q = q.where('o.group_id', '=', where.groupId);
  if (where.ids) q = where.ids.length ? q.where('o.id', 'in', where.ids) : q.where('o.id', '=', '');
  const orders = await q.orderBy('o.seq').execute();
  if (orders.length === 0) return [];
  const lines = await db
    .selectFrom('order_lines')
    .selectAll()
    .where(
      'order_id',
      'in',
      orders.map((o) => o.id),
    )
    .orderBy('id')
    .execute();
  return orders.map((o) => ({ ...o, lines: lines.filter((l) => l.order_id === o.id) }));
}

export async function orderByNumber(db: Tx, number: string) {
  return db
    .selectFrom('orders')
    .selectAll()
    .where('number', '=', number.trim().toUpperCase())
    .executeTakeFirst();
}

export interface OrderHistoryEntry {
  kind: 'placed' | 'status' | 'payment' | 'fulfilment';
  to: string;
  at: string;
}

/** Each order's history, oldest first, from its outbox events (every change writes exactly one). */
export async function orderHistories(
  db: Tx,
  ids: string[],
): Promise<Map<string, OrderHistoryEntry[]>> {
  const out = new Map<string, OrderHistoryEntry[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('order_outbox')
    .select(['order_id', 'kind', 'to_status', 'at'])
    .where('order_id', 'in', ids)
    .orderBy('at')
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const list = out.get(r.order_id) ?? [];
    list.push({ kind: r.kind as OrderHistoryEntry['kind'], to: r.to_status, at: r.at });
    out.set(r.order_id, list);
  }
  return out;
}
