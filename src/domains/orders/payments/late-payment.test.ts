// Money that arrives after the reservation expired — through the QRIS callback or a statement
// line — is recorded as an exception, shown to staff of the buyer's region (page and API),
// and resolved by reserving the goods again or marking the money for refund; audit-logged.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { cancelOrder, expireReservations } from '../orders.service.js';
import { parseTlv } from './qris.js';
import { importStatement } from './transfer.js';
import { signQris, webhookSecret } from './provider.js';
import '../index.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld({ env: { LUMBUNG_SECRET: 'test-secret' } });
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

let k = 0;
/** A checkout through the public API, as a buyer's app makes it; returns what the buyer is given. */
async function checkout(
  method: 'transfer' | 'qris' | 'cod',
  o: { stock?: number; variantId?: string } = {},
) {
  const variantId =
    o.variantId ??
    (
      await makeProduct(w.h, {
        umkmId: await makeUmkm(w.h.db, { villageCode: village }),
        price: 30000,
        stock: o.stock ?? 5,
      })
    ).variantId;
  // A signed-in buyer: a guest would have to name a cart (idempotency keys belong to a client).
  const res = await (await w.as('buyer')).json(
    'POST',
    '/api/v1/checkout',
    {
      lines: [{ variantId, qty: 2 }],
      buyer: { name: 'Rina Wati', phone: '081234567890' },
      delivery: { kind: 'pickup', servicePointId: sp },
      paymentMethod: method,
    },
    { 'idempotency-key': `late-${process.pid}-${++k}` },
  );
  assert.equal(res.status, 201);
  const body = await res.json();
  return { body, variantId, groupId: body.groupId as string };
}

const afterExpiry = () => expireReservations(w.h.db, new Date(Date.now() + 7 * 86_400_000));
const count = async (table: 'payment_exceptions' | 'orders' | 'payments' | 'audit_log') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const exceptionsOf = (paymentId: string) =>
  w.h.db.selectFrom('payment_exceptions').selectAll().where('payment_id', '=', paymentId).execute();

test('QRIS paid after expiry: recorded once as an exception (not dropped), audit-logged, orders stay cancelled', async () => {
  const g = await checkout('qris');
  const reference = parseTlv(parseTlv(g.body.payment.qris).get('62')!).get('05')!;
  await afterExpiry();
  const secret = webhookSecret('test-secret', 'qris');
  const raw = JSON.stringify({
    event_id: 'evt_late_000001',
    reference,
    amount: g.body.payment.amount,
    status: 'paid',
  });
  const send = () =>
    w.client().fetch('/api/v1/webhooks/payments/qris', {
      method: 'POST',
      body: raw,
      headers: { 'content-type': 'application/json', ...signQris(secret, raw) },
    });
  const r1 = await send();
  assert.equal(r1.status, 200);
  const b1 = await r1.json();
  assert.equal(b1.status, 'exception');
  const ex = await exceptionsOf(g.body.payment.id);
  assert.equal(ex.length, 1);
  assert.deepEqual(
    [ex[0].id, ex[0].status, ex[0].amount, ex[0].source, ex[0].village_code],
    [b1.exceptionId, 'open', g.body.payment.amount, 'webhook', village],
  );
  const r2 = await send();
  assert.deepEqual(await r2.json(), b1, 'a provider retry answers the same');
  assert.equal((await exceptionsOf(g.body.payment.id)).length, 1, 'and records nothing twice');
  const audited = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', g.body.payment.id)
    .execute();
  assert.deepEqual(
    audited.map((a) => a.action),
    ['orders.payment_exception'],
  );
  const orders = await w.h.db
    .selectFrom('orders')
    .select(['status', 'payment_status'])
    .where('group_id', '=', g.groupId)
    .execute();
  assert.deepEqual(
    orders.map((o) => [o.status, o.payment_status]),
    [['cancelled', 'unpaid']],
  );
});

