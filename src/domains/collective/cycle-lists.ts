// The lists a closed (or still open) cycle prints: per producer, what to bring for which pickup
// point (supplier lists); per point, what each buyer gets (packing lists). Both are read from
// the same order lines (cancelled orders left out), so their totals agree with the orders by
// construction; the test and the bench check it anyway. Orders, producers and points come
// through their owners' exported reads (orders' orderContents, community's places and facts).
import type { Tx } from '../../kernel/db/index.js';
import { orderContents, type OrderContents } from '../orders/index.js';
import { servicePointPlaces, umkmFactsByIds } from '../community/index.js';
import { cycleOrdersByPoint } from './cycle-runs.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The cycle's live (not cancelled) orders per point, with point and producer names. */
async function liveOrders(db: Tx, cycleId: string) {
  const byPoint = await cycleOrdersByPoint(db, cycleId);
  const orders = new Map(
    (await orderContents(db, [...byPoint.values()].flat()))
      .filter((o) => o.status !== 'cancelled')
      .map((o) => [o.id, o]),
  );
  const [points, producers] = await Promise.all([
    servicePointPlaces(db, [...byPoint.keys()]),
    umkmFactsByIds(db, [...new Set([...orders.values()].map((o) => o.umkmId))]),
  ]);
  const pointName = new Map(points.map((p) => [p.id, p.name]));
  const perPoint = [...byPoint]
    .map(([pointId, ids]) => ({
      pointId,
      pointName: pointName.get(pointId) ?? '',
      orders: ids.map((id) => orders.get(id)).filter((o): o is OrderContents => !!o),
    }))
    .filter((p) => p.orders.length)
    .sort((a, b) => byText(a.pointName, b.pointName) || byText(a.pointId, b.pointId));
  return { perPoint, producerName: (id: string) => producers.get(id)?.name ?? '' };
}

export interface SupplierLine {
  umkmId: string;
  umkmName: string;
  pointId: string;
  pointName: string;
  title: string;
  label: string;
  qty: number;
}

export interface SupplierList {
  umkmId: string;
  umkmName: string;
  lines: SupplierLine[];
  totalQty: number;
}

/** Per producer, per point, per product: quantities to bring. */
export async function supplierLists(db: Tx, cycleId: string): Promise<SupplierList[]> {
  const { perPoint, producerName } = await liveOrders(db, cycleId);
  const lines = new Map<string, SupplierLine & { variantId: string }>();
  for (const p of perPoint)
    for (const o of p.orders)
      for (const l of o.lines) {
        const key = `${o.umkmId}|${p.pointId}|${l.variantId}|${l.title}|${l.label}`;
        const line = lines.get(key);
        if (line) line.qty += l.qty;
        else
          lines.set(key, {
            umkmId: o.umkmId,
            umkmName: producerName(o.umkmId),
            pointId: p.pointId,
            pointName: p.pointName,
            variantId: l.variantId,
            title: l.title,
            label: l.label,
            qty: l.qty,
          });
      }
  const sorted = [...lines.values()].sort(
    (a, b) =>
      byText(a.umkmName, b.umkmName) ||
      byText(a.umkmId, b.umkmId) ||
      byText(a.pointName, b.pointName) ||
      byText(a.pointId, b.pointId) ||
      byText(a.title, b.title),
  );
  const lists = new Map<string, SupplierList>();
  for (const { variantId: _, ...r } of sorted) {
    const l = lists.get(r.umkmId) ?? {
      umkmId: r.umkmId,
      umkmName: r.umkmName,
      lines: [],
      totalQty: 0,
    };
    l.lines.push(r);
    l.totalQty += r.qty;
    lists.set(r.umkmId, l);
  }
  return [...lists.values()];
}

export interface PackingOrder {
  orderId: string;
  number: string;
  buyerName: string;
  producer: string;
  paid: boolean;
  total: number;
  lines: { title: string; label: string; qty: number }[];
}

export interface PackingList {
  pointId: string;
  pointName: string;
  pickupDate: string;
  pickupFrom: string;
  pickupTo: string;
  orders: PackingOrder[];
  totalQty: number;
}

/** Per pickup point, per buyer's order: what goes in the bag. */
export async function packingLists(db: Tx, cycleId: string): Promise<PackingList[]> {
  const { perPoint, producerName } = await liveOrders(db, cycleId);
  const windows = new Map(
    (
      await db
        .selectFrom('cycle_points')
        .select(['service_point_id', 'pickup_date', 'pickup_from', 'pickup_to'])
        .where('cycle_id', '=', cycleId)
        .execute()
    ).map((w) => [w.service_point_id, w]),
  );
  const lists: PackingList[] = [];
  for (const p of perPoint) {
    const w = windows.get(p.pointId);
    // A point taken out of the cycle's windows keeps no list (as the join did before).
    if (!w) continue;
    const orders = [...p.orders]
      .sort((a, b) => byText(a.buyerName, b.buyerName) || byText(a.number, b.number))
      .map((o) => ({
        orderId: o.id,
        number: o.number,
        buyerName: o.buyerName,
        producer: producerName(o.umkmId),
        paid: o.paymentStatus === 'paid',
        total: o.total,
        lines: o.lines.map((l) => ({ title: l.title, label: l.label, qty: l.qty })),
      }));
    lists.push({
      pointId: p.pointId,
      pointName: p.pointName,
      pickupDate: w.pickup_date,
      pickupFrom: w.pickup_from,
      pickupTo: w.pickup_to,
      orders,
      totalQty: orders.reduce((s, o) => s + o.lines.reduce((t, l) => t + l.qty, 0), 0),
    });
  }
  return lists;
}
