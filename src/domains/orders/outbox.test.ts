// Every state change reaches the outbox and the audit log (issue 13): each path that places an
// order or changes one of its three statuses — storefront, API, partner, agent, seller/staff,
// provider webhook, bank-statement import, expiry job, logistics and returns, buyer — must leave
// exactly one audit row and one outbox event per transition, and replaying an order's outbox
// from its placement must give the order's current statuses (a change without an event cannot
// hide). Partner orders must get one webhook delivery per transition, whichever path made it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { unwrap } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { placeOrder } from './checkout/place-order.js';
import {
  cancelOrder,
  confirmReceipt,
  expireReservations,
  recordFulfilment,
} from './orders.service.js';
import { ensurePayment } from './payments/intent.js';
import { signQris, webhookSecret } from './payments/provider.js';
import { makeOrder } from '../../../test/support/orders.js';
import { flushOrderEvents } from './events.js';

let w: World;
let village: string;
let sp: string;
let umkm: string;
let partnerId: string;
const ADMIN: Actor = {
  userId: 'usr_outbox_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};
const PHONE = '081234567001';

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
  partnerId = newId('ptn');
  // A partner with a webhook endpoint (never called here: deliveries stay queued).
  await w.h.db
    .insertInto('partners')
    .values({
      id: partnerId,
      name: 'Mitra Uji',
      kind: 'marketplace',
      webhook_url: 'http://127.0.0.1:9/hook',
      webhook_secret: 'whsec_test',
      is_demo: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
});
after(() => w.close());

/** Makes an order a partner's, as if it had come in through the partner API. */
async function asPartnerOrder(orderIds: string[]) {
  await w.h.db
    .updateTable('orders')
    .set({ partner_id: partnerId })
    .where('id', 'in', orderIds)
    .execute();
}

async function product(stock = 20, price = 20000) {
  return makeProduct(w.h, { umkmId: umkm, price, stock });
}

const pickup = () => ({ kind: 'pickup' as const, servicePointId: sp });
async function place(method: 'cod' | 'transfer' | 'qris', variantId: string, qty = 1) {
  return unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId, qty }],
        buyer: { name: 'Rina', phone: PHONE },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: method,
        channel: 'storefront',
      },
      null,
    ),
  );
}

type Row = { kind: string; from_status: string | null; to_status: string };

/** The invariant for one order: audit == outbox, one by one, and the outbox replays to the row. */
async function assertEventsComplete(orderId: string, expectKinds?: string[]) {
  await flushOrderEvents();
  const db = w.h.db;
  const outbox: Row[] = await db
    .selectFrom('order_outbox')
    .select(['kind', 'from_status', 'to_status'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const audits = await db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .where('action', 'like', 'orders.%')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audits.map((a) => {
      const d = JSON.parse(a.data);
      return `${a.action}:${d.from}>${d.to}`;
    }),
    outbox.map((e) => `orders.${e.kind}:${e.from_status}>${e.to_status}`),
    `audit rows match outbox events one by one (${orderId})`,
  );
  assert.equal(outbox[0]?.kind, 'placed', 'the placement is the first event');
  const state: Record<string, string> = {
    status: 'placed',
    payment: 'unpaid',
    fulfilment: 'unfulfilled',
  };
  for (const e of outbox.slice(1)) {
    assert.equal(
      state[e.kind],
      e.from_status,
      `event ${e.kind} ${e.from_status}>${e.to_status} follows the previous state`,
    );
    state[e.kind] = e.to_status;
  }
  const o = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [o.status, o.payment_status, o.fulfilment_status],
    [state.status, state.payment, state.fulfilment],
    'the outbox replays to the order',
  );
  if (o.partner_id) {
    const hooks = await db
      .selectFrom('webhook_deliveries')
      .select('event')
      .where('order_id', '=', orderId)
      .execute();
    assert.deepEqual(
      hooks.map((h) => h.event).sort(),
      outbox
        .slice(1)
        .map((e) => `order.${e.kind}`)
        .sort(),
      'one partner webhook per transition',
    );
  }
  if (expectKinds)
    assert.deepEqual(
      outbox.map((e) => `${e.kind}:${e.to_status}`),
      expectKinds,
    );
}

