// The storefront's look, as served HTML: the home page offers a search box and shows each
// market-ready product as a card with its photo (the small 160/320 px WebP only), and the
// shell carries the navigation both as a bar for wide screens and as a menu for phones.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { anyVillage, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { attachStoredPhoto } from '../../src/domains/catalog/index.js';
import { inTransaction } from '../../src/kernel/db/index.js';

let w: World;
before(async () => {
  w = await createWorld();
  const umkm = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '53.09'),
    name: 'Gula Aren Ibu Sari',
  });
  const { productId } = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Gula Aren Cetak 500 g',
    price: 25000,
  });
  await inTransaction(w.h.db, (tx) =>
    attachStoredPhoto(tx, productId, {
      stem: 'p/pho_01JDEMOPICTURE0000000000AA',
      alt: 'Gula aren cetak dalam pouch',
      width: 640,
      height: 640,
    }),
  );
});
after(() => w.close());

test('the home page has a search box that opens the search results', async () => {
  const html = await (await w.client().get('/')).text();
  const form = html.match(
    /<form method="get" action="\/cari" role="search"[^>]*>([\s\S]*?)<\/form>/,
  );
  assert.ok(form, 'a search form to /cari');
  assert.match(form[1], /<label for="f-q">Cari produk desa<\/label>/);
  assert.match(form[1], /<input id="f-q" name="q" type="search"/);
});

test('home product cards show the product photo in the 160/320 px WebP sizes', async () => {
  const html = await (await w.client().get('/')).text();
  const tile = html.match(/<li class="tile">([\s\S]*?)<\/li>/)?.[1] ?? '';
  assert.match(tile, /Gula Aren Cetak 500 g/);
  const img = tile.match(/<img [^>]*>/)?.[0] ?? '';
  assert.match(img, /alt="Gula aren cetak dalam pouch"/);
  assert.match(
    img,
    /srcset="\/media\/p\/pho_01JDEMOPICTURE0000000000AA-160\.webp 160w, \/media\/p\/pho_01JDEMOPICTURE0000000000AA-320\.webp 320w"/,
  );
  assert.ok(!img.includes('-640.webp'), 'a card never asks for the 640 px size');
  assert.match(img, /loading="lazy"/);
});

test('the navigation is a bar outside the phone menu, so wide screens show it without a click', async () => {
  const html = await (await w.client().get('/')).text();
  const bar = html.match(/<nav class="bar" aria-label="Menu">([\s\S]*?)<\/nav>/);
  assert.ok(bar, 'a navigation bar in the header');
  assert.match(bar[1], /<a href="\/login">Masuk<\/a>/);
  assert.match(html, /<details class="menu"><summary>Menu<\/summary><nav aria-label="Menu">/);
});
