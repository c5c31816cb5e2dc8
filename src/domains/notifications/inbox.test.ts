// The inbox end to end on the test database (SQLite, or PostgreSQL with
// LUMBUNG_TEST_DATABASE_URL): a new order reaches the seller's inbox and queues WhatsApp + SMS in
// the order's transaction and is sent through a real local HTTP receiver; the buyer hears of
// payment and pickup, the point's agent of the parcel, the seller of a cancellation; the staff
// delivery log is scoped; bad preferences are refused in the person's language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeServicePoint } from '../../../test/support/community.js';
import { makeOrder, payGroup } from '../../../test/support/orders.js';
import { makeProduct } from '../../../test/support/catalog.js';
import {
  deliveriesOf,
  inboxOf,
  notifyWorld,
  PUBLIC_URL,
  sellerWithChannels,
  type NotifyWorld,
  type Receiver,
} from '../../../test/support/notifications.js';
import type { World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { cancelOrder, checkoutBatcher, placeOrder, recordFulfilment } from '../orders/index.js';
import { deliverDue, type Senders } from './index.js';

let f: NotifyWorld;
let w: World;
let rx: Receiver;
let senders: Senders;
const PUBLIC = PUBLIC_URL;
before(async () => {
  f = await notifyWorld();
  ({ w, rx, senders } = f);
});
after(async () => {
  await f?.close();
});

const deliveries = (userId: string) => deliveriesOf(w, userId);
const inbox = (userId: string) => inboxOf(w, userId);
const seller = (o: Parameters<typeof sellerWithChannels>[1] = {}) => sellerWithChannels(w, o);

test('a new order: the seller’s inbox row and queued sends commit with the order; the inbox page shows it in Bahasa and marks it read', async () => {
  const { s, umkm, village } = await seller({ whatsapp: true, sms: true });
  const o = await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  const rows = await inbox(s.userId);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].kind, 'order_placed');
  assert.equal(rows[0].link, `/penjual/pesanan/${o.orderId}`);
  assert.deepEqual(
    (await deliveries(s.userId)).map((d) => [d.channel, d.status]),
    [
      ['whatsapp', 'queued'],
      ['sms', 'queued'],
    ],
  );
  const page = await (await s.get('/kotak-masuk')).text();
  assert.match(page, new RegExp(`Pesanan baru ${o.number}\\.`));
  assert.match(page, /1 belum dibaca/);
  // The menu shows the unread count on every signed-in page (here the seller's home).
  const NAV_COUNT =
    /<a href="\/kotak-masuk"[^>]*>Kotak masuk <span class="count">1<span class="vh"> belum dibaca<\/span><\/span><\/a>/;
  assert.match(await (await s.get('/me')).text(), NAV_COUNT);
  // Another person cannot mark it read: not found, and it stays unread.
  const other = await w.as('buyer');
  assert.equal((await other.form(`/kotak-masuk/${rows[0].id}/baca`, {})).status, 404);
  assert.equal((await inbox(s.userId))[0].read_at, null);
  assert.equal((await s.form(`/kotak-masuk/${rows[0].id}/baca`, {})).status, 303);
  assert.ok((await inbox(s.userId))[0].read_at);
  const after = await (await s.get('/kotak-masuk')).text();
  assert.match(after, /0 belum dibaca/);
  assert.doesNotMatch(after, /class="count"/, 'no badge once read');
  // Signed out: no badge and no count query (the anonymous home page is cached).
  assert.doesNotMatch(await (await w.client().get('/')).text(), /class="count"/);
  // Sent through the providers (real HTTP); the SMS is one short line ending with the link.
  rx.requests.length = 0;
  const r = await deliverDue(w.h.db, { senders, publicUrl: PUBLIC });
  assert.equal(r.sent, 2);
  const sms = rx.requests.find((q) => q.path === '/sms/send');
  assert.equal(sms?.headers.authorization, 'Bearer sms-token');
  assert.equal(
    sms?.body.text,
    `Lumbung: Pesanan baru ${o.number}. ${PUBLIC}/penjual/pesanan/${o.orderId}`,
  );
  assert.deepEqual(
    (await deliveries(s.userId)).map((d) => d.status),
    ['sent', 'sent'],
  );
});

