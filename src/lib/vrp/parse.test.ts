import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { P_N16_K8, P_N16_K8_SOL, SOLOMON_TINY } from './fixtures.ts';
import {
  checkSolution,
  parseInstance,
  parseSol,
  parseSolomon,
  parseVrp,
  VrpParseError,
  writeSol,
} from './index.ts';

// A sample of the public benchmark sets, kept in the repository (fixtures/README.md); bench/ runs the full sets.
const DATA = fileURLToPath(new URL('./fixtures', import.meta.url));

describe('parseVrp', () => {
  it('reads an EUC_2D instance with nint distances', () => {
    const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
    assert.equal(inst.name, 'P-n16-k8');
    assert.equal(inst.size, 16);
    assert.equal(inst.capacity, 35);
    assert.equal(inst.distanceKind, 'nint');
    assert.equal(inst.demand[1], 19);
    // nodes 1 (30,40) and 2 (37,52): sqrt(49+144)=13.89 → 14
    assert.equal(inst.dist[0 * 16 + 1], 14);
    assert.equal(inst.tw, null);
  });

  it('keeps decimal coordinates unrounded (CMT convention)', () => {
    const text = P_N16_K8.replace('NAME : P-n16-k8', 'NAME : T').replace('1 30 40', '1 30.0 40.0');
    const inst = parseVrp(text, 't.vrp');
    assert.equal(inst.distanceKind, 'euclid');
    assert.ok(Math.abs(inst.dist[1] - Math.sqrt(49 + 144)) < 1e-12);
  });

  it('accepts tabs, trailing whitespace and CRLF', () => {
    const text = P_N16_K8.replace(/ : /g, ' :\t').replace(/\n/g, '\t\r\n');
    assert.equal(parseVrp(text, 'x.vrp').dist[1], 14);
  });

  it('reads explicit LOWER_ROW, UPPER_ROW, LOWER_DIAG_ROW and FULL_MATRIX weights', () => {
    const head = (fmt: string) =>
      `NAME : e\nTYPE : CVRP\nDIMENSION : 3\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : ${fmt}\nCAPACITY : 10\nEDGE_WEIGHT_SECTION\n`;
    const tail = 'DEMAND_SECTION\n1 0\n2 3\n3 4\nDEPOT_SECTION\n1\n-1\nEOF\n';
    const want = [0, 5, 7, 5, 0, 9, 7, 9, 0];
    const cases: Record<string, string> = {
      LOWER_ROW: '5\n7 9\n',
      UPPER_ROW: '5 7\n9\n',
      LOWER_DIAG_ROW: '0\n5 0\n7 9 0\n',
      UPPER_DIAG_ROW: '0 5 7\n0 9\n0\n',
      FULL_MATRIX: '0 5 7\n5 0 9\n7 9 0\n',
    };
    for (const [fmt, body] of Object.entries(cases)) {
      const inst = parseVrp(head(fmt) + body + tail, `${fmt}.vrp`);
      assert.deepEqual(Array.from(inst.dist), want, fmt);
      assert.equal(inst.distanceKind, 'explicit');
    }
  });

  it('names the file and line of a malformed row', () => {
    const bad = P_N16_K8.replace('5 31 62', '5 31 abc');
    assert.throws(
      () => parseVrp(bad, 'bad.vrp'),
      (e: unknown) =>
        e instanceof VrpParseError && /^bad\.vrp:12: "abc" is not a number/.test(e.message),
    );
    assert.throws(
      () => parseVrp(P_N16_K8.replace('CAPACITY : 35', 'CAPACITY : 20'), 'cap.vrp'),
      /cap\.vrp: .*exceeds the vehicle capacity/,
    );
    assert.throws(
      () => parseVrp(P_N16_K8.replace(/DEMAND_SECTION[\s\S]*/, 'EOF'), 'nodem.vrp'),
      /DEMAND_SECTION is missing/,
    );
    assert.throws(() => parseVrp('garbage here\n', 'g.vrp'), /g\.vrp:1: expected "KEY : value"/);
  });
});

describe('parseSolomon', () => {
  it('reads a Solomon instance with one-decimal truncated distances', () => {
    const inst = parseSolomon(SOLOMON_TINY, 'tiny.txt');
    assert.equal(inst.name, 'C101-10');
    assert.equal(inst.size, 11);
    assert.equal(inst.maxVehicles, 25);
    assert.equal(inst.capacity, 200);
    assert.equal(inst.tw!.due[0], 1236);
    assert.equal(inst.tw!.service[3], 90);
    // (40,50)→(45,68): sqrt(25+324)=18.68… → 18.6
    assert.equal(inst.dist[1], 18.6);
    assert.equal(parseInstance(SOLOMON_TINY, 'tiny.txt').size, 11);
  });

  it('names the line of a broken customer row', () => {
    const bad = SOLOMON_TINY.replace('    4      42', '    7      42');
    assert.throws(
      () => parseSolomon(bad, 's.txt'),
      /^VrpParseError|s\.txt:14: expected customer id 4, got 7/,
    );
    assert.throws(() => parseSolomon('X\n', 'e.txt'), /e\.txt: VEHICLE section is missing/);
  });
});

describe('.sol files', () => {
  it('parse and write round-trip', () => {
    const sol = parseSol(P_N16_K8_SOL);
    assert.equal(sol.routes.length, 8);
    assert.deepEqual(sol.routes[3], [15, 12, 10]);
    assert.equal(sol.cost, 450);
    assert.deepEqual(parseSol(writeSol(sol.routes, 450)), sol);
    assert.throws(() => parseSol('Route #1: 1 2\nnonsense\n', 'x.sol'), /x\.sol:2:/);
  });

  it('the shipped P-n16-k8 optimum re-costs to 450', () => {
    const inst = parseVrp(P_N16_K8, 'P-n16-k8.vrp');
    const r = checkSolution(inst, parseSol(P_N16_K8_SOL).routes, 450);
    assert.deepEqual(r.errors, []);
    assert.equal(r.cost, 450);
  });

  for (const set of ['cvrp', 'vrptw']) {
    const dir = join(DATA, set);
    it(`every ${set} fixture .sol re-costs to its BKS exactly`, () => {
      const bks = JSON.parse(readFileSync(join(dir, 'bks.json'), 'utf8')) as Record<string, number>;
      const files = readdirSync(dir).filter((f) => /\.(vrp|txt)$/.test(f));
      assert.ok(files.length > 0);
      for (const f of files) {
        const inst = parseInstance(readFileSync(join(dir, f), 'utf8'), f);
        const sol = parseSol(readFileSync(join(dir, f.replace(/\.\w+$/, '.sol')), 'utf8'));
        const r = checkSolution(inst, sol.routes, bks[inst.name]);
        assert.deepEqual(r.errors, [], f);
        // Integer instances must match exactly; others to the printed precision.
        const digits = inst.distanceKind === 'nint' ? 0 : inst.distanceKind === 'trunc1' ? 1 : 2;
        assert.equal(Number(r.cost.toFixed(digits)), bks[inst.name], f);
      }
    });
  }
});
