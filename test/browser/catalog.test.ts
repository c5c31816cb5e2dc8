// Catalog in a real browser at 360 px: a seller adds a product with a photo in two steps;
// a visitor finds a listed product by searching "aren" and opens its page; with JavaScript
// off, a seller of a listed product adds photos (sent back to review, with a notice), makes
// another photo the cover and deletes one. Every page fits the phone and passes axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { createWorld } from '../support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { setListing } from '../../src/domains/catalog/index.js';
import { inTransaction } from '../../src/kernel/db/index.js';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';

let browser: Browser;
let served: Served;
let umkm: string;
const uploads = mkdtempSync(join(tmpdir(), 'lumbung-browser-photos-'));

before(async () => {
  browser = await launch();
  served = await serveWorld(await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploads } }));
  const db = served.world.h.db;
  const v = await anyVillage(db);
  const org = await makeOrganisation(db, { villageCode: v, name: 'BUMDes Radabata' });
  umkm = await makeUmkm(db, {
    villageCode: v,
    organisationId: org,
    name: 'Dapur Ibu Sari',
    phone: '+6281234567890',
  });
  await makeProduct(served.world.h, {
    umkmId: umkm,
    title: 'Gula Aren Cetak 500 g',
    category: 'gula-aren',
    price: 25000,
  });
  await makeProduct(served.world.h, {
    umkmId: umkm,
    title: 'Keripik Pisang',
    category: 'keripik',
    price: 15000,
    description: 'Pisang kepok digoreng renyah.',
  });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

test('a seller adds a product with a photo on a 360 px phone', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await signIn(page, served, 'seller', umkm);
  await page.goto(`${served.url}/jual/produk/baru`);
  await assertFitsPhone(page, 'new product form');
  await assertAccessible(page, 'new product form');
  await page.fill('#f-title', 'Gula Semut Aren 250 g');
  await page.selectOption('#f-category', 'gula-aren');
  await page.fill('#f-description', 'Gula semut dari nira aren, kering dan mudah larut.');
  await page.fill('#f-variant_label', '250 g');
  await page.fill('#f-price', '2000000000');
  await page.fill('#f-weight_grams', '280');
  await page.fill('#f-stock', '8');
  await page.click('button.primary');
  // An absurd price (over Rp 1 billion) is refused beside the field.
  await page.waitForSelector('#f-price-err');
  assert.match((await page.textContent('#f-price-err')) ?? '', /Harga harus|The price must/);
  await page.fill('#f-price', '18000');
  await page.click('button.primary');
  await page.waitForURL(/\/jual\/produk\/prd_.+\?langkah=2/);
  await assertFitsPhone(page, 'manage product');
  await assertAccessible(page, 'manage product');
  const file = join(uploads, 'hp-foto.jpg');
  writeFileSync(
    file,
    await sharp({
      create: { width: 1200, height: 900, channels: 3, background: { r: 150, g: 90, b: 30 } },
    })
      .jpeg()
      .toBuffer(),
  );
  await page.setInputFiles('#f-photo', file);
  await page.fill('#f-alt', 'Gula semut dalam kemasan standing pouch');
  await page.click('form[enctype] button.primary');
  await page.waitForSelector('img[alt="Gula semut dalam kemasan standing pouch"]');
  // Quick stock + works without script.
  await page.click('button[aria-label^="Tambah 1 stok"], button[aria-label^="Add 1 to stock"]');
  await page.waitForSelector('[data-testid="stock"]');
  assert.equal(await page.textContent('[data-testid="stock"]'), '9');
  await assertAccessible(page, 'manage product with photo');
  await ctx.close();
});

test('a visitor searches "aren" and opens the listed product', async () => {
  const ctx = await browser.newContext(PHONE);
  const page = await ctx.newPage();
  await page.goto(`${served.url}/cari`);
  await page.fill('#f-q', 'aren');
  await page.click('form[role="search"] button.primary');
  await page.waitForURL(/\/cari\?q=aren/);
  await assertFitsPhone(page, 'search results');
  await assertAccessible(page, 'search results');
  const titles = await page.locator('.tile strong').allTextContents();
  assert.deepEqual(
    titles,
    ['Gula Aren Cetak 500 g'],
    'only the listed product (the new one is not reviewed yet)',
  );
  await page.click('.tile a');
  await page.waitForSelector('h1');
  assert.equal(await page.textContent('h1'), 'Gula Aren Cetak 500 g');
  assert.ok(await page.locator('form[action="/keranjang"] select[name="variant_id"]').count());
  assert.equal(
    await page.getAttribute('a[href^="https://wa.me/"]', 'href'),
    'https://wa.me/6281234567890',
  );
  await assertFitsPhone(page, 'product page');
  await assertAccessible(page, 'product page');
  await ctx.close();
});

