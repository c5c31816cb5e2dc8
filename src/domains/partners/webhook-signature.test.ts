// Fixed test vectors for the partner webhook signature (`Lumbung-Signature: t=<unix>,v1=<hex>`,
// hex = HMAC-SHA256(secret, "<t>.<body>")). The expected hex was computed once outside our
// code, with: printf '%s' '1767225600.<body>' | openssl dgst -sha256 -hmac 'whsec_partner_test'
// so changing the documented format breaks this test even if signer and verifier change together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signWebhook, verifyWebhook, webhookBody } from './webhooks.js';

const SECRET = 'whsec_partner_test';
const T = 1767225600; // 2026-01-01T00:00:00Z
const BODY = '{"id":"whd_test","type":"order.status"}';
const HEX = '11912636544706156f9d639845634c5daf0ac308fffa4b1fa4c19a2e50d486c7';
const HEADER = `t=${T},v1=${HEX}`;

test('partner webhook signature: the signer produces the pinned header for a known secret, time and body', () => {
  assert.equal(signWebhook(SECRET, T, BODY), HEADER);
});

test('partner webhook signature: the verifier accepts the pinned header and refuses any change to it', () => {
  assert.equal(verifyWebhook(SECRET, HEADER, BODY, T), true);
  assert.equal(verifyWebhook('whsec_other', HEADER, BODY, T), false, 'another secret');
  assert.equal(
    verifyWebhook(SECRET, HEADER, BODY.replace('status', 'payment'), T),
    false,
    'another body',
  );
  assert.equal(
    verifyWebhook(SECRET, `t=${T + 1},v1=${HEX}`, BODY, T),
    false,
    'the timestamp is part of the MAC',
  );
  assert.equal(
    verifyWebhook(SECRET, `v1=${HEX},t=${T}`, BODY, T),
    false,
    'the documented field order',
  );
  assert.equal(
    verifyWebhook(SECRET, `t=${T},v1=${HEX.toUpperCase()}`, BODY, T),
    false,
    'lower-case hex only',
  );
  assert.equal(verifyWebhook(SECRET, `t=${T},v1=${HEX.slice(0, 63)}`, BODY, T), false, 'truncated');
});

test('partner webhook signature: the replay window is 300 s either side of the receiver’s clock', () => {
  assert.equal(
    verifyWebhook(SECRET, HEADER, BODY, T + 300),
    true,
    'five minutes late is still accepted',
  );
  assert.equal(verifyWebhook(SECRET, HEADER, BODY, T + 301), false, 'too old');
  assert.equal(
    verifyWebhook(SECRET, HEADER, BODY, T - 300),
    true,
    'five minutes early (clock skew) is accepted',
  );
  assert.equal(verifyWebhook(SECRET, HEADER, BODY, T - 301), false, 'too new');
});

test('the webhook body partners parse is camelCase, pinned literally', () => {
  const body = webhookBody(
    'whd_01',
    {
      orderId: 'ord_01',
      kind: 'fulfilment',
      from: 'unfulfilled',
      to: 'packed',
      at: '2026-03-01T08:00:00.000Z',
    },
    {
      id: 'ord_01',
      number: 'LMB-2026-000123',
      status: 'placed',
      payment_status: 'unpaid',
      fulfilment_status: 'packed',
    },
  );
  assert.equal(
    body,
    '{"id":"whd_01","type":"order.fulfilment","createdAt":"2026-03-01T08:00:00.000Z","data":{"orderId":"ord_01","number":"LMB-2026-000123","change":{"kind":"fulfilment","from":"unfulfilled","to":"packed"},"status":"placed","paymentStatus":"unpaid","fulfilmentStatus":"packed"}}',
  );
});
