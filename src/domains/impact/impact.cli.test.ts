import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { findCommand } from '../../kernel/cli/index.js';
import { parseCsv } from '../../lib/did/index.js';
import { runDidCli } from '../../lib/did/index.js';
import { addRollouts } from '../../../test/support/impact.js';
import { seedDemoSurveys } from './demo-seed.js';
import './index.js';

let w: World;
before(async () => {
  w = await createWorld();
  await addRollouts(w.h.db, ['53.09']);
  await seedDemoSurveys(w.h.db, ['53.09']);
});
after(() => w.close());

test('lumbung impact export-panel writes the pseudonymised panel, which lumbung did reads', async () => {
  const found = findCommand(['impact', 'export-panel', '--region', '53.09']);
  assert.ok(found);
  let out = '';
  let err = '';
  const h = { ...w.h, close: async () => {} };
  const code = await found.command.run(found.args, {
    open: async () => h,
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
  });
  assert.equal(code, 0, err);
  const { header, rows } = parseCsv(out);
  assert.ok(header.includes('mean_log_pc_income') && rows.length >= 7 * 150);
  assert.ok(!out.includes('53.09'));
  // The export is ready for the estimator CLI (never-treated villages have an empty cohort).
  let didOut = '';
  const didCode = runDidCli(
    [
      '--data',
      'panel.csv',
      '--id',
      'village_id',
      '--time',
      'year',
      '--cohort',
      'cohort',
      '--outcome',
      'mean_log_pc_income',
      '--cluster',
      'district_id',
      '--json',
    ],
    {
      readFile: () => out,
      stdout: (s) => {
        didOut += s;
      },
      stderr: (s) => {
        err += s;
      },
    },
  );
  assert.equal(didCode, 0, err);
  assert.ok(JSON.parse(didOut).aggregations.simple.att > 0.03);
  const bad = findCommand(['impact', 'export-panel', '--region', 'Ngada'])!;
  assert.equal(
    await bad.command.run(bad.args, { open: async () => h, stdout: () => {}, stderr: () => {} }),
    2,
  );
});