test('the buyer hears of the payment, the seller of a cancellation; a guest buyer has no inbox', async () => {
  const { s, umkm, village } = await seller({ whatsapp: false });
  const buyer = await w.as('buyer');
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 10 });
  const point = await makeServicePoint(w.h.db, { villageCode: village });
  const agent = await w.as('village_agent', point);
  const placed = unwrap(
    await placeOrder(
      w.h.db,
      {
        lines: [{ variantId: p.variantId, qty: 1 }],
        buyer: { name: 'Pembeli', phone: '081234567890', userId: buyer.userId },
        delivery: { kind: 'pickup', servicePointId: point },
        paymentMethod: 'transfer',
        channel: 'storefront',
      },
      {
        userId: buyer.userId,
        displayName: 'Pembeli',
        locale: null,
        via: 'session',
        grants: [{ role: 'buyer', scopeType: 'self', scopeId: null, regionCode: null }],
      },
    ),
  );
  await payGroup(w.h, placed.groupId);
  const mine = await inbox(buyer.userId);
  assert.deepEqual(
    mine.map((n) => n.kind),
    ['payment_received'],
  );
  assert.equal(mine[0].link, `/pesanan-saya/${placed.orders[0].id}`);
  // The parcel reaches the point: the buyer hears with the pickup code, the point's agent too.
  const ADMIN = {
    userId: 'usr_test_admin',
    displayName: 'Admin',
    locale: null,
    via: 'session' as const,
    grants: [
      {
        role: 'national_admin' as const,
        scopeType: 'national' as const,
        scopeId: null,
        regionCode: null,
      },
    ],
  };
  for (const step of ['packed', 'handed_over', 'in_transit', 'ready_for_pickup'] as const)
    unwrap(await recordFulfilment(w.h.db, placed.orders[0].id, step, ADMIN));
  const ready = (await inbox(buyer.userId)).find((n) => n.kind === 'ready_for_pickup');
  assert.ok(ready);
  assert.equal(JSON.parse(ready.params).number, placed.orders[0].number);
  assert.match(JSON.parse(ready.params).code, /^(\d{6}|-)$/);
  const atPoint = await inbox(agent.userId);
  assert.deepEqual(
    atPoint.map((n) => [n.kind, n.link]),
    [['parcel_at_point', '/titik/paket']],
  );
  unwrap(
    await cancelOrder(
      w.h.db,
      (await makeOrder(w.h, { umkmId: umkm, villageCode: village })).orderId,
      {
        kind: 'actor',
        actor: {
          userId: s.userId,
          displayName: 'Seller',
          locale: null,
          via: 'session',
          grants: [{ role: 'seller', scopeType: 'umkm', scopeId: umkm, regionCode: village }],
        },
      },
    ),
  );
  const kinds = (await inbox(s.userId)).map((n) => n.kind).sort();
  assert.deepEqual(kinds, ['order_cancelled', 'order_placed', 'order_placed']);
});

test('the delivery log: a community manager sees their organisation’s deliveries only, a national admin all, a seller none', async () => {
  const a = await seller();
  const b = await seller();
  await makeOrder(w.h, { umkmId: a.umkm, villageCode: a.village });
  await makeOrder(w.h, { umkmId: b.umkm, villageCode: b.village });
  const [da] = await deliveries(a.s.userId);
  const [db] = await deliveries(b.s.userId);
  const manager = await w.as('community_manager', a.org);
  const html = await (await manager.get('/notifikasi/pengiriman')).text();
  assert.match(html, new RegExp(`data-id="${da.id}"`));
  assert.doesNotMatch(html, new RegExp(`data-id="${db.id}"`));
  assert.doesNotMatch(html, /\+62\d{6,}/, 'no phone numbers');
  const national = await (
    await (await w.as('national_admin')).get('/notifikasi/pengiriman')
  ).text();
  assert.match(national, new RegExp(`data-id="${db.id}"`));
  assert.equal((await a.s.get('/notifikasi/pengiriman')).status, 403);
});

test('preferences: a bad hour is refused in the person’s language and changes nothing; English works', async () => {
  const { s } = await seller({ whatsapp: true });
  const res = await s.form('/kotak-masuk/pengaturan', {
    quiet_from: '25',
    quiet_to: '6',
    sms: '1',
  });
  assert.equal(res.status, 422);
  assert.match(await res.text(), /Pilih jam antara 00 dan 23/);
  const row = await w.h.db
    .selectFrom('notification_prefs')
    .selectAll()
    .where('user_id', '=', s.userId)
    .executeTakeFirstOrThrow();
  assert.equal(row.sms, 0);
  assert.equal(row.whatsapp, 1);
  s.cookies.set('lumbung_lang', 'en');
  const en = await s.form('/kotak-masuk/pengaturan', { quiet_from: 'x', quiet_to: '6' });
  assert.match(await en.text(), /Choose an hour between 00 and 23/);
});

test('a checkout batch tells every seller of each of their orders, read once for the batch', async () => {
  const a = await seller();
  const b = await seller();
  const pa = await makeProduct(w.h, { umkmId: a.umkm, stock: 50 });
  const pb = await makeProduct(w.h, { umkmId: b.umkm, stock: 50 });
  const point = await makeServicePoint(w.h.db, { villageCode: a.village });
  const batcher = checkoutBatcher(w.h.db);
  const batchesBefore = batcher.batches;
  const placed = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      batcher.place(
        {
          lines: [
            { variantId: pa.variantId, qty: 1 },
            { variantId: pb.variantId, qty: 1 },
          ],
          buyer: { name: `Pembeli ${i}`, phone: '081234567890' },
          delivery: { kind: 'pickup', servicePointId: point },
          paymentMethod: 'cod',
          channel: 'storefront',
        },
        null,
      ),
    ),
  );
  assert.ok(batcher.batches - batchesBefore < 6, 'the checkouts shared batches');
  const ordersOf = (umkm: string) =>
    placed
      .flatMap((r) => unwrap(r).orders)
      .filter((o) => o.umkmId === umkm)
      .map((o) => `/penjual/pesanan/${o.id}`)
      .sort();
  for (const [s, umkm] of [
    [a.s, a.umkm],
    [b.s, b.umkm],
  ] as const) {
    const rows = await inbox(s.userId);
    assert.deepEqual(
      rows.map((n) => n.kind),
      Array(6).fill('order_placed'),
    );
    assert.deepEqual(rows.map((n) => n.link).sort(), ordersOf(umkm));
  }
});
