// The public product page and photo uploads: listed only, story, village, BUMDes,
// certificates, WhatsApp link, the add-to-cart form, the statement budget and the gzip
// weight; uploads refused for wrong type, oversized and bad dimensions; photos served with
// caching headers in srcset.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { setListing } from './listing.js';
import { sniffImage } from './photos.service.js';

let w: World;
let umkm: string;
let productId: string;
let seller: Awaited<ReturnType<World['as']>>;
const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-photos-'));

const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 122, g: 62, b: 0 } } })
    .png()
    .toBuffer();

async function upload(
  client: typeof seller,
  id: string,
  file: { data: Uint8Array; name: string; type: string } | null,
  alt = 'Dua cetak gula aren di atas daun pisang',
) {
  const fd = new FormData();
  fd.set('_csrf', await client.csrf());
  fd.set('alt', alt);
  if (file) fd.set('photo', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  return client.fetch(`/jual/produk/${id}/photos`, { method: 'POST', body: fd });
}

before(async () => {
  w = await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploadDir } });
  const v = await anyVillage(w.h.db);
  const org = await makeOrganisation(w.h.db, { villageCode: v, name: 'BUMDes Mawar' });
  umkm = await makeUmkm(w.h.db, {
    villageCode: v,
    organisationId: org,
    name: 'Gula Aren Ibu Sari',
    phone: '+6281234567890',
  });
  await w.h.db
    .updateTable('umkm')
    .set({ story: 'Ibu Sari menyadap nira aren setiap pagi <b>sejak 1998</b>.' })
    .where('id', '=', umkm)
    .execute();
  await w.h.db
    .insertInto('certifications')
    .values([
      {
        id: newId('crt'),
        umkm_id: umkm,
        kind: 'pirt',
        number: '2065309010123-29',
        issued_on: '2024-01-01',
        expires_on: '2029-01-01',
        created_at: nowIso(),
      },
      {
        id: newId('crt'),
        umkm_id: umkm,
        kind: 'halal_self_declare',
        number: 'ID-OLD-1',
        issued_on: '2019-01-01',
        expires_on: '2023-01-01',
        created_at: nowIso(),
      },
    ])
    .execute();
  productId = (
    await makeProduct(w.h, { umkmId: umkm, title: 'Gula Aren Cetak 500 g', price: 25000, stock: 4 })
  ).productId;
  seller = await w.as('seller', umkm);
});
after(() => w.close());

test('magic bytes decide the type, not the name', () => {
  assert.equal(sniffImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'jpeg');
  assert.equal(sniffImage(new TextEncoder().encode('GIF89a....')), null);
  assert.equal(
    sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>')),
    null,
  );
  assert.equal(sniffImage(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')), 'webp');
});

test('uploads: wrong type, fake extension, oversized, too small, no alt, no file → refused, nothing stored', async () => {
  const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///ywAAAAAAQABAAACAUwAOw==', 'base64');
  const cases: [Awaited<ReturnType<typeof upload>>, number, RegExp][] = [
    [
      await upload(seller, productId, { data: gif, name: 'foto.jpg', type: 'image/jpeg' }),
      422,
      /JPEG, PNG atau WebP/,
    ],
    [
      await upload(seller, productId, {
        data: new TextEncoder().encode('<script>alert(1)</script>'),
        name: 'x.png',
        type: 'image/png',
      }),
      422,
      /JPEG, PNG atau WebP/,
    ],
    [
      await upload(seller, productId, {
        data: await png(150, 400),
        name: 'kecil.png',
        type: 'image/png',
      }),
      422,
      /antara 200 dan 6000 piksel/,
    ],
    [
      await upload(seller, productId, {
        data: new Uint8Array(5 * 1024 * 1024 + 10).fill(0xff),
        name: 'besar.jpg',
        type: 'image/jpeg',
      }),
      413,
      /terlalu besar \(maksimal 5 MB\)/,
    ],
    [
      await upload(
        seller,
        productId,
        { data: await png(400, 400), name: 'a.png', type: 'image/png' },
        '',
      ),
      422,
      /keterangan foto/,
    ],
    [await upload(seller, productId, null), 422, /Pilih file foto/],
  ];
  for (const [res, status, message] of cases) {
    assert.equal(res.status, status);
    assert.match(await res.text(), message);
  }
  assert.equal((await w.h.db.selectFrom('photos').selectAll().execute()).length, 0);
  assert.deepEqual(readdirSync(uploadDir), []);
  // Another seller cannot add photos to this product.
  const other = await w.as(
    'seller',
    await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db) }),
  );
  assert.equal(
    (
      await upload(other, productId, {
        data: await png(400, 400),
        name: 'a.png',
        type: 'image/png',
      })
    ).status,
    404,
  );
});

