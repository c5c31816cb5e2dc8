// Photo upload through the JSON API (bearer token, multipart): a good photo is stored in three
// sizes and documented as multipart; every bad upload (type, size, dimensions, alt text, file,
// another UMKM) is problem+json with nothing stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { World } from '../../../test/support/world.js';
import {
  colour,
  createPhotoWorld,
  photoTools,
  type PhotoTools,
} from '../../../test/support/catalog-photos.js';
import { makeProduct } from '../../../test/support/catalog.js';

let w: World;
let uploadDir: string;
let umkm: string;
let token: string;
let otherToken: string;
let tools: PhotoTools;

before(async () => {
  const p = await createPhotoWorld();
  ({ w, uploadDir, umkm, token, otherToken } = p);
  tools = photoTools(p);
});
after(() => w.close());

const apiUpload: PhotoTools['apiUpload'] = (...a) => tools.apiUpload(...a);
const api: PhotoTools['api'] = (...a) => tools.api(...a);
const photoRows: PhotoTools['photoRows'] = (...a) => tools.photoRows(...a);
const filesOf: PhotoTools['filesOf'] = (...a) => tools.filesOf(...a);

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
