// Standing orders with JavaScript off: a signed-in buyer makes one from the cycle's shop page
// (its second button), sees it on /langganan, skips the next cycle and cancels; after the next
// opening the page names an item that was skipped and why. Strangers and visitors cannot act.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { unwrap } from '../../kernel/errors/index.js';
import { setListing } from '../catalog/index.js';
import { closeCycle } from './index.js';
import { placeStandingOrders } from './standing-place.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 2, points: 1 });
});
after(() => w.close());

test('subscribe on the shop page, see it, skip, see the notice of a skipped item, cancel', async () => {
  const [a, b] = cw.variants;
  const cycleId = await makeCycle(w.h, cw);
  const visitor = await (await w.client().get(`/pasar/${cycleId}`)).text();
  assert.doesNotMatch(visitor, /name="standing"/, 'visitors are not offered a standing order');
  const me = await w.as('buyer');
  const shop = await (await me.get(`/pasar/${cycleId}`)).text();
  assert.match(shop, /Pesan rutin setiap siklus/);
  const form = {
    group_id: /name="group_id" value="([^"]+)"/.exec(shop)![1],
    [`qty_${a.variantId}`]: '2',
    [`qty_${b.variantId}`]: '1',
    service_point: cw.points[0],
    name: 'Ibu Theresia',
    phone: '',
    payment: 'cod',
    standing: '1',
  };
  const bad = await me.form(`/pasar/${cycleId}`, form);
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Nomor HP tidak dikenali/);
  assert.equal(
    (await w.h.db.selectFrom('standing_orders').select('id').execute()).length,
    0,
    'nothing written',
  );
  const made = await me.form(`/pasar/${cycleId}`, { ...form, phone: '081234567890' });
  assert.equal(made.status, 303, await made.text());
  assert.match(made.headers.get('location')!, /^\/langganan\?selesai=created#sto_/);
  const soId = made.headers.get('location')!.split('#')[1];
  const list = await (await me.get('/langganan')).text();
  assert.match(list, /Pasar Kamis · aktif/);
  assert.match(list, /2 × Produk 1/);

  const stranger = await w.as('buyer');
  assert.equal((await stranger.form(`/langganan/${soId}/cancel`, {})).status, 404);
  assert.doesNotMatch(await (await stranger.get('/langganan')).text(), /Ibu Theresia/);

  const closed = unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  const next = await w.h.db
    .selectFrom('cycles')
    .select('opens_at')
    .where('id', '=', closed.nextCycleId!)
    .executeTakeFirstOrThrow();
  assert.ok(await setListing(w.h.db, b.productId, 'withdrawn', null));
  const at = new Date(Date.parse(next.opens_at) + 60_000);
  assert.equal((await placeStandingOrders(w.h.db, closed.nextCycleId!, at)).partial, 1);
  const after = await (await me.get('/langganan')).text();
  assert.match(after, /pesanan dibuat tanpa sebagian barang/);
  assert.match(
    after,
    /Produk 2 \([^)]*\)&quot; tidak tayang lagi|Produk 2 \([^)]*\)" tidak tayang lagi/,
  );
  assert.ok(await setListing(w.h.db, b.productId, 'listed', null));

  const skipped = await me.form(`/langganan/${soId}/skip`, {});
  assert.equal(skipped.status, 303);
  assert.match(await (await me.get('/langganan')).text(), /Siklus berikutnya dilewati/);
  assert.equal((await me.form(`/langganan/${soId}/cancel`, {})).status, 303);
  const gone = await (await me.get('/langganan')).text();
  assert.match(gone, /Pasar Kamis · dibatalkan/);
  const late = await me.form(`/langganan/${soId}/resume`, {});
  assert.equal(late.status, 409);
  assert.match(await late.text(), /sedang dibatalkan/);
  assert.equal((await w.client().get('/langganan')).status === 200, false, 'sign in first');
});