test('storefront checkout form: one placement event per order; buyer cancel through the signed link', async () => {
  const p = await product();
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
  await assertEventsComplete(o.id, ['placed:placed']);
  const [, , , group, sig] = placed.headers.get('location')!.split('/');
  assert.equal((await c.form('/lacak/batal', { number: o.number, group, sig })).status, 303);
  await assertEventsComplete(o.id, ['placed:placed', 'status:cancelled']);
});

test('API checkout, then the bank-statement import pays it (staff page): events and partner webhooks', async () => {
  const p = await product();
  const c = w.client();
  const cart = await (await c.json('POST', '/api/v1/carts', {})).json();
  await c.json('PUT', `/api/v1/carts/${cart.id}/lines`, { variantId: p.variantId, qty: 1 });
  const res = await c.json(
    'POST',
    '/api/v1/checkout',
    {
      cartId: cart.id,
      buyer: { name: 'Rina', phone: PHONE },
      delivery: pickup(),
      paymentMethod: 'transfer',
    },
    { 'idempotency-key': 'outbox-api-0001' },
  );
  assert.equal(res.status, 201);
  const placed = await res.json();
  const id = placed.orders[0].id;
  await asPartnerOrder([id]);
  const admin = await w.as('national_admin');
  const page = await admin.form('/keuangan/pembayaran/impor', {
    csv: `2026-03-03,TRF RINA,${placed.payment.amount}`,
  });
  assert.match(await page.text(), /data-matched="1"/);
  await assertEventsComplete(id, ['placed:placed', 'payment:paid']);
});

test('partner order, paid by staff with evidence (the manual route)', async () => {
  const p = await product();
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
        delivery: pickup(),
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
  await assertEventsComplete(placed.orders[0].id, ['placed:placed', 'payment:paid']);
});

test('provider webhook (QRIS) pays a partner order', async () => {
  const p = await product();
  const placed = await place('qris', p.variantId);
  await asPartnerOrder([placed.orders[0].id]);
  const pay = unwrap(await ensurePayment(w.h.db, placed.groupId))!;
  const body = JSON.stringify({
    event_id: 'evt_outbox_0001',
    reference: pay.reference,
    amount: pay.amount,
    status: 'paid',
  });
  const res = await w.client().fetch('/api/v1/webhooks/payments/qris', {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      ...signQris(webhookSecret('test-secret', 'qris'), body),
    },
  });
  assert.equal(res.status, 200);
  await assertEventsComplete(placed.orders[0].id, ['placed:placed', 'payment:paid']);
});

