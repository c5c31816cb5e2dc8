// Speed bench for src/lib/did (run: npx tsx bench/did.ts). Generates seeded staggered panels
// with known effects, times the full Callaway & Sant'Anna pipeline, checks that the estimates
// recover the true effects, and compares with a row-by-row (non-columnar) ATT(g,t) baseline.
import {
  aggregate,
  attgt,
  bootstrap,
  makePanel,
  pretest,
  type AttGtResult,
} from '../src/lib/did/index.ts';
import { naiveAttgt, type NaiveRow } from '../src/lib/did/naive.ts';
import { simulatePanel, type SimPanel } from '../src/lib/did/testdata.ts';

const MB = 1024 * 1024;
const ms = (t0: number): number => performance.now() - t0;

function fullCs(sim: SimPanel, draws = 0) {
  const t0 = performance.now();
  const panel = makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y });
  const tPanel = ms(t0);
  const res = attgt(panel);
  const aggs = (['simple', 'dynamic', 'group', 'calendar'] as const).map((t) => aggregate(res, t));
  const pt = pretest(res);
  const tCs = ms(t0) - tPanel;
  const t1 = performance.now();
  const boot = draws ? bootstrap(res, { draws, seed: 42 }, aggs) : null;
  const tBoot = ms(t1);
  return { res, aggs, pt, boot, tPanel, tCs, tBoot, total: ms(t0) };
}

/** Max |estimate − truth| / SE over ATT(g,t) post cells and the dynamic effects. */
function recovery(sim: SimPanel, res: AttGtResult, dyn: ReturnType<typeof aggregate>) {
  let worstZ = 0;
  let worstAbs = 0;
  for (const c of res.cells) {
    const truth = c.post ? sim.effect(c.group, c.time) : 0;
    worstZ = Math.max(worstZ, Math.abs(c.att - truth) / c.se);
    worstAbs = Math.max(worstAbs, Math.abs(c.att - truth));
  }
  for (const b of dyn.by) {
    // θ(e) truth: pg-weighted mean of τ(g, g+e) over cohorts observed at e.
    let num = 0;
    let den = 0;
    res.cohorts.forEach((g, i) => {
      const t = g + b.key;
      if (
        t < res.times[0] ||
        t > res.times[res.times.length - 1] ||
        (b.key < 0 && t === res.times[0])
      )
        return;
      num += res.pg[i + 1] * (b.key >= 0 ? sim.effect(g, t) : 0);
      den += res.pg[i + 1];
    });
    worstZ = Math.max(worstZ, Math.abs(b.att - num / den) / b.se);
  }
  return { worstZ, worstAbs };
}

function main(): void {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
  // 1) 20,000 villages × 10 years, analytic SEs.
  const sim = simulatePanel(20000, 10, 7);
  const runs = [0, 1, 2, 3, 4].map(() => fullCs(sim));
  const first = runs[0];
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const total = runs.map((r) => r.total);
  console.log(
    `\n20,000 × 10: panel build ${first.tPanel.toFixed(1)} ms + CS (ATT(g,t), 4 aggregations, pre-test) ${first.tCs.toFixed(1)} ms = ${first.total.toFixed(1)} ms cold; median of 5 = ${med(total).toFixed(1)} ms (limit 200 ms) → ${med(total) <= 200 ? 'PASS' : 'FAIL'}`,
  );
  const rec = recovery(sim, first.res, first.aggs[1]);
  const okRec = rec.worstZ < 4.5;
  console.log(
    `recovery: ${first.res.cells.length} cells, max |ATT − truth| = ${rec.worstAbs.toFixed(4)}, max |ATT − truth|/SE = ${rec.worstZ.toFixed(2)} (tolerance 4.5 SE over ${first.res.cells.length + first.aggs[1].by.length} estimates) → ${okRec ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `pre-test: W = ${first.pt.stat?.toFixed(2)}, df = ${first.pt.df}, p = ${first.pt.p?.toFixed(3)} (no pre-trends simulated)`,
  );

  // Baseline: row-by-row ATT(g,t) with SEs vs the columnar estimator, same data.
  const rows: NaiveRow[] = Array.from(sim.id, (id, r) => ({
    id,
    time: sim.time[r],
    cohort: sim.cohort[r],
    y: sim.y[r],
  }));
  let t0 = performance.now();
  const naive = naiveAttgt(rows);
  const tNaive = ms(t0);
  t0 = performance.now();
  const col = attgt(makePanel({ id: sim.id, time: sim.time, cohort: sim.cohort, y: sim.y }));
  const tCol = ms(t0);
  let diff = 0;
  naive.forEach(
    (c, i) =>
      (diff = Math.max(diff, Math.abs(c.att - col.cells[i].att), Math.abs(c.se - col.cells[i].se))),
  );
  console.log(
    `baseline: row-by-row ATT(g,t)+SE ${tNaive.toFixed(0)} ms vs columnar ${tCol.toFixed(1)} ms → ${(tNaive / tCol).toFixed(0)}× faster (max |difference| ${diff.toExponential(1)})`,
  );

  // 2) 83,762 villages × 10 years with 999 bootstrap draws.
  const big = simulatePanel(83762, 10, 11);
  const before = process.memoryUsage();
  const b = fullCs(big, 999);
  const after = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;
  console.log(
    `\n83,762 × 10, 999 draws: panel ${b.tPanel.toFixed(0)} ms + CS ${b.tCs.toFixed(0)} ms + bootstrap ${b.tBoot.toFixed(0)} ms = ${b.total.toFixed(0)} ms (limit 5000 ms) → ${b.total <= 5000 ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `memory: peak RSS ${(peak / MB).toFixed(0)} MB (limit 1024 MB) → ${peak <= 1024 * MB ? 'PASS' : 'FAIL'}; heap used ${(before.heapUsed / MB).toFixed(0)} → ${(after.heapUsed / MB).toFixed(0)} MB, RSS now ${(after.rss / MB).toFixed(0)} MB`,
  );
  const rb = recovery(big, b.res, b.aggs[1]);
  const ratio = [...b.boot!.attgt.se].map((s, i) => s / b.res.cells[i].se);
  console.log(
    `recovery: max |ATT − truth|/SE = ${rb.worstZ.toFixed(2)} → ${rb.worstZ < 4.5 ? 'PASS' : 'FAIL'}; bootstrap/analytic SE ratio ${Math.min(...ratio).toFixed(3)}–${Math.max(...ratio).toFixed(3)}; sup-t crit ATT(g,t) ${b.boot!.attgt.crit.toFixed(3)}, event study ${b.boot!.aggregations.dynamic!.crit.toFixed(3)}`,
  );
}

main();
