// Seller order actions are post/redirect/get (issue 15): after "Terima dan kemas" the address
// is the order's own page, which reloads (no 404, no second action) and shows its history.
// Order numbers link to that history on the seller's, the buyer's and the receipt pages, and
// tracking numbers to the parcel's tracking page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint } from '../../../../test/support/community.js';
import { makeOrder } from '../../../../test/support/orders.js';
import { confirmationPath } from '../storefront/confirm-link.js';
import { parcelLookup } from '../parcels.js';

/** The secret every test world signs with (test/support/world.ts). */
const SECRET = 'test-secret';
let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

const events = async (orderId: string) =>
  (
    await w.h.db
      .selectFrom('order_outbox')
      .select('to_status')
      .where('order_id', '=', orderId)
      .execute()
  ).map((e) => e.to_status);

test('"Terima dan kemas" redirects to the order’s page, which reloads without acting again', async () => {
  const o = await makeOrder(w.h, { villageCode: village, servicePointId: sp });
  const seller = await w.as('seller', o.umkmId);
  const list = await (await seller.get('/penjual/pesanan')).text();
  assert.ok(
    list.includes(`href="/penjual/pesanan/${o.orderId}" class="order-number">${o.number}</a>`),
    'the order number links to its page',
  );
  const r = await seller.form(`/penjual/pesanan/${o.orderId}`, { to: 'packed' });
  assert.equal(r.status, 303);
  const at = r.headers.get('location')!;
  assert.equal(at, `/penjual/pesanan/${o.orderId}?ok=1`);
  for (let reload = 0; reload < 2; reload++) {
    const pageRes = await seller.get(at);
    assert.equal(pageRes.status, 200);
    const html = await pageRes.text();
    assert.match(html, /Status pesanan diperbarui/);
    assert.match(html, /Riwayat pesanan/);
    assert.match(html, /Pesanan dibuat/);
    assert.match(html, /Dikemas/);
    assert.match(html, /Serahkan ke titik layanan/, 'the next action is offered');
  }
  assert.deepEqual(await events(o.orderId), ['placed', 'packed'], 'reloading changed nothing');
  // An action that is no longer possible also lands on the page, with a plain message.
  const stale = await seller.form(`/penjual/pesanan/${o.orderId}`, { to: 'packed' });
  assert.equal(stale.status, 303);
  const again = await seller.get(stale.headers.get('location')!);
  assert.equal(again.status, 200);
  assert.match(await again.text(), /Tindakan tadi tidak dijalankan/);
  // Someone else's order does not exist for this seller, by GET or POST.
  const other = await makeOrder(w.h, { villageCode: village, servicePointId: sp });
  assert.equal((await seller.get(`/penjual/pesanan/${other.orderId}`)).status, 404);
  assert.equal((await seller.get('/penjual/pesanan/bukan-id')).status, 404);
});

test('the buyer’s orders and the receipt link each order number to its history, tracking numbers to tracking', async () => {
  const buyer = await w.as('buyer');
  const placed = await makeOrder(w.h, { villageCode: village, servicePointId: sp });
  // The order of a signed-in buyer (as the storefront records it when they are signed in).
  await w.h.db
    .updateTable('orders')
    .set({ buyer_user_id: buyer.userId })
    .where('id', '=', placed.orderId)
    .execute();
  const order = { id: placed.orderId, number: placed.number };
  const mine = await (await buyer.get('/pesanan-saya')).text();
  assert.ok(mine.includes(`href="/pesanan-saya/${order.id}" class="order-number">`));
  const detail = await buyer.get(`/pesanan-saya/${order.id}`);
  assert.equal(detail.status, 200);
  assert.match(await detail.text(), /Riwayat pesanan/);
  // Cancel: post/redirect/get to the order's page, which shows it cancelled in its history.
  const cancel = await buyer.form(`/pesanan-saya/${order.id}/batal`, {});
  assert.equal(cancel.status, 303);
  assert.equal(cancel.headers.get('location'), `/pesanan-saya/${order.id}?ok=cancelled`);
  const after = await (await buyer.get(cancel.headers.get('location')!)).text();
  assert.match(after, /Pesanan dibatalkan/);
  assert.match(after, /Dibatalkan/);

  // The receipt (signed confirmation link): number → the history in the same card.
  const receipt = await (await w.client().get(confirmationPath(SECRET, placed.groupId))).text();
  assert.ok(receipt.includes(`href="#riwayat-${order.number}" class="order-number">`));
  assert.ok(receipt.includes(`id="riwayat-${order.number}"`));

  // A parcel's tracking number is a link to its tracking page (logistics' parcel stood in for).
  const html = await parcelLookup.withDouble(
    async (_db, ids) =>
      new Map(
        ids.map((id) => [
          id,
          [{ trackingNumber: 'LP0000000TES', status: 'at_point', pickupCode: null }],
        ]),
      ),
    async () => (await buyer.get(`/pesanan-saya/${order.id}`)).text(),
  );
  assert.ok(html.includes('href="/lacak/LP0000000TES"'));
});