test('staff in scope see it (page and API) and reserve the goods again, paid by the money that came in', async () => {
  const g = await checkout('qris');
  const reference = parseTlv(parseTlv(g.body.payment.qris).get('62')!).get('05')!;
  await afterExpiry();
  const raw = JSON.stringify({
    event_id: 'evt_late_000002',
    reference,
    amount: g.body.payment.amount,
    status: 'paid',
  });
  const b = await (
    await w.client().fetch('/api/v1/webhooks/payments/qris', {
      method: 'POST',
      body: raw,
      headers: {
        'content-type': 'application/json',
        ...signQris(webhookSecret('test-secret', 'qris'), raw),
      },
    })
  ).json();
  const id = b.exceptionId as string;

  const officer = await w.as('regional_officer', '53.09');
  const elsewhere = await w.as('regional_officer', '35.10');
  const buyer = await w.as('buyer');
  const listed = await (await officer.get('/api/v1/payments/exceptions')).json();
  assert.ok(
    listed.items.some(
      (e: { id: string; reference: string; orderNumbers: string[] }) =>
        e.id === id && e.reference === reference && e.orderNumbers.length === 1,
    ),
  );
  assert.ok(
    !(await (await elsewhere.get('/api/v1/payments/exceptions')).json()).items.some(
      (e: { id: string }) => e.id === id,
    ),
    'another region does not see it',
  );
  assert.equal((await buyer.get('/api/v1/payments/exceptions')).status, 403);
  const html = await (await officer.get('/keuangan/pembayaran/pengecualian')).text();
  assert.match(html, new RegExp(`data-exception="${id}" data-status="open"`));

  const before = { orders: await count('orders'), audit: await count('audit_log') };
  assert.equal(
    (
      await elsewhere.json('POST', `/api/v1/payments/exceptions/${id}/resolve`, {
        action: 'reserve',
      })
    ).status,
    404,
  );
  assert.equal(
    (await buyer.json('POST', `/api/v1/payments/exceptions/${id}/resolve`, { action: 'refund' }))
      .status,
    403,
  );
  assert.deepEqual(
    { orders: await count('orders'), audit: await count('audit_log') },
    before,
    'refusals write nothing',
  );

  const res = await officer.json('POST', `/api/v1/payments/exceptions/${id}/resolve`, {
    action: 'reserve',
  });
  assert.equal(res.status, 200);
  const done = await res.json();
  assert.equal(done.status, 'reserved_again');
  const fresh = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('group_id', '=', done.resolutionGroupId)
    .execute();
  assert.deepEqual(
    fresh.map((o) => [o.status, o.payment_status, o.buyer_phone, o.service_point_id]),
    [['placed', 'paid', '+6281234567890', sp]],
  );
  const pay = await w.h.db
    .selectFrom('payments')
    .selectAll()
    .where('group_id', '=', done.resolutionGroupId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [pay.status, pay.amount, pay.amount - pay.unique_code],
    ['paid', g.body.payment.amount, fresh[0].total],
    'the payment pays exactly the new group',
  );
  const s = (await stockOf(w.h.db, g.variantId))!;
  assert.deepEqual([s.available, s.reserved], [3, 2], 'the goods are held again');
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', g.body.payment.id)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['orders.payment_exception', 'orders.payment_exception_resolved'],
  );
  const again = await officer.json(
    'POST',
    `/api/v1/payments/exceptions/${id}/resolve`,
    { action: 'refund' },
    { 'accept-language': 'en' },
  );
  assert.equal(again.status, 409);
  assert.equal((await again.json()).code, 'ORDERS_EXCEPTION_RESOLVED');
});

test('a statement line naming an expired transfer becomes an exception; out of stock it can only be refunded', async () => {
  const g = await checkout('transfer', { stock: 2 });
  await afterExpiry();
  // Another buyer takes the last units meanwhile.
  await checkout('cod', { variantId: g.variantId });
  assert.equal((await stockOf(w.h.db, g.variantId))!.available, 0);
  const admin = await w.as('national_admin');
  const csv = `Tanggal,Keterangan,Debet,Kredit,Saldo\n05/03/2026,TRF RINA ${g.body.payment.reference},0,${g.body.payment.amount},1.000.000\n`;
  const r = unwrap(await importStatement(w.h.db, csv, admin.userId));
  assert.deepEqual(
    r.lines.map((l) => [l.outcome, l.reason]),
    [
      ['skipped', 'header'],
      ['late', 'late'],
    ],
  );
  const [ex] = await exceptionsOf(g.body.payment.id);
  assert.equal(ex.source, 'statement');
  const before = {
    orders: await count('orders'),
    payments: await count('payments'),
    audit: await count('audit_log'),
  };
  const refused = await admin.form(`/keuangan/pembayaran/pengecualian/${ex.id}`, {
    action: 'reserve',
  });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /role="alert"/);
  assert.deepEqual(
    {
      orders: await count('orders'),
      payments: await count('payments'),
      audit: await count('audit_log'),
    },
    before,
    'nothing half-written',
  );
  assert.equal((await exceptionsOf(g.body.payment.id))[0].status, 'open');
  const page = await admin.form(`/keuangan/pembayaran/pengecualian/${ex.id}`, { action: 'refund' });
  assert.equal(page.status, 200);
  assert.match(await page.text(), new RegExp(`data-exception="${ex.id}" data-status="refund_due"`));
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'actor_id'])
    .where('entity_id', '=', g.body.payment.id)
    .execute();
  assert.deepEqual(
    audit.map((a) => [a.action, a.actor_id]),
    [
      ['orders.payment_exception', admin.userId],
      ['orders.payment_exception_resolved', admin.userId],
    ],
  );
});

test('QRIS paid for a group the buyer already cancelled: an exception too, the payment stays unpaid', async () => {
  const g = await checkout('qris');
  unwrap(
    await cancelOrder(w.h.db, g.body.orders[0].id, { kind: 'signed_link', groupId: g.groupId }),
  );
  const reference = parseTlv(parseTlv(g.body.payment.qris).get('62')!).get('05')!;
  const raw = JSON.stringify({
    event_id: 'evt_late_000003',
    reference,
    amount: g.body.payment.amount,
    status: 'paid',
  });
  const r = await w.client().fetch('/api/v1/webhooks/payments/qris', {
    method: 'POST',
    body: raw,
    headers: {
      'content-type': 'application/json',
      ...signQris(webhookSecret('test-secret', 'qris'), raw),
    },
  });
  assert.equal((await r.json()).status, 'exception');
  // Cancelling the group's last order expired its payment; the money that arrives pays nothing.
  assert.equal(
    (
      await w.h.db
        .selectFrom('payments')
        .select('status')
        .where('id', '=', g.body.payment.id)
        .executeTakeFirstOrThrow()
    ).status,
    'expired',
  );
  assert.equal((await exceptionsOf(g.body.payment.id)).length, 1);
});
