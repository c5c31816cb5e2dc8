// The anonymous page cache on the real app: a second visit reads nothing from the database and
// each visitor gets their own CSRF token spliced in (gzip and plain), a first-time visitor one
// minted for them and set as their cookie; any write, a session or a cart goes around it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { createWorld, type World } from '../support/world.js';
import { anyVillage, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import type { TestClient } from '../support/kernel/index.js';

let w: World;
let umkm: string;
before(async () => {
  w = await createWorld();
  umkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db, '53.09') });
  await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Arabika Bajawa 250 g',
    price: 55000,
    stock: 9,
  });
});
after(() => w.close());

async function visit(
  c: TestClient,
  path: string,
  gzip = true,
): Promise<{ html: string; statements: number; res: Response }> {
  const n0 = w.h.queryCount();
  const res = await c.get(path, gzip ? { 'accept-encoding': 'gzip' } : {});
  const raw = Buffer.from(await res.arrayBuffer());
  const html =
    res.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
  return { html, statements: w.h.queryCount() - n0, res };
}

async function visitor(): Promise<TestClient> {
  const c = w.client();
  await c.csrf();
  return c;
}

test("a second visit is served from the cache with the visitor's own token, gzip or not", async () => {
  const a = await visitor();
  const b = await visitor();
  const first = await visit(a, '/cari?q=kopi');
  assert.ok(first.statements > 0);
  assert.match(first.html, /Kopi Arabika Bajawa 250 g/);
  assert.ok(first.res.headers.get('x-request-id'), 'the rendered page keeps its request id');
  const again = await visit(b, '/cari?q=kopi');
  assert.equal(again.statements, 0, 'nothing read on a hit');
  assert.equal(again.res.headers.get('content-encoding'), 'gzip');
  assert.equal(
    Number(again.res.headers.get('content-length')),
    Number(
      (await (await b.get('/cari?q=kopi', { 'accept-encoding': 'gzip' })).arrayBuffer()).byteLength,
    ),
  );
  const tokenA = a.cookies.get('lumbung_csrf')!;
  const tokenB = b.cookies.get('lumbung_csrf')!;
  assert.notEqual(tokenA, tokenB);
  assert.ok(
    again.html.includes(`value="${tokenB}"`) && !again.html.includes(tokenA),
    'B sees only its own token',
  );
  assert.equal(
    again.html.replaceAll(tokenB, 'T'),
    first.html.replaceAll(tokenA, 'T'),
    'same page otherwise',
  );
  const plain = await visit(b, '/cari?q=kopi', false);
  assert.equal(plain.statements, 0);
  assert.equal(plain.res.headers.get('content-encoding'), null);
  assert.equal(plain.html, again.html);
  assert.ok(again.res.headers.get('content-security-policy'), 'security headers kept');
  assert.ok(again.res.headers.get('x-request-id'), 'a request id of its own');
  assert.notEqual(again.res.headers.get('x-request-id'), first.res.headers.get('x-request-id'));
});

test('any write makes cached pages stale: a new product shows on the next visit', async () => {
  const a = await visitor();
  await visit(a, '/cari?q=kopi');
  await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Robusta Manggarai 250 g',
    price: 45000,
    stock: 4,
  });
  const after = await visit(a, '/cari?q=kopi');
  assert.ok(after.statements > 0);
  assert.match(after.html, /Kopi Robusta Manggarai/);
});

test('a first-time visitor (no cookie) is served from the cache with a token of their own that their forms can post', async () => {
  const warm = await visitor();
  await visit(warm, '/');
  const fresh = w.client();
  const first = await visit(fresh, '/');
  assert.equal(first.statements, 0, 'served from the cache');
  const cookie = first.res.headers.get('set-cookie') ?? '';
  assert.match(cookie, /^lumbung_csrf=[a-f0-9]{32}; Path=\/; HttpOnly; SameSite=Lax$/);
  const token = fresh.cookies.get('lumbung_csrf')!;
  assert.ok(first.html.includes(`value="${token}"`), "the page's forms carry the cookie's token");
  assert.ok(!first.html.includes(warm.cookies.get('lumbung_csrf')!), "never another visitor's");
  const other = w.client();
  const second = await visit(other, '/');
  assert.notEqual(other.cookies.get('lumbung_csrf'), token, 'each first visit gets a new token');
  assert.equal(second.statements, 0);
  // The minted token works: the language switch (a CSRF-checked form) accepts it.
  const lang = await fresh.form('/lang', { to: 'en', back: '/' });
  assert.equal(lang.status, 303);
  assert.equal(fresh.cookies.get('lumbung_lang'), 'en');
  // A page first rendered for a visitor without a cookie is kept for the next visitor too.
  const cold = w.client();
  const miss = await visit(cold, '/cari?q=arabika');
  assert.ok(miss.statements > 0);
  const coldToken = cold.cookies.get('lumbung_csrf')!;
  assert.ok(miss.html.includes(`value="${coldToken}"`));
  const next = w.client();
  const hit = await visit(next, '/cari?q=arabika');
  assert.equal(hit.statements, 0);
  assert.ok(hit.html.includes(`value="${next.cookies.get('lumbung_csrf')}"`));
  assert.ok(!hit.html.includes(coldToken));
});

test('visitors with a session or with a cart are never served from the cache; each language is its own page', async () => {
  const warm = await visitor();
  await visit(warm, '/');
  await visit(warm, '/');
  const buyer = await w.as('buyer');
  await buyer.csrf();
  assert.ok((await visit(buyer, '/')).statements > 0, 'signed-in');
  const withCart = await visitor();
  withCart.cookies.set('lumbung_cart', 'crt_whatever');
  assert.ok((await visit(withCart, '/')).statements > 0, 'has a cart');
  const enClient = await visitor();
  const n0 = w.h.queryCount();
  const r = await enClient.get('/cari?q=kopi', { 'accept-language': 'en' });
  const enPage = { html: await r.text(), n: w.h.queryCount() - n0 };
  assert.ok(enPage.n > 0, 'another language is another page');
  assert.match(enPage.html, /<html lang="en"/);
});
