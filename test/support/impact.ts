// Test fixtures of the impact domain: the demo rollout registry, recorded through the regions
// domain's service exactly as the demo seed does.
import type { Db } from '../../src/kernel/db/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { demoRolloutPlan, recordRollout, villageCodesIn } from '../../src/domains/regions/index.js';

/** Records the deterministic demo rollout (2021–2025) for the given regencies. */
export async function addRollouts(db: Db, regencies = ['53.09', '35.10']): Promise<void> {
  for (const regency of regencies) {
    for (const e of demoRolloutPlan(await villageCodesIn(db, regency)))
      unwrap(await recordRollout(db, 'system', e.code, e.joinedOn));
  }
}
