// The buyer's parcels, through a seam: logistics owns parcels and imports orders, so orders
// cannot import logistics; logistics registers its lookup here instead. The pickup code is
// the buyer's proof of collection (the point asks for it before handing over), so it is
// shown only on the buyer's own pages: tracking by number + phone and "my orders".
import type { Tx } from '../../kernel/db/index.js';

export interface BuyerParcel {
  trackingNumber: string;
  status: string;
  /** Six digits while the parcel waits for pickup at a service point; null otherwise. */
  pickupCode: string | null;
}
export type ParcelLookup = (db: Tx, orderId: string) => Promise<BuyerParcel[]>;

let lookup: ParcelLookup | null = null;

/** Lets logistics tell orders the parcels (tracking number, pickup code) of an order. */
export function registerParcelLookup(fn: ParcelLookup | null): void {
  lookup = fn;
}

/** Parcels of each order, for the buyer's pages only; none without logistics. */
export async function buyerParcels(db: Tx, orderIds: string[]): Promise<Map<string, BuyerParcel[]>> {
  const out = new Map<string, BuyerParcel[]>();
  if (!lookup) return out;
  for (const id of orderIds) out.set(id, await lookup(db, id));
  return out;
}
