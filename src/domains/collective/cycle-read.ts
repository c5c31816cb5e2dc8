// A cycle as its pages show it: the row, its organisation, its products with producer and
// prices, and its pickup points with their windows. Names of organisations, points and
// products come through community's places and the domain's one catalogue read.
import type { Tx } from '../../kernel/db/index.js';
import type { CyclesTable } from './collective.tables.js';
import { organisationPlace, servicePointPlaces } from '../community/index.js';
import { variantsByIds } from './collective.queries.js';

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
  const org = await organisationPlace(db, cycle.organisation_id);
  const offered = await db
    .selectFrom('cycle_products')
    .select(['variant_id', 'price', 'list_price'])
    .where('cycle_id', '=', id)
    .execute();
  const facts = new Map(
    (
      await variantsByIds(
        db,
        offered.map((o) => o.variant_id),
      )
    ).map((v) => [v.variant_id, v]),
  );
  const products = offered
    .flatMap((o) => {
      const v = facts.get(o.variant_id);
      return v
        ? [
            {
              variant_id: o.variant_id,
              title: v.title,
              label: v.label,
              umkm_id: v.umkm_id,
              umkm_name: v.umkm_name,
              price: o.price,
              list_price: o.list_price,
            },
          ]
        : [];
    })
    .sort((a, b) => byText(a.umkm_name, b.umkm_name) || byText(a.title, b.title));
  const windows = await db
    .selectFrom('cycle_points')
    .select(['service_point_id', 'pickup_date', 'pickup_from', 'pickup_to'])
    .where('cycle_id', '=', id)
    .execute();
  const names = await pointNames(
    db,
    windows.map((w) => w.service_point_id),
  );
  const points = windows
    .filter((w) => names.has(w.service_point_id))
    .map((w) => ({ ...w, point_name: names.get(w.service_point_id)! }))
    .sort((a, b) => byText(a.point_name, b.point_name));
  return { cycle, organisation: org?.name ?? '', products, points };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const pointNames = async (db: Tx, ids: string[]) =>
  new Map((await servicePointPlaces(db, ids)).map((p) => [p.id, p.name]));

/** The cycle pickup (point and window) of each given order, for the buyer's pages. */
export async function cyclePickups(db: Tx, orderIds: string[]) {
  if (!orderIds.length) return [];
  const rows = await db
    .selectFrom('cycle_orders as co')
    .innerJoin('cycles as c', 'c.id', 'co.cycle_id')
    .innerJoin('cycle_points as cp', (j) =>
      j
        .onRef('cp.cycle_id', '=', 'co.cycle_id')
        .onRef('cp.service_point_id', '=', 'co.service_point_id'),
    )
    .select([
      'co.order_id',
      'co.service_point_id',
      'c.name as cycle_name',
      'cp.pickup_date',
      'cp.pickup_from',
      'cp.pickup_to',
    ])
    .where('co.order_id', 'in', orderIds)
    .execute();
  const names = await pointNames(
    db,
    rows.map((r) => r.service_point_id),
  );
  return rows
    .filter((r) => names.has(r.service_point_id))
    .map(({ service_point_id, ...r }) => ({ ...r, point_name: names.get(service_point_id)! }));
}
