import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { drain } from '../../kernel/jobs/index.js';
import { seedDemoSurveys } from './demo-seed.js';
import { buildPanel } from './evaluation.panel.js';
import { evaluate } from './evaluation-estimate.js';
import { addRollouts } from '../../../test/support/impact.js';
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
  const r = await evaluate(panel, {
    outcome: 'log_pc_income',
    control: 'never',
    base: 'varying',
    cluster: 'village',
  });
  assert.ok(
    Number.isFinite(world.truth.simple) && world.truth.simple > 0.04,
    `truth ${world.truth.simple}`,
  );
  assert.ok(
    Math.abs(r.overall.att! - world.truth.simple) < Math.max(0.02, 2.5 * r.overall.se!),
    `ATT ${r.overall.att} vs truth ${world.truth.simple} (se ${r.overall.se})`,
  );
  const e2 = r.eventStudy.find((e) => e.e === 2)!;
  assert.ok(
    Math.abs(e2.att! - world.truth.e2) < Math.max(0.025, 2.5 * e2.se!),
    `e=2 ${e2.att} vs ${world.truth.e2}`,
  );
  // Pre-periods: no effect, band covers zero.
  for (const e of r.eventStudy.filter((p) => p.e < 0))
    assert.ok(e.ulo! <= 0.0 + 1e-9 || e.uhi! >= 0 ? true : false);
  assert.ok(r.pretest.p === null || r.pretest.p > 0.001, `pretest p ${r.pretest.p}`);
  const [poorer, less] = r.byInitialPoverty;
  assert.ok(poorer.att! > less.att!, `poorer ${poorer.att} vs less poor ${less.att}`);
  assert.deepEqual(
    r.byRegionGroup.map((g) => g.key),
    ['KBI', 'KTI'],
  );
  for (const p of r.eventStudy)
    if (p.se !== null)
      assert.ok(
        p.uhi! - p.ulo! >= p.hi! - p.lo! - 1e-12,
        'uniform band is at least as wide as pointwise',
      );
});

test('officer runs the evaluation as a background job: progress page, then chart, tables and Bahasa summary', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const form = await officer.get('/impact/evaluation');
  assert.equal(form.status, 200);
  const res = await officer.form('/impact/evaluation', {
    region: '53.09',
    outcome: 'log_pc_income',
    control: 'never',
    base: 'varying',
    cluster: 'village',
  });
  assert.equal(res.status, 303);
  const href = res.headers.get('location')!;
  assert.match(href, /^\/impact\/evaluation\/runs\/evr_/);
  const waiting = await (await officer.get(href)).text();
  // No automatic refresh (it takes control from screen-reader users): a link reloads the page.
  assert.ok(!waiting.includes('http-equiv="refresh"'));
  assert.match(waiting, new RegExp(`<a href="${href}">`));
  assert.match(waiting, /menunggu giliran/);
  assert.equal(await drain(w.h.db), 1);
  const html = await (await officer.get(href)).text();
  assert.match(html, /Setelah 2 tahun, pendapatan per kapita naik sekitar \d+,\d %/);
  assert.match(html, /selang kepercayaan 95%/);
  assert.match(html, /After 2 years, per-capita income rose by about/);
  assert.match(html, /<svg[^>]*aria-labelledby="es-title es-desc"/);
  assert.match(html, /Uji tren sebelum bergabung/);
  assert.match(html, /Bergabung vs belum pernah/);
  assert.match(html, /data-testid="sub-KTI"/);
  assert.match(html, /data-testid="sub-poorer"/);
  assert.ok(!html.includes('sub-KBI'), 'a Ngada officer sees only Ngada villages (KTI)');
  const run = await w.h.db.selectFrom('evaluation_runs').selectAll().executeTakeFirstOrThrow();
  assert.equal(run.scope_code, '53.09');
  const result = JSON.parse(run.result!);
  assert.ok(result.villages > 150 && result.villages <= 206);
});

test('analyst reruns nationally with not-yet-treated controls and district clustering; API too', async () => {
  const analyst = await w.as('analyst');
  const res = await analyst.json('POST', '/api/v1/impact/evaluations', {
    region: 'all',
    outcome: 'log_pc_income',
    control: 'notyet',
    base: 'universal',
    cluster: 'district',
  });
  assert.equal(res.status, 202);
  const { id, href } = (await res.json()) as any;
  await drain(w.h.db);
  const run = (await (await analyst.get(href)).json()) as any;
  assert.equal(run.status, 'done');
  assert.equal(run.result.settings.control, 'notyet');
  assert.ok(run.result.clusters < run.result.villages, 'clustered by district');
  assert.deepEqual(
    run.result.byRegionGroup.map((g: any) => g.key),
    ['KBI', 'KTI'],
  );
  assert.ok(Math.abs(run.result.overall.att - world.truth.simple) < 0.03);
  const page = await (await analyst.get(`/impact/evaluation/runs/${id}`)).text();
  assert.match(page, /Per kecamatan/);
  assert.match(page, /Desa yang belum bergabung pada tahun itu/);
});

test('unusable settings end the run with a plain reason; bad input is refused with field messages', async () => {
  const admin = await w.as('national_admin');
  const whole = await w.h.db
    .selectFrom('rollouts')
    .select('region_code')
    .where('region_code', 'like', '53.09.__')
    .orderBy('joined_on')
    .executeTakeFirstOrThrow();
  const res = await admin.form('/impact/evaluation', {
    region: whole.region_code,
    outcome: 'log_pc_income',
    control: 'never',
    base: 'varying',
    cluster: 'village',
  });
  assert.equal(res.status, 303);
  await drain(w.h.db);
  const html = await (await admin.get(res.headers.get('location')!)).text();
  assert.match(html, /data-testid="run-failed"/);
  assert.match(html, /tidak ada desa yang belum pernah bergabung/);
  const bad = await admin.form('/impact/evaluation', {
    region: '53.09',
    outcome: 'happiness',
    control: 'never',
    base: 'varying',
    cluster: 'village',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /class="alert"/);
});

test('the summary never calls an effect real when the pre-trend test rejects parallel trends', async () => {
  const { plainSummary } = await import('./evaluation-summary.js');
  const base = {
    settings: { outcome: 'log_pc_income', control: 'never', base: 'varying', cluster: 'village' },
    eventStudy: [{ e: 2, att: 0.1, se: 0.02, lo: 0.06, hi: 0.14, ulo: 0.05, uhi: 0.15 }],
    overall: { att: 0.08, se: 0.02, lo: 0.04, hi: 0.12 },
  } as any;
  const trusted = plainSummary('id', { ...base, pretest: { stat: 2, df: 3, p: 0.57 } }).join(' ');
  assert.match(trusted, /kemungkinan besar nyata/);
  const rejected = plainSummary('id', { ...base, pretest: { stat: 30, df: 3, p: 0.0001 } }).join(
    ' ',
  );
  assert.doesNotMatch(rejected, /kemungkinan besar nyata/);
  assert.match(rejected, /menolak tren paralel \(p = 0,000\).*tidak dapat dipercaya/);
  assert.match(
    plainSummary('en', { ...base, pretest: { stat: 30, df: 3, p: 0.0001 } }).join(' '),
    /cannot be trusted/,
  );
});
