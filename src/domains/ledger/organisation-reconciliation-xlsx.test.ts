// The treasurer's statement upload as XLSX (issue 21): a sheet saved from Excel (typed dates
// and amounts) adds the same lines as its CSV would; an unreadable workbook is refused and
// writes nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeKoperasi, type Koperasi } from '../../../test/support/produce.js';

let w: World;
let k: Koperasi;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w, 1);
});
after(() => w.close());

const PATH = '/keuangan/rekonsiliasi/organisasi';
const bankLines = async () =>
  (
    await w.h.db
      .selectFrom('ledger_bank_lines')
      .select(['booked_on', 'description', 'amount'])
      .where('organisation_id', '=', k.orgId)
      .orderBy('amount')
      .execute()
  ).map((r) => [r.booked_on, r.description, Number(r.amount)]);

async function post(bytes: Uint8Array, locale?: string) {
  const manager = await w.as([['community_manager', k.orgId]]);
  const form = new FormData();
  form.set('_csrf', await manager.csrf());
  form.set('organisation_id', k.orgId);
  form.set('csv', '');
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'mutasi.xlsx'));
  return manager.fetch(`${PATH}/impor`, {
    method: 'POST',
    body: form,
    headers: locale ? { 'accept-language': locale } : {},
  });
}

test('an uploaded XLSX statement adds its lines like the CSV; the same sheet again adds nothing', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Mutasi');
  ws.addRow(['tanggal', 'keterangan', 'debet', 'kredit']);
  ws.addRow([new Date(Date.UTC(2026, 4, 4)), 'TARIK TUNAI PANJAR', 50000, null]);
  ws.addRow([new Date(Date.UTC(2026, 4, 4)), 'SETORAN', null, 777]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const res = await post(bytes);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /2 baris mutasi ditambahkan, 0 sudah pernah diimpor/);
  assert.deepEqual(await bankLines(), [
    ['2026-05-04', 'TARIK TUNAI PANJAR', -50000],
    ['2026-05-04', 'SETORAN', 777],
  ]);
  // The CSV of the same table is the same file to the import: nothing is added twice.
  const manager = await w.as([['community_manager', k.orgId]]);
  const csv =
    'tanggal,keterangan,debet,kredit\n2026-05-04,TARIK TUNAI PANJAR,50000,\n2026-05-04,SETORAN,,777\n';
  const again = await manager.form(`${PATH}/impor`, { organisation_id: k.orgId, csv });
  assert.match(await again.text(), /0 baris mutasi ditambahkan, 2 sudah pernah diimpor/);
  const page = await (await manager.get(`${PATH}?org=${k.orgId}`)).text();
  assert.match(page, /enctype="multipart\/form-data"/);
  assert.match(page, /accept="[^"]*\.xlsx/);
});

test('an unreadable XLSX is a clear error and writes nothing', async () => {
  const before = await bankLines();
  const res = await post(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'en');
  assert.equal(res.status, 422);
  assert.match(await res.text(), /could not be read/);
  assert.deepEqual(await bankLines(), before);
});
