// A refused order transition names the states in the reader's language (issue 15): the page or
// problem text says “Diserahkan ke titik layanan”, never `handed_over`; programs still get the
// raw states as the problem's `from`/`to` members.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeOrder } from '../../../test/support/orders.js';
import { errorText } from '../../kernel/http/index.js';
import { cancelOrder } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('an illegal transition is told with the states’ names, in Bahasa and English', async () => {
  const o = await makeOrder(w.h, { advanceTo: 'handed_over' });
  const r = await cancelOrder(w.h.db, o.orderId, { kind: 'signed_link', groupId: o.groupId });
  assert.ok(!r.ok);
  assert.equal(r.code, 'ORDERS_ILLEGAL_TRANSITION');
  assert.deepEqual(r.params, { from: 'handed_over', to: 'cancelled' });
  const id = errorText('id', r.code, r.params);
  assert.equal(id, 'Pesanan tidak bisa diubah dari “Diserahkan ke titik layanan” ke “Dibatalkan”.');
  const en = errorText('en', r.code, r.params);
  assert.equal(en, 'The order cannot change from “Handed to the service point” to “Cancelled”.');
  // A payment state is named from its own column's messages.
  assert.match(
    errorText('id', r.code, { from: 'paid', to: 'refunded' }),
    /“Lunas” ke “Dikembalikan”/,
  );
  // A value with no name (never expected) is shown as it is rather than as a message key.
  assert.match(errorText('id', r.code, { from: '?', to: 'x' }), /“\?” ke “x”/);
});
