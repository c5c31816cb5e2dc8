// Every state change reaches the outbox and the audit log (issue 13), here on the paths that
// place an order or pay it: storefront checkout form (and the buyer's cancel), API checkout,
// bank-statement import, a partner order paid by staff, the payment provider's webhook. Each must
// leave exactly one audit row and one outbox event per transition, the outbox replaying to the
// order's statuses, and one webhook delivery per transition of a partner's order
// (test/support/outbox.ts). The fulfilment paths are in outbox-fulfilment.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from '../../../test/support/world.js';
import { outboxWorld, PHONE, type OutboxWorld } from '../../../test/support/outbox.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { placeOrder } from './checkout/place-order.js';
import { ensurePayment } from './payments/intent.js';

let ow: OutboxWorld;
let w: World;
let village: string;
let sp: string;
let partnerId: string;

before(async () => {
  ow = await outboxWorld();
  ({ w, village, sp, partnerId } = ow);
});
after(() => w.close());

test('storefront checkout form: one placement event per order; buyer cancel through the signed link', async () => {
  const p = await ow.product();
  const c = w.client();
  assert.equal((await c.form('/keranjang', { variant_id: p.variantId, qty: '1' })).status, 303);
  const page = await (await c.get('/pesan')).text();
  const idem = page.match(/name="idem" value="([^"]*)"/)![1];
  const f = {
    idem,
    name: 'Rina',
    phone: PHONE,
    province: village.slice(0, 2),
    regency: village.slice(0, 5),
    district: village.slice(0, 8),
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
  };
  const preview = await (await c.form('/pesan', { ...f, action: 'refresh' })).text();
  const expected = preview.match(/name="expected_total" value="([^"]*)"/)![1];
  const pricedFor = preview.match(/name="priced_for" value="([^"]*)"/)![1];
  const placed = await c.form('/pesan', {
    ...f,
    expected_total: expected,
    priced_for: pricedFor,
    action: 'place',
  });
  assert.equal(placed.status, 303);
  const o = await w.h.db
    .selectFrom('orders')
    .select(['orders.id', 'orders.number'])
    .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
    .where('order_lines.variant_id', '=', p.variantId)
    .executeTakeFirstOrThrow();
  await ow.assertEventsComplete(o.id, ['placed:placed']);
  const [, , , group, sig] = placed.headers.get('location')!.split('/');
  assert.equal((await c.form('/lacak/batal', { number: o.number, group, sig })).status, 303);
  await ow.assertEventsComplete(o.id, ['placed:placed', 'status:cancelled']);
});

test('API checkout, then the bank-statement import pays it (staff page): events and partner webhooks', async () => {
  const p = await ow.product();
  const c = w.client();
  const cart = await (await c.json('POST', '/api/v1/carts', {})).json();
  await c.json('PUT', `/api/v1/carts/${cart.id}/lines`, { variantId: p.variantId, qty: 1 });
  const res = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      cartId: cart.id,
      buyer: { name: 'Rina', phone: PHONE },
      delivery: ow.pickup(),
      paymentMethod: 'transfer',
    },
    { 'idempotency-key': 'outbox-api-0001' },
  );
  assert.equal(res.status, 201);
  const placed = await res.json();
  const id = placed.orders[0].id;
  await ow.asPartnerOrder([id]);
  const admin = await w.as('national_admin');
  const page = await admin.form('/keuangan/pembayaran/impor', {
    csv: `2026-03-03,TRF RINA,${placed.payment.amount}`,
  });
  assert.match(await page.text(), /data-matched="1"/);
  await ow.assertEventsComplete(id, ['placed:placed', 'payment:paid']);
});

test('partner order, paid by staff with evidence (the manual route)', async () => {
  const p = await ow.product();
  const partner = await w.as('partner', partnerId);
  const actor: Actor = {
    userId: partner.userId,
    displayName: 'P',
    locale: null,
    via: 'token',
    grants: [{ role: 'partner', scopeType: 'partner', scopeId: partnerId, regionCode: null }],
  };
  const placed = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Rina', phone: PHONE },
        delivery: ow.pickup(),
        paymentMethod: 'transfer',
        channel: 'partner',
        partnerId,
      },
      actor,
    ),
  );
  const pay = unwrap(await ensurePayment(w.h.db, placed.groupId))!;
  const admin = await w.as('national_admin');
  assert.equal(
    (await admin.form(`/keuangan/pembayaran/${pay.id}/terima`, { note: 'slip BRI 0042' })).status,
    201,
  );
  await ow.assertEventsComplete(placed.orders[0].id, ['placed:placed', 'payment:paid']);
});

test('provider webhook (QRIS) pays a partner order', async () => {
  const p = await ow.product();
  const placed = await ow.place('qris', p.variantId);
  await ow.asPartnerOrder([placed.orders[0].id]);
  assert.equal(await ow.payByQris(placed.groupId, 'evt_outbox_0001'), 200);
  await ow.assertEventsComplete(placed.orders[0].id, ['placed:placed', 'payment:paid']);
});

test('across every order of this world: one audit row per outbox event, none without the other', async () => {
  // The four paths above made eight events.
  await ow.assertEveryOrderComplete(7);
});
