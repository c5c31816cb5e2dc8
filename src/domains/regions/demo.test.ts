// The demo seed of regions: every village of Ngada and Banyuwangi gets a plausible demo
// profile (the east poorer, with weaker signal and roads), and a deterministic, staggered
// rollout 2021–2025 that leaves a not-yet-enrolled comparison group.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { seedRegions } from '../../seed/regions.seed.js';
import type { Db } from '../../kernel/db/index.js';
import { demoProfile, demoRolloutPlan, villageCodesIn, villageCohorts } from './index.js';

/** Mean poverty share and shares of 4G and all-season roads over a regency's profiles. */
async function readinessOf(
  db: Db,
  regency: string,
): Promise<{ poverty: number; signal4g: number; allSeason: number }> {
  const rows = await db
    .selectFrom('village_profiles')
    .select(['poverty_share', 'signal', 'road_access'])
    .where('village_code', 'like', `${regency}.%`)
    .execute();
  const n = rows.length;
  return {
    poverty: rows.reduce((s, r) => s + (r.poverty_share ?? 0), 0) / n,
    signal4g: rows.filter((r) => r.signal === '4g').length / n,
    allSeason: rows.filter((r) => r.road_access === 'all_season').length / n,
  };
}

let w: World;
const refs: Record<string, string> = {};
before(async () => {
  w = await createWorld();
  await seedRegions({ h: w.h, refs });
});
after(() => w.close());

test('every demo village has a demo profile; the east is poorer with weaker signal and roads', async () => {
  for (const [regency, n] of [
    ['53.09', 206],
    ['35.10', 217],
  ] as const) {
    const rows = await w.h.db
      .selectFrom('village_profiles')
      .select(['village_code', 'is_demo'])
      .where('village_code', 'like', `${regency}.%`)
      .execute();
    assert.equal(rows.length, n);
    assert.ok(rows.every((r) => Number(r.is_demo) === 1));
  }
  const east = await readinessOf(w.h.db, '53.09');
  const west = await readinessOf(w.h.db, '35.10');
  assert.ok(east.poverty > west.poverty + 0.1, JSON.stringify({ east, west }));
  assert.ok(east.signal4g < west.signal4g - 0.2);
  assert.ok(east.allSeason < west.allSeason - 0.2);
  assert.deepEqual(demoProfile('53.09.06.2001'), demoProfile('53.09.06.2001'), 'deterministic');
});

test('the demo rollout is deterministic, staggered 2021–2025, with a comparison group; refs for other seeds', async () => {
  const ngada = await villageCodesIn(w.h.db, '53.09');
  const plan = demoRolloutPlan(ngada);
  assert.deepEqual(demoRolloutPlan([...ngada].reverse()), plan, 'order of input does not matter');
  assert.deepEqual(plan.slice(0, 2), [
    { code: '53.09.01', joinedOn: '2021-07-01' },
    { code: '53.09.02', joinedOn: '2022-07-01' },
  ]);
  const stored = await w.h.db
    .selectFrom('rollouts')
    .select(['region_code', 'joined_on'])
    .where('region_code', 'like', '53.09.%')
    .orderBy('region_code')
    .execute();
  assert.deepEqual(
    stored.map((r) => ({ code: r.region_code, joinedOn: r.joined_on })),
    [...plan].sort((a, b) => (a.code < b.code ? -1 : 1)),
  );
  const cohorts = await villageCohorts(w.h.db, '53.09');
  const years = new Set([...cohorts.values()].map((d) => d.slice(0, 4)));
  assert.deepEqual([...years].sort(), ['2021', '2022', '2023', '2024', '2025']);
  assert.ok(
    cohorts.size > 60 && cohorts.size < ngada.length - 60,
    `${cohorts.size} of ${ngada.length} enrolled`,
  );
  assert.equal(refs['regency:ngada'], '53.09');
  assert.equal(refs['district:ngada:2021'], '53.09.01');
  assert.equal(cohorts.get(refs['village:ngada:enrolled']), '2021-07-01');
  assert.equal(cohorts.has(refs['village:banyuwangi:open']), false);
  assert.ok(refs['village:banyuwangi:open'].startsWith('35.10.'));
  assert.ok(refs[`user:+6281100000003`]);
});
