// The anonymous JSON cache on the real app (issue 19): the product search and product detail
// JSON are built once per write generation, revalidate with ETag/304, change after any write,
// and are never shared with a signed-in client. The search's `limit` is capped at 100.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { createWorld, type World } from '../support/world.js';
import { anyVillage, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import type { TestClient } from '../support/kernel/index.js';

let w: World;
let umkm: string;
let productId: string;
before(async () => {
  w = await createWorld();
  umkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db, '53.09') });
  for (let i = 0; i < 3; i++) {
    const p = await makeProduct(w.h, {
      umkmId: umkm,
      title: `Kopi Robusta Manggarai ${i + 1}`,
      price: 40000 + i,
      stock: 5,
    });
    productId = p.productId;
  }
});
after(() => w.close());

async function read(c: TestClient, path: string, headers: Record<string, string> = {}) {
  const n0 = w.h.queryCount();
  const res = await c.get(path, headers);
  const raw = Buffer.from(await res.arrayBuffer());
  const text =
    res.headers.get('content-encoding') === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
  return { res, text, statements: w.h.queryCount() - n0 };
}

test('a repeated anonymous search or product read is answered from the cache, gzip or not', async () => {
  for (const path of ['/api/v1/products?q=kopi&limit=2', `/api/v1/products/${productId}`]) {
    const first = await read(w.client(), path);
    assert.equal(first.res.status, 200);
    assert.ok(first.statements > 0);
    const again = await read(w.client(), path);
    assert.equal(again.statements, 0, `nothing read on a hit: ${path}`);
    assert.equal(again.text, first.text);
    assert.equal(again.res.headers.get('content-type'), first.res.headers.get('content-type'));
    assert.ok(again.res.headers.get('x-request-id'));
    assert.equal(again.res.headers.get('set-cookie'), null, "no visitor's cookie is shared");
    const gz = await read(w.client(), path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.statements, 0);
    assert.equal(gz.text, first.text);
  }
});

test('limit sets the page size, capped at 100; nonsense means the default', async () => {
  const two = JSON.parse((await read(w.client(), '/api/v1/products?q=kopi&limit=2')).text);
  assert.equal(two.items.length, 2);
  assert.equal(two.pageSize, 2);
  const capped = JSON.parse((await read(w.client(), '/api/v1/products?limit=5000')).text);
  assert.equal(capped.pageSize, 100);
  const junk = JSON.parse((await read(w.client(), '/api/v1/products?limit=abc')).text);
  assert.equal(junk.pageSize, 20);
  const spec = JSON.parse(await (await w.client().get('/api/openapi.json')).text());
  const params = spec.paths['/api/v1/products'].get.parameters.map((p: { name: string }) => p.name);
  assert.ok(params.includes('limit'), 'limit is documented');
});

test('a client holding the answer revalidates with If-None-Match and gets a 304 without a body', async () => {
  const path = `/api/v1/products/${productId}`;
  const first = await read(w.client(), path);
  const etag = first.res.headers.get('etag')!;
  assert.match(etag, /^"[\w-]+"$/);
  const same = await read(w.client(), path, { 'if-none-match': etag });
  assert.equal(same.res.status, 304);
  assert.equal(same.text, '');
  assert.equal(same.statements, 0);
  const other = await read(w.client(), path, { 'if-none-match': '"something-else"' });
  assert.equal(other.res.status, 200);
});

test('any write makes every entry stale: the next read sees the change', async () => {
  const before = JSON.parse((await read(w.client(), '/api/v1/products?q=kopi')).text);
  await read(w.client(), '/api/v1/products?q=kopi');
  await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Robusta Manggarai 4',
    price: 41000,
    stock: 2,
  });
  const after = await read(w.client(), '/api/v1/products?q=kopi');
  assert.ok(after.statements > 0, 'read again after the write');
  assert.equal(JSON.parse(after.text).items.length, before.items.length + 1);
});

test('a signed-in client is never answered from the shared cache', async () => {
  const path = '/api/v1/products?q=robusta';
  await read(w.client(), path);
  await read(w.client(), path);
  const buyer = await w.as('buyer');
  assert.ok((await read(buyer, path)).statements > 0, 'session cookie');
  const n0 = w.h.queryCount();
  await w.client().get(path, { authorization: 'Bearer not-a-real-token' });
  assert.ok(w.h.queryCount() - n0 > 0, 'bearer token');
});

test('50 concurrent first reads of a listing run its search once and get one body', async () => {
  // A query nobody asked yet: how many statements one build takes.
  const one = await read(w.client(), '/api/v1/products?q=manggarai&limit=3');
  const n0 = w.h.queryCount();
  const all = await Promise.all(
    Array.from({ length: 50 }, () => read(w.client(), '/api/v1/products?q=manggarai&limit=4')),
  );
  assert.ok(all.every((a) => a.res.status === 200));
  assert.equal(new Set(all.map((a) => a.text)).size, 1, 'the same body for everyone');
  assert.equal(JSON.parse(all[0]!.text).pageSize, 4);
  assert.equal(w.h.queryCount() - n0, one.statements, 'one build for 50 readers');
});
