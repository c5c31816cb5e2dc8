// At close, a cycle's parcels leave as one consolidated run per pickup point: one row per point
// with its orders, items and weight, which the run sheet (print) and the hub read, and one
// logistics parcel per run from the cycle's collection point to the pickup point (a manifest
// line, not one parcel per order: logistics asks `runParcelsOfOrders` and makes none for the
// orders). Orders cancelled before the close are not on it.
import type { Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { orderContents } from '../orders/index.js';
import { createParcel } from '../logistics/index.js';
import { servicePointPlaces } from '../community/index.js';

/** Logistics' heaviest parcel; a heavier run's parcel says so (the run row keeps the true weight). */
const MAX_PARCEL_GRAMS = 1_000_000;

interface RunCycle {
  id: string;
  collection_point_id: string | null;
  is_demo: number;
}

/** Orders of a cycle by pickup point (cancelled ones included; callers filter by status). */
export async function cycleOrdersByPoint(db: Tx, cycleId: string) {
  const rows = await db
    .selectFrom('cycle_orders')
    .select(['order_id', 'service_point_id'])
    .where('cycle_id', '=', cycleId)
    .orderBy('service_point_id')
    .orderBy('order_id')
    .execute();
  const byPoint = new Map<string, string[]>();
  for (const r of rows) {
    const ids = byPoint.get(r.service_point_id);
    if (ids) ids.push(r.order_id);
    else byPoint.set(r.service_point_id, [r.order_id]);
  }
  return byPoint;
}

export async function makeRuns(tx: Tx, cycle: RunCycle, at: string) {
  const byPoint = await cycleOrdersByPoint(tx, cycle.id);
  const contents = new Map(
    (await orderContents(tx, [...byPoint.values()].flat())).map((o) => [o.id, o]),
  );
  const runs = [];
  for (const [pointId, orderIds] of byPoint) {
    const live = orderIds
      .map((id) => contents.get(id))
      .filter((o) => o && o.status !== 'cancelled');
    if (!live.length) continue;
    const lines = live.flatMap((o) => o!.lines);
    const weight = lines.reduce((s, l) => s + l.qty * l.weightGrams, 0);
    const parcel = await createParcel(tx, null, {
      originPointId: cycle.collection_point_id ?? pointId,
      destinationPointId: pointId,
      weightGrams: Math.min(MAX_PARCEL_GRAMS, Math.max(1, weight)),
      at,
      isDemo: cycle.is_demo === 1,
    });
    runs.push({
      id: newId('crn'),
      cycle_id: cycle.id,
      service_point_id: pointId,
      orders: live.length,
      items: lines.reduce((s, l) => s + l.qty, 0),
      weight_grams: weight,
      // A point not yet on the network leaves the run without a parcel; the run sheet still prints.
      parcel_id: parcel.ok ? parcel.value.id : null,
      tracking_number: parcel.ok ? parcel.value.trackingNumber : null,
      created_at: at,
    });
  }
  if (runs.length) await tx.insertInto('cycle_runs').values(runs).execute();
  return runs;
}

/**
 * Logistics' consolidated-runs port: for each given order placed in a cycle, its run's parcel
 * (null until the cycle closed and the run got one).
 */
export async function runParcelsOfOrders(
  db: Tx,
  orderIds: string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  if (!orderIds.length) return out;
  const rows = await db
    .selectFrom('cycle_orders as co')
    .leftJoin('cycle_runs as r', (j) =>
      j
        .onRef('r.cycle_id', '=', 'co.cycle_id')
        .onRef('r.service_point_id', '=', 'co.service_point_id'),
    )
    .select(['co.order_id', 'r.parcel_id'])
    .where('co.order_id', 'in', orderIds)
    .execute();
  for (const r of rows) out.set(r.order_id, r.parcel_id ?? null);
  return out;
}

/** A cycle's runs with their point's name and parcel tracking, for the coordinator's page. */
export async function runsOfCycle(db: Tx, cycleId: string) {
  const rows = await db
    .selectFrom('cycle_runs')
    .select(['service_point_id', 'orders', 'items', 'weight_grams', 'tracking_number'])
    .where('cycle_id', '=', cycleId)
    .execute();
  const names = new Map(
    (
      await servicePointPlaces(
        db,
        rows.map((r) => r.service_point_id),
      )
    ).map((p) => [p.id, p.name]),
  );
  return rows
    .map((r) => ({
      point: names.get(r.service_point_id) ?? '',
      orders: r.orders,
      items: r.items,
      weight_grams: r.weight_grams,
      tracking: r.tracking_number,
    }))
    .sort((a, b) => a.point.localeCompare(b.point));
}
