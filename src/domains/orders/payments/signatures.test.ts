// Fixed vectors for every signature and payload format outsiders depend on. The expected values
// were computed once outside our code and written here as literals:
//   QRIS callback:  printf '%s' '<t>.<body>' | openssl dgst -sha256 -hmac 'qris-provider-secret'
//   derived secret: printf '%s' 'payment-webhook:qris' | openssl dgst -sha256 -hmac 'test-secret'
//   confirm link:   printf '%s' 'order-group:<group>' | openssl dgst -sha256 -hmac 'test-secret' (first 32 hex)
//   QRIS payload:   TLV fields written by hand, CRC by Python's binascii.crc_hqx(payload, 0xFFFF)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { groupSig, confirmationPath, validSig } from '../storefront/confirm-link.js';
import { qrisProvider, QRIS_REPLAY_WINDOW_SEC, signQris, webhookSecret } from './provider.js';
import { qrisPayload } from './qris.js';

const T = 1767225600; // 2026-01-01T00:00:00Z
const QRIS_SECRET = 'qris-provider-secret';
const QRIS_BODY =
  '{"event_id":"evt_000000001","reference":"LMB7K3QX9M2PZ","amount":125500,"status":"paid"}';
const QRIS_HEX = '85f09faa639a994a25cfc9736fe68d7aeb521660aaa1d12c126ffd1b52befe29';
const QRIS_HEADERS = { 'x-timestamp': String(T), 'x-signature': `sha256=${QRIS_HEX}` };
const headers = (h: Record<string, string>) => (n: string) => h[n.toLowerCase()];

test('QRIS callback signature: the pinned headers for a known secret, time and body', () => {
  assert.deepEqual(signQris(QRIS_SECRET, QRIS_BODY, T), QRIS_HEADERS);
  assert.equal(qrisProvider.verify(QRIS_BODY, headers(QRIS_HEADERS), QRIS_SECRET, T), true);
  assert.equal(
    qrisProvider.verify(
      QRIS_BODY.replace('125500', '125501'),
      headers(QRIS_HEADERS),
      QRIS_SECRET,
      T,
    ),
    false,
    'another body',
  );
  assert.equal(
    qrisProvider.verify(
      QRIS_BODY,
      headers({ ...QRIS_HEADERS, 'x-timestamp': String(T + 1) }),
      QRIS_SECRET,
      T + 1,
    ),
    false,
    'the timestamp is in the MAC',
  );
  assert.equal(
    qrisProvider.verify(
      QRIS_BODY,
      headers({ ...QRIS_HEADERS, 'x-signature': QRIS_HEX }),
      QRIS_SECRET,
      T,
    ),
    false,
    'the sha256= prefix is part of the format',
  );
  assert.equal(
    qrisProvider.verify(
      QRIS_BODY,
      headers({ 'x-signature': `sha256=${QRIS_HEX}` }),
      QRIS_SECRET,
      T,
    ),
    false,
    'no timestamp, no entry',
  );
});

test('QRIS callback replay window: ±600 s around our clock; too old and too new are refused', () => {
  assert.equal(QRIS_REPLAY_WINDOW_SEC, 600);
  const at = (now: number) =>
    qrisProvider.verify(QRIS_BODY, headers(QRIS_HEADERS), QRIS_SECRET, now);
  assert.deepEqual(
    [at(T + 600), at(T + 601), at(T - 600), at(T - 601)],
    [true, false, true, false],
  );
});

test('QRIS webhook secret derived from the app secret, unless configured', () => {
  assert.equal(
    webhookSecret('test-secret', 'qris', {}),
    'f5f1e6d2135374b765b9f69e9ff828497f39076153a197e2a95698e62915255a',
  );
  assert.equal(
    webhookSecret('test-secret', 'qris', { LUMBUNG_QRIS_WEBHOOK_SECRET: 'from-the-provider' }),
    'from-the-provider',
  );
});

test('signed confirmation links: pinned signature for a known secret and group', () => {
  const group = 'grp_01JTESTGROUP0000000000000';
  assert.equal(groupSig('test-secret', group), '4167d4893c159f427ce1208658c446c3');
  assert.equal(
    confirmationPath('test-secret', group),
    `/pesanan/selesai/${group}/4167d4893c159f427ce1208658c446c3`,
  );
  assert.equal(validSig('test-secret', group, '4167d4893c159f427ce1208658c446c3'), true);
  assert.equal(validSig('test-secret', group, '4167d4893c159f427ce1208658c446c4'), false);
  assert.equal(validSig('other-secret', group, '4167d4893c159f427ce1208658c446c3'), false);
  assert.equal(
    validSig('test-secret', 'grp_01JTESTGROUP0000000000001', '4167d4893c159f427ce1208658c446c3'),
    false,
  );
});

test('QRIS payload: the pinned EMVCo string (fields and CRC) for a known merchant, amount and reference', () => {
  const merchant = {
    merchantPan: '9360001234567890123',
    nmid: 'ID1026123456789',
    name: 'TOKO LUMBUNG DESA',
    city: 'BAJAWA',
    postalCode: '86413',
    mcc: '5499',
  };
  assert.equal(
    qrisPayload(merchant, 125500, 'LMB7K3QX9M2PZ'),
    '00020101021226670014ID.CO.QRIS.WWW011993600012345678901230215ID10261234567890303UMI51440014ID.CO.QRIS.WWW0215ID10261234567890303UMI52045499530336054061255005802ID5917TOKO LUMBUNG DESA6006BAJAWA61058641362170513LMB7K3QX9M2PZ6304D69D',
  );
  assert.throws(
    () => qrisPayload(merchant, 125500, 'pay_01JTESTTESTTESTTESTTESTTE'),
    RangeError,
    'a reference that does not fit is refused, never cut',
  );
});

let w: World;
before(async () => {
  w = await createWorld({ env: { LUMBUNG_SECRET: 'test-secret' } });
});
after(() => w.close());

test('QRIS webhook over HTTP: a correctly signed but stale callback is refused with 401 and changes nothing', async () => {
  const secret = webhookSecret('test-secret', 'qris', {});
  const body = JSON.stringify({
    event_id: 'evt_stale_000001',
    reference: 'LMB0000000000',
    amount: 1000,
    status: 'paid',
  });
  const now = Math.floor(Date.now() / 1000);
  // A few seconds beyond the window: the request itself takes time, and `now` was rounded down.
  for (const ts of [now - 605, now + 605]) {
    const r = await w.client().fetch('/api/v1/webhooks/payments/qris', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', ...signQris(secret, body, ts) },
    });
    assert.equal(r.status, 401);
    assert.equal((await r.json()).code, 'ORDERS_BAD_SIGNATURE');
  }
  assert.equal(
    (
      await w.h.db
        .selectFrom('idempotency_keys')
        .select('key')
        .where('key', '=', 'evt_stale_000001')
        .execute()
    ).length,
    0,
  );
});
