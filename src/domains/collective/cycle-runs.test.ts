// A closed cycle's runs enter the logistics network: one parcel per run (collection point →
// pickup point), none per order (a seller's hand-over of a cycle order makes no parcel), the
// buyer's tracking of a cycle order shows its run's parcel, and the hub's manifest carries the
// run parcels once they are received at the collection point.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { makeServicePoint } from '../../../test/support/community.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { flushOrderEvents, recordFulfilment } from '../orders/index.js';
import {
  assignPoint,
  buildManifests,
  nextForwardScan,
  parcelsForOrder,
  recordScan,
} from '../logistics/index.js';
import { closeCycle, orderFromCycle } from './index.js';

const ADMIN: Actor = {
  userId: 'usr_runs_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

let w: World;
let cw: CycleWorld;
let net: TestNetwork;
let ownPoint: string;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
  cw = await makeCycleWorld(w.h, { producers: 2, points: 0 });
  // The coordinating organisation's own point, on the network: the cycle's collection point.
  ownPoint = await makeServicePoint(w.h.db, {
    villageCode: cw.village,
    organisationId: cw.organisationId,
    name: 'Titik BUMDes',
  });
  unwrap(await assignPoint(w.h.db, null, ownPoint, net.kecHub));
  cw.points = [net.points[0], net.points[1], net.otherPoint];
});
after(() => w.close());

const buy = (cycleId: string, point: string, qty: number, name: string) =>
  orderFromCycle(w.h.db, null, {
    cycleId,
    lines: cw.variants.map((v) => ({ variantId: v.variantId, qty })),
    buyer: { name, phone: '081234567001' },
    servicePointId: point,
    paymentMethod: 'cod',
  });

const parcelCount = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('parcels')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a cycle order handed over makes no parcel; at close each run gets one parcel the buyer tracks and the hub manifests', async () => {
  const cycleId = await makeCycle(w.h, cw);
  const cycle = await w.h.db
    .selectFrom('cycles')
    .select('collection_point_id')
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow();
  assert.equal(cycle.collection_point_id, ownPoint, "the organisation's own point collects");

  const a = unwrap(await buy(cycleId, net.points[0], 1, 'Ibu Maria'));
  const b = unwrap(await buy(cycleId, net.points[0], 2, 'Pak Yosef'));
  const c = unwrap(await buy(cycleId, net.points[1], 1, 'Ibu Theresia'));
  const orderIds = [a, b, c].flatMap((p) => p.orders.map((o) => o.id));
  assert.equal(orderIds.length, 6, 'one order per producer per checkout');

  // The seller hands a cycle order over before the close: no parcel of its own.
  const before = await parcelCount();
  for (const step of ['packed', 'handed_over'] as const)
    unwrap(await recordFulfilment(w.h.db, a.orders[0].id, step, ADMIN));
  await flushOrderEvents();
  assert.equal(await parcelCount(), before, 'no per-order parcel for a cycle order');
  assert.deepEqual(await parcelsForOrder(w.h.db, a.orders[0].id), [], 'no run parcel before close');

  const closed = unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  assert.equal(closed.runs, 2, 'one run per point with orders (the third point had none)');
  assert.equal(await parcelCount(), before + 2, 'one parcel per run, not one per order');

  const runs = await w.h.db
    .selectFrom('cycle_runs')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('orders', 'desc')
    .execute();
  assert.deepEqual(
    runs.map((r) => [r.service_point_id, r.orders, r.items]),
    [
      [net.points[0], 4, 6],
      [net.points[1], 2, 2],
    ],
  );
  const parcels = await w.h.db
    .selectFrom('parcels')
    .selectAll()
    .where(
      'id',
      'in',
      runs.map((r) => r.parcel_id!),
    )
    .execute();
  assert.equal(parcels.length, 2);
  for (const r of runs) {
    const p = parcels.find((x) => x.id === r.parcel_id)!;
    assert.equal(p.tracking_number, r.tracking_number);
    assert.equal(p.order_id, null, 'a run parcel belongs to no single order');
    assert.equal(p.origin_point_id, ownPoint);
    assert.equal(p.destination_point_id, r.service_point_id);
    assert.equal(p.weight_grams, r.weight_grams);
  }

  // Every buyer's tracking shows their run's parcel, without the run's pickup code.
  for (const p of [a, b]) {
    const seen = await parcelsForOrder(w.h.db, p.orders[0].id);
    assert.deepEqual(seen, [
      {
        trackingNumber: runs[0].tracking_number,
        status: 'created',
        pickupCode: null,
        consolidated: true,
      },
    ]);
  }
  assert.equal(
    (await parcelsForOrder(w.h.db, c.orders[1].id))[0]?.trackingNumber,
    runs[1].tracking_number,
  );

  // A hand-over after the close still makes no parcel of its own.
  for (const step of ['packed', 'handed_over'] as const)
    unwrap(await recordFulfilment(w.h.db, b.orders[0].id, step, ADMIN));
  await flushOrderEvents();
  assert.equal(await parcelCount(), before + 2);

  // Received at the collection point, the runs are on the kecamatan hub's manifest.
  let seq = 0;
  for (const r of runs)
    unwrap(
      await recordScan(w.h.db, null, {
        tracking: r.tracking_number!,
        kind: 'received_at_point',
        locationId: ownPoint,
        clientScanId: `runs-test-${++seq}`,
      }),
    );
  const built = unwrap(await buildManifests(w.h.db, null, net.kecHub, '2026-12-10'));
  assert.equal(built.parcels, 2, 'both run parcels on the hub manifest');
});

