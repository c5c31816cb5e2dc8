// Order lookup and cancel by guessing (issue 13, hole 5): tracking by number + phone is rate-
// limited per client and per order number (limits kept in the database), shows status only,
// and cancelling or confirming needs the signed confirmation link (or the signed-in buyer).
import { test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { placeOrder, type Placed } from '../checkout/place-order.js';
import { confirmationPath } from './confirm-link.js';
import { TRACK_CLIENT_LIMIT, TRACK_NUMBER_LIMIT } from './track-guard.js';

let w: World;
let sp: string;
let umkm: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
});
after(() => w.close());
// Every test client here comes from one address: each test starts with fresh windows.
beforeEach(async () => {
  await w.h.db.deleteFrom('rate_limits').execute();
});

const PHONE = '081234567321';
async function order(): Promise<Placed> {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  return unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Rina', phone: PHONE },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: 'cod',
        channel: 'storefront',
      },
      null,
    ),
  );
}
const wrongPhone = (i: number) => `0813${String(10000000 + i).padStart(8, '0')}`;

test('wrong-phone guesses on one order number stop after the per-number limit, on the page and the API', async () => {
  const o = (await order()).orders[0];
  const statuses: number[] = [];
  for (let i = 0; i < TRACK_NUMBER_LIMIT + 5; i++)
    statuses.push(
      (await w.client().form('/lacak', { number: o.number, phone: wrongPhone(i) })).status,
    );
  assert.deepEqual(statuses, [...Array(TRACK_NUMBER_LIMIT).fill(404), ...Array(5).fill(429)]);
  // The number stays locked for the window, on the API too, whatever phone is tried.
  const api = await w
    .client()
    .get(`/api/v1/orders/track?number=${o.number}&phone=${PHONE}`, { 'accept-language': 'en' });
  assert.equal(api.status, 429);
  assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
  assert.ok(Number(api.headers.get('retry-after')) > 0);
  const body = await api.json();
  assert.equal(body.code, 'RATE_LIMITED');
  assert.match(body.title, /many/i);
  const page = await w
    .client()
    .form('/lacak', { number: o.number, phone: PHONE }, { headers: { 'accept-language': 'id' } });
  assert.equal(page.status, 429);
  const rows = await w.h.db.selectFrom('rate_limits').select('bucket').execute();
  assert.ok(
    rows.some((r) => r.bucket === `track:number:${o.number}`),
    'the limit lives in the database',
  );
});

test('one client trying many order numbers is stopped after the per-client limit', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < TRACK_CLIENT_LIMIT + 3; i++) {
    const res = await w
      .client()
      .get(`/api/v1/orders/track?number=LMB-2026-${String(900000 + i)}&phone=${PHONE}`);
    statuses.push(res.status);
  }
  assert.equal(statuses.filter((s) => s === 404).length, TRACK_CLIENT_LIMIT);
  assert.deepEqual(statuses.slice(TRACK_CLIENT_LIMIT), [429, 429, 429]);
});

test('tracking by number and phone shows status only: no cancel button; cancelling needs the signed link', async () => {
  const placed = await order();
  const o = placed.orders[0];
  const tracked = await w.client().form('/lacak', { number: o.number, phone: PHONE });
  assert.equal(tracked.status, 200);
  const html = await tracked.text();
  assert.doesNotMatch(html, /action="\/lacak\/batal"/);
  // Number + phone alone (what a neighbour may know) cancels nothing.
  const guessed = await w.client().form('/lacak/batal', { number: o.number, phone: PHONE });
  assert.equal(guessed.status, 403);
  const forged = await w
    .client()
    .form('/lacak/batal', { number: o.number, group: placed.groupId, sig: '0'.repeat(32) });
  assert.equal(forged.status, 403);
  const other = await order();
  const [, , , g2, s2] = confirmationPath('test-secret', other.groupId).split('/');
  const crossed = await w.client().form('/lacak/batal', { number: o.number, group: g2, sig: s2 });
  assert.equal(crossed.status, 403, 'a link to another group proves nothing about this order');
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', o.id)
        .executeTakeFirstOrThrow()
    ).status,
    'placed',
  );
  // The confirmation page (signed link) offers the cancel, and it works.
  const link = confirmationPath('test-secret', placed.groupId);
  const conf = await (await w.client().get(link)).text();
  assert.match(conf, /action="\/lacak\/batal"/);
  const [, , , group, sig] = link.split('/');
  const done = await w.client().form('/lacak/batal', { number: o.number, group, sig });
  assert.equal(done.status, 303);
  assert.equal(done.headers.get('location'), `${link}?ok=cancelled`);
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select('status')
        .where('id', '=', o.id)
        .executeTakeFirstOrThrow()
    ).status,
    'cancelled',
  );
});
