// Signed provider status callbacks: a good signature moves the status forward once, a bad or
// missing one changes nothing; the WhatsApp callback signature is pinned to a vector.
//   callback vector: printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'meta-app-secret'
//   derived secret:  printf '%s' 'notifications:whatsapp' | openssl dgst -sha256 -hmac 'test-secret'
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { makeOrder } from '../../../test/support/orders.js';
import {
  deliveriesOf,
  notifyWorld,
  PUBLIC_URL,
  sellerWithChannels,
  type NotifyWorld,
} from '../../../test/support/notifications.js';
import type { World } from '../../../test/support/world.js';
import { callbackSecret, deliverDue, signCallback, type Senders } from './index.js';

let f: NotifyWorld;
let w: World;
let senders: Senders;
const PUBLIC = PUBLIC_URL;
before(async () => {
  f = await notifyWorld();
  ({ w, senders } = f);
});
after(async () => {
  await f?.close();
});

const deliveries = (userId: string) => deliveriesOf(w, userId);
const seller = (o: Parameters<typeof sellerWithChannels>[1] = {}) => sellerWithChannels(w, o);

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