test('a run whose point is not on the network closes without a parcel; its run sheet stands', async () => {
  const offNet = await makeServicePoint(w.h.db, { villageCode: cw.village, name: 'Titik Baru' });
  const cycleId = await makeCycle(w.h, { ...cw, points: [offNet] });
  unwrap(await buy(cycleId, offNet, 1, 'Ibu Agustina'));
  unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  const run = await w.h.db
    .selectFrom('cycle_runs')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  assert.equal(run.orders, 2);
  assert.equal(run.parcel_id, null);
  assert.equal(run.tracking_number, null);
});

test('on market day the agent hands a cycle order over by hand once its run is at the point', async () => {
  const point = net.points[0];
  const cycleId = await makeCycle(w.h, { ...cw, points: [point] });
  const placed = unwrap(await buy(cycleId, point, 1, 'Ibu Sisilia'));
  for (const o of placed.orders)
    for (const step of ['packed', 'handed_over'] as const)
      unwrap(await recordFulfilment(w.h.db, o.id, step, ADMIN));
  await flushOrderEvents();
  unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  const run = await w.h.db
    .selectFrom('cycle_runs')
    .select('tracking_number')
    .where('cycle_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const agent = await w.as('village_agent', point);
  const [first] = placed.orders;
  const orderState = () =>
    w.h.db
      .selectFrom('orders')
      .select(['fulfilment_status', 'payment_status'])
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();

  // The run is still on its way: the day page says so and a hand-over is refused.
  assert.match(await (await agent.get('/agen/hari-ini')).text(), /masih dalam perjalanan/);
  const early = await agent.form(`/agen/ambil/${first.id}`, {});
  assert.equal(early.status, 409);
  assert.deepEqual(await orderState(), {
    fulfilment_status: 'handed_over',
    payment_status: 'unpaid',
  });

  // The run travels scan by scan until it waits at the point.
  let seq = 0;
  for (;;) {
    const next = await nextForwardScan(w.h.db, run.tracking_number!);
    if (!next || next.kind === 'delivered') break;
    unwrap(
      await recordScan(w.h.db, null, {
        tracking: run.tracking_number!,
        kind: next.kind,
        locationId: next.locationId,
        clientScanId: `market-day-${++seq}`,
      }),
    );
  }
  const day = await (await agent.get('/agen/hari-ini')).text();
  assert.match(day, new RegExp(`action="/agen/ambil/${first.id}"`), 'handed over by hand');
  assert.match(day, /terima tunai/);
  const done = await agent.form(`/agen/ambil/${first.id}`, {});
  assert.equal(done.status, 303);
  assert.deepEqual(await orderState(), { fulfilment_status: 'delivered', payment_status: 'paid' });
  const cash = await w.h.db
    .selectFrom('payments')
    .select(['matched_by', 'service_point_id'])
    .where('group_id', 'like', `%:${first.id}`)
    .executeTakeFirstOrThrow();
  assert.deepEqual(cash, { matched_by: 'agent_cash', service_point_id: point });
});
