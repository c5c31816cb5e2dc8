// The buyer sees the parcel's tracking number and one-time pickup code on their own pages (the
// signed confirmation link, "my orders"); tracking by number + phone (page and API) shows the
// tracking number only, and the seller, the points' agents, another buyer and a wrong phone see
// no code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { unwrap } from '../../../kernel/errors/index.js';
import type { Actor } from '../../../kernel/auth/index.js';
import { makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { makeNetwork, type TestNetwork } from '../../../../test/support/logistics.js';
import { parcelsForOrder } from '../../logistics/index.js';
import { placeOrder } from '../checkout/place-order.js';
import { recordFulfilment } from '../orders.service.js';
import { confirmationPath } from './confirm-link.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

const ADMIN: Actor = {
  userId: 'usr_test_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

test('pickup code on the buyer’s pages only, gone once the parcel is collected', async () => {
  const sellerVillage = (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  const umkm = await makeUmkm(w.h.db, { villageCode: sellerVillage });
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  const buyer = await w.as('buyer');
  const actor: Actor = {
    userId: buyer.userId,
    displayName: 'Rina',
    locale: null,
    via: 'session',
    grants: [{ role: 'buyer', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const placed = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Rina', phone: '081234567123' },
        delivery: { kind: 'pickup', servicePointId: net.points[1] },
        paymentMethod: 'cod',
        channel: 'storefront',
      },
      actor,
    ),
  );
  const order = placed.orders[0];
  // Before hand-over there is no parcel, hence no code.
  const early = await (
    await w.client().form('/lacak', { number: order.number, phone: '081234567123' })
  ).text();
  assert.doesNotMatch(early, /pickup-code/);
  for (const step of ['packed', 'handed_over'] as const)
    unwrap(await recordFulfilment(w.h.db, order.id, step, ADMIN));
  const [parcel] = await parcelsForOrder(w.h.db, order.id);
  assert.match(parcel.pickupCode ?? '', /^\d{6}$/);
  const code = parcel.pickupCode!;
  const shown = new RegExp(`data-pickup-code="${code}"`);
  const anywhere = new RegExp(`(?<![0-9])${code}(?![0-9])`);

  const confirmation = await (
    await w.client().get(confirmationPath('test-secret', placed.groupId))
  ).text();
  assert.match(confirmation, shown);
  assert.match(confirmation, /Kode ambil/);
  assert.match(await (await buyer.get('/pesanan-saya')).text(), shown);
  // Number + phone (guessable): the tracking number, never the code.
  const tracked = await w
    .client()
    .form('/lacak', { number: order.number, phone: '0812-3456-7123' });
  assert.equal(tracked.status, 200);
  const html = await tracked.text();
  assert.match(html, new RegExp(parcel.trackingNumber));
  assert.doesNotMatch(html, anywhere);
  const api = await (
    await w.client().get(`/api/v1/orders/track?number=${order.number}&phone=081234567123`)
  ).json();
  assert.deepEqual(api.parcels, [{ trackingNumber: parcel.trackingNumber, status: parcel.status }]);

  // Nobody else: a wrong phone, another buyer, the seller, the agent of the pickup point, the public parcel page.
  const wrong = await w.client().form('/lacak', { number: order.number, phone: '081299999999' });
  assert.equal(wrong.status, 404);
  assert.doesNotMatch(await wrong.text(), anywhere);
  assert.equal(
    (await w.client().get(`/api/v1/orders/track?number=${order.number}&phone=081299999999`)).status,
    404,
  );
  const other = await w.as('buyer');
  assert.doesNotMatch(await (await other.get('/pesanan-saya')).text(), anywhere);
  const seller = await w.as('seller', umkm);
  const sellerPage = await seller.get('/penjual/pesanan');
  assert.equal(sellerPage.status, 200);
  const sellerHtml = await sellerPage.text();
  assert.match(sellerHtml, new RegExp(order.number));
  assert.doesNotMatch(sellerHtml, anywhere);
  for (const point of [net.points[0], net.points[1]]) {
    const agent = await w.as('village_agent', point);
    const board = await agent.get(`/titik/paket?point=${point}`);
    assert.equal(board.status, 200);
    const boardHtml = await board.text();
    if (point === net.points[0])
      assert.match(
        boardHtml,
        new RegExp(parcel.trackingNumber),
        "the seller's point lists the parcel",
      );
    assert.doesNotMatch(boardHtml, anywhere);
  }
  assert.doesNotMatch(
    await (await w.client().get(`/lacak/${parcel.trackingNumber}`)).text(),
    anywhere,
  );

  // Collected (the delivered scan clears the one-time code, see logistics' scan tests): gone from the buyer's page too.
  await w.h.db
    .updateTable('parcels')
    .set({ pickup_code: null, status: 'delivered' })
    .where('tracking_number', '=', parcel.trackingNumber)
    .execute();
  assert.doesNotMatch(await (await buyer.get('/pesanan-saya')).text(), /pickup-code/);
});