test('with JavaScript off, a seller reorders and deletes photos; the cover follows on the product page', async () => {
  const { productId } = await makeProduct(served.world.h, {
    umkmId: umkm,
    title: 'Kopi Arabika Bajawa',
    category: 'kopi',
    price: 60000,
  });
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await signIn(page, served, 'seller', umkm);
  await page.goto(`${served.url}/jual/produk/${productId}`);
  // Listed: the seller is told which edits take it off the market.
  assert.match((await page.textContent('[data-testid="review-warning"]')) ?? '', /dinilai ulang/);
  for (const [i, rgb] of [
    [0, { r: 160, g: 40, b: 20 }],
    [1, { r: 20, g: 120, b: 40 }],
  ] as const) {
    const file = join(uploads, `kopi-${i}.png`);
    writeFileSync(
      file,
      await sharp({ create: { width: 800, height: 600, channels: 3, background: rgb } })
        .png()
        .toBuffer(),
    );
    await page.setInputFiles('#f-photo', file);
    await page.fill('#f-alt', `Biji kopi sangrai foto ${i + 1}`);
    await page.click('form[enctype] button.primary');
    await page.waitForSelector(`img[alt="Biji kopi sangrai foto ${i + 1}"]`);
    if (i === 0)
      assert.match(
        (await page.textContent('p.notice[role="status"]')) ?? '',
        /masuk penilaian ulang/,
      );
  }
  // The first new photo sent the listed product back to review; the notice said so after the redirect.
  const state = await served.world.h.db
    .selectFrom('products')
    .select('listing_state')
    .where('id', '=', productId)
    .executeTakeFirstOrThrow();
  assert.equal(state.listing_state, 'in_review');
  // A reviewer approves again (as the innovation centre writes it).
  await inTransaction(served.world.h.db, (tx) => setListing(tx, productId, 'listed', null));
  await page.goto(`${served.url}/jual/produk/${productId}`);
  await assertFitsPhone(page, 'manage photos');
  await assertAccessible(page, 'manage photos');
  const alts = () =>
    page
      .locator('[data-testid="photos"] img')
      .evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt')));
  assert.deepEqual(await alts(), ['Biji kopi sangrai foto 1', 'Biji kopi sangrai foto 2']);
  await page.click('button[aria-label="Jadikan foto 2 sampul"]');
  await page.waitForSelector('p.notice[role="status"]');
  assert.match((await page.textContent('p.notice[role="status"]')) ?? '', /Urutan foto disimpan/);
  assert.deepEqual(await alts(), ['Biji kopi sangrai foto 2', 'Biji kopi sangrai foto 1']);
  // Reordering keeps it listed; the visitor's product page shows the new cover first.
  const visitor = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
  const pp = await visitor.newPage();
  await pp.goto(`${served.url}/produk/${productId}`);
  assert.equal(await pp.getAttribute('img[data-cover="1"]', 'alt'), 'Biji kopi sangrai foto 2');
  // Delete the new cover: a confirm step in <details>, then a plain post.
  await page.click('[data-photo] >> nth=0 >> summary');
  await page.click('button[aria-label="Hapus foto 1"]');
  await page.waitForSelector('p.notice[role="status"]');
  assert.match((await page.textContent('p.notice[role="status"]')) ?? '', /Foto dihapus/);
  assert.deepEqual(await alts(), ['Biji kopi sangrai foto 1']);
  await pp.goto(`${served.url}/produk/${productId}`);
  assert.equal(await pp.getAttribute('img[data-cover="1"]', 'alt'), 'Biji kopi sangrai foto 1');
  await assertAccessible(page, 'manage photos after delete');
  await visitor.close();
  await ctx.close();
});
