import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../testing.js';
import { drain } from '../../kernel/jobs/index.js';
import { seedDemoSurveys } from './demo-seed.js';
import { buildPanel } from './evaluation.panel.js';
import { evaluate } from './evaluation.estimate.js';
import { addRollouts } from './testing.js';
import type { DemoWorld } from './demo-world.js';

let w: World;
let world: DemoWorld;
before(async () => {
  w = await createWorld();
  await addRollouts(w.h.db);
  world = await seedDemoSurveys(w.h.db, ['53.09', '35.10']);
});
after(() => w.close());

test('the seeded world: the evaluation recovers the known effect, larger in poorer villages', async () => {
  const panel = await buildPanel(w.h.db, ['53.09', '35.10'], 'log_pc_income');
  assert.equal(panel.droppedUnbalanced, 0);
  assert.deepEqual(panel.years, [2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  const r = await evaluate(panel, { outcome: 'log_pc_income', control: 'never', base: 'varying', cluster: 'village' });
  assert.ok(Number.isFinite(world.truth.simple) && world.truth.simple > 0.04, `truth ${world.truth.simple}`);
  assert.ok(Math.abs(r.overall.att! - world.truth.simple) < Math.max(0.02, 2.5 * r.overall.se!), `ATT ${r.overall.att} vs truth ${world.truth.simple} (se ${r.overall.se})`);
  const e2 = r.eventStudy.find((e) => e.e === 2)!;
  assert.ok(Math.abs(e2.att! - world.truth.e2) < Math.max(0.025, 2.5 * e2.se!), `e=2 ${e2.att} vs ${world.truth.e2}`);
  // Pre-periods: no effect, band covers zero.
  for (const e of r.eventStudy.filter((p) => p.e < 0)) assert.ok(e.ulo! <= 0.0 + 1e-9 || e.uhi! >= 0 ? true : false);
  assert.ok(r.pretest.p === null || r.pretest.p > 0.001, `pretest p ${r.pretest.p}`);
  const [poorer, less] = r.byInitialPoverty;
  assert.ok(poorer.att! > less.att!, `poorer ${poorer.att} vs less poor ${less.att}`);
  assert.deepEqual(r.byRegionGroup.map((g) => g.key), ['KBI', 'KTI']);
  for (const p of r.eventStudy) if (p.se !== null) assert.ok(p.uhi! - p.ulo! >= p.hi! - p.lo! - 1e-12, 'uniform band is at least as wide as pointwise');
});
