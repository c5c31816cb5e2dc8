// The decisions of one checkout, without I/O of its own: check every line against what was
// read (variant, listing, price, stock), split by UMKM, freeze fees and shipping, and build
// the rows to insert. Every checkout is planned here by the one batch path (place-batch.ts),
// whether it runs in a batch of many or alone.
import { fail, ok, type Result } from '../../../kernel/errors/index.js';
import { friendlyNumber, isId, newId } from '../../../kernel/ids/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import type { OrderLinesTable, OrdersTable } from '../orders.tables.js';
import { computeFees } from '../fees.js';
import type { ShippingQuery } from '../shipping.js';
import type { Placed, Prepared } from './request.js';
import type { CheckoutVariant } from '../../catalog/index.js';

/** Unpaid transfer/QRIS orders hold their stock this long, then the sweep releases it. */
export const RESERVATION_MS = 24 * 3600_000;

export interface PlanContext {
  variants: ReadonlyMap<string, CheckoutVariant>;
  /** Village of the pickup point, or the destination village when it exists in the registry. */
  destVillage: string | null;
  /** The next order number's sequence value (one per order, i.e. per UMKM). */
  nextSeq(): number;
  quote(q: ShippingQuery): Promise<number>;
  now: string;
}

export interface Plan {
  orderRows: OrdersTable[];
  lineRows: OrderLinesTable[];
  placed: Placed;
  assisted: boolean;
  now: string;
}

export async function planCheckout(
  input: Prepared,
  actor: Actor | null,
  ctx: PlanContext,
): Promise<Result<Plan>> {
  const delivery = input.delivery;
  for (const l of input.lines) {
    const r = ctx.variants.get(l.variantId);
    if (!r || !r.active) return fail('ORDERS_UNKNOWN_VARIANT', { variant: l.variantId });
    if (!r.listed) return fail('ORDERS_NOT_LISTED', { title: r.title });
    if (l.expectedUnitPrice !== undefined && l.expectedUnitPrice !== r.price)
      return fail('ORDERS_PRICE_CHANGED', { title: r.title, price: formatRupiah(r.price) });
    if ((r.available ?? 0) < l.qty)
      return fail('ORDERS_INSUFFICIENT_STOCK', { title: r.title, available: r.available ?? 0 });
  }
  const destVillage = ctx.destVillage;
  if (!destVillage) {
    return delivery.kind === 'pickup'
      ? fail(
          'ORDERS_UNKNOWN_SERVICE_POINT',
          {},
          { service_point: { key: 'orders.err.unknown_service_point' } },
        )
      : fail('ORDERS_BAD_REGION', {}, { village: { key: 'orders.err.bad_region' } });
  }

  // One order per UMKM, in the order the buyer added them.
  const groups = new Map<string, { umkmId: string; village: string; lines: typeof input.lines }>();
  for (const l of input.lines) {
    const r = ctx.variants.get(l.variantId)!;
    const g = groups.get(r.umkm_id) ?? { umkmId: r.umkm_id, village: r.umkm_village, lines: [] };
    g.lines.push(l);
    groups.set(r.umkm_id, g);
  }

  const now = ctx.now;
  const year = Number(now.slice(0, 4));
  const groupId = input.groupId && isId(input.groupId, 'grp') ? input.groupId : newId('grp');
  const assisted = input.channel === 'assisted';
  const reservedUntil =
    input.paymentMethod === 'cod' ? null : new Date(Date.parse(now) + RESERVATION_MS).toISOString();
  const orderRows: OrdersTable[] = [];
  const lineRows: OrderLinesTable[] = [];
  for (const g of groups.values()) {
    const seq = ctx.nextSeq();
    const id = newId('ord');
    let items = 0;
    let grams = 0;
    for (const l of g.lines) {
      const r = ctx.variants.get(l.variantId)!;
      items += r.price * l.qty;
      grams += r.weight_grams * l.qty;
      lineRows.push({
        id: newId('orl'),
        order_id: id,
        variant_id: r.variant_id,
        product_id: r.product_id,
        title: r.title,
        variant_label: r.label,
        qty: l.qty,
        unit_price: r.price,
        weight_grams: r.weight_grams,
        line_total: r.price * l.qty,
      });
    }
    const shipping = await ctx.quote({
      fromVillageCode: g.village,
      toVillageCode: destVillage,
      weightGrams: grams,
    });
    const fees = computeFees(items, shipping, assisted);
    orderRows.push({
      id,
      number: friendlyNumber('LMB', year, seq),
      seq,
      group_id: groupId,
      umkm_id: g.umkmId,
      village_code: g.village,
      buyer_name: input.buyer.name,
      buyer_phone: input.buyer.phone,
      buyer_user_id: input.buyer.userId,
      delivery_kind: delivery.kind,
      delivery_village_code: destVillage,
      delivery_address: delivery.kind === 'address' ? delivery.address.trim() : null,
      service_point_id: delivery.kind === 'pickup' ? delivery.servicePointId : null,
      channel: input.channel,
      partner_id: input.partnerId ?? null,
      agent_user_id: assisted ? actor!.userId : null,
      agent_service_point_id: assisted ? input.agentServicePointId! : null,
      consent_at: assisted ? now : null,
      status: 'placed',
      payment_status: 'unpaid',
      fulfilment_status: 'unfulfilled',
      payment_method: input.paymentMethod,
      items_total: fees.itemsTotal,
      shipping: fees.shipping,
      platform_fee: fees.platformFee,
      agent_commission: fees.agentCommission,
      total: fees.total,
      seller_share: fees.sellerShare,
      reserved_until: reservedUntil,
      placed_at: now,
      delivered_at: null,
      updated_at: now,
      is_demo: 0,
    });
  }
  return ok({
    orderRows,
    lineRows,
    assisted,
    now,
    placed: {
      groupId,
      orders: orderRows.map((o) => ({
        id: o.id,
        number: o.number,
        umkmId: o.umkm_id,
        total: o.total,
      })),
      total: orderRows.reduce((s, o) => s + o.total, 0),
      paymentMethod: input.paymentMethod,
    },
  });
}
