// The seam with orders: a hand-over creates the parcel in the same transaction, scans move
// the order's fulfilment, and checkout prices shipping with the network's quote.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../testing.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeOrder } from '../orders/testing.js';
import { makeNetwork, type TestNetwork } from './testing.js';
import { recordScan } from './scans.service.js';
import { parcelsForOrder } from './parcels.service.js';
import { quoteNetwork } from './quote.js';
import { parcelsFromHandedOverOrders } from './orders.bridge.js';
import './index.js';

let w: World;
let net: TestNetwork;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
});
after(() => w.close());

const villageOf = async (id: string) => (await w.h.db.selectFrom('service_points').select('village_code').where('id', '=', id).executeTakeFirstOrThrow()).village_code;

test('hand-over → parcel (once), scans → fulfilment, quote used at checkout', async () => {
  const sellerVillage = await villageOf(net.points[0]);
  const o = await makeOrder(w.h, { villageCode: sellerVillage, servicePointId: net.points[1], qty: 2, advanceTo: 'handed_over' });
  const parcels = await parcelsForOrder(w.h.db, o.orderId);
  assert.equal(parcels.length, 1);
  assert.match(parcels[0].pickupCode ?? '', /^\d{6}$/);
  assert.equal(await parcelsFromHandedOverOrders(w.h.db, '53.09'), 0, 'the sweep finds nothing missing');
  const order = await w.h.db.selectFrom('orders').selectAll().where('id', '=', o.orderId).executeTakeFirstOrThrow();
  const lines = await w.h.db.selectFrom('order_lines').select(['qty', 'weight_grams']).where('order_id', '=', o.orderId).execute();
  const grams = lines.reduce((a, l) => a + l.qty * l.weight_grams, 0);
  const quote = await quoteNetwork(w.h.db, { fromVillageCode: sellerVillage, toVillageCode: await villageOf(net.points[1]), weightGrams: grams });
  assert.equal(order.shipping, quote!.amount, 'checkout used the network quote');
  const tracking = parcels[0].trackingNumber;
  let n = 0;
  const scan = async (kind: any, at: string, extra: Record<string, string> = {}) => unwrap(await recordScan(w.h.db, null, { tracking, kind, locationId: at, clientScanId: `bridge-${++n}-scan`, ...extra }));
  await scan('received_at_point', net.points[0]);
  await scan('arrived_hub', net.kecHub);
  const fs = async () => (await w.h.db.selectFrom('orders').select('fulfilment_status').where('id', '=', o.orderId).executeTakeFirstOrThrow()).fulfilment_status;
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
