// The delivery sweep against a real local HTTP receiver standing in for the providers: a
// failed send is retried with back-off then delivered; a final refusal fails at once; a replayed
// event sends once; an opt-out holds for a waiting message; quiet hours in the village's zone
// delay; the per-person rate limit holds; two sweeping workers send each message once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeOrder } from '../../../test/support/orders.js';
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
import { inTransaction } from '../../kernel/db/index.js';
import { orderChanged } from '../orders/index.js';
import { deliverDue, MAX_ATTEMPTS, RATE_LIMIT, type Senders } from './index.js';

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
