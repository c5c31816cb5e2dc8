// Bank statements from an XLSX upload (issue 21): a statement LibreOffice typed (dates as
// dates, amounts as numbers) reads exactly like the CSV it came from; through the staff page
// an uploaded sheet pays the awaited transfer and names sheet, row and column of each cell it
// could not read; an unreadable file is refused and writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { createWorld, type World } from '../../../../test/support/world.js';
import { NUL_IN_CELL } from '../../../../test/support/sheet-uploads.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { placeOrder } from '../checkout/place-order.js';
import { ensurePayment } from './intent.js';
import { readStatement, type ParsedLine } from './statement.js';
import '../index.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const statementLines = async () =>
  (await w.h.db.selectFrom('bank_statement_lines').select('id').execute()).length;

async function awaitedTransfer() {
  const p = await makeProduct(w.h, {
    umkmId: await makeUmkm(w.h.db, { villageCode: village }),
    price: 37000,
    stock: 5,
  });
  const r = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 2 }],
        buyer: { name: 'Rina Wati', phone: '081234567890' },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: 'transfer',
        channel: 'storefront',
      },
      null,
    ),
  );
  return { groupId: r.groupId, pay: unwrap(await ensurePayment(w.h.db, r.groupId))! };
}

/** What a reading means, without the raw text (a sheet has no trailing ';' to echo). */
const meaning = (lines: ParsedLine[] | null) =>
  (lines ?? []).map((l) =>
    l.kind === 'transaction'
      ? { ...l }
      : { line: l.line, kind: l.kind, reason: l.reason, column: l.column },
  );

test('a LibreOffice XLSX of a Mandiri statement reads exactly like the CSV it was made from', async () => {
  const xlsx = await readStatement(new Uint8Array(fixture('mandiri-mcm.xlsx')));
  const csv = await readStatement(fixture('mandiri-mcm.csv').toString('utf8'));
  assert.ok(xlsx.ok && csv.ok);
  assert.equal(xlsx.sheet, 'mandiri-mcm');
  assert.equal(csv.sheet, null);
  assert.deepEqual(meaning(xlsx.lines), meaning(csv.lines));
  assert.deepEqual(
    (xlsx.lines ?? []).flatMap((l) =>
      l.kind === 'transaction' ? [[l.line, l.bookedOn, l.amount, l.direction]] : [],
    ),
    [
      [2, '2026-03-01', 125500, 'credit'],
      [3, '2026-03-01', 12500, 'debit'],
      [4, '2026-03-02', 1250000, 'credit'],
    ],
  );
  // 31/02/26 is no date: the report names its column by the bank's heading.
  assert.deepEqual(meaning(xlsx.lines).at(-1), {
    line: 5,
    kind: 'rejected',
    reason: 'bad_date',
    column: 'Date',
  });
  // The same CSV uploaded as bytes reads as when pasted.
  const bytes = await readStatement(new Uint8Array(fixture('mandiri-mcm.csv')));
  assert.ok(bytes.ok);
  assert.deepEqual(bytes.lines, csv.lines);
});

/** A statement sheet as a treasurer saves it from Excel: typed dates and amounts. */
async function statementWorkbook(amount: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mutasi Maret');
  ws.addRow(['Periode : 01/03/2026 - 31/03/2026']);
  ws.addRow([]);
  ws.addRow(['Tanggal', 'Keterangan', 'Debet', 'Kredit', 'Saldo']);
  ws.addRow([new Date(Date.UTC(2026, 2, 2)), 'TRF RINA WATI', 0, amount, 2_000_000]);
  ws.addRow([new Date(Date.UTC(2026, 2, 2)), 'BIAYA ADM', 6500, 0, 1_993_500]);
  ws.addRow([new Date(Date.UTC(2026, 2, 3)), 'TRF SEN', 0, 1500.5, 1_995_000]);
  ws.addRow(['kemarin', 'TRF TANPA TANGGAL', 0, 20000, 2_015_000]);
  wb.addWorksheet('Catatan').addRow(['abaikan']);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function upload(bytes: Uint8Array, locale?: string) {
  const admin = await w.as('national_admin');
  const form = new FormData();
  form.set('_csrf', await admin.csrf());
  form.set('csv', '');
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'mutasi.xlsx'));
  return admin.fetch('/keuangan/pembayaran/impor', {
    method: 'POST',
    body: form,
    headers: locale ? { 'accept-language': locale } : {},
  });
}

test('staff page: an uploaded XLSX pays the awaited transfer and names sheet, row and column of each unreadable cell', async () => {
  const t = await awaitedTransfer();
  const res = await upload(await statementWorkbook(t.pay.amount), 'en');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /data-total="7"/);
  assert.match(html, /data-matched="1"/);
  assert.match(html, /<caption>Worksheet &quot;Mutasi Maret&quot;<\/caption>/);
  assert.match(html, /<th>Sheet row<\/th><th>Column<\/th>/);
  const rows = [
    ...html.matchAll(
      /<tr data-line="(\d+)" data-outcome="(\w+)" data-reason="(\w+)"><td>\d+<\/td><td>([^<]*)<\/td>/g,
    ),
  ].map((m) => [Number(m[1]), m[3], m[4]]);
  assert.deepEqual(rows, [
    [1, 'preamble', ''],
    [2, 'blank', ''],
    [3, 'header', ''],
    [5, 'debit', ''],
    [6, 'fraction', 'Kredit'],
    [7, 'bad_date', 'Tanggal'],
  ]);
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('payment_status')
        .where('group_id', '=', t.groupId)
        .executeTakeFirstOrThrow()
    ).payment_status,
    'paid',
  );
  // In Bahasa Indonesia by default; the same sheet again pays nothing twice.
  const again = await (await upload(await statementWorkbook(t.pay.amount))).text();
  assert.match(again, /Lembar kerja &quot;Mutasi Maret&quot;/);
  assert.match(again, /Baris lembar/);
  assert.match(again, /sudah pernah diimpor/);
  const page = await (await (await w.as('national_admin')).get('/keuangan/pembayaran')).text();
  assert.match(page, /enctype="multipart\/form-data"/);
  assert.match(page, /accept="[^"]*\.xlsx/);
  assert.match(page, /<textarea id="f-csv" name="csv"/, 'pasting still works');
});

test('an unreadable XLSX is refused with a clear message and writes nothing', async () => {
  const before = await statementLines();
  const res = await upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'en');
  assert.equal(res.status, 422);
  assert.match(await res.text(), /unreadable Excel file/);
  assert.equal(await statementLines(), before);
});

test('a control character in a cell (Excel’s `_x0000_`, or a NUL in a CSV) is named by row and column; nothing written', async () => {
  const before = await statementLines();
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mutasi');
  ws.addRow(['Tanggal', 'Keterangan', 'Debet', 'Kredit', 'Saldo']);
  ws.addRow([new Date(Date.UTC(2026, 2, 2)), NUL_IN_CELL, 0, 81000, 2_000_000]);
  const res = await upload(new Uint8Array(await wb.xlsx.writeBuffer()));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /karakter kontrol \(misalnya NUL\) di baris 2 kolom B/);
  const csv = await upload(
    new TextEncoder().encode('Tanggal,Keterangan,Kredit\n2026-03-02,TRF\u0000RINA,81000\n'),
    'en',
  );
  assert.equal(csv.status, 422);
  assert.match(await csv.text(), /control character \(such as NUL\) at line 2 column B/);
  assert.equal(await statementLines(), before);
});
