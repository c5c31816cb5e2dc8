// Hole 7 of issue 13: NUL and other control characters in any text were a 500 on PostgreSQL and
// stored on SQLite. They are refused at validation — a 422 problem in the API, the form again
// (or the error page) with a field message on pages — and nothing is written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { makeOrder } from '../support/orders.js';
import { changedTables, rowCounts, tableNames } from './support/row-counts.js';

let w: World;
let tables: string[];
let sp: string;
let variantId: string;
let umkm: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db);
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
  ({ variantId } = await makeProduct(w.h, { umkmId: umkm, stock: 20 }));
  tables = await tableNames(w.h);
});
after(() => w.close());

const EN = 'Contains control characters (such as NUL) that are not allowed.';
const ID = 'Berisi karakter kontrol (misalnya NUL) yang tidak diizinkan.';

/** Runs `send`, asserts a 422 problem naming `field` in the caller's language, and no row written. */
async function refused(send: () => Promise<Response>, field: string, lang: 'en' | 'id' = 'en') {
  const before = await rowCounts(w.h, tables);
  const r = await send();
  const body = await r.text();
  assert.equal(r.status, 422, body);
  assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
  const p = JSON.parse(body);
  assert.equal(p.code, 'VALIDATION_FAILED');
  assert.equal(p.errors?.[field], lang === 'en' ? EN : ID, body);
  assert.deepEqual(changedTables(before, await rowCounts(w.h, tables)), []);
}

const checkout = (buyer: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  lines: [{ variantId, qty: 1 }],
  buyer,
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
  ...extra,
});

test('API checkout: NUL, BEL, DEL, C1 or a lone surrogate in the buyer name or address → 422, nothing stored', async () => {
  const c = w.client();
  for (const name of ['Rina\u0000', 'Ri\u0007na', 'Rina\u007f', 'Rina\u0085', 'Rina\ud800']) {
    await refused(
      () =>
        c.json('POST', '/api/v1/checkout', checkout({ name, phone: '081234567001' }), {
          'idempotency-key': `k-${name.codePointAt(4)}-${Math.random()}`,
          'accept-language': 'en',
        }),
      'buyer.name',
    );
  }
  await refused(
    () =>
      c.json(
        'POST',
        '/api/v1/checkout',
        checkout(
          { name: 'Rina', phone: '081234567001' },
          {
            delivery: { kind: 'address', villageCode: '53.09.01.2001', address: 'Jl. Nusa\u0000' },
          },
        ),
        { 'idempotency-key': 'k-address-nul', 'accept-language': 'id' },
      ),
    'delivery.address',
    'id',
  );
});

test('API: a multi-line body field keeps its line breaks and tabs (they are not control characters there)', async () => {
  // A signed-in buyer: a guest would have to name a cart (idempotency keys belong to a client).
  const buyer = await w.as('buyer');
  const r = await buyer.json(
    'POST',
    '/api/v1/checkout',
    checkout(
      { name: 'Rina', phone: '081234567001' },
      {
        delivery: {
          kind: 'address',
          villageCode: await anyVillage(w.h.db),
          address: 'Jl. Nusa 1\r\nRT 02\tRW 03',
        },
      },
    ),
    { 'idempotency-key': 'k-multiline-ok' },
  );
  assert.notEqual(r.status, 422, await r.text());
  assert.ok(r.status < 500);
});

test('API cart line: a variant id with NUL → 422, not a 500 or a stored line', async () => {
  const c = w.client();
  const cart = (await (await c.json('POST', '/api/v1/carts', {})).json()) as { id: string };
  await refused(
    () =>
      c.json(
        'PUT',
        `/api/v1/carts/${cart.id}/lines`,
        { variantId: `${variantId}\u0000`, qty: 1 },
        { 'accept-language': 'en' },
      ),
    'variantId',
  );
});

test('path and query params: NUL (or a line break) in a tracking number, an order number, a region code → 422', async () => {
  const c = w.client();
  await refused(
    () => c.get('/api/v1/logistics/parcels/TRK%00123', { 'accept-language': 'en' }),
    'tracking',
  );
  await refused(
    () =>
      c.get('/api/v1/orders/track?number=LMB%00&phone=081234567001', { 'accept-language': 'en' }),
    'number',
  );
  await refused(
    () =>
      c.get('/api/v1/orders/track?number=LMB%0A1&phone=081234567001', { 'accept-language': 'en' }),
    'number',
  );
  await refused(() => c.get('/api/v1/regions/53%00', { 'accept-language': 'id' }), 'code', 'id');
});

