// The buyer's journey over the seeded demo, photographed for reviewers: home, search "kopi",
// a product page, the cart, checkout and tracking, at 360 px (phone, JavaScript off) and at
// 1280 px (desktop). The pictures land in .tmp/screenshots/ (git-ignored); the folder is
// printed at the end of the run. Along the way: every phone page fits 360 px and passes axe,
// and the desktop shows its navigation without opening a menu.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  serveWorld,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { seedDemo } from '../../src/seed/index.js';

const OUT = resolve(import.meta.dirname, '../../.tmp/screenshots');
let browser: Browser;
let s: Served;
before(async () => {
  mkdirSync(OUT, { recursive: true });
  browser = await launch();
  s = await serveWorld();
  await seedDemo(s.world.h);
});
after(async () => {
  await browser?.close();
  await s?.close();
  console.log(`screenshots of the buyer journey: ${OUT}`);
});

const SIZES = [
  { name: '360', options: { ...PHONE, javaScriptEnabled: false } },
  { name: '1280', options: { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false } },
] as const;

for (const size of SIZES) {
  test(`buyer journey at ${size.name} px: home, search "kopi", product, cart, checkout, tracking`, async (t) => {
    const ctx = await browser.newContext({ ...size.options, locale: 'id-ID' });
    const page = await ctx.newPage();
    const phone = size.name === '360';
    const shots: string[] = [];
    const shoot = async (step: string, p: Page = page) => {
      await p.waitForLoadState('networkidle');
      if (phone) {
        await assertFitsPhone(p, step);
        await assertAccessible(p, step);
      }
      const file = join(OUT, `${size.name}-${shots.length + 1}-${step}.png`);
      await p.screenshot({ path: file, fullPage: true });
      shots.push(file);
    };

    await page.goto(`${s.url}/`);
    const login = page.locator('header').getByRole('link', { name: 'Masuk' });
    if (phone) assert.equal(await login.count(), 0, 'on a phone the links wait behind the menu');
    else
      assert.ok(
        await login.isVisible(),
        'on a wide screen the navigation is visible without a click',
      );
    const cards = page.locator('.tile img');
    assert.ok((await cards.count()) >= 4, 'home product cards show photos');
    assert.match((await cards.first().getAttribute('alt')) ?? '', /^Ilustrasi demo/);
    assert.ok(
      await cards.first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the picture loads',
    );
    await shoot('home');

    await page.getByRole('searchbox', { name: 'Cari produk desa' }).fill('kopi');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    await page.waitForURL(/\/cari\?q=kopi/);
    assert.ok((await page.locator('.tile').count()) > 0, 'coffee is found');
    await shoot('search-kopi');

    await page.locator('.tile a').first().click();
    await page.waitForURL(/\/produk\//);
    await shoot('product');

    await page.getByRole('button', { name: 'Masukkan keranjang' }).click();
    await page.waitForURL(/\/keranjang/);
    await shoot('cart');

    await page.getByRole('link', { name: 'Lanjut ke pemesanan' }).click();
    await page.waitForURL(/\/pesan/);
    await shoot('checkout');

    const order = await s.world.h.db
      .selectFrom('orders')
      .select(['number', 'buyer_phone'])
      .where('buyer_phone', 'is not', null)
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    await page.goto(`${s.url}/lacak`);
    await shoot('tracking');
    await page.getByLabel('Nomor pesanan').fill(order.number);
    await page.getByLabel('Nomor HP pemesan').fill('0' + order.buyer_phone!.slice(3));
    await page.getByRole('button', { name: 'Lacak' }).click();
    await shoot('tracking-result');
    t.diagnostic(`screenshots: ${shots.join(', ')}`);
    await ctx.close();
  });
}
