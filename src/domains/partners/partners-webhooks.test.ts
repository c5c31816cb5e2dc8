// Signed status webhooks to a partner: retried after a failure or a time-out, logged for the
// partner. Builds its own accepted partnership and one partner order placed through the API,
// delivered to a local HTTP receiver (test/support/partners.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  ADMIN,
  acceptPartnership,
  bearer,
  partnerOrderBody,
  partnersWorld,
  partnerToken,
  type PartnersWorld,
} from '../../../test/support/partners.js';
import type { World } from '../../../test/support/world.js';
import { recordFulfilment, flushOrderEvents } from '../orders/index.js';
import { drain } from '../../kernel/jobs/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { verifyWebhook } from './webhooks.js';

let pw: PartnersWorld;
let w: World;
let token: string;
let partnerId: string;
let hookUrl: string;
let received: PartnersWorld['hook']['received'];

before(async () => {
  pw = await partnersWorld();
  ({ w, partnerId, hookUrl } = pw);
  received = pw.hook.received;
  await acceptPartnership(pw);
  token = await partnerToken(w, partnerId);
  const placed = await w.client().json('POST', '/api/v1/partner/orders', partnerOrderBody(pw), {
    ...bearer(token),
    'idempotency-key': 'pn-order-8842-a',
  });
  if (placed.status !== 201) throw new Error(`partner order: ${placed.status}`);
});
after(() => pw.close());

test('status webhooks are signed, retried after failure, and logged for the partner', async () => {
  const order = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  received.length = 0;
  pw.hook.failNext = 1;
  unwrap(await recordFulfilment(w.h.db, order.id, 'packed', ADMIN));
  await flushOrderEvents();
  const d = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('order_id', '=', order.id)
    .where('event', '=', 'order.fulfilment')
    .executeTakeFirstOrThrow();
  await drain(w.h.db);
  let row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.attempts, row.last_status], ['pending', 1, 500]);
  await w.h.db
    .updateTable('jobs')
    .set({ run_at: nowIso() })
    .where('status', '=', 'queued')
    .execute(); // the back-off has passed
  await drain(w.h.db);
  row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.attempts, row.last_status], ['delivered', 2, 200]);
  assert.equal(received.length, 1);
  const secret = (
    await w.h.db
      .selectFrom('partners')
      .select('webhook_secret')
      .where('id', '=', partnerId)
      .executeTakeFirstOrThrow()
  ).webhook_secret;
  assert.ok(verifyWebhook(secret, received[0].sig, received[0].body), 'signature verifies');
  assert.ok(
    !verifyWebhook(secret, received[0].sig, received[0].body.replace('packed', 'delivered')),
    'a changed body does not',
  );
  assert.ok(
    !verifyWebhook(secret, received[0].sig, received[0].body, Math.floor(Date.now() / 1000) + 3600),
    'a replay an hour later does not',
  );
  assert.equal(JSON.parse(received[0].body).data.fulfilmentStatus, 'packed');
  const log = (await (
    await w.client().get('/api/v1/partner/webhook-deliveries', bearer(token))
  ).json()) as { items: { id: string }[] };
  assert.ok(log.items.some((i) => i.id === d.id));
});

test('a webhook endpoint that times out is a failed, retried attempt', async () => {
  process.env.LUMBUNG_WEBHOOK_TIMEOUT_MS = '200';
  await w.h.db
    .updateTable('partners')
    .set({ webhook_url: hookUrl.replace('/hook', '/slow') })
    .where('id', '=', partnerId)
    .execute();
  const order = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  unwrap(await recordFulfilment(w.h.db, order.id, 'handed_over', ADMIN));
  await drain(w.h.db);
  const row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'pending');
  assert.match(row.last_error ?? '', /timeout/);
  delete process.env.LUMBUNG_WEBHOOK_TIMEOUT_MS;
  await w.h.db
    .updateTable('partners')
    .set({ webhook_url: null })
    .where('id', '=', partnerId)
    .execute();
});
