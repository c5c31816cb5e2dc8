// Photo management through the JSON API (bearer token) and the seller page (plain forms, no
// script): delete (every stored size is gone), reorder (the cover changes on the storefront card
// and product page), and another UMKM's photos out of reach with nothing changed. Upload is in
// photos-upload.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { World } from '../../../test/support/world.js';
import {
  createPhotoWorld,
  photoTools,
  type PhotoTools,
  type Seller,
} from '../../../test/support/catalog-photos.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { inTransaction } from '../../kernel/db/index.js';
import { attachStoredPhoto } from './photos.service.js';

let w: World;
let umkm: string;
let otherUmkm: string;
let seller: Seller;
let token: string;
let otherToken: string;
let tools: PhotoTools;

before(async () => {
  const p = await createPhotoWorld();
  ({ w, umkm, otherUmkm, seller, token, otherToken } = p);
  tools = photoTools(p);
});
after(() => w.close());

const api: PhotoTools['api'] = (...a) => tools.api(...a);
const photoRows: PhotoTools['photoRows'] = (...a) => tools.photoRows(...a);
const filesOf: PhotoTools['filesOf'] = (...a) => tools.filesOf(...a);
const productWithPhotos: PhotoTools['productWithPhotos'] = (...a) => tools.productWithPhotos(...a);

test('reorder: moving a photo to 0 makes it the cover on the product page and the storefront card; the product stays listed', async () => {
  const productId = await productWithPhotos('Kopi Sangrai Manggarai');
  const [a, b, c] = await photoRows(productId);
  const cover = async () => {
    const html = await (await w.client().get(`/produk/${productId}`)).text();
    const m = /<img [^>]*src="\/media\/(p\/pho_[0-9A-Z]+)-320\.webp"[^>]*data-cover="1"/.exec(html);
    const card = await (await w.client().get('/api/v1/products?q=manggarai')).json();
    return {
      page: m?.[1],
      card: card.items.find((i: { id: string }) => i.id === productId)?.photo?.stem,
    };
  };
  assert.deepEqual(await cover(), { page: a.path_stem, card: a.path_stem });
  const moved = await api(token, 'PATCH', `/api/v1/seller/products/${productId}/photos/${c.id}`, {
    position: 0,
  });
  assert.equal(moved.status, 200);
  assert.deepEqual(await moved.json(), {
    order: [c.id, a.id, b.id],
    listingState: 'listed',
    backToReview: false,
  });
  assert.deepEqual(
    (await photoRows(productId)).map((p) => [p.id, p.position]),
    [
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ],
  );
  assert.deepEqual(await cover(), { page: c.path_stem, card: c.path_stem });
  // On the page without script: "→" on the cover moves it to position 1, so a becomes the cover.
  const page = await (await seller.get(`/jual/produk/${productId}`)).text();
  assert.match(page, new RegExp(`action="/jual/produk/${productId}/photos/${c.id}/posisi"`));
  assert.match(page, /name="_csrf"/);
  const res = await seller.form(`/jual/produk/${productId}/photos/${c.id}/posisi`, {
    position: '1',
  });
  assert.equal(res.status, 303);
  assert.equal(res.headers.get('location'), `/jual/produk/${productId}?catatan=foto_dipindah#ph-h`);
  assert.match(
    await (await seller.get(res.headers.get('location')!)).text(),
    /Urutan foto disimpan\./,
  );
  assert.deepEqual(
    (await photoRows(productId)).map((p) => p.id),
    [a.id, c.id, b.id],
  );
  assert.deepEqual(await cover(), { page: a.path_stem, card: a.path_stem });
  // Out of range or not a number: refused with a message, nothing moves.
  const far = await api(token, 'PATCH', `/api/v1/seller/products/${productId}/photos/${a.id}`, {
    position: 3,
  });
  assert.equal(far.status, 422);
  assert.match(JSON.stringify(await far.json()), /0 sampai 2/);
  assert.equal(
    (await seller.form(`/jual/produk/${productId}/photos/${a.id}/posisi`, { position: 'kiri' }))
      .status,
    422,
  );
  assert.deepEqual(
    (await photoRows(productId)).map((p) => p.id),
    [a.id, c.id, b.id],
  );
  assert.deepEqual(
    await w.h.db
      .selectFrom('products')
      .select('listing_state')
      .where('id', '=', productId)
      .executeTakeFirstOrThrow(),
    { listing_state: 'listed' },
  );
});

