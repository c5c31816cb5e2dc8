// Bank statements through the JSON API as an XLSX body (issue 21): the Mandiri statement
// LibreOffice typed stores what its CSV stores (the CSV sent after it finds every credit
// already imported) and reports its lines alike; a cell that cannot be read is named by sheet,
// row and column; a file with nothing readable, or a cell holding a control character, writes
// nothing; a body that is no workbook is a 400.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createWorld, type World } from '../../../../test/support/world.js';
import type { TestClient } from '../../../../test/support/kernel/index.js';
import {
  NOT_WORKBOOKS,
  NUL_IN_CELL,
  postTable,
  refusedCells,
  workbookOf,
} from '../../../../test/support/sheet-uploads.js';
import '../index.js';

const PATH = '/api/v1/payments/statements';

let w: World;
let admin: TestClient;
before(async () => {
  w = await createWorld();
  admin = await w.as('national_admin');
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const stored = async () =>
  (
    await w.h.db
      .selectFrom('bank_statement_lines')
      .select(['booked_on', 'description', 'amount', 'fingerprint'])
      .orderBy('fingerprint')
      .execute()
  ).map((r) => JSON.stringify({ ...r, amount: Number(r.amount) }));

type Line = { line: number; outcome: string; reason: string; column?: string };
const shape = (lines: Line[]) =>
  lines.map((l) => [l.line, l.outcome === 'duplicate' ? 'unmatched' : l.outcome, l.column ?? '']);

test('the LibreOffice workbook of a Mandiri statement stores what its CSV stores', async () => {
  const before = await stored();
  const res = await postTable(admin, PATH, new Uint8Array(fixture('mandiri-mcm.xlsx')));
  assert.equal(res.status, 200);
  const xlsx = (await res.json()) as { sheet: string; total: number; lines: Line[] };
  assert.equal(xlsx.sheet, 'mandiri-mcm');
  assert.deepEqual(
    xlsx.lines.map((l) => [l.line, l.outcome, l.column ?? '']),
    [
      [1, 'skipped', ''],
      [2, 'unmatched', ''],
      [3, 'debit', ''],
      [4, 'unmatched', ''],
      [5, 'rejected', 'Date'],
    ],
  );
  const afterXlsx = await stored();
  assert.equal(afterXlsx.length, before.length + 2, 'the two credit lines');
  const csv = await admin.json('POST', PATH, { csv: fixture('mandiri-mcm.csv').toString('utf8') });
  assert.equal(csv.status, 200);
  const fromCsv = (await csv.json()) as { sheet: null; lines: Line[] };
  assert.equal(fromCsv.sheet, null);
  // The same lines, and each credit the CSV holds is the one the workbook stored.
  assert.deepEqual(shape(fromCsv.lines), shape(xlsx.lines));
  assert.deepEqual(
    fromCsv.lines.filter((l) => l.outcome === 'duplicate').map((l) => l.line),
    [2, 4],
  );
  assert.deepEqual(await stored(), afterXlsx);
});

test('unreadable cells are named by sheet, row and column; nothing readable, or a control character, writes nothing', async () => {
  const before = await stored();
  const res = await postTable(
    admin,
    PATH,
    await workbookOf(
      [
        ['Tanggal', 'Keterangan', 'Jumlah'],
        ['2026-03-04', 'TRF ANI', 77000],
        ['kemarin', 'TRF TANPA TANGGAL', 20000],
      ],
      'Mutasi Maret',
    ),
  );
  assert.equal(res.status, 200);
  const r = (await res.json()) as { sheet: string; lines: Line[] };
  assert.equal(r.sheet, 'Mutasi Maret');
  assert.deepEqual(
    r.lines.map((l) => [l.line, l.outcome, l.reason, l.column ?? '']),
    [
      [1, 'skipped', 'header', ''],
      [2, 'unmatched', 'no_payment', ''],
      [3, 'rejected', 'bad_date', 'Tanggal'],
    ],
  );
  const withOne = await stored();
  assert.equal(withOne.length, before.length + 1);
  // Nothing in the sheet is a transaction: refused, in the caller's language.
  const none = await postTable(
    admin,
    PATH,
    await workbookOf([
      ['Tanggal', 'Keterangan', 'Jumlah'],
      ['kemarin', 'TRF', 5000],
    ]),
    { locale: 'en' },
  );
  assert.equal(none.status, 422);
  assert.equal(((await none.json()) as { code: string }).code, 'ORDERS_BAD_STATEMENT');
  // A control character in a cell (Excel's `_x0000_`): the cell is named, nothing is stored.
  const nul = await postTable(
    admin,
    PATH,
    await workbookOf(
      [
        ['Tanggal', 'Keterangan', 'Jumlah'],
        ['2026-03-05', NUL_IN_CELL, 81000],
      ],
      'Mutasi',
    ),
  );
  assert.equal(nul.status, 422);
  const n = await refusedCells(nul);
  assert.equal(n.code, 'TABLE_REJECTED');
  assert.deepEqual(n.cells, [['Mutasi', 2, 'B', 'validation.control_chars']]);
  assert.deepEqual(await stored(), withOne);
});

test('a body sent as XLSX that is no readable workbook is a 400 and writes nothing', async () => {
  const before = await stored();
  for (const [what, body] of NOT_WORKBOOKS) {
    const res = await postTable(admin, PATH, body);
    assert.equal(res.status, 400, what);
    assert.equal(((await res.json()) as { code: string }).code, 'TABLE_NOT_XLSX', what);
  }
  assert.deepEqual(await stored(), before);
  const buyer = await w.as('buyer');
  const book = await workbookOf([['Tanggal', 'Keterangan', 'Jumlah']]);
  assert.equal((await postTable(buyer, PATH, book)).status, 403);
});
