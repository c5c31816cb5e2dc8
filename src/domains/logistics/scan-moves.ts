// The parcel's state machine, declared as one function: which scan kinds are legal from
// which state, where the scanner must stand, and what the parcel becomes. Anything else is
// out of order ("delivered before received", "returned before it was sent back").
//
// Returns: `return_started` rewrites the path after the current node into the way back
// (returns.ts), so the trip home uses the ordinary legs — manifests, runs, hub scans — and
// ends with `returned` where a delivery would end with `ready_for_pickup`/`delivered`.
import type { NodeKind, ParcelStatus, ParcelsTable, ScanKind } from './logistics.tables.js';

export interface PathNode {
  kind: NodeKind;
  ref: string | null;
}

export const SCAN_KINDS: ScanKind[] = [
  'received_at_point',
  'left_hub',
  'arrived_hub',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
  'failed_delivery',
  'return_started',
  'returned',
];

export interface Move {
  status: ParcelStatus;
  nodeIndex: number;
  /** The hub or point where the scan must happen. */
  expectedAt: string | null;
  /** Whether that place is a service point (scanned by its agent) rather than a hub. */
  atPoint: boolean;
}

type Parcel = Pick<ParcelsTable, 'status' | 'node_index' | 'returning'>;

/** Where a scan of `kind` may happen for a parcel in this state, and what it becomes; null = out of order. */
export function nextMove(p: Parcel, nodes: PathNode[], kind: ScanKind): Move | null {
  const here = nodes[p.node_index];
  const next = nodes[p.node_index + 1];
  const back = p.returning === 1;
  const atHere = (status: ParcelStatus, nodeIndex = p.node_index): Move => ({
    status,
    nodeIndex,
    expectedAt: here.ref,
    atPoint: here.kind === 'point',
  });
  const atNext = (status: ParcelStatus): Move => ({
    status,
    nodeIndex: p.node_index + 1,
    expectedAt: next.ref,
    atPoint: next.kind === 'point',
  });
  switch (kind) {
    case 'received_at_point':
      return p.status === 'created' && here.kind === 'point' ? atHere('at_point', 0) : null;
    case 'arrived_hub': {
      const from =
        p.status === 'at_point' ||
        p.status === 'in_transit' ||
        (p.status === 'created' && here.kind === 'entry');
      return from && next?.kind === 'hub' ? atNext('at_hub') : null;
    }
    case 'left_hub':
      return p.status === 'at_hub' && next?.kind === 'hub' ? atHere('in_transit') : null;
    case 'out_for_delivery':
      return (p.status === 'at_hub' || p.status === 'failed_delivery') &&
        (next?.kind === 'point' || next?.kind === 'exit')
        ? atHere('out_for_delivery')
        : null;
    case 'ready_for_pickup':
      return !back && p.status === 'out_for_delivery' && next?.kind === 'point'
        ? atNext('ready_for_pickup')
        : null;
    case 'delivered':
      if (back) return null;
      if (p.status === 'ready_for_pickup') return atHere('delivered');
      // Handed over at an address outside the network: the courier of this hub confirms it.
      if (p.status === 'out_for_delivery' && next?.kind === 'exit')
        return { ...atHere('delivered'), nodeIndex: p.node_index + 1 };
      return null;
    case 'failed_delivery':
      return p.status === 'out_for_delivery' ? atHere('failed_delivery') : null;
    case 'return_started':
      if (back) return null;
      // Back at the hub after a failed attempt, or waiting at the buyer's point and never collected.
      if (p.status === 'failed_delivery' && here.kind === 'hub') return atHere('at_hub');
      if (p.status === 'ready_for_pickup' && here.kind === 'point') return atHere('at_point');
      return null;
    case 'returned':
      if (!back || p.status !== 'out_for_delivery') return null;
      if (next?.kind === 'point') return atNext('returned');
      // A parcel that entered from outside goes back to the carrier it came from, at this hub.
      if (next?.kind === 'exit') return { ...atHere('returned'), nodeIndex: p.node_index + 1 };
      return null;
  }
}

/** The way back from node `at`: the nodes before it in reverse, the network's entry becoming its exit. */
export function returnLegs(nodes: PathNode[], at: number): PathNode[] {
  return nodes
    .slice(0, at)
    .reverse()
    .map((n) => (n.kind === 'entry' ? { kind: 'exit', ref: null } : n));
}
