// Pickups of market-day cycle orders by day, for reminders the day before (notifications reads
// this through the domain's index; the order's buyer comes from orders).
import type { Tx } from '../../kernel/db/index.js';
import './collective.tables.js';

export interface CyclePickup {
  orderId: string;
  cycleId: string;
  servicePointId: string;
  /** YYYY-MM-DD in the point's zone, and the window (HH:MM). */
  pickupDate: string;
  pickupFrom: string;
  pickupTo: string;
  villageCode: string;
}

/** Every cycle order whose pickup day falls between `from` and `to` (inclusive). */
export async function cyclePickupsBetween(
  db: Tx,
  from: string,
  to: string,
): Promise<CyclePickup[]> {
  const rows = await db
    .selectFrom('cycle_orders as o')
    .innerJoin('cycle_points as p', (j) =>
      j
        .onRef('p.cycle_id', '=', 'o.cycle_id')
        .onRef('p.service_point_id', '=', 'o.service_point_id'),
    )
    .innerJoin('cycles as c', 'c.id', 'o.cycle_id')
    .select([
      'o.order_id',
      'o.cycle_id',
      'o.service_point_id',
      'p.pickup_date',
      'p.pickup_from',
      'p.pickup_to',
      'c.village_code',
    ])
    .where('p.pickup_date', '>=', from)
    .where('p.pickup_date', '<=', to)
    .orderBy('o.order_id')
    .execute();
  return rows.map((r) => ({
    orderId: r.order_id,
    cycleId: r.cycle_id,
    servicePointId: r.service_point_id,
    pickupDate: r.pickup_date,
    pickupFrom: r.pickup_from,
    pickupTo: r.pickup_to,
    villageCode: r.village_code,
  }));
}
