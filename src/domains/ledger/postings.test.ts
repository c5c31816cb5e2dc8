// What orders' events post, through the real payment and fulfilment paths, on both databases:
// COD cash into the point's drawer, transfer/QRIS into clearing, the fee split at completion,
// refunds of cancelled paid orders and returns; every transaction balanced.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { LEDGER_ADMIN, ledgerOrder, payOnline } from '../../../test/support/ledger.js';
import { makeOrder, placeAssisted } from '../../../test/support/orders.js';
import { unwrap } from '../../kernel/errors/index.js';
import { cancelOrder, flushOrderEvents, placeOrder, recordFulfilment } from '../orders/index.js';
import { trialBalance } from './index.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

/** Lines posted for an order: [source step, account, amount]. */
async function posted(orderId: string) {
  const rows = await w.h.db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['t.source_key', 'l.account_code', 'l.amount'])
    .where('t.order_id', '=', orderId)
    .orderBy('t.posted_at')
    .orderBy('l.line_no')
    .execute();
  return rows.map((r) => [r.source_key.split(':').pop(), r.account_code, Number(r.amount)]);
}
const money = (id: string) =>
  w.h.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

test('COD picked up at the point: cash in the drawer, then the fee split at completion', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const f = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'cod',
    stage: 'completed',
    price: 40000,
    qty: 2,
  });
  const o = await money(f.orderId);
  assert.equal(o.status, 'completed');
  assert.deepEqual(await posted(f.orderId), [
    ['paid', `cash_drawer:${sp}`, o.total],
    ['paid', 'buyer_payments', -o.total],
    ['settled', 'buyer_payments', o.total],
    ['settled', `umkm_payable:${u}`, -o.seller_share],
    ['settled', 'platform_fees', -o.platform_fee],
    ...(o.shipping ? [['settled', 'shipping_payable', -o.shipping]] : []),
  ]);
  assert.equal(o.seller_share, 80000 - 4000);
});

test('QRIS paid but not delivered owes the seller nothing; delivered completes it', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const f = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'qris',
    stage: 'paid',
  });
  const o = await money(f.orderId);
  assert.deepEqual(await posted(f.orderId), [
    ['paid', 'qris_clearing', o.total],
    ['paid', 'buyer_payments', -o.total],
  ]);
  const done = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'transfer',
    stage: 'completed',
  });
  const d = await money(done.orderId);
  const lines = await posted(done.orderId);
  assert.deepEqual(lines[0], ['paid', 'bank_transfer', d.total]);
  assert.ok(lines.some((l) => l[1] === `umkm_payable:${u}` && l[2] === -d.seller_share));
  // The transfer's unique code is money in the bank too: kept by the platform, posted once.
  const uc = await w.h.db
    .selectFrom('ledger_transactions')
    .select('source_key')
    .where('kind', '=', 'unique_code')
    .where('payment_id', 'is not', null)
    .execute();
  assert.ok(uc.length >= 1);
});

test('a COD parcel delivered but unpaid posts nothing; a cancelled paid order is refunded', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const cod = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'cod',
    stage: 'delivered_unpaid',
  });
  assert.deepEqual(await posted(cod.orderId), []);
  const q = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'qris',
    stage: 'paid',
  });
  unwrap(await cancelOrder(w.h.db, q.orderId, { kind: 'actor', actor: LEDGER_ADMIN }));
  await flushOrderEvents();
  const o = await money(q.orderId);
  assert.equal(o.payment_status, 'refunded');
  assert.deepEqual((await posted(q.orderId)).slice(2), [
    ['refund', 'buyer_payments', o.total],
    ['refund', 'refunds_due', -o.total],
  ]);
});

test('a paid order returned in transit owes the buyer a refund, never the seller', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const p = await makeProduct(w.h, { umkmId: u, price: 30000, stock: 5 });
  const placed = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Rina', phone: '081234567890' },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: 'transfer',
        channel: 'storefront',
      },
      null,
    ),
  );
  await payOnline(w.h, placed.groupId);
  for (const s of ['packed', 'handed_over', 'in_transit', 'returned'] as const)
    unwrap(await recordFulfilment(w.h.db, placed.orders[0].id, s, LEDGER_ADMIN));
  await flushOrderEvents();
  const lines = await posted(placed.orders[0].id);
  assert.ok(!lines.some((l) => String(l[1]).startsWith('umkm_payable')));
  assert.deepEqual(lines.slice(-1), [['refund', 'refunds_due', -placed.orders[0].total]]);
  // A COD parcel returned unpaid moves no money.
  const r = await makeOrder(w.h, { umkmId: u, servicePointId: sp, advanceTo: 'returned' });
  assert.deepEqual(await posted(r.orderId), []);
});

test('an assisted order: cash at placement, the agent’s commission out of the platform fee', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const p = await makeProduct(w.h, {
    umkmId: u,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 3,
  });
  const agent = await w.as('village_agent', sp);
  const placed = await placeAssisted(agent, { [p.variantId]: 2 });
  assert.equal(placed.status, 303);
  await flushOrderEvents();
  const o = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('umkm_id', '=', u)
    .executeTakeFirstOrThrow();
  const agentSp = o.agent_service_point_id!;
  assert.deepEqual(await posted(o.id), [
    ['paid', `cash_drawer:${agentSp}`, o.total],
    ['paid', 'buyer_payments', -o.total],
  ]);
  // Picked up at the point: delivered, the order completes and the fee is split.
  for (const s of ['packed', 'handed_over', 'ready_for_pickup', 'delivered'] as const)
    unwrap(await recordFulfilment(w.h.db, o.id, s, LEDGER_ADMIN));
  await flushOrderEvents();
  const lines = await posted(o.id);
  assert.ok(lines.some((l) => l[1] === `agent_commission:${agentSp}` && l[2] === -1600));
  assert.ok(lines.some((l) => l[1] === 'platform_fees' && l[2] === -(o.platform_fee - 1600)));
  const tb = await trialBalance(w.h.db);
  assert.equal(tb.total, 0);
  assert.deepEqual(tb.unbalanced, []);
});
