// Page weight on EDGE, measured in real Chromium on a 360 px phone over the seeded demo: every
// storefront page is at most 14 KB gzip of HTML + CSS as transferred, and at most 100 KB in all
// (lazy images below the fold are not fetched), along the whole buy flow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page, Request } from 'playwright-core';
import { launch, serveWorld, PHONE, type Served } from './support.js';
import { seedDemo } from '../../src/seed/index.js';

let browser: Browser;
let s: Served;
before(async () => {
  browser = await launch();
  s = await serveWorld();
  await seedDemo(s.world.h);
});
after(async () => {
  await browser?.close();
  await s?.close();
});

interface Weight {
  total: number;
  htmlCss: number;
  images: number;
}

/** Bytes on the wire (headers + encoded body) of everything one navigation fetched. */
async function weigh(page: Page, go: () => Promise<unknown>): Promise<Weight> {
  const done: Request[] = [];
  const onDone = (r: Request) => done.push(r);
  page.on('requestfinished', onDone);
  await go();
  await page.waitForLoadState('networkidle');
  page.off('requestfinished', onDone);
  const w: Weight = { total: 0, htmlCss: 0, images: 0 };
  for (const r of done) {
    const z = await r.sizes();
    const bytes = z.responseBodySize + z.responseHeadersSize;
    w.total += bytes;
    if (r.resourceType() === 'document' || r.resourceType() === 'stylesheet')
      w.htmlCss += z.responseBodySize;
    if (r.resourceType() === 'image') w.images += 1;
  }
  return w;
}

test('every storefront page along the buy flow: ≤ 14 KB gzip HTML + CSS, ≤ 100 KB in all', async (t) => {
  const db = s.world.h.db;
  const product = await db
    .selectFrom('products')
    .select(['id', 'category'])
    .where('listed', '=', 1)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const village = await db
    .selectFrom('products')
    .innerJoin('umkm', 'umkm.id', 'products.umkm_id')
    .select('umkm.village_code')
    .where('products.listed', '=', 1)
    .groupBy('umkm.village_code')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .executeTakeFirstOrThrow();

  // A fresh context per page with the cache off: the stylesheet is counted on every page, as
  // for a first visit.
  const weights: [string, Weight][] = [];
  const measure = async (
    label: string,
    go: (p: Page) => Promise<unknown>,
    setup?: (p: Page) => Promise<void>,
  ) => {
    const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
    const page = await ctx.newPage();
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (setup) await setup(page);
    weights.push([label, await weigh(page, () => go(page))]);
    await ctx.close();
  };
  const visit = (path: string) => (p: Page) => p.goto(`${s.url}${path}`);
  const addToCart = async (p: Page) => {
    await p.goto(`${s.url}/produk/${product.id}`);
    await p
      .getByRole('button', { name: /keranjang/i })
      .first()
      .click();
    await p.waitForURL(/\/keranjang/);
  };
  await measure('home', visit('/'));
  await measure('search "kopi"', visit('/cari?q=kopi'));
  await measure('search "gula aren"', visit('/cari?q=gula+aren'));
  await measure('category', visit(`/kategori/${product.category}`));
  await measure('village', visit(`/desa/${village.village_code}`));
  await measure('product', visit(`/produk/${product.id}`));
  await measure('cart', visit('/keranjang'), addToCart);
  await measure('checkout', visit('/pesan'), addToCart);
  await measure('tracking', visit('/lacak'));

  const report = weights
    .map(
      ([l, w]) =>
        `${l}: ${(w.htmlCss / 1024).toFixed(1)} KB HTML+CSS, ${(w.total / 1024).toFixed(1)} KB total, ${w.images} images`,
    )
    .join('\n');
  t.diagnostic(report);
  for (const [label, w] of weights) {
    assert.ok(w.htmlCss <= 14 * 1024, `${label} HTML + CSS is over 14 KB on the wire\n${report}`);
    assert.ok(w.total <= 100 * 1024, `${label} transfers over 100 KB\n${report}`);
  }
  const pages = Object.fromEntries(weights);
  assert.ok(pages['search "kopi"'].images > 0, `the search page shows product photos\n${report}`);
});

test("a page served from the cache decodes in Chromium and its forms carry this visitor's own token", async () => {
  const visit = async () => {
    const ctx = await browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
    const page = await ctx.newPage();
    await page.goto(`${s.url}/`);
    return page;
  };
  const other = await visit();
  await other.goto(`${s.url}/cari?q=kopi`); // fills the cache with another visitor's token
  const page = await visit();
  const n0 = s.world.h.queryCount();
  const first = await page.goto(`${s.url}/cari?q=kopi`);
  assert.equal(s.world.h.queryCount(), n0, 'answered from the cache: nothing read');
  assert.equal(first!.headers()['content-encoding'], 'gzip');
  const token = (await page.context().cookies()).find((c) => c.name === 'lumbung_csrf')!.value;
  assert.equal(await page.locator('form.lang input[name="_csrf"]').getAttribute('value'), token);
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('html[lang="en"]').waitFor(); // the spliced token was accepted
  await other.context().close();
  await page.context().close();
});
