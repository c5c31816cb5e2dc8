// The gzip middleware: big text bodies compressed when the client accepts gzip, small ones and
// images left alone, cookies and status kept, Vary always set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { setCookie } from 'hono/cookie';
import { gzip } from './gzip.js';

const app = new Hono();
app.use('*', gzip());
const page = '<!doctype html><p>' + 'Gula aren cetak dari Desa Radabata. '.repeat(100) + '</p>';
app.get('/page', (c) => {
  setCookie(c, 'a', '1');
  setCookie(c, 'b', '2');
  return c.html(page, 201);
});
app.get('/small', (c) => c.json({ ok: true }));
app.get('/png', (c) => c.body(new Uint8Array(4000), 200, { 'content-type': 'image/png' }));

const get = (path: string, accept = 'gzip, deflate, br') =>
  app.request(path, { headers: { 'accept-encoding': accept } });

test('a large HTML page is gzipped, with status, cookies and Vary kept', async () => {
  const r = await get('/page');
  assert.equal(r.status, 201);
  assert.equal(r.headers.get('content-encoding'), 'gzip');
  assert.equal(r.headers.get('vary'), 'accept-encoding');
  assert.deepEqual(
    r.headers.getSetCookie().map((c) => c.split(';')[0]),
    ['a=1', 'b=2'],
  );
  const body = Buffer.from(await r.arrayBuffer());
  assert.equal(Number(r.headers.get('content-length')), body.length);
  assert.ok(body.length < page.length / 5, `${body.length} bytes`);
  assert.equal(gunzipSync(body).toString(), page);
});

test('no gzip when the client does not accept it, for small bodies and for images', async () => {
  const plain = await get('/page', 'identity');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(plain.headers.get('vary'), 'accept-encoding');
  assert.equal(await plain.text(), page);
  const small = await get('/small');
  assert.equal(small.headers.get('content-encoding'), null);
  assert.deepEqual(await small.json(), { ok: true });
  const png = await get('/png');
  assert.equal(png.headers.get('content-encoding'), null);
  assert.equal((await png.arrayBuffer()).byteLength, 4000);
});
