// Return to sender: a failed or uncollected parcel is marked for return, travels back along
// ordinary legs (scans still validated in order and idempotent) and, received back at the
// seller's point, returns the order through orders (restock, earning reversed). On both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { stockOf } from '../catalog/index.js';
import { makeOrder } from '../../../test/support/orders.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { createParcel, nodesOf, parcelsForOrder } from './parcels.service.js';
import { recordScan } from './scans.service.js';
import { pendingLegs } from './consolidation.service.js';
import { logisticsKpis } from './kpis.js';
import type { ScanKind } from './logistics.tables.js';
import './index.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

let n = 0;
const t0 = Date.UTC(2026, 6, 1, 0);
const at = (h: number) => new Date(t0 + h * 3600_000).toISOString();
const scanner =
  (tracking: string) =>
  (kind: ScanKind, loc: string, h: number, extra: { pickupCode?: string; id?: string } = {}) =>
    recordScan(w.h.db, null, {
      tracking,
      kind,
      locationId: loc,
      clientScanId: extra.id ?? `ret-scan-${++n}`,
      at: at(h),
      pickupCode: extra.pickupCode,
    });
const parcelRow = (id: string) =>
  w.h.db.selectFrom('parcels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const village = async (id: string) =>
  (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).village_code;

test('failed delivery → return to the seller: order returned, stock back, earning reversed, KPI counts one failure', async () => {
  const o = await makeOrder(w.h, {
    villageCode: await village(net.points[0]),
    servicePointId: net.points[1],
    qty: 3,
    advanceTo: 'handed_over',
  });
  const stockBefore = (await stockOf(w.h.db, o.variantId))!;
  const [{ trackingNumber: tracking, pickupCode }] = await parcelsForOrder(w.h.db, o.orderId);
  assert.ok(pickupCode);
  const s = scanner(tracking);
  unwrap(await s('received_at_point', net.points[0], 1));
  unwrap(await s('arrived_hub', net.kecHub, 3));
  unwrap(await s('out_for_delivery', net.kecHub, 20));
  unwrap(await s('failed_delivery', net.kecHub, 26));
  // Marked for return at the hub where it lies; not anywhere else, and not twice.
  const wrongHub = await s('return_started', net.kecHub2, 27);
  assert.equal(wrongHub.ok, false);
  const mark = unwrap(await s('return_started', net.kecHub, 27, { id: 'ret-mark-0001' }));
  assert.equal(mark.status, 'at_hub');
  assert.equal(mark.returning, true);
  const again = unwrap(await s('return_started', net.kecHub, 27, { id: 'ret-mark-0001' }));
  assert.equal(again.duplicate, true, 'same client scan id: one event');
  const tap = unwrap(await s('return_started', net.kecHub, 27));
  assert.equal(tap.duplicate, true, 'second tap with a new id: the event already recorded');
  const p = await parcelRow(mark.parcelId);
  assert.deepEqual(
    (await nodesOf(w.h.db, p.id)).map((x) => x.ref),
    [net.points[0], net.kecHub, net.points[0]],
    "the way back ends at the seller's point",
  );
  assert.equal(p.pickup_code, null, "the buyer's code no longer works");
  assert.equal((await parcelsForOrder(w.h.db, o.orderId))[0].pickupCode, null);
  // The return leg is manifested like any other leg out of the hub.
  const legs = (await pendingLegs(w.h.db, net.kecHub)).filter((l) => l.parcel_id === p.id);
  assert.deepEqual(
    legs.map((l) => [l.to_kind, l.to_id]),
    [['point', net.points[0]]],
  );
  // Out of order on the way back: no delivery, no pickup at the seller's point, no return before it arrives.
  for (const kind of ['returned', 'delivered', 'ready_for_pickup'] as const) {
    const r = await s(kind, net.points[0], 28, { pickupCode: pickupCode! });
    assert.equal(r.ok, false, kind);
    if (!r.ok) assert.equal(r.code, 'LOGISTICS_SCAN_OUT_OF_ORDER', kind);
  }
  unwrap(await s('out_for_delivery', net.kecHub, 44));
  const fs = async () =>
    (
      await w.h.db
        .selectFrom('orders')
        .select('fulfilment_status')
        .where('id', '=', o.orderId)
        .executeTakeFirstOrThrow()
    ).fulfilment_status;
  assert.equal(await fs(), 'in_transit', 'the order waits for the parcel to be back');
  assert.equal((await s('returned', net.points[1], 46)).ok, false, "not at the buyer's point");
  const back = unwrap(await s('returned', net.points[0], 46, { id: 'ret-back-0001' }));
  assert.equal(back.status, 'returned');
  assert.equal(await fs(), 'returned');
  const stockAfter = (await stockOf(w.h.db, o.variantId))!;
  assert.equal(stockAfter.available, stockBefore.available + 3, 'three units back on the shelf');
  const ledger = await w.h.db
    .selectFrom('stock_ledger')
    .select(['reason', 'delta_available'])
    .where('variant_id', '=', o.variantId)
    .where('ref', '=', o.orderId)
    .where('reason', '=', 'return')
    .execute();
  assert.equal(ledger.length, 1, 'restocked once, through the ledger');
  const owed = await w.h.db
    .selectFrom('ledger_lines')
    .select(['account_code', 'amount'])
    .where('order_id', '=', o.orderId)
    .where('account_code', 'like', 'umkm_payable:%')
    .execute();
  assert.deepEqual(owed, [], 'a returned order never owed the seller anything');
  // A retried "returned" scan is the same event: no second restock.
  assert.equal(
    unwrap(await s('returned', net.points[0], 46, { id: 'ret-back-0001' })).duplicate,
    true,
  );
  assert.equal((await stockOf(w.h.db, o.variantId))!.available, stockAfter.available);
  const day = p.created_at.slice(0, 10);
  const k = await logisticsKpis(w.h.db, await village(net.points[0]), day, day);
  assert.equal(k.failedDeliveries, 1);
  assert.equal(k.returned, 1);
  assert.equal(k.delivered, 0);
  assert.equal(k.medianHours.end_to_end, null, 'a return is no delivery lead time');
});

test("uncollected at the buyer's point: the agent sends it back, a multi-leg way home ends at the network's edge", async () => {
  // Entered from outside the network (a seller elsewhere) for pickup at point 1.
  const c = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: null,
      destinationPointId: net.points[1],
      weightGrams: 1500,
      at: at(100),
    }),
  );
  const s = scanner(c.trackingNumber);
  unwrap(await s('arrived_hub', net.kabHub, 101));
  unwrap(await s('left_hub', net.kabHub, 102));
  unwrap(await s('arrived_hub', net.kecHub, 104));
  unwrap(await s('out_for_delivery', net.kecHub, 105));
  unwrap(await s('ready_for_pickup', net.points[1], 106));
  assert.equal(
    (await s('return_started', net.kecHub, 107)).ok,
    false,
    'the parcel is at the point, not the hub',
  );
  const mark = unwrap(await s('return_started', net.points[1], 250));
  assert.equal(mark.status, 'at_point');
  assert.deepEqual(
    (await nodesOf(w.h.db, c.id)).map((x) => x.kind),
    ['entry', 'hub', 'hub', 'point', 'hub', 'hub', 'exit'],
  );
  const wrongPickup = await s('delivered', net.points[1], 251, { pickupCode: c.pickupCode });
  assert.equal(wrongPickup.ok, false, 'no pickup once it is going back');
  unwrap(await s('arrived_hub', net.kecHub, 260));
  unwrap(await s('left_hub', net.kecHub, 261));
  unwrap(await s('arrived_hub', net.kabHub, 264));
  unwrap(await s('out_for_delivery', net.kabHub, 270));
  const back = unwrap(await s('returned', net.kabHub, 272));
  assert.equal(back.status, 'returned');
  const row = await parcelRow(c.id);
  assert.equal(row.node_index, 6);
  const scans = await w.h.db
    .selectFrom('parcel_scans')
    .select('kind')
    .where('parcel_id', '=', c.id)
    .execute();
  assert.equal(scans.length, 11);
  const k = await logisticsKpis(
    w.h.db,
    await village(net.points[1]),
    at(100).slice(0, 10),
    at(100).slice(0, 10),
  );
  assert.deepEqual(
    [k.parcels, k.failedDeliveries, k.returned],
    [1, 1, 1],
    'not collected counts as one failed delivery',
  );
  assert.equal(
    k.medianHours.line_haul,
    2,
    'the trip home (3 h between hubs) feeds no median: only the way in (2 h)',
  );
});

test('a parcel that was never sent back cannot be "returned"; an in-transit parcel cannot be marked', async () => {
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[2],
      weightGrams: 800,
    }),
  );
  const s = scanner(p.trackingNumber);
  unwrap(await s('received_at_point', net.points[0], 1));
  const early = await s('return_started', net.points[0], 2);
  assert.equal(early.ok, false);
  if (!early.ok) assert.equal(early.code, 'LOGISTICS_SCAN_OUT_OF_ORDER');
  unwrap(await s('arrived_hub', net.kecHub, 3));
  unwrap(await s('out_for_delivery', net.kecHub, 4));
  const notBack = await s('returned', net.points[0], 5);
  assert.equal(notBack.ok, false);
  const row = await parcelRow(p.id);
  assert.equal(row.returning, 0);
  assert.equal(row.status, 'out_for_delivery');
});
