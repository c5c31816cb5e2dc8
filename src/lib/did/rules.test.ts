// Data rules: each rule either throws a DidError with a useful code/message or drops units
// with a warning, as documented in panel.ts and attgt.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attgt, DidError, makePanel, sunAbraham, warningText, type PanelColumns } from './index.ts';

/** Small balanced panel: units 1..6, years 1..4; cohorts given per unit. */
function panelCols(
  cohorts: (number | null)[],
  T = 4,
): { id: number[]; time: number[]; cohort: (number | null)[]; y: number[] } {
  const id: number[] = [];
  const time: number[] = [];
  const cohort: (number | null)[] = [];
  const y: number[] = [];
  cohorts.forEach((g, u) => {
    for (let t = 1; t <= T; t++) {
      id.push(u + 1);
      time.push(t);
      cohort.push(g);
      y.push(u + 0.1 * t + 0.05 * ((u * 7 + t * 3) % 5) + (g && t >= g ? 1 : 0));
    }
  });
  return { id, time, cohort, y };
}

function throwsCode(fn: () => unknown, code: string, re?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof DidError, `expected DidError, got ${String(e)}`);
    assert.equal(e.code, code);
    if (re) assert.match(e.message, re);
    return true;
  });
}

test('duplicate (unit, time) is an error naming both rows', () => {
  const c = panelCols([0, 3, 0]);
  c.time[1] = 1;
  throwsCode(() => makePanel(c), 'DUPLICATE_ROW', /unit 1 .*rows 1 and 2/);
});

test('missing outcome is an error naming the rows', () => {
  const c: PanelColumns = {
    ...panelCols([0, 3, 0]),
    y: panelCols([0, 3, 0]).y.map((v, i) => (i === 4 || i === 9 ? NaN : v)),
  };
  throwsCode(() => makePanel(c), 'MISSING_OUTCOME', /row 5, 10/);
  const d: PanelColumns = {
    ...panelCols([0, 3, 0]),
    y: panelCols([0, 3, 0]).y.map((v, i) => (i === 2 ? null : v)),
  };
  throwsCode(() => makePanel(d), 'MISSING_OUTCOME', /row 3/);
});

test('unbalanced panel is an error naming the unit and missing period', () => {
  const c = panelCols([0, 3, 0]);
  for (const k of ['id', 'time', 'cohort', 'y'] as const) c[k].splice(5, 1);
  throwsCode(() => makePanel(c), 'UNBALANCED', /unit 2 lacks time 2/);
});

test('cohort must be constant within a unit; cluster too', () => {
  const c = panelCols([0, 3, 0]);
  c.cohort[6] = 4;
  throwsCode(() => makePanel(c), 'COHORT_NOT_CONSTANT', /unit 2 .*row 5 .*row 7/);
  const d = panelCols([0, 3, 0]);
  throwsCode(
    () => makePanel({ ...d, cluster: d.id.map((u, i) => (i === 3 ? 99 : u)) }),
    'CLUSTER_NOT_CONSTANT',
  );
});

test('always-treated units are dropped with a warning', () => {
  const p = makePanel(panelCols([0, 1, 3, 0, 2]));
  assert.equal(p.n, 4);
  assert.ok(p.warnings.some((w) => /Dropped 1 units .*already treated/.test(warningText(w))));
  const r = attgt(p);
  assert.deepEqual([...r.cohorts], [2, 3]);
  // With anticipation 1, cohort 2 is also treated "in" the first period.
  const ra = attgt(p, { anticipation: 1 });
  assert.deepEqual([...ra.cohorts], [3]);
  assert.ok(ra.warnings.some((w) => /anticipation = 1/.test(warningText(w))));
});

test('cohort 0, empty, null or NaN means never treated; cohorts after the last period too', () => {
  const p = makePanel(panelCols([0, null, NaN, 3, 9]));
  assert.deepEqual([...p.cohort], [0, 0, 0, 3, 0]);
  assert.ok(p.warnings.some((w) => /after the last period/.test(warningText(w))));
  const c = panelCols([0, 3, 0]);
  const q = makePanel({ ...c, cohort: c.cohort.map((g) => (g === 0 ? undefined : g)) });
  assert.deepEqual([...q.cohort], [0, 3, 0]);
});

test('no never-treated units: error for control never, suggestion notyet works', () => {
  const p = makePanel(panelCols([2, 3, 4, 3, 2, 4]));
  throwsCode(() => attgt(p), 'NO_NEVER_TREATED', /notyet/);
  throwsCode(() => sunAbraham(p), 'NO_NEVER_TREATED');
  const r = attgt(p, { control: 'notyet' });
  // did's rule: drop periods ≥ last cohort; the last cohort becomes the control group.
  assert.deepEqual([...r.times], [1, 2, 3]);
  assert.deepEqual([...r.cohorts], [2, 3]);
  assert.ok(
    r.warnings.some((w) => /cohort 4 serves as the never-treated group/.test(warningText(w))),
  );
  assert.ok(r.cells.every((c) => Number.isFinite(c.att)));
});

test('no treated unit, bad options, too few periods, length mismatch', () => {
  throwsCode(() => attgt(makePanel(panelCols([0, 0, 0]))), 'NO_TREATED');
  const p = makePanel(panelCols([0, 3, 0]));
  throwsCode(() => attgt(p, { control: 'later' as 'never' }), 'BAD_INPUT');
  throwsCode(() => attgt(p, { anticipation: -1 }), 'BAD_INPUT');
  throwsCode(() => makePanel(panelCols([0, 2], 1)), 'TOO_FEW_PERIODS');
  throwsCode(() => makePanel({ ...panelCols([0, 2]), y: [1, 2] }), 'BAD_INPUT', /column y/);
});

test('accepts typed arrays and string ids', () => {
  const c = panelCols([0, 3, 0, 2]);
  const p = makePanel({
    id: c.id.map((u) => `desa-${u}`),
    time: Float64Array.from(c.time),
    cohort: Float64Array.from(c.cohort as number[]),
    y: Float64Array.from(c.y),
  });
  assert.equal(p.n, 4);
  assert.equal(p.unitIds[0], 'desa-1');
  assert.equal(attgt(p).cells.length, 6);
});
