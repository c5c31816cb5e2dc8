// The seam to consolidated runs (a market-day cycle's goods leave as one parcel per pickup
// point, made by the collective domain at close): such orders get no parcel of their own at
// hand-over, and the buyer's tracking shows the run's parcel. Collective imports logistics, so
// logistics asks through this port; without it no order is consolidated.
import type { Tx } from '../../kernel/db/index.js';
import { Port } from '../../kernel/domain/index.js';

/**
 * For each of the given orders that travels in a consolidated run: the run's parcel id, or null
 * while the run has no parcel yet (the cycle is still open). Orders not in a run are absent.
 */
export type ConsolidatedRuns = (db: Tx, orderIds: string[]) => Promise<Map<string, string | null>>;

export const consolidatedRuns = new Port<ConsolidatedRuns>(
  'logistics.consolidated_runs',
  async () => new Map(),
);
