// Every state change reaches the outbox and the audit log (issue 13), here on the paths that move
// an order after its placement: the agent's assisted order and pickup, the seller, logistics
// milestones, the expiry job, returns, the buyer confirming receipt, staff cancelling a paid order.
// Each must leave exactly one audit row and one outbox event per transition, the outbox replaying
// to the order's statuses, and one webhook delivery per transition of a partner's order
// (test/support/outbox.ts). The placing and paying paths are in outbox-checkout.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from '../../../test/support/world.js';
import { ADMIN, outboxWorld, PHONE, type OutboxWorld } from '../../../test/support/outbox.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder, placeAssisted } from '../../../test/support/orders.js';
import { unwrap } from '../../kernel/errors/index.js';
import {
  cancelOrder,
  confirmReceipt,
  expireReservations,
  recordFulfilment,
} from './orders.service.js';

let ow: OutboxWorld;
let w: World;
let village: string;
let sp: string;
let umkm: string;

before(async () => {
  ow = await outboxWorld();
  ({ w, village, sp, umkm } = ow);
});
after(() => w.close());

test('agent: assisted order (placed and paid in cash), seller moves, logistics, pickup with cash at the point', async () => {
  const p = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Bajawa Outbox',
    price: 30000,
    stock: 10,
  });
  const agent = await w.as('village_agent', sp);
  const placed = await placeAssisted(agent, { [p.variantId]: 1 });
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
  await ow.assertEventsComplete(assisted.id, [
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
  await ow.assertEventsComplete(cod.orderId);
});

test('expiry job cancels an unpaid transfer; returns; buyer confirms receipt; staff cancels a paid order (refund)', async () => {
  const p = await ow.product();
  const late = await ow.place('transfer', p.variantId);
  await ow.asPartnerOrder([late.orders[0].id]);
  assert.equal(await expireReservations(w.h.db, new Date(Date.now() + 48 * 3600_000)), 1);
  await ow.assertEventsComplete(late.orders[0].id, ['placed:placed', 'status:cancelled']);

  const ret = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    umkmId: umkm,
    advanceTo: 'returned',
  });
  await ow.assertEventsComplete(ret.orderId, [
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
  await ow.assertEventsComplete(got.orderId, [
    'placed:placed',
    'fulfilment:packed',
    'fulfilment:handed_over',
    'fulfilment:in_transit',
    'fulfilment:delivered',
  ]);

  const paid = await ow.place('qris', p.variantId);
  const id = paid.orders[0].id;
  await ow.asPartnerOrder([id]);
  assert.equal(await ow.payByQris(paid.groupId, 'evt_outbox_0002'), 200);
  unwrap(await recordFulfilment(w.h.db, id, 'packed', ADMIN));
  unwrap(await cancelOrder(w.h.db, id, { kind: 'actor', actor: ADMIN }));
  await ow.assertEventsComplete(id, [
    'placed:placed',
    'payment:paid',
    'fulfilment:packed',
    'status:cancelled',
    'payment:refunded',
  ]);
});

test('across every order of this world: one audit row per outbox event, none without the other', async () => {
  await ow.assertEveryOrderComplete(30);
});
