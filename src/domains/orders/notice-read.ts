// What notifications read of an order to tell the people concerned (it never reads these
// tables itself): who sells, who bought (when signed in), where, and the number people read.
import type { Tx } from '../../kernel/db/index.js';
import type { OrderEvent } from './events.js';
import type { OrdersTable } from './orders.tables.js';

export interface OrderNotice {
  id: string;
  number: string;
  umkmId: string;
  buyerUserId: string | null;
  /** The seller's village (the seller's zone, the organisation's scope). */
  villageCode: string;
  /** Where the buyer receives it (the buyer's zone). */
  deliveryVillageCode: string;
  servicePointId: string | null;
  /** A cancelled order gets no reminders (a pickup that will not happen). */
  cancelled: boolean;
}

/** One order's facts for notifications (inside the event's transaction); null when unknown. */
export async function orderNotice(db: Tx, orderId: string): Promise<OrderNotice | null> {
  return (await orderNotices(db, [orderId])).get(orderId) ?? null;
}

type NoticeRow = Pick<
  OrdersTable,
  | 'id'
  | 'number'
  | 'umkm_id'
  | 'buyer_user_id'
  | 'village_code'
  | 'delivery_village_code'
  | 'service_point_id'
  | 'status'
>;

const noticeOf = (o: NoticeRow): OrderNotice => ({
  id: o.id,
  number: o.number,
  umkmId: o.umkm_id,
  buyerUserId: o.buyer_user_id,
  villageCode: o.village_code,
  deliveryVillageCode: o.delivery_village_code,
  servicePointId: o.service_point_id,
  cancelled: o.status === 'cancelled',
});

/** Several orders' facts for notifications in one read (a checkout batch's placements). */
export async function orderNotices(db: Tx, orderIds: string[]): Promise<Map<string, OrderNotice>> {
  const out = new Map<string, OrderNotice>();
  const ids = [...new Set(orderIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('orders')
      .select([
        'id',
        'number',
        'umkm_id',
        'buyer_user_id',
        'village_code',
        'delivery_village_code',
        'service_point_id',
        'status',
      ])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const o of rows) out.set(o.id, noticeOf(o));
  }
  return out;
}

/**
 * Placement events with the rows they placed. A checkout batch's notices were read back from
 * the orders it had just written (≈ 5 % of the checkout writer thread); the placement has them.
 * Kept by event object, in the thread and transaction that made the event, and dropped with it.
 */
const placedRows = new WeakMap<OrderEvent, NoticeRow>();

/** Called by the placement for each of its events, before they are published. */
export function rememberPlaced(e: OrderEvent, o: NoticeRow): void {
  placedRows.set(e, o);
}

/** The facts the notices of `events` need: a placement's from its rows, the others read at once. */
export async function eventOrderNotices(
  db: Tx,
  events: OrderEvent[],
): Promise<Map<string, OrderNotice>> {
  const out = new Map<string, OrderNotice>();
  const unknown: string[] = [];
  for (const e of events) {
    const o = placedRows.get(e);
    if (o) out.set(e.orderId, noticeOf(o));
    else unknown.push(e.orderId);
  }
  if (unknown.length === 0) return out;
  // An order read now is as it is now, after every change of this transaction so far.
  for (const [id, n] of await orderNotices(db, unknown)) out.set(id, n);
  return out;
}
