// A listed lot's sales through ordinary catalogue orders (subscribed to orders.order_changed in
// the manifest, inside the order change's transaction). An order line of the lot's variant is
// recorded when the order is paid or completes, whichever comes first (a COD order completes
// after its cash is in), keyed by order and variant so a re-delivered event records once; the
// completion is stamped because only then is the UMKM owed the money (the ledger's rule), and
// only completed sales are settled. A cancelled, refunded or returned order reverses its lines.
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { orderLines, orderMoney, type OrderEvent } from '../orders/index.js';

const records = (e: OrderEvent) =>
  (e.kind === 'payment' && e.to === 'paid') || (e.kind === 'status' && e.to === 'completed');
const reverses = (e: OrderEvent) =>
  (e.kind === 'status' && e.to === 'cancelled') ||
  (e.kind === 'payment' && e.to === 'refunded') ||
  (e.kind === 'fulfilment' && e.to === 'returned');

/** Subscriber of orders.order_changed. */
export async function recordLotOrderEvent(tx: Tx, e: OrderEvent): Promise<void> {
  if (reverses(e)) {
    await tx
      .updateTable('produce_lot_order_sales')
      .set({ reversed_at: e.at })
      .where('order_id', '=', e.orderId)
      .where('reversed_at', 'is', null)
      .execute();
    return;
  }
  if (!records(e)) return;
  const lines = await orderLines(tx, e.orderId);
  if (!lines.length) return;
  const listings = await tx
    .selectFrom('produce_lot_listings')
    .select(['lot_id', 'variant_id', 'umkm_id', 'pack_g'])
    .where(
      'variant_id',
      'in',
      lines.map((l) => l.variant_id),
    )
    .execute();
  if (!listings.length) return;
  const o = await orderMoney(tx, e.orderId);
  if (!o) return;
  // A returned or cancelled order does not come back to life on a later event.
  if (o.status === 'cancelled' || o.paymentStatus === 'refunded') return;
  const at = nowIso();
  for (const l of listings) {
    const line = lines.find((x) => x.variant_id === l.variant_id);
    if (!line) continue;
    // The line's part of what the UMKM is owed for the order (exact when the lot is the order).
    const share =
      o.itemsTotal > 0
        ? Number((BigInt(o.sellerShare) * BigInt(line.line_total)) / BigInt(o.itemsTotal))
        : 0;
    await tx
      .insertInto('produce_lot_order_sales')
      .values({
        order_id: e.orderId,
        variant_id: l.variant_id,
        lot_id: l.lot_id,
        umkm_id: l.umkm_id,
        packs: line.qty,
        grams: line.qty * l.pack_g,
        amount: line.line_total,
        umkm_share: share,
        recorded_at: at,
        completed_at: e.kind === 'status' ? e.at : null,
        reversed_at: null,
      })
      .onConflict((oc) => oc.columns(['order_id', 'variant_id']).doNothing())
      .execute();
  }
  if (e.kind === 'status')
    await tx
      .updateTable('produce_lot_order_sales')
      .set({ completed_at: e.at })
      .where('order_id', '=', e.orderId)
      .where('completed_at', 'is', null)
      .where('reversed_at', 'is', null)
      .execute();
}

/** A lot's catalogue sales not reversed: completed ones (settleable) and pending ones. */
export async function lotOrderSales(tx: Tx, lotId: string) {
  const rows = await tx
    .selectFrom('produce_lot_order_sales')
    .selectAll()
    .where('lot_id', '=', lotId)
    .where('reversed_at', 'is', null)
    .orderBy('order_id')
    .execute();
  return {
    completed: rows.filter((r) => r.completed_at !== null),
    pending: rows.filter((r) => r.completed_at === null),
  };
}
