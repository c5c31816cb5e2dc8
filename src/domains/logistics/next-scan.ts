// The next scan a parcel waits for on its way (kind and place), read from the same state
// machine the scan service enforces: towards the buyer, or home to the seller once a return
// started. The demo seed walks handed-over orders with it, so seeded parcels take every real
// scan, the buyer's code last (a COD buyer's cash is taken by that scan).
import type { Tx } from '../../kernel/db/index.js';
import { nodesOf } from './parcels.service.js';
import { nextMove } from './scan-moves.js';
import type { ScanKind } from './logistics.tables.js';
import './logistics.tables.js';

/** The order of a trip's scans; a step that does not apply to a path or direction is skipped. */
const FORWARD: ScanKind[] = [
  'received_at_point',
  'arrived_hub',
  'left_hub',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
  'returned',
];

/** The scan that moves the parcel one step on, or null when there is none (trip over). */
export async function nextForwardScan(
  db: Tx,
  tracking: string,
): Promise<{ kind: ScanKind; locationId: string } | null> {
  const p = await db
    .selectFrom('parcels')
    .select(['id', 'status', 'node_index', 'returning'])
    .where('tracking_number', '=', tracking)
    .executeTakeFirst();
  if (!p) return null;
  const nodes = await nodesOf(db, p.id);
  for (const kind of FORWARD) {
    const move = nextMove(p, nodes, kind);
    if (move?.expectedAt) return { kind, locationId: move.expectedAt };
  }
  return null;
}
