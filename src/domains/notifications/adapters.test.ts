// Provider-facing formats pinned by fixed vectors, and the pure rules: the WhatsApp Cloud API
// body, the callback signature (X-Hub-Signature-256) and the derived secret, quiet hours per
// zone, and the demo adapter's log line (no phone number, no text).
//   callback vector: printf '%s' "$BODY" | openssl dgst -sha256 -hmac 'meta-app-secret'
//   derived secret:  printf '%s' 'notifications:whatsapp' | openssl dgst -sha256 -hmac 'test-secret'
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLogger } from '../../kernel/http/index.js';
import { callbackSecret, logSender, signCallback, verifyCallback, whatsappBody } from './index.js';
import { sendableAt } from './quiet-hours.js';

test('the WhatsApp body for a fixed message (test vector)', () => {
  assert.equal(
    JSON.stringify(
      whatsappBody({
        deliveryId: 'ndl_1',
        to: '+6281234567890',
        locale: 'en',
        kind: 'ready_for_pickup',
        params: ['LMB-2026-000123', '482913', 'https://lumbung.example/pesanan-saya/ord_1'],
        text: 'unused',
      }),
    ),
    '{"messaging_product":"whatsapp","recipient_type":"individual","to":"6281234567890","type":"template","template":{"name":"lumbung_ready_for_pickup","language":{"code":"en"},"components":[{"type":"body","parameters":[{"type":"text","text":"LMB-2026-000123"},{"type":"text","text":"482913"},{"type":"text","text":"https://lumbung.example/pesanan-saya/ord_1"}]}]}}',
  );
});

test('quiet hours: the zone decides (WIB, WITA, WIT) and equal hours mean never quiet', () => {
  const at = new Date('2026-01-01T14:30:00Z'); // 21:30 WIB, 22:30 WITA, 23:30 WIT
  const q = { from: 22, to: 6 };
  assert.equal(sendableAt(at, '35.10', q), at, 'WIB: 21:30 is before quiet hours');
  assert.equal(sendableAt(at, '53.09', q).toISOString(), '2026-01-01T22:00:00.000Z');
  assert.equal(sendableAt(at, '94.71', q).toISOString(), '2026-01-01T21:00:00.000Z');
  assert.equal(sendableAt(at, '53.09', { from: 9, to: 9 }), at);
});

const BODY =
  '{"object":"whatsapp_business_account","entry":[{"id":"WABA_ID","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","statuses":[{"id":"wamid.TEST1","status":"delivered","timestamp":"1767225600","recipient_id":"6281234567890"}]}}]}]}';

test('callback signature: the pinned X-Hub-Signature-256 for a known secret and body', () => {
  const sig = 'sha256=101c2c4cda3894fbc0ed693406445480013049b702008c4b67344728db46cf11';
  assert.equal(signCallback('meta-app-secret', BODY), sig);
  assert.equal(verifyCallback('meta-app-secret', BODY, sig), true);
  assert.equal(verifyCallback('meta-app-secret', BODY.replace('delivered', 'read'), sig), false);
  assert.equal(verifyCallback('meta-app-secret', BODY, undefined), false);
  assert.equal(
    callbackSecret({}, 'test-secret', 'whatsapp'),
    '28ca14d92892251498efb6c2ce61bd2051b972000ed6ddb6e78a9a5d61411088',
  );
  assert.equal(
    callbackSecret({ LUMBUNG_WHATSAPP_APP_SECRET: 'x' }, 'test-secret', 'whatsapp'),
    'x',
  );
});

test('the demo log adapter sends nothing and logs no phone number or text', async () => {
  const lines: string[] = [];
  const log = createLogger('info', (l) => lines.push(l));
  const r = await logSender('sms', log).send({
    deliveryId: 'ndl_X',
    to: '+6281299990000',
    locale: 'id',
    kind: 'order_placed',
    params: ['LMB-1', 'https://x'],
    text: 'Lumbung: Pesanan baru LMB-1. https://x',
  });
  assert.equal(r.ok, true);
  const out = lines.join('');
  assert.match(out, /ndl_X/);
  assert.doesNotMatch(out, /6281299990000|Pesanan baru/);
});
