// The accessibility check itself: every journey page relies on `assertAccessible` failing when
// axe finds a serious or critical violation, so it is attacked here with a page that has some,
// on a JavaScript-off phone as the journeys use it. The check's page is kept between checks
// (support.ts), so a good page checked after a failing one must still pass.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { launch, serveWorld, assertAccessible, PHONE, type Served } from './support.js';

let browser: Browser;
let served: Served;

before(async () => {
  browser = await launch();
  served = await serveWorld();
});
after(async () => {
  await browser?.close();
  await served?.close();
});

const BAD = `<!doctype html><html lang="id"><head><title>Rusak</title></head><body><main>
  <h1>Halaman rusak</h1>
  <img src="/favicon.ico">
  <form method="post"><input name="nama"><button></button></form>
</main></body></html>`;

test('a page with unlabelled fields and an image without text fails the check; the next good page passes', async () => {
  const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
  const page = await ctx.newPage();
  await page.goto(`${served.url}/`);
  await assertAccessible(page, 'home');

  await page.setContent(BAD);
  await assert.rejects(assertAccessible(page, 'broken page'), (e: Error) => {
    assert.match(e.message, /accessibility violations on broken page/);
    for (const rule of ['image-alt', 'label', 'button-name'])
      assert.match(e.message, new RegExp(rule));
    return true;
  });

  await page.goto(`${served.url}/cari?q=kopi`);
  await assertAccessible(page, 'search after a failed check');
  await ctx.close();
});
