// Medians and quantiles: empty lists, odd and even sizes, input left alone, and R's type-7
// quantiles as fixed vectors (values printed by R 4.x `quantile(x, p)`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, quantile } from './index.ts';

test('median: null when empty, middle value when odd, mean of the two middle values when even', () => {
  assert.equal(median([]), null);
  assert.equal(median([7]), 7);
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 2, 3]), 2.5);
  assert.equal(median([-5, 10]), 2.5);
  assert.equal(median([0.1, 0.2]), (0.1 + 0.2) / 2);
});

test('median and quantile leave the input as it was', () => {
  const xs = [5, 3, 9, 1];
  median(xs);
  quantile(xs, 0.25);
  assert.deepEqual(xs, [5, 3, 9, 1]);
});

test("quantile matches R's default (type 7)", () => {
  const x = [1, 2, 3, 4, 10];
  // quantile(c(1, 2, 3, 4, 10), c(0, .1, .25, .5, .75, .9, 1)) → 1.0 1.4 2.0 3.0 4.0 7.6 10.0
  const want = [
    [0, 1],
    [0.1, 1.4],
    [0.25, 2],
    [0.5, 3],
    [0.75, 4],
    [0.9, 7.6],
    [1, 10],
  ];
  for (const [p, v] of want)
    assert.ok(Math.abs(quantile(x, p)! - v) < 1e-12, `p = ${p}: ${quantile(x, p)}`);
  // quantile(c(4, 1, 3, 2), c(.5, .9)) → 2.5 3.7
  assert.ok(Math.abs(quantile([4, 1, 3, 2], 0.5)! - 2.5) < 1e-12);
  assert.ok(Math.abs(quantile([4, 1, 3, 2], 0.9)! - 3.7) < 1e-12);
  assert.equal(quantile([42], 0.3), 42);
  assert.equal(quantile([], 0.5), null);
});

test('bad input is refused, not answered', () => {
  assert.throws(() => quantile([1, 2], 1.5), RangeError);
  assert.throws(() => quantile([1, 2], -0.1), RangeError);
  assert.throws(() => quantile([1, 2], Number.NaN), RangeError);
  assert.throws(() => median([1, Number.NaN, 2]), RangeError);
});
