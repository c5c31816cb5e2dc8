import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { P_N16_K8, SOLOMON_TINY } from './fixtures.ts';
import {
  buildInstance,
  checkSolution,
  clarkeWright,
  parseSolomon,
  parseVrp,
  runHgs,
  solve,
  type VrpInstance,
} from './index.ts';
import { Rng } from './rng.ts';

/** Exact optimum by enumeration: every route order of every customer subset, then set partition. */
function bruteForce(inst: VrpInstance): number {
  const m = inst.size - 1;
  const full = (1 << m) - 1;
  const routeCost = new Float64Array(full + 1).fill(Infinity);
  const perm: number[] = [];
  const used = new Array(m + 1).fill(false);
  const extend = (mask: number, last: number, dist: number, time: number, load: number) => {
    if (mask) {
      const back = dist + inst.dist[last * inst.size];
      const ok = !inst.tw || time + inst.dist[last * inst.size] <= inst.tw.due[0];
      if (ok && back < routeCost[mask]) routeCost[mask] = back;
    }
    for (let c = 1; c <= m; c++) {
      if (used[c] || load + inst.demand[c] > inst.capacity) continue;
      let t = time + inst.dist[last * inst.size + c];
      if (inst.tw) {
        t = Math.max(t, inst.tw.ready[c]);
        if (t > inst.tw.due[c]) continue;
        t += inst.tw.service[c];
      }
      used[c] = true;
      perm.push(c);
      extend(
        mask | (1 << (c - 1)),
        c,
        dist + inst.dist[last * inst.size + c],
        t,
        load + inst.demand[c],
      );
      perm.pop();
      used[c] = false;
    }
  };
  extend(0, 0, 0, 0, 0);
  const best = new Float64Array(full + 1).fill(Infinity);
  best[0] = 0;
  for (let mask = 1; mask <= full; mask++) {
    const low = mask & -mask;
    // Enumerate subsets of mask containing its lowest customer.
    for (let s = mask; s > 0; s = (s - 1) & mask) {
      if (s & low && routeCost[s] + best[mask ^ s] < best[mask])
        best[mask] = routeCost[s] + best[mask ^ s];
    }
  }
  return best[full];
}

function randomInstance(seed: number, m: number, withTW: boolean): VrpInstance {
  const rng = new Rng(seed);
  const pts = Array.from({ length: m + 1 }, () => [rng.int(100), rng.int(100)] as const);
  const distances = pts.map((a) =>
    pts.map((b) => Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]))),
  );
  const demands = pts.map((_, i) => (i === 0 ? 0 : 1 + rng.int(9)));
  const timeWindows = withTW
    ? pts.map((_, i) => {
        if (i === 0) return [0, 1000] as const;
        const a = rng.int(400);
        return [a, a + 60 + rng.int(200)] as const;
      })
    : undefined;
  return buildInstance({
    name: `toy${seed}`,
    distances,
    demands,
    capacity: 15,
    timeWindows,
    serviceTimes: withTW ? demands.map(() => 10) : undefined,
    coordinates: pts,
  });
}

describe('solver', () => {
  it('solves P-n16-k8 to its proven optimum 450', () => {
    const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
    const r = runHgs(inst, { iterations: 300, seed: 3 });
    assert.equal(r.cost, 450);
    assert.deepEqual(checkSolution(inst, r.routes, r.cost).errors, []);
  });

  it('matches brute force on small random CVRP and VRPTW instances', () => {
    for (let seed = 1; seed <= 4; seed++) {
      for (const tw of [false, true]) {
        const inst = randomInstance(seed, 8, tw);
        const opt = bruteForce(inst);
        const r = runHgs(inst, { iterations: 1000, seed });
        assert.deepEqual(checkSolution(inst, r.routes, r.cost).errors, [], `toy ${seed} tw=${tw}`);
        assert.ok(
          Math.abs(r.cost - opt) < 1e-9,
          `toy ${seed} tw=${tw}: got ${r.cost}, optimum ${opt}`,
        );
      }
    }
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const inst = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    const a = runHgs(inst, { iterations: 150, seed: 42 });
    const b = runHgs(inst, { iterations: 150, seed: 42 });
    assert.deepEqual(a.routes, b.routes);
    const big = randomInstance(9, 60, false);
    const c = runHgs(big, { iterations: 100, seed: 7 });
    const d = runHgs(big, { iterations: 100, seed: 7 });
    assert.deepEqual(c.routes, d.routes);
    assert.equal(c.cost, d.cost);
  });

  it('respects time windows on a Solomon excerpt', () => {
    const inst = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    const r = runHgs(inst, { iterations: 200, seed: 1 });
    assert.deepEqual(checkSolution(inst, r.routes, r.cost).errors, []);
    assert.ok(Math.abs(r.cost - bruteForceTiny(inst)) < 1e-6);
  });

  it('stops at the time limit, long before its iteration budget', () => {
    const inst = randomInstance(5, 80, false);
    const r = runHgs(inst, { seconds: 0.3, iterations: 1e9, seed: 1 });
    assert.ok(r.iterations < 1e9);
    assert.equal(checkSolution(inst, r.routes).feasible, true);
  });

  it('ends early after stopAfter iterations without improvement, with the same answer as a longer run', () => {
    const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
    const r = runHgs(inst, { iterations: 100_000, stopAfter: 500, seed: 3 });
    assert.ok(r.iterations < 100_000, `ran ${r.iterations} iterations`);
    assert.equal(r.cost, 450);
    const again = runHgs(inst, { iterations: 100_000, stopAfter: 500, seed: 3 });
    assert.equal(again.iterations, r.iterations, 'deterministic');
  });

  it('runs on two threads and returns a feasible answer', async () => {
    const inst = randomInstance(6, 50, true);
    const r = await solve(inst, { seconds: 1, seed: 1, threads: 2 });
    assert.deepEqual(checkSolution(inst, r.routes, r.cost).errors, []);
  });
});

/** Brute force restricted to the tiny Solomon excerpt (10 customers). */
function bruteForceTiny(inst: VrpInstance): number {
  return bruteForce(inst);
}

describe('clarkeWright', () => {
  // Its speed (milliseconds for quick quotes) is measured in bench/vrp.ts, not timed here.
  it('is feasible on a 400-customer instance', () => {
    const inst = randomInstance(11, 400, false);
    const r = clarkeWright(inst);
    assert.deepEqual(checkSolution(inst, r.routes, r.cost).errors, []);
  });

  it('respects time windows', () => {
    const inst = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    assert.deepEqual(checkSolution(inst, clarkeWright(inst).routes).errors, []);
    const toy = randomInstance(3, 30, true);
    assert.deepEqual(checkSolution(toy, clarkeWright(toy).routes).errors, []);
  });

  it('improves on one route per customer for P-n16-k8', () => {
    const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
    const r = clarkeWright(inst);
    assert.ok(r.cost < 600 && r.cost >= 450);
  });
});

describe('buildInstance', () => {
  it('rejects a demand larger than the capacity', () => {
    assert.throws(
      () =>
        buildInstance({
          distances: [
            [0, 1],
            [1, 0],
          ],
          demands: [0, 9],
          capacity: 5,
        }),
      /customer 1 demand 9 exceeds the vehicle capacity 5/,
    );
  });
  it('solves a matrix without coordinates', () => {
    const inst = randomInstance(2, 7, false);
    const plain = { ...inst, x: null, y: null };
    const r = runHgs(plain, { iterations: 100, seed: 1 });
    assert.ok(Math.abs(r.cost - bruteForce(plain)) < 1e-9);
  });
});
