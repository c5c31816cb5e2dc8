// Notifications end to end on the test database (SQLite, or PostgreSQL with
// LUMBUNG_TEST_DATABASE_URL), with a real local HTTP server standing in for the providers:
// a new order reaches the seller's inbox and queues WhatsApp + SMS in the order's transaction;
// a failed send is retried then delivered; a replayed event sends once; an opt-out holds for a
// waiting message; quiet hours in the village's zone delay; signed callbacks move the status and
// a bad signature changes nothing; the WhatsApp body and the callback signature are pinned.
//   callback vector: printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'meta-app-secret'
//   derived secret:  printf '%s' 'notifications:whatsapp' | openssl dgst -sha256 -hmac 'test-secret'
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../test/support/community.js';
import { makeOrder, payGroup } from '../../../test/support/orders.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { startReceiver, type Receiver } from '../../../test/support/notifications.js';
import { unwrap } from '../../kernel/errors/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { cancelOrder, orderChanged, placeOrder, recordFulfilment } from '../orders/index.js';
import {
  callbackSecret,
  deliverDue,
  httpSms,
  MAX_ATTEMPTS,
  RATE_LIMIT,
  signCallback,
  whatsappCloud,
  type Senders,
} from './index.js';

let w: World;
let rx: Receiver;
let senders: Senders;
const PUBLIC = 'https://lumbung.example';
before(async () => {
  w = await createWorld();
  rx = await startReceiver();
  senders = {
    whatsapp: whatsappCloud({
      baseUrl: `${rx.url}/v20.0`,
      phoneNumberId: '1234567',
      token: 'wa-token',
    }),
    sms: httpSms({ url: `${rx.url}/sms/send`, token: 'sms-token' }),
  };
});
after(async () => {
  await rx?.close();
  await w?.close();
});

const deliveries = (userId: string) =>
  w.h.db
    .selectFrom('notification_deliveries')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('channel', 'desc')
    .execute();
const inbox = (userId: string) =>
  w.h.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();

/** A seller of a fresh UMKM in Ngada (WITA) with the given channels, never quiet unless asked. */
async function seller(o: { whatsapp?: boolean; sms?: boolean; quiet?: [number, number] } = {}) {
  const village = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const s = await w.as('seller', umkm);
  const [from, to] = o.quiet ?? [0, 0];
  const form: Record<string, string> = { quiet_from: String(from), quiet_to: String(to) };
  if (o.whatsapp ?? true) form.whatsapp = '1';
  if (o.sms) form.sms = '1';
  assert.equal((await s.form('/kotak-masuk/pengaturan', form)).status, 303);
  return { s, umkm, org, village };
}

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
  // Another person cannot mark it read: not found, and it stays unread.
  const other = await w.as('buyer');
  assert.equal((await other.form(`/kotak-masuk/${rows[0].id}/baca`, {})).status, 404);
  assert.equal((await inbox(s.userId))[0].read_at, null);
  assert.equal((await s.form(`/kotak-masuk/${rows[0].id}/baca`, {})).status, 303);
  assert.ok((await inbox(s.userId))[0].read_at);
  assert.match(await (await s.get('/kotak-masuk')).text(), /0 belum dibaca/);
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

test('a failed WhatsApp send is retried with back-off, then delivered; the request is the Cloud API template message', async () => {
  const { s, umkm, village } = await seller();
  const o = await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  rx.requests.length = 0;
  rx.script.push({ status: 503 }, { status: 429 });
  const t0 = new Date(Date.now() + 1000);
  const first = await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: t0 });
  assert.equal(first.retried, 1);
  let [d] = await deliveries(s.userId);
  assert.equal(d.status, 'queued');
  assert.equal(d.attempts, 1);
  assert.equal(d.last_error, 'http_503');
  assert.equal(Date.parse(d.next_attempt_at) - t0.getTime(), 30_000);
  // Not due yet: nothing is sent before the back-off runs out.
  assert.equal((await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: t0 })).retried, 0);
  const t1 = new Date(t0.getTime() + 30_000);
  assert.equal((await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: t1 })).retried, 1);
  [d] = await deliveries(s.userId);
  assert.equal(Date.parse(d.next_attempt_at) - t1.getTime(), 60_000);
  const t2 = new Date(t1.getTime() + 60_000);
  assert.equal((await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: t2 })).sent, 1);
  [d] = await deliveries(s.userId);
  assert.equal(d.status, 'sent');
  assert.equal(d.attempts, 3);
  assert.equal(rx.requests.length, 3);
  const req = rx.requests[2];
  assert.equal(req.method, 'POST');
  assert.equal(req.path, '/v20.0/1234567/messages');
  assert.equal(req.headers.authorization, 'Bearer wa-token');
  const phone = (
    await w.h.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', s.userId)
      .executeTakeFirstOrThrow()
  ).phone as string;
  assert.deepEqual(req.body, {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: phone.slice(1),
    type: 'template',
    template: {
      name: 'lumbung_order_placed',
      language: { code: 'id' },
      components: [
        {
          type: 'body',
          parameters: [
            { type: 'text', text: o.number },
            { type: 'text', text: `${PUBLIC}/penjual/pesanan/${o.orderId}` },
          ],
        },
      ],
    },
  });
  assert.match(d.provider_ref ?? '', /^wamid\.R\d+$/);
});

