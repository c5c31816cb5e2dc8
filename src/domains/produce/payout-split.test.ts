// Property tests of the farmers' split (issue 17): random contributions and amounts; parts are
// non-negative integers, sum exactly to the amount, and do not depend on input order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitByContribution, type Contribution } from './payout-split.js';

// A small seeded generator so a failure names a reproducible case.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomCase(r: () => number): { amount: number; cs: Contribution[] } {
  const n = 1 + Math.floor(r() * 40);
  const cs: Contribution[] = [];
  for (let i = 0; i < n; i++) {
    const grams = Math.floor(r() * 500_000);
    const factor = [1000, 950, 880, 800, 700, 600][Math.floor(r() * 6)];
    cs.push({ key: `prd_${Math.floor(r() * 30)}`, weight: grams * factor });
  }
  if (cs.every((c) => c.weight === 0)) cs[0].weight = 1;
  const big = r() < 0.2;
  const amount = Math.floor(r() * (big ? 5e12 : 50_000_000));
  return { amount, cs };
}

test('split: 2,000 random cases are non-negative whole rupiah summing exactly, order-independent', () => {
  const r = rng(17);
  for (let i = 0; i < 2000; i++) {
    const { amount, cs } = randomCase(r);
    const parts = splitByContribution(amount, cs);
    let sum = 0;
    for (const v of parts.values()) {
      assert.ok(Number.isSafeInteger(v) && v >= 0, `case ${i}: part ${v}`);
      sum += v;
    }
    assert.equal(sum, amount, `case ${i}`);
    const shuffled = [...cs].sort(() => r() - 0.5);
    const again = splitByContribution(amount, shuffled);
    assert.deepEqual([...again.entries()].sort(), [...parts.entries()].sort(), `case ${i}`);
    // No part differs from its exact share by a rupiah or more.
    const total = cs.reduce((s, c) => s + c.weight, 0);
    const byKey = new Map<string, number>();
    for (const c of cs) byKey.set(c.key, (byKey.get(c.key) ?? 0) + c.weight);
    for (const [k, w] of byKey) assert.ok(Math.abs(parts.get(k)! - (amount * w) / total) < 1.001);
  }
});

test('split: fixed vector — ties go to the smaller key, not to input order', () => {
  const parts = splitByContribution(100, [
    { key: 'prd_c', weight: 1 },
    { key: 'prd_a', weight: 1 },
    { key: 'prd_b', weight: 1 },
  ]);
  assert.deepEqual(Object.fromEntries(parts), { prd_a: 34, prd_b: 33, prd_c: 33 });
  const graded = splitByContribution(1_000_000, [
    { key: 'daniel', weight: 62_000 * 1000 },
    { key: 'maria', weight: 40_000 * 950 },
    { key: 'yos', weight: 0 },
  ]);
  assert.deepEqual(Object.fromEntries(graded), { daniel: 620_000 + 0, maria: 380_000, yos: 0 });
});

test('split: nothing to share gives zeros; no contributions, bad amounts refused', () => {
  assert.deepEqual(Object.fromEntries(splitByContribution(0, [{ key: 'a', weight: 5 }])), { a: 0 });
  assert.equal(splitByContribution(10, []).size, 0);
  assert.throws(() => splitByContribution(-1, [{ key: 'a', weight: 1 }]), RangeError);
  assert.throws(() => splitByContribution(1.5, [{ key: 'a', weight: 1 }]), RangeError);
  assert.throws(() => splitByContribution(10, [{ key: 'a', weight: 0 }]), RangeError);
});