test('agent: assisted order (placed and paid in cash), seller moves, logistics, pickup with cash at the point', async () => {
  const p = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Bajawa Outbox',
    price: 30000,
    stock: 10,
  });
  const agent = await w.as('village_agent', sp);
  const placed = await agent.form('/agen/pesan', {
    q: 'Outbox',
    [`qty_${p.variantId}`]: '1',
    name: 'Mama Yuli',
    consent: '1',
  });
  assert.equal(placed.status, 303);
  const assisted = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('channel', '=', 'assisted')
    .where('agent_service_point_id', '=', sp)
    .executeTakeFirstOrThrow();
  const seller = await w.as('seller', umkm);
  for (const to of ['packed', 'handed_over'])
    assert.equal((await seller.form(`/penjual/pesanan/${assisted.id}`, { to })).status, 303);
  // Logistics scans report milestones with no actor (a system job of logistics).
  unwrap(await recordFulfilment(w.h.db, assisted.id, 'in_transit', null));
  unwrap(await recordFulfilment(w.h.db, assisted.id, 'ready_for_pickup', null));
  assert.equal((await agent.form(`/agen/ambil/${assisted.id}`, {})).status, 303);
  await assertEventsComplete(assisted.id, [
    'placed:placed',
    'payment:paid',
    'fulfilment:packed',
    'fulfilment:handed_over',
    'fulfilment:in_transit',
    'fulfilment:ready_for_pickup',
    'fulfilment:delivered',
    'status:completed',
  ]);

  // A COD parcel collected and paid in cash at the point: paid, delivered, completed.
  const cod = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: umkm,
    advanceTo: 'ready_for_pickup',
  });
  assert.equal((await agent.form(`/agen/ambil/${cod.orderId}`, {})).status, 303);
  const rows = await w.h.db
    .selectFrom('order_outbox')
    .select(['kind', 'to_status'])
    .where('order_id', '=', cod.orderId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    rows.slice(-3).map((r) => `${r.kind}:${r.to_status}`),
    ['payment:paid', 'fulfilment:delivered', 'status:completed'],
  );
  await assertEventsComplete(cod.orderId);
});

test('expiry job cancels an unpaid transfer; returns; buyer confirms receipt; staff cancels a paid order (refund)', async () => {
  const p = await product();
  const late = await place('transfer', p.variantId);
  await asPartnerOrder([late.orders[0].id]);
  assert.equal(await expireReservations(w.h.db, new Date(Date.now() + 48 * 3600_000)), 1);
  await assertEventsComplete(late.orders[0].id, ['placed:placed', 'status:cancelled']);

  const ret = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: umkm,
    advanceTo: 'returned',
  });
  await assertEventsComplete(ret.orderId, [
    'placed:placed',
    'fulfilment:packed',
    'fulfilment:handed_over',
    'fulfilment:in_transit',
    'fulfilment:returned',
  ]);

  const got = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: umkm,
    advanceTo: 'in_transit',
    phone: PHONE,
  });
  unwrap(await confirmReceipt(w.h.db, got.orderId, { kind: 'signed_link', groupId: got.groupId }));
  await assertEventsComplete(got.orderId, [
    'placed:placed',
    'fulfilment:packed',
    'fulfilment:handed_over',
    'fulfilment:in_transit',
    'fulfilment:delivered',
  ]);

  const paid = await place('qris', p.variantId);
  const id = paid.orders[0].id;
  await asPartnerOrder([id]);
  const pay = unwrap(await ensurePayment(w.h.db, paid.groupId))!;
  const body = JSON.stringify({
    event_id: 'evt_outbox_0002',
    reference: pay.reference,
    amount: pay.amount,
    status: 'paid',
  });
  assert.equal(
    (
      await w.client().fetch('/api/v1/webhooks/payments/qris', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          ...signQris(webhookSecret('test-secret', 'qris'), body),
        },
      })
    ).status,
    200,
  );
  unwrap(await recordFulfilment(w.h.db, id, 'packed', ADMIN));
  unwrap(await cancelOrder(w.h.db, id, { kind: 'actor', actor: ADMIN }));
  await assertEventsComplete(id, [
    'placed:placed',
    'payment:paid',
    'fulfilment:packed',
    'status:cancelled',
    'payment:refunded',
  ]);
});

test('across every order of this world: one audit row per outbox event, none without the other', async () => {
  await flushOrderEvents();
  const outbox = Number(
    (
      await w.h.db
        .selectFrom('order_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const audits = Number(
    (
      await w.h.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('entity_type', '=', 'order')
        .where('action', 'like', 'orders.%')
        .executeTakeFirstOrThrow()
    ).n,
  );
  assert.ok(outbox > 30);
  assert.equal(audits, outbox);
  const orders = await w.h.db.selectFrom('orders').select('id').execute();
  for (const o of orders) await assertEventsComplete(o.id);
});