test('a good photo becomes three small WebP sizes, served with long caching', async () => {
  const jpeg = await sharp({
    create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 150, b: 60 } },
  })
    .jpeg()
    .toBuffer();
  const res = await upload(seller, productId, {
    data: jpeg,
    name: 'IMG_2026.JPG',
    type: 'image/jpeg',
  });
  assert.equal(res.status, 303);
  const ph = await w.h.db
    .selectFrom('photos')
    .selectAll()
    .where('product_id', '=', productId)
    .executeTakeFirstOrThrow();
  assert.equal(ph.alt, 'Dua cetak gula aren di atas daun pisang');
  assert.deepEqual([ph.width, ph.height], [640, 480]);
  const files = readdirSync(join(uploadDir, 'p')).sort();
  assert.equal(files.length, 3);
  for (const f of files) assert.equal(sniffImage(readFileSync(join(uploadDir, 'p', f))), 'webp');
  assert.ok(
    readFileSync(join(uploadDir, 'p', files.find((f) => f.endsWith('-320.webp'))!)).length < 20_000,
  );
  const img = await w.client().get(`/media/${ph.path_stem}-320.webp`);
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/webp');
  assert.match(img.headers.get('cache-control')!, /max-age=31536000, immutable/);
  assert.equal((await w.client().get('/media/../../etc/passwd')).status, 404);
  assert.equal((await w.client().get(`/media/${ph.path_stem}-999.webp`)).status, 404);
  // A new photo on a listed product is content no reviewer has seen: back to review (edit-review.ts).
  const after = await w.h.db
    .selectFrom('products')
    .select('listing_state')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  assert.equal(after.listing_state, 'in_review');
  assert.match(res.headers.get('location')!, /catatan=dinilai_ulang/);
  // The reviewer's approval, as the innovation centre would write it, lists it again for the page tests below.
  await inTransaction(w.h.db, (tx) => setListing(tx, productId, 'listed', null));
});

test('the public product page: story, village, BUMDes, valid certificates, WhatsApp, cart form; ≤ 6 statements, ≤ 14 KB gzip', async () => {
  const c = w.client();
  await c.csrf();
  const n = w.h.queryCount();
  const res = await c.get(`/produk/${productId}`);
  assert.ok(w.h.queryCount() - n <= 6, `statements: ${w.h.queryCount() - n}`);
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<h1>Gula Aren Cetak 500 g<\/h1>/);
  assert.match(html, /Rp\s?25\.000/);
  assert.match(html, /Tersedia 4/);
  assert.match(html, /Gula Aren Ibu Sari/);
  assert.match(html, /BUMDes Mawar/);
  assert.match(html, /Ngada/);
  assert.match(html, /sejak 1998/);
  assert.ok(!html.includes('<b>sejak'), 'story shown escaped');
  assert.match(html, /data-cert="pirt"/);
  assert.ok(!html.includes('ID-OLD-1'), 'expired certificate not shown');
  assert.match(html, /href="https:\/\/wa\.me\/6281234567890"/);
  assert.match(html, /<form method="post" action="\/keranjang"/);
  assert.match(html, /name="variant_id"/);
  assert.match(html, /name="qty"/);
  assert.match(html, /name="_csrf"/);
  assert.match(
    html,
    /srcset="\/media\/p\/pho_[^"]+-160\.webp 160w, [^"]+-320\.webp 320w, [^"]+-640\.webp 640w"/,
  );
  // The one photo is the cover: marked, and not lazy (it is above the fold).
  assert.match(html, /<img [^>]*data-cover="1"/);
  assert.ok(!/<img [^>]*loading="lazy"[^>]*data-cover/.test(html));
  const css = readFileSync('web/app.css');
  const size = gzipSync(html).length + gzipSync(css).length;
  assert.ok(size <= 14 * 1024, `HTML+CSS gzip ${size} bytes`);
  const api = await (await c.get(`/api/v1/products/${productId}`)).json();
  assert.equal(api.variants[0].price, 25000);
  assert.equal(api.photos[0].sizes.length, 3);
});

test('unlisted, unknown and malformed product ids are 404 on page and API', async () => {
  const hidden = await makeProduct(w.h, { umkmId: umkm, title: 'Belum Tayang', listed: false });
  for (const path of [
    `/produk/${hidden.productId}`,
    `/api/v1/products/${hidden.productId}`,
    `/produk/${newId('prd')}`,
    '/produk/bukan-id',
    '/api/v1/products/x',
  ]) {
    assert.equal((await w.client().get(path)).status, 404, path);
  }
});