test('a provider’s final refusal fails at once; a run of retryable failures fails after the last attempt', async () => {
  const a = await seller();
  await makeOrder(w.h, { umkmId: a.umkm, villageCode: a.village });
  rx.script.push({ status: 400 });
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: new Date(Date.now() + 1000) });
  const [d] = await deliveries(a.s.userId);
  assert.equal(d.status, 'failed');
  assert.equal(d.last_error, 'http_400');
  const b = await seller();
  await makeOrder(w.h, { umkmId: b.umkm, villageCode: b.village });
  let at = Date.now() + 1000;
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    rx.script.push({ status: 500 });
    await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: new Date(at) });
    at += 3600_000;
  }
  const [e] = await deliveries(b.s.userId);
  assert.equal(e.status, 'failed');
  assert.equal(e.attempts, MAX_ATTEMPTS);
  rx.script.length = 0;
});

test('a duplicate event (the same outbox event published again) adds no inbox row and sends once', async () => {
  const { s, umkm, village } = await seller();
  const o = await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  const ev = await w.h.db
    .selectFrom('order_outbox')
    .selectAll()
    .where('order_id', '=', o.orderId)
    .where('kind', '=', 'placed')
    .executeTakeFirstOrThrow();
  await inTransaction(w.h.db, (tx) =>
    orderChanged.publish(tx, {
      eventId: ev.id,
      orderId: o.orderId,
      kind: 'placed',
      from: null,
      to: ev.to_status,
      at: ev.at,
    }),
  );
  assert.equal((await inbox(s.userId)).length, 1);
  assert.equal((await deliveries(s.userId)).length, 1);
  rx.requests.length = 0;
  const now = new Date(Date.now() + 1000);
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now });
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now });
  assert.equal(rx.requests.length, 1);
});

test('opting out of WhatsApp skips a message already waiting; nothing reaches the provider', async () => {
  const { s, umkm, village } = await seller();
  await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  assert.equal((await deliveries(s.userId))[0].status, 'queued');
  assert.equal(
    (await s.form('/kotak-masuk/pengaturan', { quiet_from: '0', quiet_to: '0' })).status,
    303,
  );
  rx.requests.length = 0;
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: new Date(Date.now() + 1000) });
  assert.equal(rx.requests.length, 0);
  const [d] = await deliveries(s.userId);
  assert.equal(d.status, 'skipped');
  assert.equal(d.last_error, 'opted_out');
  // The inbox still has it: the inbox is always on.
  assert.equal((await inbox(s.userId)).length, 1);
  // A later order queues nothing outside the inbox.
  await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  assert.equal((await inbox(s.userId)).length, 2);
  assert.equal((await deliveries(s.userId)).length, 1);
});

test('quiet hours in the village’s zone (WITA) hold a message until morning, then it goes', async () => {
  const { s, umkm, village } = await seller({ quiet: [21, 6] });
  assert.ok(village.startsWith('53.'), 'Ngada keeps WITA (UTC+8)');
  await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  // The next 23:00 WITA (15:00 UTC) after now.
  const night = new Date();
  night.setUTCHours(15, 0, 0, 0);
  if (night.getTime() <= Date.now()) night.setUTCDate(night.getUTCDate() + 1);
  rx.requests.length = 0;
  const r = await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: night });
  assert.equal(r.delayed, 1);
  assert.equal(rx.requests.length, 0);
  const [d] = await deliveries(s.userId);
  assert.equal(
    d.next_attempt_at,
    new Date(night.getTime() + 7 * 3600_000).toISOString(),
    '06:00 WITA',
  );
  await deliverDue(w.h.db, {
    senders,
    publicUrl: PUBLIC,
    now: new Date(night.getTime() + 7 * 3600_000),
  });
  assert.equal(rx.requests.length, 1);
  assert.equal((await deliveries(s.userId))[0].status, 'sent');
});

const BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"WABA_ID","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.TEST1","status":"delivered","timestamp":"1767225600","recipient_id":"6281234567890"}]}}]}]}';

test('a signed provider callback moves the status forward once; a bad signature changes nothing', async () => {
  const { s, umkm, village } = await seller({ whatsapp: true, sms: true });
  await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: new Date(Date.now() + 1000) });
  const [wa, sms] = await deliveries(s.userId);
  assert.equal(wa.status, 'sent');
  const body = BODY.replace('wamid.TEST1', wa.provider_ref as string);
  const secret = callbackSecret({}, 'test-secret', 'whatsapp');
  const post = (b: string, sig: string, ch = 'whatsapp') =>
    w.client().fetch(`/api/v1/webhooks/notifications/${ch}`, {
      method: 'POST',
      body: b,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig },
    });
  const bad = await post(body, signCallback('wrong-secret', body));
  assert.equal(bad.status, 401);
  assert.equal((await bad.json()).code, 'NOTIFICATIONS_BAD_SIGNATURE');
  assert.equal((await post(body, '')).status, 401);
  assert.equal((await deliveries(s.userId))[0].status, 'sent');
  const good = await post(body, signCallback(secret, body));
  assert.equal(good.status, 200);
  assert.deepEqual(await good.json(), { updated: 1 });
  assert.equal((await deliveries(s.userId))[0].status, 'delivered');
  const again = await post(body, signCallback(secret, body));
  assert.deepEqual(await again.json(), { updated: 0 });
  // A "sent" arriving late never moves it back; "read" moves it on. The SMS gateway signs the same way.
  const read = body.replace('"delivered"', '"read"');
  await post(read, signCallback(secret, read));
  assert.equal((await deliveries(s.userId))[0].status, 'read');
  const smsBody = JSON.stringify({ messageId: sms.provider_ref, status: 'failed' });
  const smsSecret = callbackSecret({}, 'test-secret', 'sms');
  assert.equal((await post(smsBody, signCallback(secret, smsBody), 'sms')).status, 401);
  assert.equal((await post(smsBody, signCallback(smsSecret, smsBody), 'sms')).status, 200);
  assert.equal((await deliveries(s.userId))[1].status, 'failed');
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

test('per-person rate limit: past RATE_LIMIT outside messages in an hour the next one waits', async () => {
  const { s, umkm, village } = await seller();
  for (let i = 0; i <= RATE_LIMIT; i++)
    await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  rx.requests.length = 0;
  const now = new Date(Date.now() + 1000);
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now });
  assert.equal((await deliveries(s.userId)).filter((d) => d.status === 'sent').length, RATE_LIMIT);
  const waiting = (await deliveries(s.userId)).filter((d) => d.status === 'queued');
  assert.equal(waiting.length, 1);
  const firstSent = Math.min(
    ...(await deliveries(s.userId)).filter((d) => d.sent_at).map((d) => Date.parse(d.sent_at!)),
  );
  assert.equal(Date.parse(waiting[0].next_attempt_at), firstSent + 3600_000);
});

test('two workers sweeping at once send each message once (the claim is a conditional update)', async () => {
  const { s, umkm, village } = await seller();
  await makeOrder(w.h, { umkmId: umkm, villageCode: village });
  // Everything else due is sent first, so the receiver sees only this seller's message.
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now: new Date(Date.now() - 1000) });
  await w.h.db
    .updateTable('notification_deliveries')
    .set({ next_attempt_at: new Date(Date.now() - 500).toISOString() })
    .where('user_id', '=', s.userId)
    .execute();
  rx.requests.length = 0;
  const now = new Date();
  await Promise.all([
    deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now }),
    deliverDue(w.h.db, { senders, publicUrl: PUBLIC, now }),
  ]);
  assert.equal(rx.requests.length, 1);
  assert.equal((await deliveries(s.userId))[0].status, 'sent');
});
