// The seam with orders: a hand-over creates the parcel in the same transaction, scans move
// the order's fulfilment, and checkout prices shipping with the network's quote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeOrder } from '../../../test/support/orders.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { recordScan } from './scans.service.js';
import { parcelsForOrder } from './parcels.service.js';
import { quoteNetwork } from './quote.js';
import { parcelsFromHandedOverOrders } from './order-parcels.service.js';
import { sql } from 'kysely';
import { recordFulfilment } from '../orders/index.js';
import { stockOf } from '../catalog/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import './index.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

const villageOf = async (id: string) =>
  (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).village_code;

test('hand-over → parcel (once), scans → fulfilment, quote used at checkout', async () => {
  const sellerVillage = await villageOf(net.points[0]);
  const o = await makeOrder(w.h, {
    villageCode: sellerVillage,
    servicePointId: net.points[1],
    qty: 2,
    advanceTo: 'handed_over',
  });
  const parcels = await parcelsForOrder(w.h.db, o.orderId);
  assert.equal(parcels.length, 1);
  assert.match(parcels[0].pickupCode ?? '', /^\d{6}$/);
  assert.equal(
    await parcelsFromHandedOverOrders(w.h.db, '53.09'),
    0,
    'the sweep finds nothing missing',
  );
  const order = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', o.orderId)
    .executeTakeFirstOrThrow();
  const lines = await w.h.db
    .selectFrom('order_lines')
    .select(['qty', 'weight_grams'])
    .where('order_id', '=', o.orderId)
    .execute();
  const grams = lines.reduce((a, l) => a + l.qty * l.weight_grams, 0);
  const quote = await quoteNetwork(w.h.db, {
    fromVillageCode: sellerVillage,
    toVillageCode: await villageOf(net.points[1]),
    weightGrams: grams,
  });
  assert.equal(order.shipping, quote!.amount, 'checkout used the network quote');
  const tracking = parcels[0].trackingNumber;
  let n = 0;
  const scan = async (kind: any, at: string, extra: Record<string, string> = {}) =>
    unwrap(
      await recordScan(w.h.db, null, {
        tracking,
        kind,
        locationId: at,
        clientScanId: `bridge-${++n}-scan`,
        ...extra,
      }),
    );
  await scan('received_at_point', net.points[0]);
  await scan('arrived_hub', net.kecHub);
  const fs = async () =>
    (
      await w.h.db
        .selectFrom('orders')
        .select('fulfilment_status')
        .where('id', '=', o.orderId)
        .executeTakeFirstOrThrow()
    ).fulfilment_status;
  assert.equal(await fs(), 'in_transit');
  await scan('out_for_delivery', net.kecHub);
  await scan('ready_for_pickup', net.points[1]);
  assert.equal(await fs(), 'ready_for_pickup');
  await scan('delivered', net.points[1], { pickupCode: parcels[0].pickupCode! });
  assert.equal(await fs(), 'delivered');
});

test('a seller village without an assigned point gets no parcel and the flat rate', async () => {
  const o = await makeOrder(w.h, { villageCode: '35.10.01.2001', advanceTo: 'handed_over' });
  assert.equal((await parcelsForOrder(w.h.db, o.orderId)).length, 0);
});

// Decision: parcel creation runs inside the hand-over's transaction (orders' in-transaction
// hook). A refusal as a value (no hub for the seller's point) lets the hand-over stand and the
// sweep catches up; a write that fails (here: the table is gone, as with a full disk or a
// broken migration) rolls the hand-over back with it. Goods never leave on a hand-over that has
// no parcel and no label; the seller sees an error and hands over again.
test('a parcel that cannot be written rolls the hand-over back; handing over again works', async () => {
  const admin: Actor = {
    userId: 'usr_bridge_admin',
    displayName: 'Admin',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const o = await makeOrder(w.h, {
    villageCode: await villageOf(net.points[0]),
    servicePointId: net.points[1],
    qty: 2,
    advanceTo: 'packed',
  });
  const stock = await stockOf(w.h.db, o.variantId);
  await sql`ALTER TABLE parcel_nodes RENAME TO parcel_nodes_away`.execute(w.h.db);
  try {
    await assert.rejects(recordFulfilment(w.h.db, o.orderId, 'handed_over', admin));
  } finally {
    await sql`ALTER TABLE parcel_nodes_away RENAME TO parcel_nodes`.execute(w.h.db);
  }
  const order = await w.h.db
    .selectFrom('orders')
    .select('fulfilment_status')
    .where('id', '=', o.orderId)
    .executeTakeFirstOrThrow();
  assert.equal(order.fulfilment_status, 'packed', 'the hand-over did not happen');
  assert.equal(
    (await parcelsForOrder(w.h.db, o.orderId)).length,
    0,
    'no parcel row without its path',
  );
  assert.deepEqual(await stockOf(w.h.db, o.variantId), stock, 'the sale was not committed');
  assert.equal(
    (
      await w.h.db
        .selectFrom('ledger_lines')
        .select('id')
        .where('order_id', '=', o.orderId)
        .execute()
    ).length,
    0,
    'no money posted',
  );
  assert.ok((await recordFulfilment(w.h.db, o.orderId, 'handed_over', admin)).ok);
  assert.equal((await parcelsForOrder(w.h.db, o.orderId)).length, 1);
});
