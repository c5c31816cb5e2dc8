// The demo seed's parcels travel as real ones do: every scan of the network in order (seller's
// point, hubs, out for delivery, ready at the buyer's point), then the buyer collects with the
// code, scanned by the agent of that point, so a COD buyer's cash is recorded by that scan,
// the order turns paid and delivered, and the cash shows in the agent's closing. Nothing is
// marked paid or delivered by hand. A parcel the buyer never collects can be sent home.
import type { Actor } from '../kernel/auth/index.js';
import type { Db } from '../kernel/db/index.js';
import { nextForwardScan, parcelsForOrder, recordScan } from '../domains/logistics/index.js';

/** How far an order's parcels go: waiting at the counter, collected, or back with the seller. */
export type WalkTo = 'ready' | 'collected' | 'returned';

let seq = 0;

/** The demo agent of a point (`agent:<point>` in the seed's refs), or null (a system scan). */
function agentAt(refs: Record<string, string>, pointId: string): Actor | null {
  const userId = refs[`agent:${pointId}`];
  if (!userId) return null;
  return {
    userId,
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [
      { role: 'village_agent', scopeType: 'service_point', scopeId: pointId, regionCode: null },
    ],
  };
}

/** Scans each parcel of the order forward until `to` is reached; false when a scan was refused. */
export async function walkOrderParcels(
  db: Db,
  refs: Record<string, string>,
  orderId: string,
  to: WalkTo,
): Promise<boolean> {
  let done = true;
  for (const parcel of await parcelsForOrder(db, orderId)) {
    let returning = false;
    for (let step = 0; step < 40; step++) {
      let next = await nextForwardScan(db, parcel.trackingNumber);
      if (!next) break;
      if (next.kind === 'delivered' && to !== 'collected') {
        if (to === 'ready' || returning) break;
        // Never collected: the agent sends it home from the counter.
        next = { kind: 'return_started', locationId: next.locationId };
        returning = true;
      }
      const atPoint = next.kind === 'delivered' || next.kind === 'return_started';
      const r = await recordScan(db, atPoint ? agentAt(refs, next.locationId) : null, {
        tracking: parcel.trackingNumber,
        kind: next.kind,
        locationId: next.locationId,
        clientScanId: `seed-walk-${process.pid}-${++seq}`,
        pickupCode: next.kind === 'delivered' ? (parcel.pickupCode ?? undefined) : undefined,
      });
      if (!r.ok) {
        done = false;
        break;
      }
    }
  }
  return done;
}
