// The lists a closed (or still open) cycle prints: per producer, what to bring for which pickup
// point (supplier lists); per point, what each buyer gets (packing lists). Both are read from
// the same order lines (cancelled orders left out), so their totals agree with the orders by
// construction; the test and the bench check it anyway.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';

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
  const rows = await db
    .selectFrom('cycle_orders as co')
    .innerJoin('orders as o', 'o.id', 'co.order_id')
    .innerJoin('order_lines as l', 'l.order_id', 'o.id')
    .innerJoin('umkm as u', 'u.id', 'o.umkm_id')
    .innerJoin('service_points as sp', 'sp.id', 'co.service_point_id')
    .select([
      'u.id as umkmId',
      'u.name as umkmName',
      'sp.id as pointId',
      'sp.name as pointName',
      'l.title',
      'l.variant_label as label',
      sql<number>`sum(l.qty)`.as('qty'),
    ])
    .where('co.cycle_id', '=', cycleId)
    .where('o.status', '!=', 'cancelled')
    .groupBy(['u.id', 'u.name', 'sp.id', 'sp.name', 'l.variant_id', 'l.title', 'l.variant_label'])
    .orderBy('u.name')
    .orderBy('u.id')
    .orderBy('sp.name')
    .orderBy('l.title')
    .execute();
  const lists = new Map<string, SupplierList>();
  for (const r of rows) {
    const qty = Number(r.qty);
    const l = lists.get(r.umkmId) ?? {
      umkmId: r.umkmId,
      umkmName: r.umkmName,
      lines: [],
      totalQty: 0,
    };
    l.lines.push({ ...r, qty });
    l.totalQty += qty;
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
  const rows = await db
    .selectFrom('cycle_orders as co')
    .innerJoin('orders as o', 'o.id', 'co.order_id')
    .innerJoin('order_lines as l', 'l.order_id', 'o.id')
    .innerJoin('umkm as u', 'u.id', 'o.umkm_id')
    .innerJoin('service_points as sp', 'sp.id', 'co.service_point_id')
    .innerJoin('cycle_points as cp', (j) =>
      j.onRef('cp.cycle_id', '=', 'co.cycle_id').onRef('cp.service_point_id', '=', 'sp.id'),
    )
    .select([
      'sp.id as pointId',
      'sp.name as pointName',
      'cp.pickup_date',
      'cp.pickup_from',
      'cp.pickup_to',
      'o.id as orderId',
      'o.number',
      'o.buyer_name',
      'u.name as producer',
      'o.payment_status',
      'o.total',
      'l.title',
      'l.variant_label as label',
      'l.qty',
    ])
    .where('co.cycle_id', '=', cycleId)
    .where('o.status', '!=', 'cancelled')
    .orderBy('sp.name')
    .orderBy('sp.id')
    .orderBy('o.buyer_name')
    .orderBy('o.number')
    .orderBy('l.title')
    .execute();
  const lists = new Map<string, PackingList>();
  const orders = new Map<string, PackingOrder>();
  for (const r of rows) {
    let list = lists.get(r.pointId);
    if (!list) {
      list = {
        pointId: r.pointId,
        pointName: r.pointName,
        pickupDate: r.pickup_date,
        pickupFrom: r.pickup_from,
        pickupTo: r.pickup_to,
        orders: [],
        totalQty: 0,
      };
      lists.set(r.pointId, list);
    }
    let o = orders.get(r.orderId);
    if (!o) {
      o = {
        orderId: r.orderId,
        number: r.number,
        buyerName: r.buyer_name,
        producer: r.producer,
        paid: r.payment_status === 'paid',
        total: Number(r.total),
        lines: [],
      };
      orders.set(r.orderId, o);
      list.orders.push(o);
    }
    o.lines.push({ title: r.title, label: r.label, qty: Number(r.qty) });
    list.totalQty += Number(r.qty);
  }
  return [...lists.values()];
}