test('delete: the row and every stored size go, the next photo becomes the cover (API and page)', async () => {
  const productId = await productWithPhotos('Kopi Luwak Liar');
  const [a, b, c] = await photoRows(productId);
  const del = await api(token, 'DELETE', `/api/v1/seller/products/${productId}/photos/${a.id}`);
  assert.equal(del.status, 200);
  assert.deepEqual(await del.json(), {
    photosLeft: 2,
    listingState: 'listed',
    backToReview: false,
  });
  for (const f of filesOf(a.path_stem)) assert.ok(!existsSync(f), `${f} removed`);
  for (const f of filesOf(b.path_stem)) assert.ok(existsSync(f));
  assert.deepEqual(
    (await photoRows(productId)).map((p) => [p.id, p.position]),
    [
      [b.id, 0],
      [c.id, 1],
    ],
  );
  assert.equal(
    (await api(token, 'DELETE', `/api/v1/seller/products/${productId}/photos/${a.id}`)).status,
    404,
  );
  const html = await (await w.client().get(`/produk/${productId}`)).text();
  assert.match(html, new RegExp(`src="/media/${b.path_stem}-320\\.webp"[^>]*data-cover="1"`));
  // Through the page's form (no script): a confirm step in <details>, then a plain post.
  const page = await (await seller.get(`/jual/produk/${productId}`)).text();
  assert.match(
    page,
    new RegExp(
      `<details><summary>Hapus</summary><form method="post" action="/jual/produk/${productId}/photos/${c.id}/hapus">`,
    ),
  );
  const res = await seller.form(`/jual/produk/${productId}/photos/${c.id}/hapus`, {});
  assert.equal(res.status, 303);
  assert.match(await (await seller.get(res.headers.get('location')!)).text(), /Foto dihapus\./);
  for (const f of filesOf(c.path_stem)) assert.ok(!existsSync(f));
  assert.deepEqual(
    (await photoRows(productId)).map((p) => p.id),
    [b.id],
  );
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', productId)
    .where('action', '=', 'catalog.photo.delete')
    .execute();
  assert.equal(audit.length, 2);
});

test('a stored file another product still uses (demo seed tiles) stays when one of them deletes it', async () => {
  const first = await productWithPhotos('Kopi Berbagi Foto');
  const [shared] = await photoRows(first);
  const { productId: second } = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Kedua',
    category: 'kopi',
  });
  await inTransaction(w.h.db, (tx) =>
    attachStoredPhoto(tx, second, {
      stem: shared.path_stem,
      alt: 'Gambar kategori',
      width: 640,
      height: 480,
    }),
  );
  assert.equal(
    (await api(token, 'DELETE', `/api/v1/seller/products/${first}/photos/${shared.id}`)).status,
    200,
  );
  for (const f of filesOf(shared.path_stem))
    assert.ok(existsSync(f), 'still used by the second product');
});

test("another UMKM's photos: delete and move refused (API and page), nothing changes", async () => {
  const productId = await productWithPhotos('Kopi Milik Yosef');
  const before = await photoRows(productId);
  const [a, b] = before;
  const intruder = await w.as('seller', otherUmkm);
  const refusals = [
    await api(otherToken, 'DELETE', `/api/v1/seller/products/${productId}/photos/${a.id}`),
    await api(otherToken, 'PATCH', `/api/v1/seller/products/${productId}/photos/${b.id}`, {
      position: 0,
    }),
    await api(otherToken, 'GET', `/api/v1/seller/products/${productId}/photos`),
    await intruder.form(`/jual/produk/${productId}/photos/${a.id}/hapus`, {}),
    await intruder.form(`/jual/produk/${productId}/photos/${b.id}/posisi`, { position: '0' }),
  ];
  for (const r of refusals) {
    assert.equal(r.status, 404);
    assert.match(await r.text(), /bukan milik UMKM Anda/);
  }
  // A photo id of another product under one's own product id is not found either.
  const mine = await productWithPhotos('Kopi Lain');
  assert.equal(
    (await api(token, 'DELETE', `/api/v1/seller/products/${mine}/photos/${a.id}`)).status,
    404,
  );
  assert.deepEqual(await photoRows(productId), before);
  for (const f of filesOf(a.path_stem)) assert.ok(existsSync(f));
  // Without a CSRF token the page form is refused.
  assert.equal(
    (await seller.form(`/jual/produk/${productId}/photos/${a.id}/hapus`, {}, { csrf: null }))
      .status,
    403,
  );
  assert.deepEqual(await photoRows(productId), before);
});
