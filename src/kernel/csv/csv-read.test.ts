// The CSV reader: records with the physical line each starts on (so import reports can name
// line and column), quoting, separators, line ends, BOM and blank lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsv } from './index.js';

const records = (text: string, opts?: Parameters<typeof readCsv>[1]) => {
  const r = readCsv(text, opts);
  assert.ok(r.ok, JSON.stringify(r));
  return r.records.map((x) => [x.line, ...x.cells]);
};

test('records carry the line they start on; blank lines are skipped but counted', () => {
  assert.deepEqual(records('a,b\n1,2\n\n   \n3,4\n'), [
    [1, 'a', 'b'],
    [2, '1', '2'],
    [5, '3', '4'],
  ]);
  assert.deepEqual(records('a,b\r\n"x\r\ny",2\r\n3,4'), [
    [1, 'a', 'b'],
    [2, 'x\r\ny', '2'],
    [4, '3', '4'],
  ]);
  assert.deepEqual(records('a\n"one\ntwo\nthree"\nb\n'), [
    [1, 'a'],
    [2, 'one\ntwo\nthree'],
    [5, 'b'],
  ]);
  assert.deepEqual(
    records('a,b\r1,2\n3,4\r\n5,6'),
    [
      [1, 'a', 'b'],
      [2, '1', '2'],
      [3, '3', '4'],
      [4, '5', '6'],
    ],
    'mixed line ends',
  );
});

test('quotes, escaped quotes, a BOM, ragged rows kept as they are', () => {
  assert.deepEqual(records('\ufeffname,note\n"Sari, Bajawa","say ""hi"""\n'), [
    [1, 'name', 'note'],
    [2, 'Sari, Bajawa', 'say "hi"'],
  ]);
  assert.deepEqual(records('a,b\n1\n1,2,3\n'), [
    [1, 'a', 'b'],
    [2, '1'],
    [3, '1', '2', '3'],
  ]);
  assert.deepEqual(
    records('a,b\nO"Brien,x\n'),
    [
      [1, 'a', 'b'],
      [2, 'O"Brien', 'x'],
    ],
    'a quote inside an unquoted cell is text',
  );
  assert.deepEqual(records(' a , b \n'), [[1, ' a ', ' b ']], 'cells are not trimmed');
  assert.deepEqual(records(''), []);
});

test('separator: comma, semicolon, or worked out from the first line', () => {
  assert.deepEqual(records('a;b\n1;2\n', { delimiter: ';' }), [
    [1, 'a', 'b'],
    [2, '1', '2'],
  ]);
  const auto = readCsv('\ufeffvillage_code;signal\n53.09.01.2001;"4g;x"\n', { delimiter: 'auto' });
  assert.ok(auto.ok);
  assert.equal(auto.delimiter, ';');
  assert.deepEqual(
    auto.records.map((r) => r.cells),
    [
      ['village_code', 'signal'],
      ['53.09.01.2001', '4g;x'],
    ],
  );
  const comma = readCsv('a;b,c\n', { delimiter: 'auto' });
  assert.ok(comma.ok && comma.delimiter === ',', 'a comma in the first line means commas');
});

test('an unclosed quote is refused with the line its record starts on', () => {
  assert.deepEqual(readCsv('a,b\n1,2\n3,"open\n4,5\n6,7\n'), {
    ok: false,
    problem: 'unclosed_quote',
    line: 3,
  });
  assert.deepEqual(readCsv('"never closed'), { ok: false, problem: 'unclosed_quote', line: 1 });
});
