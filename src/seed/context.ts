// What every domain's seed step receives (seed/index.ts runs them in order): the database,
// the progress bar, and the ids the steps share.
import type { DbHandle } from '../kernel/db/index.js';
import type { Progress } from '../kernel/cli/index.js';

export interface SeedContext {
  h: DbHandle;
  progress?: Progress;
  /** Ids of the demo world's main records, shared between domain seeds (e.g. `umkm:sari`). */
  refs: Record<string, string>;
}
