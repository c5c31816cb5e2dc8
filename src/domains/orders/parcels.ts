// The buyer's parcels, through a seam: logistics owns parcels and imports orders, so orders
// cannot import logistics; logistics provides this port in its manifest instead. The pickup code is
// the buyer's proof of collection (the point asks for it before handing over), so it is
// shown only on the buyer's own pages: tracking by number + phone and "my orders".
import type { Tx } from '../../kernel/db/index.js';
import { Port } from '../../kernel/domain/index.js';

export interface BuyerParcel {
  trackingNumber: string;
  status: string;
  /** Six digits while the parcel waits for pickup at a service point; null otherwise. */
  pickupCode: string | null;
  /**
   * The order travels in a market-day run's parcel with other buyers' orders: it is handed over
   * from the packing list once the run is at the point, not with this parcel's code.
   */
  consolidated?: true;
}
/** Parcels of each of the given orders, in one read. */
export type ParcelLookup = (db: Tx, orderIds: string[]) => Promise<Map<string, BuyerParcel[]>>;

/** Logistics tells orders the parcels (tracking number, pickup code) of orders; none without it. */
export const parcelLookup = new Port<ParcelLookup>('orders.parcel_lookup', async () => new Map());

/** Parcels of each order, for the buyer's pages only; none without logistics. */
export async function buyerParcels(
  db: Tx,
  orderIds: string[],
): Promise<Map<string, BuyerParcel[]>> {
  return parcelLookup.get()(db, orderIds);
}
