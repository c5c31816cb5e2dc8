// Bulk writes of the synthetic national world (`lumbung demo national`, issue 19): one
// delivered parcel per generated order, so the parcel figures (the KPI page's parcel block and
// impact's summary of it) are measured at national size too. Only the generator calls this;
// every row is demo data.
import type { Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';

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

/** Inserts synthetic delivered parcels (no service points: the world has none). */
export async function insertSyntheticParcels(
  db: Db,
  rows: readonly SyntheticParcel[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('parcels')
      .values(
        rows.slice(i, i + CHUNK).map((p) => {
          const id = newId('pcl', p.createdAt.getTime());
          return {
            id,
            // Unique like the id it is made of; 'LN' never starts a real one ('LP…', parcels.service).
            tracking_number: `LN${id.slice(4)}`,
            order_id: p.orderId,
            // As parcels.service names it: within one regency, or out of it.
            direction:
              p.originVillageCode.slice(0, 5) === p.destinationVillageCode.slice(0, 5)
                ? ('local' as const)
                : ('outbound' as const),
            origin_village_code: p.originVillageCode,
            destination_village_code: p.destinationVillageCode,
            origin_point_id: null,
            destination_point_id: null,
            weight_grams: p.weightGrams,
            status: 'delivered' as const,
            node_index: 0,
            attempts: 0,
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
}
