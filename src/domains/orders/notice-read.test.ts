// The facts notifications need of order events: a placement's from the rows it placed (no read
// back in the checkout's transaction), any other event's read from the orders as they are now.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeOrder } from '../../../test/support/orders.js';
import { eventOrderNotices, orderNotices } from './index.js';
import { rememberPlaced } from './notice-read.js';
import type { OrderEvent } from './events.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const event = (orderId: string, kind: OrderEvent['kind']): OrderEvent => ({
  eventId: `oev_${kind}_${orderId}`,
  orderId,
  kind,
  from: null,
  to: kind === 'placed' ? 'placed' : 'paid',
  at: new Date().toISOString(),
});

test('a placement is told from its placed rows without a read; other events read the order', async () => {
  const a = await makeOrder(w.h);
  const b = await makeOrder(w.h);
  const stored = await orderNotices(w.h.db, [a.orderId, b.orderId]);
  const row = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', a.orderId)
    .executeTakeFirstOrThrow();
  const placed = event(a.orderId, 'placed');
  rememberPlaced(placed, row);

  const q = w.h.queryCount();
  const known = await eventOrderNotices(w.h.db, [placed]);
  assert.equal(w.h.queryCount(), q, 'no read for a placement');
  assert.deepEqual(known.get(a.orderId), stored.get(a.orderId));

  // Another event object of the same kind was not made by a placement: it is read.
  const both = await eventOrderNotices(w.h.db, [placed, event(b.orderId, 'payment')]);
  assert.equal(w.h.queryCount(), q + 1, 'one read for the rest');
  assert.deepEqual(both.get(b.orderId), stored.get(b.orderId));
  assert.deepEqual(
    (await eventOrderNotices(w.h.db, [event(a.orderId, 'placed')])).get(a.orderId),
    stored.get(a.orderId),
  );
});
