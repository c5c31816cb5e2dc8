// The parcels an agent's offline device keeps for its point (issue 18): coming in from the hub,
// waiting for their buyers (with the pickup code, which the caller must never send to the
// device in clear), and dropped off here but not yet received. Only this point's parcels.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import type { ParcelStatus } from './logistics.tables.js';

export interface DeviceParcel {
  tracking: string;
  status: ParcelStatus;
  /** incoming: scan in (ready_for_pickup); waiting: hand over with code (delivered); created: drop-off (received_at_point). */
  stage: 'incoming' | 'waiting' | 'created';
  /** The buyer's one-time code (waiting parcels only); server side only. */
  pickupCode: string | null;
  weightGrams: number;
  updatedAt: string;
}

/** Open parcels of one service point, at most 300 per stage. */
export async function deviceParcels(db: Tx, pointId: string): Promise<DeviceParcel[]> {
  const cols = [
    'p.tracking_number',
    'p.status',
    'p.pickup_code',
    'p.weight_grams',
    'p.updated_at',
  ] as const;
  const incoming = await db
    .selectFrom('parcels as p')
    .innerJoin('parcel_nodes as n', (j) =>
      j.onRef('n.parcel_id', '=', 'p.id').on('n.idx', '=', sql<number>`p.node_index + 1`),
    )
    .select(cols)
    .where('p.status', '=', 'out_for_delivery')
    .where('p.returning', '=', 0)
    .where('n.ref_id', '=', pointId)
    .orderBy('p.tracking_number')
    .limit(300)
    .execute();
  const mine = (status: ParcelStatus, col: 'destination_point_id' | 'origin_point_id') =>
    db
      .selectFrom('parcels as p')
      .select(cols)
      .where('p.status', '=', status)
      .where(`p.${col}`, '=', pointId)
      .where('p.returning', '=', 0)
      .orderBy('p.tracking_number')
      .limit(300)
      .execute();
  const waiting = await mine('ready_for_pickup', 'destination_point_id');
  const created = await mine('created', 'origin_point_id');
  const as = (stage: DeviceParcel['stage'], rows: typeof incoming): DeviceParcel[] =>
    rows.map((r) => ({
      tracking: r.tracking_number,
      status: r.status,
      stage,
      pickupCode: stage === 'waiting' ? r.pickup_code : null,
      weightGrams: r.weight_grams,
      updatedAt: r.updated_at,
    }));
  return [...as('incoming', incoming), ...as('waiting', waiting), ...as('created', created)];
}
