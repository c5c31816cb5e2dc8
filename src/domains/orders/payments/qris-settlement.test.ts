// A buyer pays by scanning: the tests read the QR image on the confirmation page and the
// payload the API returns, and settle with the reference those carry — as a real provider
// would echo it — never with an id from the database. The payee shown is the configured one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { parseTlv, verifyCrc } from './qris.js';
import { signQris, webhookSecret } from './provider.js';
import { readQrFromHtml } from '../../../../test/support/qr-read.js';
import '../index.js';

const PAYEE = {
  LUMBUNG_PAYEE_BANK: 'BNI',
  LUMBUNG_PAYEE_ACCOUNT: '0271-555-123',
  LUMBUNG_PAYEE_NAME: 'BUMDes Maju Bersama',
  LUMBUNG_QRIS_MERCHANT_PAN: '9360000912345678901',
  LUMBUNG_QRIS_NMID: 'ID2024567890123',
  LUMBUNG_QRIS_MERCHANT_NAME: 'BUMDES MAJU BERSAMA',
  LUMBUNG_QRIS_CITY: 'BAJAWA',
  LUMBUNG_QRIS_POSTAL_CODE: '86411',
};
let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld({ env: { LUMBUNG_SECRET: 'test-secret', ...PAYEE } });
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

let k = 0;
async function checkout(method: 'transfer' | 'qris') {
  const p = await makeProduct(w.h, {
    umkmId: await makeUmkm(w.h.db, { villageCode: village }),
    price: 62750,
    stock: 5,
  });
  const res = await (await w.as('buyer')).json(
    'POST',
    '/api/v1/checkout',
    {
      lines: [{ variantId: p.variantId, qty: 2 }],
      buyer: { name: 'Yohana Bupu', phone: '081298765432' },
      delivery: { kind: 'pickup', servicePointId: sp },
      paymentMethod: method,
    },
    { 'idempotency-key': `qris-${process.pid}-${++k}` },
  );
  assert.equal(res.status, 201);
  return res.json();
}
const secret = webhookSecret('test-secret', 'qris', {});
const callback = (body: string, headers = signQris(secret, body)) =>
  w.client().fetch('/api/v1/webhooks/payments/qris', {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

test('QRIS: the page’s QR image and the API payload carry the same short reference and the configured merchant; the provider settles with it', async () => {
  const placed = await checkout('qris');
  const fromApi: string = placed.payment.qris;
  const fromImage = readQrFromHtml(await (await w.client().get(placed.confirmationUrl)).text());
  assert.equal(fromImage, fromApi, 'the image encodes exactly the payload the API gave');
  assert.ok(verifyCrc(fromImage));
  const f = parseTlv(fromImage);
  const merchant = parseTlv(f.get('26')!);
  assert.deepEqual(
    [merchant.get('01'), merchant.get('02'), f.get('59'), f.get('60'), f.get('61')],
    ['9360000912345678901', 'ID2024567890123', 'BUMDES MAJU BERSAMA', 'BAJAWA', '86411'],
  );
  const reference = parseTlv(f.get('62')!).get('05')!;
  assert.match(reference, /^LMB[0-9A-Z]{10}$/);
  assert.ok(reference.length <= 25, 'fits EMVCo tag 62.05');
  const amount = Number(f.get('54'));

  const body = JSON.stringify({ event_id: 'evt_scan_0000001', reference, amount, status: 'paid' });
  const r = await callback(body);
  assert.equal(r.status, 200);
  assert.equal((await r.json()).status, 'paid');
  const orders = await w.h.db
    .selectFrom('orders')
    .select('payment_status')
    .where('group_id', '=', placed.groupId)
    .execute();
  assert.deepEqual(
    orders.map((o) => o.payment_status),
    ['paid'],
  );
  const after = await (await w.client().get(placed.confirmationUrl)).text();
  assert.throws(() => readQrFromHtml(after), /no QR image/, 'a paid order shows no code to pay');
});

test('QRIS: an unknown or cut reference is 404; the same event id with another body is refused; a retry changes nothing', async () => {
  const placed = await checkout('qris');
  const reference = parseTlv(parseTlv(placed.payment.qris).get('62')!).get('05')!;
  const amount = placed.payment.amount;
  const unknown = JSON.stringify({
    event_id: 'evt_scan_0000002',
    reference: reference.slice(0, -1),
    amount,
    status: 'paid',
  });
  assert.equal((await callback(unknown)).status, 404);
  const ok = JSON.stringify({ event_id: 'evt_scan_0000003', reference, amount, status: 'paid' });
  assert.equal((await callback(ok)).status, 200);
  const audits = async () => (await w.h.db.selectFrom('audit_log').select('seq').execute()).length;
  const before = await audits();
  const forged = JSON.stringify({
    event_id: 'evt_scan_0000003',
    reference,
    amount,
    status: 'failed',
  });
  const refused = await callback(forged);
  assert.equal(refused.status, 422, 'an event id replayed with another body');
  assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
  const retry = await callback(ok);
  assert.equal(retry.status, 200);
  assert.equal(await audits(), before, 'neither wrote anything');
});

test('transfer: the confirmation page shows the configured account and the reference to write in the remark; a statement line carrying it pays', async () => {
  const placed = await checkout('transfer');
  const html = await (await w.client().get(placed.confirmationUrl)).text();
  assert.ok(html.includes('BNI 0271-555-123 a.n. BUMDes Maju Bersama'));
  const reference = /data-reference="(LMB[0-9A-Z]{10})"/.exec(html)?.[1];
  assert.ok(reference);
  assert.equal(reference, placed.payment.reference);
  const admin = await w.as('national_admin');
  const amount = new Intl.NumberFormat('id-ID', { minimumFractionDigits: 2 }).format(
    placed.payment.amount,
  );
  const csv = `Tanggal;Keterangan;Debet;Kredit\n05/03/2026;TRF YOHANA ${reference.toLowerCase()};0,00;${amount}\n`;
  const r = await admin.json('POST', '/api/v1/payments/statements', { csv });
  assert.equal(r.status, 200);
  const rep = await r.json();
  assert.deepEqual(
    rep.lines.map((l: { outcome: string }) => l.outcome),
    ['skipped', 'matched'],
  );
  assert.equal(rep.lines[1].reference, reference);
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('payment_status')
        .where('group_id', '=', placed.groupId)
        .executeTakeFirstOrThrow()
    ).payment_status,
    'paid',
  );
});
