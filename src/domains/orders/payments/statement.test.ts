// The statement reader against a corpus of realistic (fictitious) bank exports in fixtures/:
// every record of each file gets the outcome pinned here, so a change in how any layout is
// read shows up as a failing line number.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAmount, parseDate, parseStatement, type ParsedLine } from './statement.js';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const summary = (lines: ParsedLine[]) =>
  lines.map((l) =>
    l.kind === 'transaction'
      ? [l.line, l.bookedOn, l.amount, l.direction]
      : [l.line, l.kind, l.reason],
  );

test('amounts: thousand separators either way, decimals, markers and signs', () => {
  const cases: [string, number][] = [
    ['125.500,00', 125500],
    ['125,500.00', 125500],
    ['125500.00', 125500],
    ['125500', 125500],
    ['125.500', 125500],
    ['125,500', 125500],
    ['1.250.000', 1250000],
    ['1,250,000.00', 1250000],
    ['1.250.000,00', 1250000],
    ['125500,00', 125500],
    ['Rp 125.500', 125500],
    ['IDR125,500.00', 125500],
    ["'125500.00", 125500],
    ['125.500,0', 125500],
  ];
  for (const [raw, want] of cases)
    assert.deepEqual(parseAmount(raw), { amount: want, negative: false, marker: null }, raw);
  assert.deepEqual(parseAmount('-6.500,00'), { amount: 6500, negative: true, marker: null });
  assert.deepEqual(parseAmount('(6,500.00)'), { amount: 6500, negative: true, marker: null });
  assert.deepEqual(parseAmount('125,500.00 CR'), {
    amount: 125500,
    negative: false,
    marker: 'credit',
  });
  assert.deepEqual(parseAmount('6,500.00 DB'), { amount: 6500, negative: false, marker: 'debit' });
  for (const bad of ['abc', '', '12.34.5', '1,25,500', '125.500.00,00,0', '1e5'])
    assert.deepEqual(parseAmount(bad), { error: 'bad_amount' }, bad);
  assert.deepEqual(parseAmount('1.234,56'), { error: 'fraction' });
  assert.deepEqual(parseAmount('125500.50'), { error: 'fraction' });
});

test('dates: dd/mm/yyyy, dd/mm/yy, dd-mm-yyyy, ISO, BCA day/month with the period year; impossible dates refused', () => {
  assert.equal(parseDate('02/03/2026', null), '2026-03-02');
  assert.equal(parseDate('02/03/26', null), '2026-03-02');
  assert.equal(parseDate('2-3-2026', null), '2026-03-02');
  assert.equal(parseDate('02.03.2026 09:14:07', null), '2026-03-02');
  assert.equal(parseDate('2026-03-02', null), '2026-03-02');
  assert.equal(parseDate("'02/03", 2026), '2026-03-02');
  assert.equal(parseDate("'02/03", null), null, 'no year without a period line');
  assert.equal(parseDate('31/02/2026', null), null);
  assert.equal(parseDate('PEND', 2026), 'pending');
  assert.equal(parseDate('2026/03/02', null), null);
});

test('BCA KlikBCA layout: preamble, header, CR/DB column, PEND line and balance footer', () => {
  assert.deepEqual(summary(parseStatement(fixture('bca-klikbca.csv'))!), [
    [1, 'skipped', 'preamble'],
    [2, 'skipped', 'preamble'],
    [3, 'skipped', 'preamble'],
    [4, 'skipped', 'preamble'],
    [5, 'skipped', 'preamble'],
    [6, 'skipped', 'blank'],
    [7, 'skipped', 'header'],
    [8, '2026-03-01', 125500, 'credit'],
    [9, '2026-03-01', 6500, 'debit'],
    [10, '2026-03-02', 48250, 'credit'],
    [11, '2026-03-02', 777, 'credit'],
    [12, 'rejected', 'pending'],
    [13, 'skipped', 'summary'],
    [14, 'skipped', 'summary'],
    [15, 'skipped', 'summary'],
    [16, 'skipped', 'summary'],
  ]);
});

test('Mandiri layout: `;` delimiter, Debit/Credit columns, 125.500,00 amounts, dd/mm/yy, an impossible date reported', () => {
  const lines = parseStatement(fixture('mandiri-mcm.csv'))!;
  assert.deepEqual(summary(lines), [
    [1, 'skipped', 'header'],
    [2, '2026-03-01', 125500, 'credit'],
    [3, '2026-03-01', 12500, 'debit'],
    [4, '2026-03-02', 1250000, 'credit'],
    [5, 'rejected', 'bad_date'],
  ]);
  assert.equal(
    (lines[1] as { description: string }).description,
    'TRANSFER DARI RINA WATI 125500',
    'both description columns',
  );
});

test('BRI layout: all fields quoted, 125,500.00 amounts, date with time, quotes and commas inside a description', () => {
  const lines = parseStatement(fixture('bri-ibbiz.csv'))!;
  assert.deepEqual(summary(lines), [
    [1, 'skipped', 'header'],
    [2, '2026-03-02', 125500, 'credit'],
    [3, '2026-03-02', 200000, 'debit'],
    [4, '2026-03-02', 48250, 'credit'],
    [5, 'rejected', 'bad_amount'],
  ]);
  assert.equal((lines[3] as { description: string }).description, 'BRIVA 88810, "PESANAN" IBU ANI');
});

test('BNI-like layout: an unquoted 125.500,00 in a comma-separated file is mended, not split and dropped', () => {
  assert.deepEqual(summary(parseStatement(fixture('bni-like.csv'))!), [
    [1, 'skipped', 'header'],
    [2, '2026-03-03', 125500, 'credit'],
    [3, '2026-03-03', 48250, 'credit'],
    [4, '2026-03-03', 250000, 'debit'],
    [5, 'rejected', 'fraction'],
    [6, 'rejected', 'bad_date'],
    [7, 'skipped', 'summary'],
  ]);
});

test('our simple template still reads: ISO dates, plain amounts, negative debits; a headerless file too', () => {
  assert.deepEqual(summary(parseStatement(fixture('template.csv'))!), [
    [1, 'skipped', 'header'],
    [2, '2026-03-02', 125500, 'credit'],
    [3, '2026-03-02', 777, 'credit'],
    [4, '2026-03-02', 6500, 'debit'],
  ]);
  assert.deepEqual(
    summary(parseStatement('02/03/2026;TRF;125.500,00\n02/03/2026;TRF;9.000,00;DB\n')!),
    [
      [1, '2026-03-02', 125500, 'credit'],
      [2, '2026-03-02', 9000, 'debit'],
    ],
  );
  assert.equal(parseStatement('   \n'), null);
});