test('pages: a path or query with NUL → 422 page in the visitor language, not a 500', async () => {
  const c = w.client();
  const r = await c.get('/cari?q=gula%00', { 'accept-language': 'en' });
  assert.equal(r.status, 422);
  assert.match(await r.text(), new RegExp(EN.replace(/[().]/g, '\\$&')));
  assert.equal((await c.get('/desa/53%00', { 'accept-language': 'en' })).status, 422);
});

test('storefront checkout form with NUL in the name → the form again with a field message, no order', async () => {
  const c = w.client();
  assert.equal((await c.form('/keranjang', { variant_id: variantId, qty: '1' })).status, 303);
  const before = await rowCounts(w.h, tables);
  const r = await c.form(
    '/pesan',
    {
      idem: 'a'.repeat(32),
      name: 'Rina\u0000',
      phone: '081234567001',
      delivery: 'pickup',
      service_point: sp,
      payment: 'cod',
      expected_total: '1',
      action: 'place',
    },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(r.status, 422);
  const html = await r.text();
  assert.match(html, /name="name"/, 'the checkout form is shown again');
  assert.ok(html.includes(EN.replace(/[()]/g, (x) => x)), 'with the field message');
  assert.deepEqual(changedTables(before, await rowCounts(w.h, tables)), []);
});

test('a form read with readForm (seller product) gets the form again with the message beside the field', async () => {
  const seller = await w.as('seller', umkm);
  const before = await rowCounts(w.h, tables);
  const r = await seller.form(
    '/jual/produk',
    {
      umkm_id: umkm,
      title: 'Gula\u0000 Aren',
      description: 'Gula aren cetak dari nira pohon aren.\r\nDimasak di tungku kayu.',
      description_en: '',
      category: 'gula-aren',
      variant_label: '500 g',
      price: '25000',
      weight_grams: '550',
      sku: '',
      stock: '3',
    },
    { headers: { 'accept-language': 'en' } },
  );
  assert.equal(r.status, 422);
  const html = await r.text();
  assert.match(html, /name="title"/);
  assert.ok(html.includes(EN), html.slice(0, 200));
  assert.deepEqual(changedTables(before, await rowCounts(w.h, tables)), []);
});

test('a tracking number with NUL sent to the order API of a placed order changes nothing', async () => {
  const o = await makeOrder(w.h, { servicePointId: sp, umkmId: umkm, variantId });
  await refused(
    () =>
      w
        .client()
        .get(`/api/v1/orders/track?number=${o.number}%00&phone=${encodeURIComponent(o.phone)}`, {
          'accept-language': 'en',
        }),
    'number',
  );
});

test('controlCharFields names each bad value by its dotted path, object keys too, and passes clean input', async () => {
  const { controlCharFields } = await import('../../src/kernel/http/index.js');
  const bad = { key: 'validation.control_chars' };
  const body = {
    buyer: { name: 'Ani\u0000', phone: '0812' },
    lines: [
      { variantId: 'v1', qty: 1 },
      { variantId: 'v\u0007', qty: 2, notes: ['ok', 'x\u001b'] },
    ],
    ['bad\u0001key']: 'fine',
    address: 'Jl. Mawar 1\nRT 02\tRW 03',
    picture: new Blob(['\u0000']),
    count: 3,
    none: null,
  };
  assert.deepEqual(controlCharFields(body, true), {
    'buyer.name': bad,
    'lines.1.variantId': bad,
    'lines.1.notes.1': bad,
    'bad\u0001key': bad,
  });
  // One-line input (paths, queries, headers): TAB and LF are refused too.
  assert.deepEqual(controlCharFields({ address: body.address }, false), { address: bad });
  assert.deepEqual(controlCharFields('top\u0000', false), { _: bad });
  assert.deepEqual(controlCharFields('\ud800 lone half', true), { _: bad });
  assert.deepEqual(controlCharFields({ a: [[['deep\u0000']]] }, true), { 'a.0.0.0': bad });
  assert.deepEqual(controlCharFields({ buyer: { name: 'Ani' }, lines: [{ qty: 1 }] }, true), {});
});
