// A cycle as its pages show it: the row, its organisation, its products with producer and
// prices, and its pickup points with their windows.
import type { Tx } from '../../kernel/db/index.js';
import type { CyclesTable } from './collective.tables.js';

export interface CycleView {
  cycle: CyclesTable;
  organisation: string;
  products: {
    variant_id: string;
    title: string;
    label: string;
    umkm_id: string;
    umkm_name: string;
    price: number;
    list_price: number;
  }[];
  points: {
    service_point_id: string;
    point_name: string;
    pickup_date: string;
    pickup_from: string;
    pickup_to: string;
  }[];
}

export async function readCycleView(db: Tx, id: string): Promise<CycleView | null> {
  const cycle = await db.selectFrom('cycles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cycle) return null;
  const org = await db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', cycle.organisation_id)
    .executeTakeFirst();
  const products = await db
    .selectFrom('cycle_products as cp')
    .innerJoin('variants as v', 'v.id', 'cp.variant_id')
    .innerJoin('products as p', 'p.id', 'cp.product_id')
    .innerJoin('umkm as u', 'u.id', 'cp.umkm_id')
    .select([
      'cp.variant_id',
      'p.title',
      'v.label',
      'u.id as umkm_id',
      'u.name as umkm_name',
      'cp.price',
      'cp.list_price',
    ])
    .where('cp.cycle_id', '=', id)
    .orderBy('u.name')
    .orderBy('p.title')
    .execute();
  const points = await db
    .selectFrom('cycle_points as cp')
    .innerJoin('service_points as sp', 'sp.id', 'cp.service_point_id')
    .select([
      'cp.service_point_id',
      'sp.name as point_name',
      'cp.pickup_date',
      'cp.pickup_from',
      'cp.pickup_to',
    ])
    .where('cp.cycle_id', '=', id)
    .orderBy('sp.name')
    .execute();
  return { cycle, organisation: org?.name ?? '', products, points };
}

/** The cycle pickup (point and window) of each given order, for the buyer's pages. */
export async function cyclePickups(db: Tx, orderIds: string[]) {
  if (!orderIds.length) return [];
  return db
    .selectFrom('cycle_orders as co')
    .innerJoin('cycles as c', 'c.id', 'co.cycle_id')
    .innerJoin('cycle_points as cp', (j) =>
      j
        .onRef('cp.cycle_id', '=', 'co.cycle_id')
        .onRef('cp.service_point_id', '=', 'co.service_point_id'),
    )
    .innerJoin('service_points as sp', 'sp.id', 'co.service_point_id')
    .select([
      'co.order_id',
      'c.name as cycle_name',
      'sp.name as point_name',
      'cp.pickup_date',
      'cp.pickup_from',
      'cp.pickup_to',
    ])
    .where('co.order_id', 'in', orderIds)
    .execute();
}
