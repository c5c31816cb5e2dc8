// The seller's catalog JSON API through the real app: create with variants, edit, stock and
// list; problem+json on bad input and on another UMKM's product.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from '../../../test/support/world.js';
import { countRows, sellerWorld } from '../../../test/support/catalog-seller.js';

let w: World;
let umkmB: string;
let seller: Awaited<ReturnType<World['as']>>;
const count = (table: Parameters<typeof countRows>[1]) => countRows(w, table);

before(async () => {
  ({ w, umkmB, seller } = await sellerWorld());
});
after(() => w.close());

test('API: create with variants, edit, stock, list; problem+json on bad input and foreign scope', async () => {
  const before = await count('products');
  const bad = await seller.json('POST', '/api/v1/seller/products', {
    title: 'Madu Hutan',
    description: 'Madu hutan asli Flores.',
    category: 'madu',
    variants: [{ label: '250 ml', price: 0, weightGrams: 300 }],
  });
  assert.equal(bad.status, 422);
  const problem = await bad.json();
  assert.equal(problem.code, 'VALIDATION_FAILED');
  assert.match(problem.errors['variants.0.price'], /Harga harus/);
  const unknown = await seller.json('POST', '/api/v1/seller/products', {
    title: 'Madu Hutan',
    description: 'Madu hutan asli Flores.',
    category: 'madu',
    variants: [{ label: 'x', price: 1, weightGrams: 1 }],
    listed: 1,
  });
  assert.equal(unknown.status, 422);
  assert.equal(await count('products'), before);
  const res = await seller.json('POST', '/api/v1/seller/products', {
    title: 'Madu Hutan Flores',
    description: 'Madu hutan asli Flores, dipanen lestari.',
    category: 'madu',
    variants: [
      { label: '250 ml', price: 45000, weightGrams: 400, stock: 5 },
      { label: '500 ml', price: 80000, weightGrams: 750 },
    ],
  });
  assert.equal(res.status, 201);
  const { id, variantIds } = await res.json();
  assert.equal(variantIds.length, 2);
  assert.equal(
    (
      await seller.json('PATCH', `/api/v1/seller/products/${id}`, {
        title: 'Madu Hutan Flores Asli',
        description: 'Madu hutan asli Flores, dipanen lestari.',
        category: 'madu',
      })
    ).status,
    200,
  );
  const s1 = await seller.json('POST', `/api/v1/seller/variants/${variantIds[0]}/stock`, {
    delta: -6,
    reason: 'correction',
  });
  assert.equal(s1.status, 409);
  assert.equal((await s1.json()).code, 'CATALOG_STOCK_NEGATIVE');
  const s2 = await seller.json('POST', `/api/v1/seller/variants/${variantIds[0]}/stock`, {
    delta: 2,
    reason: 'return',
  });
  assert.deepEqual(await s2.json(), { available: 7 });
  const list = await (await seller.get('/api/v1/seller/products')).json();
  assert.ok(list.items.some((i: { title: string }) => i.title === 'Madu Hutan Flores Asli'));
  const other = await w.as('seller', umkmB);
  assert.equal(
    (
      await other.json('PATCH', `/api/v1/seller/products/${id}`, {
        title: 'Dibajak',
        description: 'Deskripsi yang dibajak.',
        category: 'madu',
      })
    ).status,
    404,
  );
  assert.equal(
    (
      await other.json('POST', `/api/v1/seller/variants/${variantIds[0]}/stock`, {
        delta: 1,
        reason: 'restock',
      })
    ).status,
    404,
  );
  const spec = await (await w.client().get('/api/openapi.json')).json();
  for (const path of [
    '/api/v1/products',
    '/api/v1/products/{id}',
    '/api/v1/seller/products',
    '/api/v1/seller/products/{id}',
    '/api/v1/seller/variants/{id}/stock',
  ])
    assert.ok(spec.paths[path], path);
});
