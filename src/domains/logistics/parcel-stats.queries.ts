// Parcel facts impact's KPIs read: only logistics names its tables; exported from index.ts.
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import './logistics.tables.js';

/** Status and times of every parcel leaving or reaching region prefixes ('all' = the country). */
export async function parcelsTouching(
  db: Tx,
  scope: 'all' | string[],
): Promise<{ status: string; created_at: string; delivered_at: string | null }[]> {
  return db
    .selectFrom('parcels')
    .select(['status', 'created_at', 'delivered_at'])
    .where((eb) =>
      eb.or([
        regionWhere(eb, 'origin_village_code', scope),
        regionWhere(eb, 'destination_village_code', scope),
      ]),
    )
    .execute();
}
