// What a consolidating domain reads of many orders at once (a market-day cycle's runs and lists
// at close): each order's producer, buyer, states, total and lines. Read in chunks of ids, so a
// cycle of ten thousand orders is a few dozen indexed reads, not one per order.
import type { Tx } from '../../kernel/db/index.js';

export interface OrderContentLine {
  variantId: string;
  title: string;
  label: string;
  qty: number;
  unitPrice: number;
  weightGrams: number;
}

export interface OrderContents {
  id: string;
  number: string;
  umkmId: string;
  buyerName: string;
  status: string;
  paymentStatus: string;
  total: number;
  lines: OrderContentLine[];
}

const CHUNK = 500;

/** The given orders with their lines (lines in title order), in the order of `ids`; unknown ids left out. */
export async function orderContents(db: Tx, ids: readonly string[]): Promise<OrderContents[]> {
  const byId = new Map<string, OrderContents>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const orders = await db
      .selectFrom('orders')
      .select(['id', 'number', 'umkm_id', 'buyer_name', 'status', 'payment_status', 'total'])
      .where('id', 'in', chunk)
      .execute();
    for (const o of orders)
      byId.set(o.id, {
        id: o.id,
        number: o.number,
        umkmId: o.umkm_id,
        buyerName: o.buyer_name,
        status: o.status,
        paymentStatus: o.payment_status,
        total: Number(o.total),
        lines: [],
      });
    const lines = await db
      .selectFrom('order_lines')
      .select([
        'order_id',
        'variant_id',
        'title',
        'variant_label',
        'qty',
        'unit_price',
        'weight_grams',
      ])
      .where('order_id', 'in', chunk)
      .orderBy('title')
      .orderBy('id')
      .execute();
    for (const l of lines)
      byId.get(l.order_id)?.lines.push({
        variantId: l.variant_id,
        title: l.title,
        label: l.variant_label,
        qty: Number(l.qty),
        unitPrice: Number(l.unit_price),
        weightGrams: Number(l.weight_grams),
      });
  }
  return ids.map((id) => byId.get(id)).filter((o): o is OrderContents => !!o);
}
