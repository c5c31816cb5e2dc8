// At close, a cycle's parcels leave as one consolidated run per pickup point: one row per point
// with its orders, items and weight, which the run sheet (print) and the hub read. Orders
// cancelled before the close are not on it.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';

export async function makeRuns(tx: Tx, cycleId: string, at: string) {
  const rows = await tx
    .selectFrom('cycle_orders as co')
    .innerJoin('orders as o', 'o.id', 'co.order_id')
    .innerJoin('order_lines as l', 'l.order_id', 'o.id')
    .select([
      'co.service_point_id',
      sql<number>`count(distinct o.id)`.as('orders'),
      sql<number>`sum(l.qty)`.as('items'),
      sql<number>`sum(l.qty * l.weight_grams)`.as('weight_grams'),
    ])
    .where('co.cycle_id', '=', cycleId)
    .where('o.status', '!=', 'cancelled')
    .groupBy('co.service_point_id')
    .orderBy('co.service_point_id')
    .execute();
  const runs = rows.map((r) => ({
    id: newId('crn'),
    cycle_id: cycleId,
    service_point_id: r.service_point_id,
    orders: Number(r.orders),
    items: Number(r.items),
    weight_grams: Number(r.weight_grams),
    created_at: at,
  }));
  if (runs.length) await tx.insertInto('cycle_runs').values(runs).execute();
  return runs;
}
