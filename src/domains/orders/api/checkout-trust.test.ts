// Who may join a checkout group and whose Idempotency-Key is whose (issue 13, holes 1 and 6):
// a group belongs to the checkout that made it, a payment always asks for what it pays for,
// and a guest's key is scoped to the guest's own cart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { newId } from '../../../kernel/ids/index.js';
import type { TestClient } from '../../../../test/support/kernel/index.js';
import { cancelOrder } from '../orders.service.js';

let w: World;
let sp: string;
let umkm: string;
let farUmkm: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
  farUmkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db, '35.10') });
});
after(() => w.close());

const PHONE = '081234567890';
const checkoutBody = (cartId: string, over: Record<string, unknown> = {}) => ({
  cartId,
  buyer: { name: 'Rina', phone: PHONE },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'transfer',
  ...over,
});

/** A guest's cart holding `lines` (the cart id is the guest's bearer secret). */
async function cartWith(c: TestClient, lines: [string, number][]): Promise<string> {
  const cart = await (await c.json('POST', '/api/v1/carts', {})).json();
  for (const [variantId, qty] of lines)
    assert.equal(
      (await c.json('PUT', `/api/v1/carts/${cart.id}/lines`, { variantId, qty })).status,
      200,
    );
  return cart.id;
}

async function counts() {
  const n = async (t: 'orders' | 'payments' | 'order_lines') =>
    Number(
      (
        await w.h.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    orders: await n('orders'),
    lines: await n('order_lines'),
    payments: await n('payments'),
  };
}

test('hole 1: a second checkout naming an existing groupId is refused; the payment still asks for the first order only', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, price: 25000, stock: 100 });
  const a = w.client();
  const first = await a.json(
    'POST',
    '/api/v1/checkout',
    checkoutBody(await cartWith(a, [[p.variantId, 1]])),
    { 'idempotency-key': 'trust-small-0001' },
  );
  assert.equal(first.status, 201);
  const placed = await first.json();
  const before = await counts();

  // The same caller, and another buyer, both try to attach 40 units to that group.
  for (const c of [a, w.client()]) {
    const res = await c.json(
      'POST',
      '/api/v1/checkout',
      checkoutBody(await cartWith(c, [[p.variantId, 40]]), { groupId: placed.groupId }),
      { 'idempotency-key': `trust-join-${Math.random()}`, 'accept-language': 'en' },
    );
    assert.equal(res.status, 409);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const body = await res.json();
    assert.equal(body.code, 'ORDERS_GROUP_TAKEN');
    assert.equal(
      JSON.stringify(body).includes(placed.confirmationUrl),
      false,
      'no confirmation URL of the other checkout',
    );
    assert.equal(
      JSON.stringify(body).includes(placed.payment.id),
      false,
      'no payment of the other checkout',
    );
  }
  assert.deepEqual(await counts(), before);
  const orders = await w.h.db
    .selectFrom('orders')
    .select('total')
    .where('group_id', '=', placed.groupId)
    .execute();
  assert.equal(orders.length, 1);
  const pay = await w.h.db
    .selectFrom('payments')
    .selectAll()
    .where('group_id', '=', placed.groupId)
    .executeTakeFirstOrThrow();
  assert.equal(pay.amount, orders[0].total + pay.unique_code);
  assert.equal(pay.amount, placed.payment.amount);
  // The bank line of the small amount pays the one order it was for, nothing else.
  const admin = await w.as('national_admin');
  const page = await admin.form('/keuangan/pembayaran/impor', {
    csv: `2026-03-04,TRF RINA,${placed.payment.amount}`,
  });
  assert.match(await page.text(), /data-matched="1"/);
  const paid = await w.h.db
    .selectFrom('orders')
    .select(['id', 'payment_status'])
    .where('payment_status', '=', 'paid')
    .where('id', 'in', [placed.orders[0].id])
    .execute();
  assert.equal(paid.length, 1);
  const lines = await w.h.db
    .selectFrom('order_lines')
    .innerJoin('orders', 'orders.id', 'order_lines.order_id')
    .select(['orders.payment_status', 'order_lines.qty'])
    .where('order_lines.variant_id', '=', p.variantId)
    .execute();
  assert.deepEqual(
    lines.map((l) => [l.qty, l.payment_status]),
    [[1, 'paid']],
    'no 40-unit order exists, none paid by the small line',
  );
});

test('hole 1: two racing checkouts minting the same new groupId: one group, one 201, one 409', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, price: 9000, stock: 10 });
  const groupId = newId('grp');
  const [u1, u2] = [await w.as('buyer'), await w.as('buyer')];
  const lines = (n: number) => ({
    lines: [{ variantId: p.variantId, qty: n }],
    buyer: { name: 'Rina', phone: PHONE },
    delivery: { kind: 'pickup', servicePointId: sp },
    paymentMethod: 'transfer',
    groupId,
  });
  const res = await Promise.all([
    u1.json('POST', '/api/v1/checkout', lines(1), { 'idempotency-key': 'trust-race-0001' }),
    u2.json('POST', '/api/v1/checkout', lines(2), { 'idempotency-key': 'trust-race-0002' }),
  ]);
  assert.deepEqual(res.map((r) => r.status).sort(), [201, 409]);
  const orders = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('group_id', '=', groupId)
    .execute();
  assert.equal(orders.length, 1);
});

