// Seller flows through the real app: add a product in two steps, edit it, variants, quick
// stock +/−, bad input refused with nothing written, another UMKM's product out of reach,
// and the community manager's read-only view. The API is in seller-api.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { World } from '../../../test/support/world.js';
import { countRows, PRODUCT_FORM, sellerWorld } from '../../../test/support/catalog-seller.js';

let w: World;
let umkmA: string;
let umkmB: string;
let orgA: string;
let seller: Awaited<ReturnType<World['as']>>;
const form = PRODUCT_FORM;
const count = (table: Parameters<typeof countRows>[1]) => countRows(w, table);

before(async () => {
  ({ w, umkmA, umkmB, orgA, seller } = await sellerWorld());
});
after(() => w.close());

test('a seller adds a product in two steps and it starts not_reviewed, with stock in the ledger', async () => {
  const page = await seller.get('/jual/produk/baru');
  assert.equal(page.status, 200);
  const res = await seller.form('/jual/produk', form);
  assert.equal(res.status, 303);
  const loc = res.headers.get('location')!;
  assert.match(loc, /^\/jual\/produk\/prd_[0-9A-Z]{26}\?langkah=2$/);
  const id = loc.split('/')[3].split('?')[0];
  const p = await w.h.db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(p.listing_state, 'not_reviewed');
  assert.equal(p.listed, 0);
  assert.equal(p.umkm_id, umkmA);
  const v = await w.h.db
    .selectFrom('variants')
    .innerJoin('stock', 'stock.variant_id', 'variants.id')
    .selectAll()
    .where('product_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(v.price, 25000);
  assert.equal(v.available, 12);
  assert.match(v.sku, /^GULA-[0-9A-F]{8}$/);
  const ledger = await w.h.db
    .selectFrom('stock_ledger')
    .selectAll()
    .where('variant_id', '=', v.variant_id)
    .execute();
  assert.deepEqual(
    ledger.map((l) => [l.reason, l.delta_available]),
    [['initial', 12]],
  );
  const step2 = await seller.get(loc);
  assert.equal(step2.status, 200);
  const html = await step2.text();
  assert.match(html, /Langkah 2 dari 2/);
  assert.match(html, /enctype="multipart\/form-data"/);
  // Not listed yet: the public page does not exist.
  assert.equal((await w.client().get(`/produk/${id}`)).status, 404);
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', id)
    .execute();
  assert.ok(audit.some((a) => a.action === 'catalog.product.create'));
});

test('bad input is refused with a message beside the field and nothing is written', async () => {
  const before = await Promise.all([count('products'), count('variants'), count('stock_ledger')]);
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ price: '0' }, 'price', /Harga harus bilangan bulat antara Rp 1/],
    [{ price: '-5' }, 'price', /Harga harus/],
    [{ price: '1000000001' }, 'price', /Harga harus/],
    [{ price: '12.5' }, 'price', /Harga harus/],
    [{ weight_grams: '0' }, 'weight_grams', /Berat harus/],
    [{ category: 'senjata' }, 'category', /Pilih kategori/],
    [{ title: '' }, 'title', /Terlalu pendek|Wajib diisi/],
    [{ sku: 'a b<c' }, 'sku', /SKU hanya/],
  ];
  for (const [patch, field, message] of cases) {
    const res = await seller.form('/jual/produk', { ...form, ...patch });
    assert.equal(res.status, 422, `${field} ${JSON.stringify(patch)}`);
    const html = await res.text();
    assert.match(html, new RegExp(`id="f-${field}-err"`));
    assert.match(html, message);
  }
  assert.deepEqual(
    await Promise.all([count('products'), count('variants'), count('stock_ledger')]),
    before,
  );
});

