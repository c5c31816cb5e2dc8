// Bulk writes of the synthetic national world (`lumbung demo national`, issue 19): one
// delivered parcel per generated order with the scans of its trip, so the parcel figures (the
// KPI page's parcel block, impact's summary of it) and the logistics KPIs' stages are measured
// at national size too. Only the generator calls this; every row is demo data.
import type { Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { ScanKind } from './logistics.tables.js';

export interface SyntheticParcel {
  orderId: string;
  originVillageCode: string;
  destinationVillageCode: string;
  weightGrams: number;
  createdAt: Date;
  deliveredAt: Date;
}

/** Rows per INSERT: well under SQLite's 32,766 bound parameters for 20 columns. */
const CHUNK = 500;

/** Rows per INSERT of scans (9 columns). */
const SCAN_CHUNK = 2000;

/**
 * The scans of a delivered trip, as the network records one: received at the seller's point,
 * in and out of each hub (one within a regency; the regency hubs of both ends as well when
 * leaving it), out for delivery, one time in 25 a failed attempt and a second round, six times
 * in ten waiting at the buyer's point, then delivered. The last scan is the parcel's delivery
 * time; the others fall at random between its creation and its delivery, in order.
 */
export function syntheticTrip(local: boolean, rnd: () => number): ScanKind[] {
  const kinds: ScanKind[] = ['received_at_point', 'arrived_hub'];
  for (let hop = 0; hop < (local ? 0 : 2); hop++) kinds.push('left_hub', 'arrived_hub');
  kinds.push('left_hub', 'out_for_delivery');
  if (rnd() < 0.04) kinds.push('failed_delivery', 'out_for_delivery');
  if (rnd() < 0.6) kinds.push('ready_for_pickup');
  kinds.push('delivered');
  return kinds;
}

/** Inserts synthetic delivered parcels and their trips' scans (no hubs or points: the world has none). */
export async function insertSyntheticParcels(
  db: Db,
  rows: readonly SyntheticParcel[],
  rnd: () => number,
): Promise<void> {
  const scans: ParcelScanRow[] = [];
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('parcels')
      .values(
        rows.slice(i, i + CHUNK).map((p) => {
          const id = newId('pcl', p.createdAt.getTime());
          const local = p.originVillageCode.slice(0, 5) === p.destinationVillageCode.slice(0, 5);
          const trip = syntheticTrip(local, rnd);
          const start = p.createdAt.getTime();
          const span = p.deliveredAt.getTime() - start;
          const times = trip
            .map((_, k) => (k === trip.length - 1 ? 1 : rnd()))
            .sort((a, b) => a - b);
          let node = 0;
          let attempts = 0;
          trip.forEach((kind, k) => {
            if (kind === 'arrived_hub' || kind === 'ready_for_pickup') node++;
            if (kind === 'failed_delivery') attempts++;
            const at = new Date(start + Math.round(span * times[k]));
            const scanId = newId('scn', at.getTime());
            scans.push({
              id: scanId,
              parcel_id: id,
              client_scan_id: `national-${scanId}`,
              kind,
              node_index: node,
              location_id: null,
              actor_id: null,
              note: null,
              at: at.toISOString(),
            });
          });
          return {
            id,
            // Unique like the id it is made of; 'LN' never starts a real one ('LP…', parcels.service).
            tracking_number: `LN${id.slice(4)}`,
            order_id: p.orderId,
            // As parcels.service names it: within one regency, or out of it.
            direction: local ? ('local' as const) : ('outbound' as const),
            origin_village_code: p.originVillageCode,
            destination_village_code: p.destinationVillageCode,
            origin_point_id: null,
            destination_point_id: null,
            weight_grams: p.weightGrams,
            status: 'delivered' as const,
            node_index: node,
            attempts,
            pickup_code: null,
            proof_kind: 'code' as const,
            proof_photo: null,
            returning: 0,
            created_at: p.createdAt.toISOString(),
            updated_at: p.deliveredAt.toISOString(),
            delivered_at: p.deliveredAt.toISOString(),
            is_demo: 1,
          };
        }),
      )
      .execute();
  for (let i = 0; i < scans.length; i += SCAN_CHUNK)
    await db
      .insertInto('parcel_scans')
      .values(scans.slice(i, i + SCAN_CHUNK))
      .execute();
}

type ParcelScanRow = {
  id: string;
  parcel_id: string;
  client_scan_id: string;
  kind: ScanKind;
  node_index: number;
  location_id: null;
  actor_id: null;
  note: null;
  at: string;
};
