// A COD buyer collects the parcel at the point with their code (issue 15): the agent's scan
// takes the cash — payment paid and collected by that agent at that point, audit row and outbox
// event — in the scan's own transaction, and the cash shows in the agent's day. Attacked with a
// replay, a wrong code, another point's agent and an unpaid transfer order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeOrder, payGroup, type FixtureOrder } from '../../../test/support/orders.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { recordScan } from './scans.service.js';
import { parcelsForOrder } from './parcels.service.js';
import { flushOrderEvents } from '../orders/index.js';
import type { PaymentMethod } from '../orders/index.js';
import './index.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

let n = 0;
const sysScan = (tracking: string, kind: any, locationId: string) =>
  recordScan(w.h.db, null, { tracking, kind, locationId, clientScanId: `pc-sys-${++n}-scan` });

const villageOf = async (id: string) =>
  (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).village_code;

/** A parcel of a COD (or other) order, waiting for its buyer at point 1. */
async function waitingParcel(
  method: PaymentMethod = 'cod',
): Promise<{ o: FixtureOrder; tracking: string; code: string }> {
  const o = await makeOrder(w.h, {
    villageCode: await villageOf(net.points[0]),
    servicePointId: net.points[1],
    paymentMethod: method,
    advanceTo: 'handed_over',
  });
  const [p] = await parcelsForOrder(w.h.db, o.orderId);
  unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[0]));
  unwrap(await sysScan(p.trackingNumber, 'arrived_hub', net.kecHub));
  unwrap(await sysScan(p.trackingNumber, 'out_for_delivery', net.kecHub));
  unwrap(await sysScan(p.trackingNumber, 'ready_for_pickup', net.points[1]));
  return { o, tracking: p.trackingNumber, code: p.pickupCode! };
}

const orderOf = (id: string) =>
  w.h.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const paymentsOf = (id: string) =>
  w.h.db.selectFrom('payments').selectAll().where('group_id', 'like', `%:${id}`).execute();
const parcelStatus = async (tracking: string) =>
  (
    await w.h.db
      .selectFrom('parcels')
      .select('status')
      .where('tracking_number', '=', tracking)
      .executeTakeFirstOrThrow()
  ).status;
/** The day page's card of one order. */
const card = (html: string, number: string) => {
  const at = html.indexOf(`data-order="${number}"`);
  assert.ok(at > 0, `order ${number} listed`);
  return html.slice(at, html.indexOf('</article>', at));
};
const rupiah = (x: number) => `Rp ${new Intl.NumberFormat('id-ID').format(x)}`;

test('COD pickup with the buyer’s code: cash recorded for the agent, order paid and complete, in the day’s closing', async () => {
  const { o, tracking, code } = await waitingParcel();
  const agent = await w.as('village_agent', net.points[1]);
  const dayBefore = await (await agent.get('/agen/hari-ini')).text();
  // The day page offers the cash hand-over with the code, never a button without it.
  assert.match(dayBefore, new RegExp(`Serahkan paket \\(terima tunai ${rupiah(o.total)}\\)`));
  assert.match(dayBefore, new RegExp(`Kode ambil dari pembeli \\(${tracking}\\)`));
  assert.ok(dayBefore.includes('data-k="cash">Rp 0'));

  const res = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-agent-1-scan',
    back: 'hari-ini',
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), '/agen/hari-ini');
  await flushOrderEvents();

  const done = await orderOf(o.orderId);
  assert.deepEqual(
    [done.status, done.payment_status, done.fulfilment_status],
    ['completed', 'paid', 'delivered'],
  );
  const pays = await paymentsOf(o.orderId);
  assert.equal(pays.length, 1);
  assert.deepEqual(
    [
      pays[0].method,
      pays[0].status,
      pays[0].amount,
      pays[0].collected_by,
      pays[0].service_point_id,
    ],
    ['cod', 'paid', o.total, agent.userId, net.points[1]],
  );
  const outbox = await w.h.db
    .selectFrom('order_outbox')
    .select(['kind', 'to_status', 'actor_id'])
    .where('order_id', '=', o.orderId)
    .orderBy('id')
    .execute();
  assert.deepEqual(
    outbox.slice(-3).map((e) => `${e.kind}:${e.to_status}:${e.actor_id}`),
    [
      `payment:paid:${agent.userId}`,
      `fulfilment:delivered:${agent.userId}`,
      `status:completed:${agent.userId}`,
    ],
  );
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', o.orderId)
    .where('action', '=', 'orders.payment')
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(audit.data).via, 'agent_cash');
  assert.equal(await parcelStatus(tracking), 'delivered');

  const day = await (await agent.get('/agen/hari-ini')).text();
  assert.ok(day.includes(`data-k="cash">${rupiah(o.total)}`), 'cash in the closing');
  assert.ok(day.includes(`data-k="cash-pickups">${rupiah(o.total)}`));
  assert.ok(day.includes(`data-k="shortfall">${rupiah(o.total)}`), 'to hand over');

  // Replayed: the same scan again, and a second tap with a new scan id, take no more cash.
  const again = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-agent-1-scan',
  });
  assert.equal(again.status, 200);
  const tap = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-agent-2-scan',
  });
  assert.ok(tap.status < 500);
  // The counter button cannot take it a second time either.
  assert.equal((await agent.form(`/agen/ambil/${o.orderId}`, {})).status, 409);
  assert.equal((await paymentsOf(o.orderId)).length, 1, 'one payment, whatever is replayed');
  const after = await (await agent.get('/agen/hari-ini')).text();
  assert.ok(after.includes(`data-k="cash">${rupiah(o.total)}`));
});

