// Invariance properties every correct DiD estimator must have, plus a cross-check of the
// columnar estimator against the row-by-row definition on simulated panels (clusters,
// not-yet-treated controls, universal base, anticipation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregate,
  attgt,
  bacon,
  makePanel,
  pretest,
  twfe,
  type AttGtOptions,
  type PanelColumns,
} from './index.ts';
import { naiveAttgt } from './naive.ts';
import { Rng } from './stats.ts';
import { loadMpdta, simulatePanel } from './testdata.ts';

const base = loadMpdta();

function summary(cols: PanelColumns, opts: AttGtOptions = {}) {
  const p = makePanel(cols);
  const r = attgt(p, opts);
  return {
    att: r.cells.map((c) => c.att),
    se: r.cells.map((c) => c.se),
    agg: (['simple', 'dynamic', 'group', 'calendar'] as const)
      .map((t) => aggregate(r, t))
      .flatMap((a) => [a.att, a.se, ...a.by.flatMap((b) => [b.att, b.se])]),
    w: pretest(r).stat!,
    beta: twfe(p).beta,
    se3: twfe(p).se.fixest,
    bacon: bacon(p).map((b) => b.estimate * b.weight),
  };
}

function close(a: number[], b: number[], tol: number, what: string): void {
  assert.equal(a.length, b.length);
  a.forEach((x, i) => {
    if (Number.isNaN(x) && Number.isNaN(b[i])) return;
    assert.ok(
      Math.abs(x - b[i]) <= tol * Math.max(1, Math.abs(b[i])),
      `${what}[${i}]: ${x} vs ${b[i]}`,
    );
  });
}

function same(
  x: ReturnType<typeof summary>,
  y: ReturnType<typeof summary>,
  tol = 1e-12,
  scale = 1,
): void {
  close(
    x.att.map((v) => v * scale),
    y.att,
    tol,
    'att',
  );
  close(
    x.se.map((v) => v * scale),
    y.se,
    tol,
    'se',
  );
  close(
    x.agg.map((v) => v * scale),
    y.agg,
    tol,
    'agg',
  );
  close([x.beta * scale, x.se3 * scale], [y.beta, y.se3], tol, 'twfe');
  close(
    x.bacon.map((v) => v * scale),
    y.bacon,
    tol,
    'bacon',
  );
}

const ref = summary(base);

test('row order does not matter', () => {
  const rng = new Rng(5);
  const idx = Array.from(base.id, (_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  const pick = <T>(a: T[]): T[] => idx.map((i) => a[i]);
  same(
    summary({
      id: pick(base.id),
      time: pick(base.time),
      cohort: pick(base.cohort),
      y: pick(base.y),
    }),
    ref,
  );
});

test('relabelling unit ids (numbers → strings in another order) does not matter', () => {
  const id = base.id.map((v) => `v-${(99991 * v) % 100003}`);
  same(summary({ ...base, id }), ref);
});

test('adding unit and period constants to y leaves every estimate and SE unchanged', () => {
  const y = base.y.map((v, i) => v + 1000 * Math.sin(base.id[i]) + 37 * (base.time[i] - 2003) ** 2);
  const s = summary({ ...base, y });
  same(s, ref, 1e-9);
  assert.ok(Math.abs(s.w - ref.w) < 1e-6);
});

test('scaling y scales ATTs and SEs by the same factor; W is unchanged', () => {
  const s = summary({ ...base, y: base.y.map((v) => 3 * v) });
  same(ref, s, 1e-12, 3);
  assert.ok(Math.abs(s.w - ref.w) < 1e-9);
});

test('columnar estimator equals the row-by-row definition on simulated panels', () => {
  const sim = simulatePanel(400, 7, 3, 0.2, true);
  const rows = Array.from(sim.id, (id, r) => ({
    id,
    time: sim.time[r],
    cohort: sim.cohort[r],
    y: sim.y[r],
    cluster: sim.cluster[r],
  }));
  const cases: AttGtOptions[] = [
    {},
    { control: 'notyet' },
    { base: 'universal' },
    { control: 'notyet', base: 'universal' },
    { anticipation: 1 },
    { control: 'notyet', anticipation: 1 },
  ];
  for (const clustered of [false, true]) {
    const panel = makePanel({
      id: sim.id,
      time: sim.time,
      cohort: sim.cohort,
      y: sim.y,
      cluster: clustered ? sim.cluster : undefined,
    });
    for (const o of cases) {
      const r = attgt(panel, o);
      const keep = rows.filter((x) => !(x.cohort !== 0 && x.cohort <= 1 + (o.anticipation ?? 0)));
      const nv = naiveAttgt(clustered ? keep : keep.map(({ cluster: _c, ...x }) => x), o);
      assert.equal(r.cells.length, nv.length, JSON.stringify(o));
      r.cells.forEach((c, i) => {
        assert.equal(c.group, nv[i].group);
        assert.equal(c.time, nv[i].time);
        assert.ok(
          Math.abs(c.att - nv[i].att) < 1e-10,
          `${JSON.stringify(o)} att ${c.group},${c.time}`,
        );
        if (Number.isNaN(nv[i].se)) assert.ok(Number.isNaN(c.se));
        else
          assert.ok(
            Math.abs(c.se / nv[i].se - 1) < 1e-8,
            `${JSON.stringify(o)} se ${c.group},${c.time}: ${c.se} vs ${nv[i].se}`,
          );
      });
    }
  }
});

test('Bacon weights sum to 1 and the weighted sum equals TWFE on a simulated panel', () => {
  const sim = simulatePanel(300, 8, 9);
  const p = makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y });
  const b = bacon(p);
  assert.ok(Math.abs(b.reduce((a, x) => a + x.weight, 0) - 1) < 1e-12);
  assert.ok(Math.abs(b.reduce((a, x) => a + x.weight * x.estimate, 0) - twfe(p).beta) < 1e-12);
});

test('clustering at a coarser level widens SEs and uses cluster sums', () => {
  const sim = simulatePanel(500, 6, 4, 0.1, true);
  const unit = attgt(makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y }));
  const byId = attgt(
    makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y, cluster: sim.id }),
  );
  unit.cells.forEach((c, i) =>
    assert.ok(
      Math.abs(c.se / byId.cells[i].se - 1) < 1e-12,
      'cluster = unit is the unclustered SE',
    ),
  );
  const cl = attgt(
    makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y, cluster: sim.cluster }),
  );
  unit.cells.forEach((c, i) => assert.equal(c.att, cl.cells[i].att));
  assert.equal(cl.stats.rows.nClusters, 20);
});
