// Photo management through the JSON API (bearer token, multipart) and the seller page (plain
// forms, no script): upload with the same checks as the page, delete (every stored size is
// gone), reorder (the cover changes on the storefront card and product page), and another
// UMKM's photos out of reach with nothing changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { createToken } from '../accounts/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { attachStoredPhoto } from './photos.service.js';
import { setListing } from './listing.js';
import { PHOTO_WIDTHS } from './photo-urls.js';

let w: World;
let umkm: string;
let otherUmkm: string;
let seller: Awaited<ReturnType<World['as']>>;
let token: string;
let otherToken: string;
const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-photo-api-'));

const colour = (r: number, g: number, b: number, width = 400, height = 300) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } });

async function tokenFor(client: Awaited<ReturnType<World['as']>>): Promise<string> {
  const grant = await w.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', client.userId)
    .executeTakeFirstOrThrow();
  return unwrap(await createToken(w.h.db, { userId: client.userId } as Actor, 'foto', grant.id))
    .token;
}

async function apiUpload(
  tok: string,
  productId: string,
  file: { data: Uint8Array; name: string; type: string } | null,
  alt: string | null = 'Kopi sangrai dalam toples kaca',
) {
  const fd = new FormData();
  if (alt !== null) fd.set('alt', alt);
  if (file) fd.set('photo', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return w.client().fetch(`/api/v1/seller/products/${productId}/photos`, {
    method: 'POST',
    body: fd,
    headers: { authorization: `Bearer ${tok}` },
  });
}

const api = (tok: string, method: string, path: string, body?: unknown) =>
  w.client().fetch(path, {
    method,
    headers: {
      authorization: `Bearer ${tok}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });

const photoRows = (productId: string) =>
  w.h.db
    .selectFrom('photos')
    .select(['id', 'position', 'path_stem', 'alt'])
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
const filesOf = (stem: string) => PHOTO_WIDTHS.map((wd) => join(uploadDir, `${stem}-${wd}.webp`));

/** A listed product with three photos uploaded through the API (then listed again, as a reviewer would). */
async function productWithPhotos(title: string) {
  const { productId } = await makeProduct(w.h, {
    umkmId: umkm,
    title,
    category: 'kopi',
    listed: false,
  });
  for (const [i, c] of [
    [200, 30, 30],
    [30, 200, 30],
    [30, 30, 200],
  ].entries()) {
    const res = await apiUpload(
      token,
      productId,
      {
        data: await colour(c[0], c[1], c[2]).jpeg().toBuffer(),
        name: `f${i}.jpg`,
        type: 'image/jpeg',
      },
      `Foto ${i + 1} ${title}`,
    );
    assert.equal(res.status, 201);
  }
  await inTransaction(w.h.db, (tx) => setListing(tx, productId, 'listed', null));
  return productId;
}

before(async () => {
  w = await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploadDir } });
  const v = await anyVillage(w.h.db);
  umkm = await makeUmkm(w.h.db, {
    villageCode: v,
    organisationId: await makeOrganisation(w.h.db, { villageCode: v }),
    name: 'Kopi Pak Yosef',
  });
  otherUmkm = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '35.10', 0),
    name: 'Dapur Lain',
  });
  seller = await w.as('seller', umkm);
  token = await tokenFor(seller);
  otherToken = await tokenFor(await w.as('seller', otherUmkm));
});
after(() => w.close());

test('API upload: a good photo is stored in three sizes; the spec documents it as multipart', async () => {
  const { productId } = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Arabika Bajawa',
    category: 'kopi',
    listed: false,
  });
  const res = await apiUpload(token, productId, {
    data: await colour(120, 70, 20, 1600, 1200).webp().toBuffer(),
    name: 'kopi.webp',
    type: 'image/webp',
  });
  assert.equal(res.status, 201);
  const body = await res.json();
  assert.match(body.id, /^pho_/);
  assert.equal(body.position, 0);
  assert.equal(body.alt, 'Kopi sangrai dalam toples kaca');
  assert.deepEqual([body.width, body.height], [640, 480]);
  assert.deepEqual(
    body.sizes.map((s: { width: number }) => s.width),
    [160, 320, 640],
  );
  assert.deepEqual([body.listingState, body.backToReview], ['not_reviewed', false]);
  const [row] = await photoRows(productId);
  for (const f of filesOf(row.path_stem)) assert.ok(existsSync(f), f);
  const list = await (
    await api(token, 'GET', `/api/v1/seller/products/${productId}/photos`)
  ).json();
  assert.deepEqual(
    list.items.map((p: { id: string }) => p.id),
    [body.id],
  );

  const spec = await (await w.client().get('/api/openapi.json')).json();
  const upload = spec.paths['/api/v1/seller/products/{id}/photos'].post;
  assert.ok(upload.requestBody.content['multipart/form-data'], 'multipart body documented');
  assert.equal(
    upload.requestBody.content['multipart/form-data'].schema.properties.photo.format,
    'binary',
  );
  assert.ok(spec.paths['/api/v1/seller/products/{id}/photos'].get);
  assert.ok(spec.paths['/api/v1/seller/products/{id}/photos/{photoId}'].delete);
  assert.ok(spec.paths['/api/v1/seller/products/{id}/photos/{photoId}'].patch);
});

test('API upload: wrong type, oversized, bad dimensions, no alt, no file, other UMKM → problem+json, nothing stored', async () => {
  const { productId } = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Kopi Robusta',
    category: 'kopi',
    listed: false,
  });
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
  const before = readdirSync(join(uploadDir, 'p')).length;
  const cases: [Response, number, string, RegExp][] = [
    [
      await apiUpload(token, productId, { data: gif, name: 'kopi.jpg', type: 'image/jpeg' }),
      415,
      'CATALOG_PHOTO_TYPE',
      /JPEG, PNG atau WebP/,
    ],
    [
      await apiUpload(token, productId, {
        data: new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        name: 'x.png',
        type: 'image/png',
      }),
      415,
      'CATALOG_PHOTO_TYPE',
      /JPEG, PNG atau WebP/,
    ],
    [
      await apiUpload(token, productId, {
        data: new Uint8Array(5 * 1024 * 1024 + 1).fill(0xff),
        name: 'besar.jpg',
        type: 'image/jpeg',
      }),
      413,
      'CATALOG_PHOTO_TOO_LARGE',
      /maksimal 5 MB/,
    ],
    [
      await apiUpload(token, productId, {
        data: await colour(1, 2, 3, 150, 400).png().toBuffer(),
        name: 'kecil.png',
        type: 'image/png',
      }),
      422,
      'CATALOG_PHOTO_DIMENSIONS',
      /antara 200 dan 6000/,
    ],
    [
      await apiUpload(
        token,
        productId,
        { data: await colour(1, 2, 3).png().toBuffer(), name: 'a.png', type: 'image/png' },
        'x',
      ),
      422,
      'VALIDATION_FAILED',
      /keterangan foto/,
    ],
    [await apiUpload(token, productId, null), 422, 'VALIDATION_FAILED', /Pilih file foto/],
    [
      await apiUpload(otherToken, productId, {
        data: await colour(1, 2, 3).png().toBuffer(),
        name: 'a.png',
        type: 'image/png',
      }),
      404,
      'CATALOG_PRODUCT_NOT_FOUND',
      /bukan milik UMKM Anda/,
    ],
  ];
  for (const [res, status, code, message] of cases) {
    assert.equal(res.status, status, code);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const p = await res.json();
    assert.equal(p.code, code);
    assert.match(JSON.stringify(p), message);
  }
  // A JSON body to the multipart endpoint is a missing file, not a server error.
  const json = await api(token, 'POST', `/api/v1/seller/products/${productId}/photos`, {
    alt: 'Kopi',
  });
  assert.equal(json.status, 422);
  assert.match(JSON.stringify(await json.json()), /Pilih file foto/);
  // English for an English client.
  const en = await w.client().fetch(`/api/v1/seller/products/${productId}/photos`, {
    method: 'POST',
    body: (() => {
      const fd = new FormData();
      fd.set('alt', 'Kopi dalam toples');
      fd.set('photo', new Blob([gif]), 'a.gif');
      return fd;
    })(),
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
  });
  assert.match(JSON.stringify(await en.json()), /must be JPEG, PNG or WebP/);
  assert.deepEqual(await photoRows(productId), []);
  assert.equal(readdirSync(join(uploadDir, 'p')).length, before, 'no files left behind');
});

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
