import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computeLines, correctionLines, type EligibleOrder, type Rule } from './compute.js';

const gmv: Rule = { id: 'r-gmv', kind: 'gmv_percent', amount: 250, count: null }; // 2.5 %
const first: Rule = { id: 'r-first', kind: 'first_sales_bonus', amount: 10_000, count: 5 };
const poor: Rule = { id: 'r-poor', kind: 'poverty_multiplier', amount: 1500, count: null }; // ×1.5
const order = (id: string, o: Partial<EligibleOrder> = {}): EligibleOrder => ({
  orderId: id,
  umkmId: 'u1',
  gmv: 100_000,
  saleRank: 9,
  poorVillage: false,
  ...o,
});
const total = (ls: { amount: number }[]) => ls.reduce((s, l) => s + l.amount, 0);

test('GMV share: basis points of the item total, half up, one line per order', () => {
  const lines = computeLines([gmv], [order('o1', { gmv: 123_458 }), order('o2', { gmv: 20 })]);
  assert.deepEqual(
    lines.map((l) => [l.orderId, l.amount]),
    [
      ['o1', 3086],
      ['o2', 1],
    ],
  ); // 3086.45 → 3086; 0.5 → 1
});

test("first-sales bonus pays only each UMKM's first N sales through the partner", () => {
  const lines = computeLines(
    [first],
    [order('o1', { saleRank: 1 }), order('o2', { saleRank: 5 }), order('o3', { saleRank: 6 })],
  );
  assert.deepEqual(
    lines.map((l) => l.orderId),
    ['o1', 'o2'],
  );
  assert.equal(total(lines), 20_000);
});

test('poverty multiplier adds (m − 1) × what the order earned, only in poorer villages', () => {
  const lines = computeLines(
    [gmv, first, poor],
    [order('o1', { saleRank: 1, poorVillage: true }), order('o2', { saleRank: 1 })],
  );
  const o1 = lines.filter((l) => l.orderId === 'o1');
  assert.deepEqual(
    o1.map((l) => [l.kind, l.amount]),
    [
      ['gmv_percent', 2500],
      ['first_sales_bonus', 10_000],
      ['poverty_multiplier', 6250],
    ],
  );
  assert.equal(total(lines.filter((l) => l.orderId === 'o2')), 12_500);
});

test('a monthly cap adds one negative line down to the lowest cap', () => {
  const caps: Rule[] = [
    { id: 'cap-a', kind: 'monthly_cap', amount: 6000, count: null },
    { id: 'cap-b', kind: 'monthly_cap', amount: 4000, count: null },
  ];
  const lines = computeLines([gmv, ...caps], [order('o1'), order('o2')]);
  assert.equal(total(lines), 4000);
  const cap = lines.at(-1)!;
  assert.deepEqual([cap.orderId, cap.ruleId, cap.amount], [null, 'cap-b', -1000]);
  assert.equal(
    total(computeLines([gmv, ...caps], [order('o1')])),
    2500,
    'under the cap nothing is taken',
  );
});

test('corrections are the differences per order and rule; nothing changed → no lines', () => {
  const before = computeLines([gmv], [order('o1'), order('o2')]);
  assert.deepEqual(correctionLines(before, before), []);
  const after = computeLines([gmv], [order('o1')]); // o2 was returned after issue
  const fix = correctionLines(before, after);
  assert.deepEqual(
    fix.map((l) => [l.orderId, l.amount]),
    [['o2', -2500]],
  );
  assert.equal(total([...before, ...fix]), total(after));
});