test('HTML in text fields is stored as typed and shown escaped', async () => {
  const evil = '<script>alert(1)</script><b>Kopi</b>';
  const res = await seller.form('/jual/produk', {
    ...form,
    title: `Kopi ${evil}`,
    description: `Deskripsi ${evil} panjang`,
    category: 'kopi',
  });
  assert.equal(res.status, 303);
  const id = res.headers.get('location')!.split('/')[3].split('?')[0];
  const p = await w.h.db
    .selectFrom('products')
    .select(['title', 'description'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(p.title, `Kopi ${evil}`);
  const html = await (await seller.get(`/jual/produk/${id}`)).text();
  assert.ok(!html.includes('<script>alert(1)</script>'));
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
});

test('quick stock +/− goes through the ledger and never below zero', async () => {
  const res = await seller.form('/jual/produk', {
    ...form,
    title: 'Keripik Pisang',
    category: 'keripik',
    stock: '1',
  });
  const id = res.headers.get('location')!.split('/')[3].split('?')[0];
  const v = await w.h.db
    .selectFrom('variants')
    .select('id')
    .where('product_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}/stok`, { delta: '1', reason: 'restock' })).status,
    303,
  );
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}/stok`, { delta: '-2', reason: 'correction' })).status,
    303,
  );
  const refused = await seller.form(`/jual/varian/${v.id}/stok`, {
    delta: '-1',
    reason: 'correction',
  });
  assert.equal(refused.status, 409);
  assert.match(await refused.text(), /Stok tidak boleh kurang dari nol\. Stok sekarang: 0\./);
  // A restock cannot remove units.
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}/stok`, { delta: '-1', reason: 'restock' })).status,
    422,
  );
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}/stok`, { delta: '0', reason: 'restock' })).status,
    422,
  );
  const ledger = await w.h.db
    .selectFrom('stock_ledger')
    .select(['reason', 'delta_available'])
    .where('variant_id', '=', v.id)
    .orderBy('at')
    .orderBy('id')
    .execute();
  assert.deepEqual(
    ledger.map((l) => [l.reason, l.delta_available]),
    [
      ['initial', 1],
      ['restock', 1],
      ['correction', -2],
    ],
  );
  const s = await w.h.db
    .selectFrom('stock')
    .select('available')
    .where('variant_id', '=', v.id)
    .executeTakeFirstOrThrow();
  assert.equal(s.available, 0);
});

test('variants: add one, edit price; a duplicate SKU is refused', async () => {
  const res = await seller.form('/jual/produk', {
    ...form,
    title: 'Sambal Roa',
    category: 'sambal',
    sku: 'SMB-1',
  });
  const id = res.headers.get('location')!.split('/')[3].split('?')[0];
  assert.equal(
    (
      await seller.form(`/jual/produk/${id}/varian`, {
        label: '250 g',
        price: '18000',
        weight_grams: '300',
        sku: 'SMB-2',
        stock: '3',
      })
    ).status,
    303,
  );
  const dup = await seller.form(`/jual/produk/${id}/varian`, {
    label: '1 kg',
    price: '60000',
    weight_grams: '1100',
    sku: 'smb-1',
    stock: '1',
  });
  assert.equal(dup.status, 409);
  assert.match(await dup.text(), /SKU ini sudah dipakai/);
  const vs = await w.h.db
    .selectFrom('variants')
    .select(['id', 'sku'])
    .where('product_id', '=', id)
    .orderBy('sku')
    .execute();
  assert.deepEqual(
    vs.map((v) => v.sku),
    ['SMB-1', 'SMB-2'],
  );
  assert.equal(
    (
      await seller.form(`/jual/varian/${vs[1].id}`, {
        label: '250 g',
        price: '19000',
        weight_grams: '300',
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await w.h.db
        .selectFrom('variants')
        .select('price')
        .where('id', '=', vs[1].id)
        .executeTakeFirstOrThrow()
    ).price,
    19000,
  );
  assert.equal(
    (
      await seller.form(`/jual/varian/${vs[1].id}`, {
        label: '250 g',
        price: '0',
        weight_grams: '300',
      })
    ).status,
    422,
  );
  const doc = await w.h.db
    .selectFrom('product_search')
    .select(['price_min', 'price_max'])
    .where('product_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([doc.price_min, doc.price_max], [19000, 25000]);
});

test("another UMKM's product and variants are out of reach; nothing changes", async () => {
  const other = await w.as('seller', umkmB);
  const res = await other.form('/jual/produk', {
    ...form,
    title: 'Kopi Arabika Bajawa',
    category: 'kopi',
  });
  const id = res.headers.get('location')!.split('/')[3].split('?')[0];
  const v = await w.h.db
    .selectFrom('variants')
    .select('id')
    .where('product_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal((await seller.get(`/jual/produk/${id}`)).status, 404);
  const edit = await seller.form(`/jual/produk/${id}`, {
    title: 'Dibajak',
    description: 'Deskripsi yang dibajak orang lain.',
    category: 'kopi',
  });
  assert.equal(edit.status, 404);
  assert.match(await edit.text(), /bukan milik UMKM Anda/);
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}/stok`, { delta: '5', reason: 'restock' })).status,
    404,
  );
  assert.equal(
    (await seller.form(`/jual/varian/${v.id}`, { label: 'x', price: '1', weight_grams: '1' }))
      .status,
    404,
  );
  assert.equal(
    (await seller.form(`/jual/produk/${id}/varian`, { label: 'x', price: '1', weight_grams: '1' }))
      .status,
    404,
  );
  // Creating for a UMKM outside the seller's grants is refused too.
  const foreign = await seller.form('/jual/produk', { ...form, umkm_id: umkmB });
  assert.equal(foreign.status, 403);
  const p = await w.h.db
    .selectFrom('products')
    .select('title')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(p.title, 'Kopi Arabika Bajawa');
  assert.equal(
    (
      await w.h.db
        .selectFrom('stock')
        .select('available')
        .where('variant_id', '=', v.id)
        .executeTakeFirstOrThrow()
    ).available,
    12,
  );
  const mine = await (await seller.get('/jual/produk')).text();
  assert.ok(!mine.includes('Kopi Arabika Bajawa'));
});

test("a community manager sees its organisation's UMKM products, read-only", async () => {
  const cm = await w.as('community_manager', orgA);
  const html = await (await cm.get('/jual/produk')).text();
  assert.match(html, /Gula Aren Cetak 500 g/);
  assert.ok(!html.includes('Kopi Arabika Bajawa'));
  const id = (
    await w.h.db
      .selectFrom('products')
      .select('id')
      .where('umkm_id', '=', umkmA)
      .executeTakeFirstOrThrow()
  ).id;
  const page = await (await cm.get(`/jual/produk/${id}`)).text();
  assert.ok(!page.includes('/stok"'));
  assert.equal((await cm.form('/jual/produk', form)).status, 403);
});
