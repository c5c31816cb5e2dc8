import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLargestRemainder, formatRupiah, rupiah, percentOf } from './money/index.js';
import { newId, isId, friendlyNumber, randomHex } from './ids/index.js';
import { localeFromAcceptLanguage, t, zoneForRegion, formatDateTime } from './i18n/index.js';
import { normaliseMobile } from './auth/index.js';
import { regionContains, regionScope, canInRegion, type Actor } from './auth/index.js';
import { redact } from './http/index.js';

test('largest remainder split always sums to the whole', () => {
  for (const [total, weights] of [
    [100, [1, 1, 1]],
    [7, [3, 3, 1]],
    [12345, [10, 20, 30, 40]],
    [1, [1, 1]],
  ] as [number, number[]][]) {
    const parts = splitLargestRemainder(rupiah(total), weights);
    assert.equal(
      parts.reduce((a, b) => a + b, 0),
      total,
    );
  }
  assert.deepEqual(splitLargestRemainder(rupiah(100), [1, 1, 1]), [34, 33, 33]);
  assert.throws(() => rupiah(1.5));
  assert.equal(percentOf(rupiah(10000), 250), 250);
});

test('rupiah displays the Indonesian way', () => {
  assert.equal(formatRupiah(12500), 'Rp 12.500');
  assert.equal(formatRupiah(1250000), 'Rp 1.250.000');
});

test('ids are prefixed, well-formed and time-sortable', () => {
  const a = newId('ord');
  const b = newId('ord');
  assert.ok(a < b);
  assert.ok(isId(a, 'ord'));
  assert.equal(isId(b, 'prd'), false);
  const older: string = newId('ord', Date.parse('2020-01-01'));
  assert.ok(older < newId('ord', Date.parse('2021-01-01')));
  assert.equal(friendlyNumber('LMB', 2026, 123), 'LMB-2026-000123');
});

test('random tokens from the batched CSPRNG never repeat, across many refills of the batch', () => {
  // 16-byte tokens: 256 to a 4 KiB batch, so 5,000 of them refill it about 20 times.
  const tokens = Array.from({ length: 5000 }, () => randomHex(16));
  for (const t of tokens) assert.match(t, /^[0-9a-f]{32}$/);
  assert.equal(new Set(tokens).size, tokens.length);
  // Ids minted in later milliseconds each draw a fresh random part (a copy, not a view of the
  // batch that the next refill would overwrite).
  const from = Date.now() + 1000;
  const ids = Array.from({ length: 600 }, (_, i) => newId('ord', from + i));
  const randomParts = new Set(ids.map((id) => id.slice(-16)));
  assert.equal(randomParts.size, ids.length);
  assert.ok(ids.every((id, i) => i === 0 || ids[i - 1] < id));
  // Uneven sizes straddle the batch's end without overlapping.
  const odd = Array.from({ length: 2000 }, () => randomHex(7));
  assert.equal(new Set(odd).size, odd.length);
});

test('locale from Accept-Language prefers Indonesian, honours English', () => {
  assert.equal(localeFromAcceptLanguage(undefined), 'id');
  assert.equal(localeFromAcceptLanguage('en-US,en;q=0.9'), 'en');
  assert.equal(localeFromAcceptLanguage('fr-FR, en;q=0.5'), 'en');
  assert.equal(localeFromAcceptLanguage('de'), 'id');
  assert.equal(t('en', 'errors.not_found'), 'Page or record not found.');
  assert.equal(t('id', 'validation.too_short', { min: 3 }), 'Terlalu pendek (minimal 3 karakter).');
});

test('time zones by province: WIB, WITA, WIT', () => {
  assert.equal(zoneForRegion('35.78'), 'WIB'); // Surabaya
  assert.equal(zoneForRegion('53.09.01.2001'), 'WITA'); // NTT
  assert.equal(zoneForRegion('91.01'), 'WIT'); // Papua
  assert.match(formatDateTime('id', '2026-01-01T00:00:00Z', '53'), /08\.00 WITA|08:00 WITA/);
});

test('Indonesian mobile numbers normalise to +62', () => {
  assert.equal(normaliseMobile('0812-3456-7890'), '+6281234567890');
  assert.equal(normaliseMobile('+62 812 3456 7890'), '+6281234567890');
  assert.equal(normaliseMobile('6281234567890'), '+6281234567890');
  assert.equal(normaliseMobile('12345'), null);
  assert.equal(normaliseMobile('+14155550123'), null);
});

test('region scopes follow the code tree', () => {
  const officer: Actor = {
    userId: 'u',
    displayName: 'x',
    locale: null,
    via: 'session',
    grants: [
      { role: 'regional_officer', scopeType: 'region', scopeId: '53.09', regionCode: '53.09' },
    ],
  };
  assert.ok(regionContains('53.09', '53.09.01.2001'));
  assert.ok(!regionContains('53.0', '53.09'));
  assert.deepEqual(regionScope(officer, ['regional_officer']), ['53.09']);
  assert.ok(canInRegion(officer, ['regional_officer'], '53.09.02'));
  assert.ok(!canInRegion(officer, ['regional_officer'], '53.10'));
});

test('logs never carry personal data', () => {
  const out = redact({
    path: '/x',
    phone: '+62812',
    owner_name: 'Sari',
    nested: { household_income: 1 },
    status: 200,
  });
  assert.deepEqual(out, {
    path: '/x',
    phone: '[redacted]',
    owner_name: '[redacted]',
    nested: { household_income: '[redacted]' },
    status: 200,
  });
});
