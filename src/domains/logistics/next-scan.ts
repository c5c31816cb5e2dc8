// The next forward scan a parcel waits for on its way to the buyer (kind and place), read from
// the same state machine the scan service enforces. The demo seed walks handed-over orders to
// the pickup counter with it, so seeded parcels take every real scan, the buyer's code last.
import type { Tx } from '../../kernel/db/index.js';
import { nodesOf } from './parcels.service.js';
import { nextMove } from './scan-moves.js';
import type { ScanKind } from './logistics.tables.js';
import './logistics.tables.js';

/** The order of a delivery's scans; a step that does not apply to a path is skipped. */
const FORWARD: ScanKind[] = [
  'received_at_point',
  'arrived_hub',
  'left_hub',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
];

/** The scan that moves the parcel one step towards the buyer, or null when there is none. */
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
