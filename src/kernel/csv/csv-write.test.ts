// The spreadsheet CSV writer, pinned byte for byte: RFC 4180 quoting, CRLF, and cells a
// spreadsheet would run as a formula (= + - @, tab, CR first) neutralised with an apostrophe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvCell, csvRows } from './index.js';

test('cells: numbers stay numbers, text is quoted only when needed', () => {
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(-1500), '-1500');
  assert.equal(csvCell(2.5), '2.5');
  assert.equal(csvCell(true), 'true');
  assert.equal(csvCell('Kopi Bajawa'), 'Kopi Bajawa');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('a\tb'), 'a\tb');
});

test('cells a spreadsheet would run as a formula get a leading apostrophe (issue 13 item 8)', () => {
  assert.equal(csvCell('=SUM(A1:A2)'), "'=SUM(A1:A2)");
  assert.equal(csvCell('+62'), "'+62");
  assert.equal(csvCell('-cmd'), "'-cmd");
  assert.equal(csvCell('@x'), "'@x");
  assert.equal(csvCell('\t=1+1'), "'\t=1+1");
  assert.equal(csvCell('\r=1+1'), '"\'\r=1+1"');
  assert.equal(csvCell('=HYPERLINK("http://x","y")'), '"\'=HYPERLINK(""http://x"",""y"")"');
});

test('a document: fixed bytes, each row ended by CRLF', () => {
  const doc = csvRows([
    ['id', 'name', 'amount', 'note'],
    ['ord_1', 'Sari, Bajawa', -25000, null],
    ['ord_2', '\tTAB', 0, '\rCR'],
    ['ord_3', '=1+2', 1.5, 'multi\r\nline'],
  ]);
  const want =
    'id,name,amount,note\r\n' +
    'ord_1,"Sari, Bajawa",-25000,\r\n' +
    'ord_2,\'\tTAB,0,"\'\rCR"\r\n' +
    'ord_3,\'=1+2,1.5,"multi\r\nline"\r\n';
  assert.equal(doc, want);
  assert.deepEqual(
    [...Buffer.from(csvRows([['\tx', '\ry']]))],
    [0x27, 0x09, 0x78, 0x2c, 0x22, 0x27, 0x0d, 0x79, 0x22, 0x0d, 0x0a],
  );
});

test('data exports: LF line ends and fixed decimals for non-integers, same quoting', () => {
  const doc = csvRows(
    [
      ['village_id', 'year', 'rate', 'note'],
      ['a1', 2024, 0.1234567, 'x, y'],
      ['b2', 2025, -2, null],
    ],
    { newline: '\n', decimals: 6 },
  );
  assert.equal(doc, 'village_id,year,rate,note\na1,2024,0.123457,"x, y"\nb2,2025,-2,\n');
  assert.equal(csvRows([['two\nlines']], { newline: '\n' }), '"two\nlines"\n');
});