test('hole 1: a client-minted groupId names a new group (offline replay), never an existing one', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, price: 12000, stock: 10 });
  const c = w.client();
  const groupId = newId('grp');
  const res = await c.json(
    'POST',
    '/api/v1/checkout',
    checkoutBody(await cartWith(c, [[p.variantId, 2]]), { groupId }),
    { 'idempotency-key': 'trust-mint-0001' },
  );
  assert.equal(res.status, 201);
  assert.equal((await res.json()).groupId, groupId);
  // An order placed outside the API (placeOrder) takes its group the same way.
  const again = await c.json(
    'POST',
    '/api/v1/checkout',
    checkoutBody(await cartWith(c, [[p.variantId, 1]]), { groupId }),
    { 'idempotency-key': 'trust-mint-0002' },
  );
  assert.equal(again.status, 409);
});

test('hole 1: cancelling one order of a group re-prices its pending payment in the same transaction', async () => {
  const p1 = await makeProduct(w.h, { umkmId: umkm, price: 20000, stock: 10 });
  const p2 = await makeProduct(w.h, { umkmId: farUmkm, price: 70000, stock: 10 });
  const c = w.client();
  const res = await c.json(
    'POST',
    '/api/v1/checkout',
    checkoutBody(
      await cartWith(c, [
        [p1.variantId, 1],
        [p2.variantId, 1],
      ]),
    ),
    { 'idempotency-key': 'trust-two-0001' },
  );
  assert.equal(res.status, 201);
  const placed = await res.json();
  assert.equal(placed.orders.length, 2);
  assert.equal(placed.payment.amount, placed.total + placed.payment.uniqueCode);
  const r = await cancelOrder(w.h.db, placed.orders[1].id, {
    kind: 'signed_link',
    groupId: placed.groupId,
  });
  assert.ok(r.ok, JSON.stringify(r));
  const pay = await w.h.db
    .selectFrom('payments')
    .selectAll()
    .where('id', '=', placed.payment.id)
    .executeTakeFirstOrThrow();
  assert.equal(pay.status, 'pending');
  assert.equal(pay.amount - pay.unique_code, placed.orders[0].total);
  // The last open order cancelled: nothing is left to pay, the payment expires with it.
  assert.ok(
    (
      await cancelOrder(w.h.db, placed.orders[0].id, {
        kind: 'signed_link',
        groupId: placed.groupId,
      })
    ).ok,
  );
  assert.equal(
    (
      await w.h.db
        .selectFrom('payments')
        .select('status')
        .where('id', '=', placed.payment.id)
        .executeTakeFirstOrThrow()
    ).status,
    'expired',
  );
});

test('hole 6: a guest without a cart cannot use the shared guest key space; another guest replaying a key gets a refusal, not the first response', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, price: 15000, stock: 10 });
  const lines = {
    lines: [{ variantId: p.variantId, qty: 1 }],
    buyer: { name: 'Rina', phone: PHONE },
    delivery: { kind: 'pickup', servicePointId: sp },
    paymentMethod: 'transfer',
  };
  const before = await counts();
  const anon = await w.client().json('POST', '/api/v1/checkout', lines, {
    'idempotency-key': 'trust-anon-0001',
    'accept-language': 'en',
  });
  assert.equal(anon.status, 422);
  const problem = await anon.json();
  assert.equal(problem.code, 'ORDERS_GUEST_NEEDS_CART');
  assert.match(problem.title + (problem.detail ?? ''), /cart/i);
  assert.deepEqual(await counts(), before);

  // Guest A checks out with a key; guest B sends the same key with the same body shape.
  const a = w.client();
  const cartA = await cartWith(a, [[p.variantId, 1]]);
  const first = await a.json('POST', '/api/v1/checkout', checkoutBody(cartA), {
    'idempotency-key': 'trust-shared-0001',
  });
  assert.equal(first.status, 201);
  const placed = await first.json();
  const b = w.client();
  const cartB = await cartWith(b, [[p.variantId, 1]]);
  const mid = await counts();
  const replay = await b.json('POST', '/api/v1/checkout', checkoutBody(cartB), {
    'idempotency-key': 'trust-shared-0001',
    'accept-language': 'id',
  });
  assert.equal(replay.status, 422);
  const text = await replay.text();
  assert.equal(text.includes(placed.confirmationUrl), false);
  assert.equal(JSON.parse(text).code, 'IDEMPOTENCY_KEY_REUSED');
  assert.match(JSON.parse(text).title, /sudah dipakai/);
  assert.deepEqual(await counts(), mid);
  // A's own replay still answers with A's first response.
  const own = await a.json('POST', '/api/v1/checkout', checkoutBody(cartA), {
    'idempotency-key': 'trust-shared-0001',
  });
  assert.equal(own.status, 201);
  assert.equal((await own.json()).confirmationUrl, placed.confirmationUrl);
});

test('hole 6: signed-in buyers have their own key space', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, price: 15000, stock: 10 });
  const lines = {
    lines: [{ variantId: p.variantId, qty: 1 }],
    buyer: { name: 'Rina', phone: PHONE },
    delivery: { kind: 'pickup', servicePointId: sp },
    paymentMethod: 'transfer',
  };
  const u1 = await w.as('buyer');
  const u2 = await w.as('buyer');
  const r1 = await u1.json('POST', '/api/v1/checkout', lines, {
    'idempotency-key': 'trust-user-0001',
  });
  assert.equal(r1.status, 201);
  const r2 = await u2.json('POST', '/api/v1/checkout', lines, {
    'idempotency-key': 'trust-user-0001',
  });
  assert.equal(r2.status, 201);
  assert.notEqual((await r1.json()).groupId, (await r2.json()).groupId);
});
