// Redirect targets chosen by the visitor never leave the site: every hostile spelling of another
// host falls back, every ordinary path survives unchanged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sameOriginPath } from './redirect.js';
import { HOSTILE_TARGETS } from '../../../test/support/kernel/index.js';

test('hostile redirect targets fall back to the given path', () => {
  for (const raw of HOSTILE_TARGETS)
    assert.equal(sameOriginPath(raw, '/me'), '/me', JSON.stringify(raw));
  for (const raw of [undefined, null, 42, ['/me'], { href: '/x' }])
    assert.equal(sameOriginPath(raw, '/'), '/');
});

test('paths on this site are kept (in the parser’s serialisation)', () => {
  const kept: [string, string][] = [
    ['/me', '/me'],
    ['/cari?q=gula+aren#hasil', '/cari?q=gula+aren#hasil'],
    ['/produk/prd_01?x=1&y=2', '/produk/prd_01?x=1&y=2'],
    // Encoded slashes stay encoded: the browser asks this site for that path.
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/a/../b', '/b'],
    ['/ruang kerja', '/ruang%20kerja'],
  ];
  for (const [raw, want] of kept) assert.equal(sameOriginPath(raw, '/me'), want, raw);
});
