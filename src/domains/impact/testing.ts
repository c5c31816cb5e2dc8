// Test fixtures of the impact domain. The rollout registry belongs to regions; tests write it
// directly here only to build fixture worlds (the regions domain is the writer in the app).
import type { Db } from '../../kernel/db/index.js';
import { nowIso } from '../../kernel/db/index.js';

/** Staggered rollout for the demo regencies: some districts 2021/2022/2023, a few villages 2024, the rest never. */
export async function addRollouts(db: Db): Promise<void> {
  const districts = await db.selectFrom('regions').select('code').where('level', '=', 3)
    .where((eb) => eb.or([eb('code', 'like', '53.09.%'), eb('code', 'like', '35.10.%')])).orderBy('code').execute();
  const dates = ['2021-01-15', '2022-02-01', '2023-01-10', null, null];
  const rows = districts.map((d, i) => ({ code: d.code, date: dates[i % dates.length] })).filter((r) => r.date)
    .map((r) => ({ region_code: r.code, joined_on: r.date!, created_at: nowIso(), created_by: null, is_demo: 0 }));
  if (rows.length) await db.insertInto('rollouts').values(rows).execute();
}
