import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { P_N16_K8, P_N16_K8_SOL, SOLOMON_TINY } from './fixtures.ts';
import { buildInstance, checkSolution, parseSol, parseSolomon, parseVrp } from './index.ts';

const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
const good = parseSol(P_N16_K8_SOL).routes;

describe('checkSolution', () => {
  it('accepts the optimum', () => {
    const r = checkSolution(inst, good, 450);
    assert.equal(r.feasible, true);
    assert.equal(r.routes, 8);
  });

  it('catches a missing customer', () => {
    const r = checkSolution(
      inst,
      good.map((route) => route.filter((c) => c !== 12)),
    );
    assert.equal(r.feasible, false);
    assert.match(r.errors.join('\n'), /customer 12 not served/);
  });

  it('catches a duplicate customer', () => {
    const r = checkSolution(inst, [...good, [6]]);
    assert.match(r.errors.join('\n'), /customer 6 is served twice \(routes 2 and 9\)/);
  });

  it('catches an unknown customer id', () => {
    assert.match(checkSolution(inst, [...good, [16]]).errors.join('\n'), /unknown customer 16/);
  });

  it('catches an overloaded route', () => {
    // customers 1 (19), 2 (30) and 3 (16) together exceed 35
    const routes = good.filter((r) => !r.includes(1) && !r.includes(2) && !r.includes(3));
    routes.push([1, 2, 3]);
    assert.match(checkSolution(inst, routes).errors.join('\n'), /load 65 exceeds the capacity 35/);
  });

  it('catches a wrong reported cost', () => {
    assert.match(
      checkSolution(inst, good, 451).errors.join('\n'),
      /reported cost 451 differs from the recomputed cost 450/,
    );
  });

  it('catches a time window breach and a late return', () => {
    const tw = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    // Customer 1 opens at 912; serving it first then customer 5 (due 67) is too late.
    const r = checkSolution(tw, [
      [1, 5],
      [2, 3, 4, 6, 7, 8, 9, 10],
    ]);
    assert.match(r.errors.join('\n'), /customer 5 served at .*after its due date 67/);
    const late = buildInstance({
      distances: [
        [0, 10],
        [10, 0],
      ],
      demands: [0, 1],
      capacity: 5,
      timeWindows: [
        [0, 15],
        [0, 100],
      ],
    });
    assert.match(
      checkSolution(late, [[1]]).errors.join('\n'),
      /returns to the depot at 20, after the horizon 15/,
    );
  });

  it('catches too many routes for the fleet', () => {
    const tw = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    const small = { ...tw, maxVehicles: 2 };
    assert.match(
      checkSolution(small, [[3], [5], [7]]).errors.join('\n'),
      /3 routes used but only 2 vehicles/,
    );
  });
});
