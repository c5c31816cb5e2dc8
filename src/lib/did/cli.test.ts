// CLI, CSV reader and numerical helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chisqSf, parseCsv, qnorm, runDidCli } from './index.ts';
import { loadReference, MPDTA_DIR } from './testdata.ts';

const MPDTA = `${MPDTA_DIR}/mpdta.csv`;
const ARGS = [
  '--data',
  MPDTA,
  '--id',
  'countyreal',
  '--time',
  'year',
  '--cohort',
  'first.treat',
  '--outcome',
  'lemp',
];

function run(
  argv: string[],
  files: Record<string, string> = {},
): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runDidCli(argv, {
    readFile: (p) => files[p] ?? readFileSync(p, 'utf8'),
    stdout: (s) => (out += s),
    stderr: (s) => (err += s),
  });
  return { code, out, err };
}

test('--json prints the documented document with the reference numbers', () => {
  const r = run([...ARGS, '--json']);
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.deepEqual(Object.keys(j), [
    'attgt',
    'aggregations',
    'pretest',
    'twfe',
    'bacon',
    'warnings',
  ]);
  const ref = loadReference();
  assert.equal(j.attgt.length, 12);
  assert.deepEqual(Object.keys(j.attgt[0]), ['group', 'time', 'att', 'se']);
  assert.ok(
    Math.abs(j.attgt[0].att - ref.callaway_santanna.base_period_varying.attgt[0].att) < 1e-12,
  );
  assert.deepEqual(Object.keys(j.aggregations), ['simple', 'dynamic', 'group', 'calendar']);
  assert.deepEqual(Object.keys(j.aggregations.simple), ['att', 'se']);
  assert.deepEqual(Object.keys(j.aggregations.dynamic.by[0]), ['key', 'att', 'se']);
  assert.ok(Math.abs(j.aggregations.dynamic.att - -0.0772398214573161) < 1e-12);
  assert.equal(j.pretest.df, 5);
  assert.ok(Math.abs(j.pretest.p - 0.1681225) < 1e-7);
  assert.deepEqual(Object.keys(j.twfe.se), ['cr0', 'cr1', 'fixest']);
  assert.ok(Math.abs(j.twfe.se.fixest / 0.0132651554293389 - 1) < 1e-9);
  assert.equal(j.bacon.length, 9);
  assert.deepEqual(Object.keys(j.bacon[0]), ['type', 'treated', 'control', 'estimate', 'weight']);
  assert.deepEqual(j.warnings, []);
});

test('universal base: reference cells have se null; bootstrap adds crit values', () => {
  const u = JSON.parse(run([...ARGS, '--json', '--base', 'universal']).out);
  assert.equal(u.attgt.length, 15);
  assert.equal(u.attgt[0].se, null);
  const b = JSON.parse(
    run([...ARGS, '--json', '--bootstrap', '199', '--seed', '7', '--cluster', 'countyreal']).out,
  );
  assert.equal(b.bootstrap.draws, 199);
  assert.ok(b.bootstrap.crit.attgt > 2 && b.bootstrap.crit.attgt < 3.5);
  assert.ok(Math.abs(b.attgt[0].se / 0.0232510363681662 - 1) < 0.3);
});

test('human output has readable tables', () => {
  const r = run([...ARGS, '--control', 'notyet', '--anticipation', '0']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /group\s+time\s+ATT\s+SE/);
  assert.match(r.out, /Pre-trend Wald test: W = /);
  assert.match(r.out, /Later vs Earlier Treated/);
});

test('bad input exits 2 with a message naming row and column', () => {
  const good = 'id,t,g,y\n1,1,0,1.0\n1,2,0,1.5\n2,1,2,2.0\n2,2,2,3.0\n';
  let r = run(['--data', 'x.csv', '--id', 'id', '--time', 't', '--cohort', 'g', '--outcome', 'y'], {
    'x.csv': good.replace('3.0', 'abc'),
  });
  assert.equal(r.code, 2);
  assert.match(r.err, /row 5, column y: 'abc' is not a number/);
  r = run(['--data', 'x.csv', '--id', 'id', '--time', 't', '--cohort', 'gg', '--outcome', 'y'], {
    'x.csv': good,
  });
  assert.equal(r.code, 2);
  assert.match(r.err, /column 'gg' is not in x.csv; columns are: id, t, g, y/);
  r = run(['--data', 'x.csv', '--id', 'id', '--time', 't', '--cohort', 'g', '--outcome', 'y'], {
    'x.csv': good.replace('2,2,2,3.0', '2,2,3,3.0'),
  });
  assert.equal(r.code, 2);
  assert.match(r.err, /column g: unit 2 has cohort 2 in row 4 but 3 in row 5/);
  r = run(['--data', 'x.csv', '--id', 'id', '--time', 't', '--cohort', 'g', '--outcome', 'y'], {
    'x.csv': good.replace('1,2,0,1.5', '1,2,0,'),
  });
  assert.equal(r.code, 2);
  assert.match(r.err, /column y: missing or non-numeric outcome in row 3/);
  assert.equal(run(['--data', 'x.csv']).code, 2);
  assert.equal(run([...ARGS, '--control', 'sometimes']).code, 2);
  assert.equal(run([...ARGS, '--bogus', '1']).code, 2);
  assert.equal(
    run([
      '--data',
      '/nonexistent.csv',
      '--id',
      'a',
      '--time',
      'b',
      '--cohort',
      'c',
      '--outcome',
      'd',
    ]).code,
    2,
  );
});

test('CSV reader: quotes, escaped quotes, embedded newlines, CRLF, BOM, ragged rows', () => {
  const t = parseCsv('\ufeffa,"b c"\r\n1,"x,""y"""\r\n"multi\nline",3\n');
  assert.deepEqual(t.header, ['a', 'b c']);
  assert.deepEqual(t.rows, [
    ['1', 'x,"y"'],
    ['multi\nline', '3'],
  ]);
  assert.deepEqual(t.lines, [2, 3]);
  assert.throws(() => parseCsv('a,b\n1,"open\n'), /unterminated quoted field starting on line 2/);
  assert.throws(
    () => parseCsv('a,b\r\n"x\r\ny",1\r\n\r\n2,"open\r\n3,4\r\n'),
    /unterminated quoted field starting on line 5/,
  );
  assert.deepEqual(
    parseCsv('a,b\r\n"x\r\ny",1\r\n\r\n2,3\r4,5').lines,
    [2, 5, 6],
    'quoted CRLF counted once; CR alone ends a line',
  );
  assert.deepEqual(
    parseCsv('a,b\nO"Brien,1\n').rows,
    [['O"Brien', '1']],
    'a quote inside an unquoted cell is text',
  );
  assert.throws(() => parseCsv('\n\n'), /the CSV file is empty/);
  assert.throws(() => parseCsv('a,b\n1,2,3\n'), /line 2 has 3 fields/);
});

test('chi-square tail and normal quantile match R', () => {
  assert.ok(Math.abs(chisqSf(7.7912366272, 5) - 0.1681225) < 1e-7);
  assert.ok(Math.abs(chisqSf(3.841458820694124, 1) - 0.05) < 1e-13); // qchisq(.95, 1)
  assert.ok(Math.abs(chisqSf(100, 80) - 0.064570368921133) < 1e-12); // 1 - pchisq(100, 80)
  assert.ok(Math.abs(chisqSf(0.5, 3) - 0.9188914) < 1e-7);
  assert.ok(Math.abs(qnorm(0.975) - 1.959963984540054) < 1e-15);
  assert.ok(Math.abs(qnorm(0.75) - qnorm(0.25) - 1.3489795003921634) < 1e-15);
});
