// The inbox JSON API on the test database (SQLite, or PostgreSQL with LUMBUNG_TEST_DATABASE_URL):
// pages newest first in the caller's language, marks some or all read, never touches another
// person's notifications, answers a stranger 401 and bad input 422 with nothing written. Every
// response is checked against the OpenAPI document by the test client.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeOrder } from '../../../test/support/orders.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { inboxOf } from '../../../test/support/notifications.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(async () => {
  await w?.close();
});

test('GET /api/v1/inbox pages newest first in the caller’s language; POST /api/v1/inbox/read marks own notifications only', async () => {
  const village = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const seller = await w.as('seller', umkm);
  const numbers: string[] = [];
  for (let i = 0; i < 3; i++)
    numbers.push((await makeOrder(w.h, { umkmId: umkm, villageCode: village })).number);

  const stranger = await w.client().fetch('/api/v1/inbox');
  assert.equal(stranger.status, 401);

  const first = await seller.get('/api/v1/inbox?perPage=2');
  assert.equal(first.status, 200);
  const p1 = await first.json();
  assert.equal(p1.unread, 3);
  assert.equal(p1.items.length, 2);
  assert.equal(p1.hasMore, true);
  assert.equal(p1.nextPage, 2);
  assert.equal(p1.items[0].text, `Pesanan baru ${numbers[2]}.`);
  assert.equal(p1.items[0].kind, 'order_placed');
  assert.match(p1.items[0].link, /^\/penjual\/pesanan\/ord_/);
  assert.equal(p1.items[0].readAt, null);
  const p2 = await (await seller.get('/api/v1/inbox?perPage=2&page=2')).json();
  assert.deepEqual(
    p2.items.map((i: { text: string }) => i.text),
    [`Pesanan baru ${numbers[0]}.`],
  );
  assert.equal(p2.hasMore, false);
  assert.equal(p2.nextPage, null);
  seller.cookies.set('lumbung_lang', 'en');
  const en = await (await seller.get('/api/v1/inbox?perPage=1')).json();
  assert.equal(en.items[0].text, `New order ${numbers[2]}.`);

  // Another person cannot mark the seller's notifications read: nothing changes.
  const ids: string[] = p1.items.map((i: { id: string }) => i.id);
  const other = await w.as('buyer');
  const theirs = await other.json('POST', '/api/v1/inbox/read', { ids });
  assert.equal(theirs.status, 200);
  assert.deepEqual(await theirs.json(), { updated: 0, unread: 0 });
  assert.equal((await inboxOf(w, seller.userId)).filter((n) => n.read_at).length, 0);

  const one = await seller.json('POST', '/api/v1/inbox/read', { ids: [ids[0]] });
  assert.deepEqual(await one.json(), { updated: 1, unread: 2 });
  const unreadOnly = await (await seller.get('/api/v1/inbox?unread=true')).json();
  assert.equal(unreadOnly.items.length, 2);
  assert.ok(!unreadOnly.items.some((i: { id: string }) => i.id === ids[0]));

  // Bad input: refused in the caller's language, nothing marked.
  const bad = await seller.json('POST', '/api/v1/inbox/read', { ids: 'all' });
  assert.equal(bad.status, 422);
  assert.equal((await bad.json()).code, 'VALIDATION_FAILED');
  assert.equal((await seller.get('/api/v1/inbox?perPage=0')).status, 422);
  assert.equal((await inboxOf(w, seller.userId)).filter((n) => n.read_at).length, 1);

  const all = await seller.json('POST', '/api/v1/inbox/read', {});
  assert.deepEqual(await all.json(), { updated: 2, unread: 0 });
});