test('a wrong code or another point’s agent hands nothing over and takes no cash', async () => {
  const { o, tracking, code } = await waitingParcel();
  const agent = await w.as('village_agent', net.points[1]);
  const wrong = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code === '123456' ? '654321' : '123456',
    client_scan_id: 'pc-wrong-1-scan',
  });
  assert.equal(wrong.status, 422);
  assert.match(await wrong.text(), /Kode pengambilan salah/);
  const stranger = await w.as('village_agent', net.points[2]);
  const foreign = await stranger.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-foreign-1-scan',
  });
  assert.equal(foreign.status, 403);
  // At their own point the parcel is not theirs to hand over.
  const elsewhere = await stranger.form('/titik/paket/scan', {
    point: net.points[2],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-foreign-2-scan',
  });
  assert.equal(elsewhere.status, 409);
  assert.equal((await stranger.form(`/agen/ambil/${o.orderId}`, {})).status, 404);
  const still = await orderOf(o.orderId);
  assert.deepEqual([still.payment_status, still.fulfilment_status], ['unpaid', 'ready_for_pickup']);
  assert.equal((await paymentsOf(o.orderId)).length, 0);
  assert.equal(await parcelStatus(tracking), 'ready_for_pickup');
  const day = await (await stranger.get('/agen/hari-ini')).text();
  assert.ok(day.includes('data-k="cash">Rp 0'));
});

test('an unpaid transfer order is not handed over (the scan is refused whole); once paid it goes without cash', async () => {
  const { o, tracking, code } = await waitingParcel('transfer');
  const agent = await w.as('village_agent', net.points[1]);
  const page = card(await (await agent.get('/agen/hari-ini')).text(), o.number);
  assert.match(page, /Menunggu pembayaran transfer\/QRIS/);
  assert.ok(!page.includes('terima tunai'), 'no cash button on a transfer order');
  assert.ok(!page.includes('<button'), 'nothing to press until it is paid');
  const refused = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-transfer-1-scan',
  });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /belum lunas/);
  assert.equal(await parcelStatus(tracking), 'ready_for_pickup', 'the scan rolled back');
  assert.equal(
    (
      await w.h.db
        .selectFrom('parcel_scans as s')
        .innerJoin('parcels as p', 'p.id', 's.parcel_id')
        .select('s.id')
        .where('p.tracking_number', '=', tracking)
        .where('s.kind', '=', 'delivered')
        .execute()
    ).length,
    0,
  );
  assert.equal((await orderOf(o.orderId)).payment_status, 'unpaid');

  // The buyer's transfer arrives: now the parcel goes, and no cash is counted for it.
  await payGroup(w.h, o.groupId);
  const paidPage = card(await (await agent.get('/agen/hari-ini')).text(), o.number);
  assert.match(paidPage, /Serahkan paket \(sudah lunas\)/);
  const ok = await agent.form('/titik/paket/scan', {
    point: net.points[1],
    kind: 'delivered',
    tracking,
    pickup_code: code,
    client_scan_id: 'pc-transfer-2-scan',
  });
  assert.equal(ok.status, 200);
  await flushOrderEvents();
  const done = await orderOf(o.orderId);
  assert.deepEqual([done.status, done.fulfilment_status], ['completed', 'delivered']);
  assert.equal((await paymentsOf(o.orderId)).length, 0, 'no cash payment for a paid order');
});
