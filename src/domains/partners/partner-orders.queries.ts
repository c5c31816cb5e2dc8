// What a partner reads back: its own orders (by id, or a page filtered by status and change
// time) and the service points it may name for pickup. Every order query is filtered by the
// partner id the caller acts for, never by an id from the request alone.
import type { Tx } from '../../kernel/db/index.js';
import { servicePointPage, umkmFactsByIds } from '../community/index.js';
import { linesOfOrders, ordersOfPartner } from '../orders/index.js';

type OrderStatus = 'placed' | 'cancelled' | 'completed';

/** The partner's orders with their seller's name: orders' rows, then one batched name read. */
async function withUmkmNames<T extends { umkm_id: string }>(db: Tx, rows: T[]) {
  const umkm = await umkmFactsByIds(
    db,
    rows.map((r) => r.umkm_id),
  );
  return rows.map((r) => ({ ...r, umkm_name: umkm.get(r.umkm_id)?.name ?? '' }));
}

type OrderRow = Awaited<ReturnType<ReturnType<typeof ordersOfPartner>['execute']>>[number];

async function withLines(db: Tx, orders: OrderRow[]) {
  if (orders.length === 0) return [];
  const [rows, lines] = await Promise.all([
    withUmkmNames(db, orders),
    linesOfOrders(
      db,
      orders.map((r) => r.id),
    ),
  ]);
  return rows.map((o) => ({
    id: o.id,
    number: o.number,
    groupId: o.group_id,
    umkmId: o.umkm_id,
    umkmName: o.umkm_name,
    status: o.status,
    paymentStatus: o.payment_status,
    fulfilmentStatus: o.fulfilment_status,
    paymentMethod: o.payment_method,
    delivery: {
      kind: o.delivery_kind,
      servicePointId: o.service_point_id,
      villageCode: o.delivery_village_code,
      address: o.delivery_address,
    },
    buyerName: o.buyer_name,
    itemsTotal: Number(o.items_total),
    shipping: Number(o.shipping),
    total: Number(o.total),
    lines: lines
      .filter((l) => l.order_id === o.id)
      .map((l) => ({
        variantId: l.variant_id,
        productId: l.product_id,
        title: l.title,
        label: l.variant_label,
        qty: l.qty,
        unitPrice: Number(l.unit_price),
        lineTotal: Number(l.line_total),
      })),
    placedAt: o.placed_at,
    updatedAt: o.updated_at,
    deliveredAt: o.delivered_at,
  }));
}

export type PartnerOrderView = Awaited<ReturnType<typeof withLines>>[number];

/** One of the partner's orders, or undefined when it is not theirs (the caller answers 404 either way). */
export async function partnerOrder(
  db: Tx,
  partnerId: string,
  orderId: string,
): Promise<PartnerOrderView | undefined> {
  const [one] = await withLines(
    db,
    await ordersOfPartner(db, partnerId).where('o.id', '=', orderId).execute(),
  );
  return one;
}

/** The partner's latest orders, newest first (its home panel). */
export async function recentPartnerOrders(db: Tx, partnerId: string, limit: number) {
  return withUmkmNames(
    db,
    await ordersOfPartner(db, partnerId)
      .orderBy('o.placed_at', 'desc')
      .orderBy('o.id')
      .limit(limit)
      .execute(),
  );
}

/** A page of the partner's orders, oldest change first so `updatedSince` paging never skips one. */
export async function partnerOrders(
  db: Tx,
  partnerId: string,
  f: { status?: OrderStatus; updatedSince?: string; page: number; perPage: number },
) {
  let q = ordersOfPartner(db, partnerId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.updatedSince) q = q.where('o.updated_at', '>', f.updatedSince);
  const rows = await q
    .orderBy('o.updated_at')
    .orderBy('o.id')
    .limit(f.perPage + 1)
    .offset((f.page - 1) * f.perPage)
    .execute();
  return { items: await withLines(db, rows.slice(0, f.perPage)), hasMore: rows.length > f.perPage };
}

/** Service points a partner may name for pickup delivery (any point; optionally within a region). */
export async function pickupPoints(db: Tx, f: { region?: string; page: number; perPage: number }) {
  const rows = await servicePointPage(db, {
    region: f.region,
    limit: f.perPage + 1,
    offset: (f.page - 1) * f.perPage,
  });
  return {
    items: rows.slice(0, f.perPage).map((p) => ({
      id: p.id,
      name: p.name,
      villageCode: p.village_code,
      villageName: p.village_name,
      lat: p.lat,
      lng: p.lng,
      openingHours: p.opening_hours,
      services: p.services as string[],
    })),
    hasMore: rows.length > f.perPage,
  };
}
