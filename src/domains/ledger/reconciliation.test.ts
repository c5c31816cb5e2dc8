// The bank reconciliation page: what the imported statement and the ledger disagree on, for
// national staff only; a bad period is a clear error in the user's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { makeOrder } from '../../../test/support/orders.js';
import { importBankStatement, payOnline, transferPayment } from '../../../test/support/ledger.js';
import { reconcile } from './index.js';
import { bankDay } from './bank-day.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

test('statement and ledger: matched payments agree, the rest is listed by kind', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  // Paid through the imported statement: both sides agree (unique code included).
  const a = await makeOrder(w.h, { umkmId: u, servicePointId: sp, paymentMethod: 'transfer' });
  const pay = await transferPayment(w.h, a.groupId);
  // Confirmed without the bank seeing it (a provider callback on a transfer account): ledger only.
  const b = await makeOrder(w.h, { umkmId: u, servicePointId: sp, paymentMethod: 'transfer' });
  await payOnline(w.h, b.groupId);
  const today = bankDay(new Date()); // the bank prints its own (WIB) calendar day
  const admin = await w.as('national_admin');
  await importBankStatement(
    w.h,
    `tanggal,keterangan,jumlah\n${today},TRF ${pay.reference},${pay.amount}\n${today},TRF TIDAK DIKENAL,777\n`,
    admin.userId,
  );
  const rec = await reconcile(w.h.db, today, today);
  assert.equal(rec.matched, 1);
  assert.deepEqual(
    rec.rows.map((r) => [r.kind, r.bank, r.ledger]).sort(),
    [
      ['in_bank_only', 777, 0],
      ['in_ledger_only', 0, b.total + (await uniqueCode(b.groupId))],
    ].sort(),
  );
  const html = await (
    await admin.get(`/keuangan/rekonsiliasi?dari=${today}&sampai=${today}`)
  ).text();
  assert.match(html, /data-differences="2"/);
  assert.match(html, /Ada di bank, tidak ada di buku besar/);
  assert.match(html, /Ada di buku besar, belum ada di mutasi bank/);
  assert.match(html, /data-trial-total="0"/);
  // A bad period: a clear error, in Bahasa or English.
  const bad = await admin.get('/keuangan/rekonsiliasi?dari=2026-02-30&sampai=2026-01-01');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Periode tidak valid/);
  const en = await admin.get('/keuangan/rekonsiliasi?dari=2026-01-01', { 'accept-language': 'en' });
  assert.equal(en.status, 422);
  // Not for a seller or a community manager.
  assert.equal((await (await w.as('seller', u)).get('/keuangan/rekonsiliasi')).status, 403);
});

async function uniqueCode(groupId: string) {
  const p = await w.h.db
    .selectFrom('payments')
    .select('unique_code')
    .where('group_id', '=', groupId)
    .executeTakeFirstOrThrow();
  return p.unique_code;
}
