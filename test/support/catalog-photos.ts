// What the photo tests share: a world whose uploads go to a fresh temporary folder, with a
// seller holding a bearer token and another UMKM holding its own, and the requests and reads
// the tests make (multipart upload, JSON calls, the photo rows and stored files of a product).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import sharp from 'sharp';
import { apiToken, createWorld, type World } from './world.js';
import { anyVillage, makeOrganisation, makeUmkm } from './community.js';
import { makeProduct } from './catalog.js';
import { inTransaction } from '../../src/kernel/db/index.js';
import { setListing } from '../../src/domains/catalog/index.js';
import { PHOTO_WIDTHS } from '../../src/domains/catalog/index.js';

export type Seller = Awaited<ReturnType<World['as']>>;
export interface PhotoWorld {
  w: World;
  uploadDir: string;
  umkm: string;
  otherUmkm: string;
  seller: Seller;
  token: string;
  otherToken: string;
}

export const colour = (r: number, g: number, b: number, width = 400, height = 300) =>
  sharp({ create: { width, height, channels: 3, background: { r, g, b } } });

const tokenFor = async (w: World, client: Seller) =>
  (await apiToken(w, client.userId, 'foto')).token;

export async function createPhotoWorld(): Promise<PhotoWorld> {
  const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-photo-api-'));
  const w = await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploadDir } });
  const v = await anyVillage(w.h.db);
  const umkm = await makeUmkm(w.h.db, {
    villageCode: v,
    organisationId: await makeOrganisation(w.h.db, { villageCode: v }),
    name: 'Kopi Pak Yosef',
  });
  const otherUmkm = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '35.10', 0),
    name: 'Dapur Lain',
  });
  const seller = await w.as('seller', umkm);
  const token = await tokenFor(w, seller);
  const otherToken = await tokenFor(w, await w.as('seller', otherUmkm));
  return { w, uploadDir, umkm, otherUmkm, seller, token, otherToken };
}

export type PhotoTools = ReturnType<typeof photoTools>;

/** The requests and reads of the photo tests, on one photo world. */
export function photoTools(p: PhotoWorld) {
  const { w, uploadDir } = p;
  async function apiUpload(
    tok: string,
    productId: string,
    file: { data: Uint8Array; name: string; type: string } | null,
    alt: string | null = 'Kopi sangrai dalam toples kaca',
  ) {
    const fd = new FormData();
    if (alt !== null) fd.set('alt', alt);
    if (file)
      fd.set('photo', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
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
      umkmId: p.umkm,
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
        p.token,
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
  return { apiUpload, api, photoRows, filesOf, productWithPhotos };
}
