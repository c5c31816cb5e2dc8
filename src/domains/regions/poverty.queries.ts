// Household-weighted poverty rates of regencies, from the stored village profiles: the line a
// village's own poverty share is compared with (partners' incentive multiplier and ranking).
import { sql } from 'kysely';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import './regions.tables.js';

/**
 * Poverty share per regency code (`pp.rr`) over its profiled villages inside `scope` (region
 * prefixes, 'all' = the country), each village weighted by its households (1 when unknown).
 * Regencies without a profiled village are absent. One grouped statement.
 */
export async function regencyPovertyRates(
  db: Tx,
  scope: 'all' | string[],
): Promise<Map<string, number>> {
  // A village code is `pp.rr.dd.vvvv`: its first five characters are its regency.
  const regency = sql<string>`substr(village_code, 1, 5)`;
  const rows = await db
    .selectFrom('village_profiles')
    .select([
      regency.as('regency'),
      sql<number>`sum(poverty_share * coalesce(households, 1))`.as('poor'),
      sql<number>`sum(coalesce(households, 1))`.as('all'),
    ])
    .where('poverty_share', 'is not', null)
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .groupBy(regency)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) if (Number(r.all) > 0) out.set(r.regency, Number(r.poor) / Number(r.all));
  return out;
}
