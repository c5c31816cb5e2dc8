// Mas Bagus's day without signal (issue 18), in real Chromium on a 360 px phone: the console
// is loaded once with signal (service worker, catalogue and parcel snapshots), then the phone
// goes offline (`context.setOffline(true)`); he takes two assisted orders, scans two parcels in
// and hands one over against the buyer's code; the page is reloaded offline and the work is
// still there. Meanwhile the last "Cangkul Besi" sells online. Back online, the first sync is
// cut after the server committed (the phone never hears); the next sync completes with the
// stored answers; the same sync sent again creates nothing. The server holds each effect once,
// the sold-out order is refused with its reason and advice, the rest applied.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  launch,
  serveWorld,
  signIn,
  assertAccessible,
  assertFitsPhone,
  PHONE,
  type Served,
} from './support.js';
import { makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { makeOrder } from '../support/orders.js';
import { makeNetwork, type TestNetwork } from '../support/logistics.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { parcelsForOrder, recordScan } from '../../src/domains/logistics/index.js';
import { flushOrderEvents } from '../../src/domains/orders/index.js';
import { hashPassword } from '../../src/kernel/auth/index.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorld } from '../support/world.js';
import {
  attachStoredPhoto,
  photoUrl,
  processPhoto,
  storePhoto,
} from '../../src/domains/catalog/index.js';

let browser: Browser;
let s: Served;
let net: TestNetwork;
let village: string;
let cangkul: { productId: string; variantId: string };
let umkm: string;
let pupukPhoto: string;
before(async () => {
  browser = await launch();
  const uploadDir = mkdtempSync(join(tmpdir(), 'lumbung-agent-photos-'));
  s = await serveWorld(await createWorld({ env: { LUMBUNG_UPLOAD_DIR: uploadDir } }));
  net = await makeNetwork(s.world.h.db, { points: 3 });
  village = (
    await s.world.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[1])
      .executeTakeFirstOrThrow()
  ).village_code;
  umkm = await makeUmkm(s.world.h.db, { villageCode: village, name: 'Toko Tani Kemiren' });
  const pupuk = await makeProduct(s.world.h, {
    umkmId: umkm,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 20,
  });
  // A real photo (stored in its sizes as an upload is), so the console can keep its 160 px copy.
  const jpeg = await sharp({
    create: { width: 640, height: 480, channels: 3, background: '#6b8e23' },
  })
    .jpeg()
    .toBuffer();
  const photo = unwrap(await processPhoto(new Uint8Array(jpeg)));
  const stem = await storePhoto(uploadDir, photo);
  await s.world.h.db.transaction().execute((tx) =>
    attachStoredPhoto(tx, pupuk.productId, {
      stem,
      alt: 'Karung pupuk organik',
      width: photo.width,
      height: photo.height,
    }),
  );
  pupukPhoto = photoUrl(stem, 160);
  cangkul = await makeProduct(s.world.h, {
    umkmId: umkm,
    title: 'Cangkul Besi',
    price: 75000,
    stock: 1,
  });
});
after(async () => {
  await browser?.close();
  await s?.close();
});

let n = 0;
const sysScan = (tracking: string, kind: any, at: string) =>
  recordScan(s.world.h.db, null, {
    tracking,
    kind,
    locationId: at,
    clientScanId: `bw-sys-${++n}-x`,
  });

async function parcelFor(stage: 'incoming' | 'waiting') {
  const origin = (
    await s.world.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  const o = await makeOrder(s.world.h, {
    villageCode: origin,
    servicePointId: net.points[1],
    advanceTo: 'handed_over',
  });
  const [p] = await parcelsForOrder(s.world.h.db, o.orderId);
  unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[0]));
  unwrap(await sysScan(p.trackingNumber, 'arrived_hub', net.kecHub));
  unwrap(await sysScan(p.trackingNumber, 'out_for_delivery', net.kecHub));
  if (stage === 'waiting')
    unwrap(await sysScan(p.trackingNumber, 'ready_for_pickup', net.points[1]));
  await flushOrderEvents();
  return { tracking: p.trackingNumber, code: p.pickupCode! };
}

const statusOf = async (tracking: string) =>
  (
    await s.world.h.db
      .selectFrom('parcels')
      .select('status')
      .where('tracking_number', '=', tracking)
      .executeTakeFirstOrThrow()
  ).status;

/**
 * A cheap phone's storage: each write to the queue reports success only after `ms`. The test
 * types at machine speed, so the next order is started while the last one is still being
 * written; the console once cleared the form when that write finished and lost an order that
 * way (CI, 2026-12-04). Any delay between ≈ 50 and 150 ms reproduced it. A string, not a
 * function: tsx would put its `__name` helper into a function's source.
 */
const slowPhoneStorage = (ms: number) => `{
  const add = IDBObjectStore.prototype.add;
  IDBObjectStore.prototype.add = function (...args) {
    const r = add.apply(this, args);
    let handler = null;
    r.addEventListener('success', (e) => setTimeout(() => handler && handler(e), ${ms}));
    Object.defineProperty(r, 'onsuccess', { set: (f) => (handler = f), get: () => handler });
    return r;
  };
}`;

async function order(page: Page, search: string, name: string) {
  await page.fill('#o-q', search);
  await page.locator('#found button').first().click();
  await page.fill('#o-name', name);
  await page.check('#o-consent');
  await page.click('#order button[type=submit]');
}

test('offline: two orders, two scans and a pickup survive a reload, sync once, and a replay creates nothing', async () => {
  const a = await parcelFor('incoming');
  const b = await parcelFor('incoming');
  const c = await parcelFor('waiting');
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  await ctx.addInitScript({ content: slowPhoneStorage(120) });
  const page = await ctx.newPage();
  const agentId = await signIn(page, s, 'village_agent', net.points[1]);
  await page.goto(`${s.url}/agen/konsol`);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  await page.waitForFunction(() =>
    /\d+ barang, 3 paket/.test(document.getElementById('snap')!.textContent ?? ''),
  );
  await assertAccessible(page, 'agent console');
  await assertFitsPhone(page, 'agent console');
  // The product's 160 px photo is kept on the phone after the snapshot, for offline use.
  await page.waitForFunction(
    async (url) => !!(await (await caches.open('lumbung-agent-v1')).match(url)),
    pupukPhoto,
  );

  await ctx.setOffline(true);
  await order(page, 'pupuk', 'Mama Yuli');
  await order(page, 'cangkul', 'Pak Yosef');
  for (const t of [a.tracking, b.tracking]) {
    await page.fill('#s-tracking', t);
    await page.click('#scan button[type=submit]');
  }
  // A wrong code is refused on the phone itself; the right one is queued.
  await page.fill('#p-tracking', c.tracking);
  await page.fill('#p-code', c.code === '000000' ? '111111' : '000000');
  await page.click('#pickup button[type=submit]');
  await page.waitForFunction(() =>
    /Kode tidak cocok/.test(document.getElementById('msg')!.textContent ?? ''),
  );
  await page.fill('#p-code', c.code);
  await page.click('#pickup button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#queue li.waiting').length === 5);
  // Each order holds its own basket: the second was not merged into the first.
  const waiting = (await page.textContent('#queue')) ?? '';
  assert.match(waiting, /Mama Yuli · Rp\s40\.000/);
  assert.match(waiting, /Pak Yosef · Rp\s75\.000/);

  // Reload without signal: the service worker serves the console, the queue is still there.
  await page.reload();
  await page.waitForFunction(() => document.querySelectorAll('#queue li.waiting').length === 5);
  assert.match((await page.textContent('#queue')) ?? '', /Menunggu sinyal/);
  assert.equal(await statusOf(a.tracking), 'out_for_delivery');

  // Meanwhile the last hoe sells online.
  await makeOrder(s.world.h, {
    variantId: cangkul.variantId,
    productId: cangkul.productId,
    umkmId: umkm,
    villageCode: village,
  });

  // Back online: the first sync reaches the server, which commits, but the answer is lost.
  let committed!: () => void;
  const cut = new Promise<void>((r) => (committed = r));
  await page.route('**/api/v1/agent/sync', async (route) => {
    await route.fetch();
    await route.abort('connectionreset');
    committed();
  });
  // The 'online' event starts the sync by itself.
  await ctx.setOffline(false);
  await cut;
  await page.unroute('**/api/v1/agent/sync');
  const journal = () =>
    s.world.h.db
      .selectFrom('agent_sync_actions')
      .selectAll()
      .where('agent_user_id', '=', agentId)
      .execute();
  assert.equal((await journal()).length, 5, 'the server applied the queue once');
  // The failed sync is over (its button reads "send now" again) and the queue is intact.
  await page.waitForFunction(
    () => document.getElementById('sync')!.textContent === 'Kirim sekarang',
  );
  assert.equal(await page.locator('#queue li.waiting').count(), 5);

  // The next sync gets the stored answers: the report, nothing applied twice.
  const body = page.waitForRequest('**/api/v1/agent/sync');
  await page.click('#sync');
  const sent = (await body).postData()!;
  await page.waitForFunction(() => document.querySelectorAll('#report li').length === 5);
  assert.equal(await page.locator('#queue li.waiting').count(), 0);
  assert.equal(await page.locator('#report li[data-outcome=applied]').count(), 4);
  const refused = await page.textContent('#report li[data-outcome=refused]');
  assert.match(refused!, /Pak Yosef/);
  assert.match(refused!, /Stok “Cangkul Besi” tinggal 0/);
  assert.match(refused!, /tawarkan barang lain/);

  // The same sync sent once more (a duplicated tab): every answer is a replay.
  const again = await page.evaluate(async (payload) => {
    const csrf = document.getElementById('agentapp')!.dataset.csrf!;
    const r = await fetch('/api/v1/agent/sync', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: payload,
    });
    return (await r.json()).results.map((x: any) => `${x.outcome}:${x.replayed}`);
  }, sent);
  assert.deepEqual(again, [
    'applied:true',
    'refused:true',
    'applied:true',
    'applied:true',
    'applied:true',
  ]);

  const orders = await s.world.h.db
    .selectFrom('orders')
    .select(['buyer_name', 'channel'])
    .where('agent_service_point_id', '=', net.points[1])
    .execute();
  assert.deepEqual(
    orders.map((o) => [o.buyer_name, o.channel]),
    [['Mama Yuli', 'assisted']],
  );
  assert.equal(await statusOf(a.tracking), 'ready_for_pickup');
  assert.equal(await statusOf(b.tracking), 'ready_for_pickup');
  assert.equal(await statusOf(c.tracking), 'delivered');
  assert.equal((await journal()).length, 5);

  // Signing out forgets the agent's pages kept for offline use (a shared phone).
  const cachedPages = () =>
    page.evaluate(async () => {
      const c = await caches.open('lumbung-agent-v1');
      return (await c.keys())
        .map((r) => new URL(r.url).pathname)
        .filter((p) => p.startsWith('/agen/') || p.startsWith('/titik/'));
    });
  assert.ok((await cachedPages()).length > 0, 'the console keeps its pages while signed in');
  await page.evaluate(async () => {
    const csrf = document.getElementById('agentapp')!.dataset.csrf!;
    await fetch('/logout', { method: 'POST', headers: { 'x-csrf-token': csrf } });
  });
  assert.deepEqual(await cachedPages(), []);
  await ctx.close();
});

test('with JavaScript off the console says so and links the ordinary agent pages', async () => {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID', javaScriptEnabled: false });
  const page = await ctx.newPage();
  await signIn(page, s, 'village_agent', net.points[1]);
  await page.goto(`${s.url}/agen/konsol`);
  assert.match((await page.textContent('main')) ?? '', /memerlukan JavaScript/);
  assert.equal(await page.locator('#agentapp').isVisible(), false);
  await page.click('a[href="/agen/hari-ini"]');
  assert.match(page.url(), /\/agen\/hari-ini$/);
  await ctx.close();
});

test('a session that expired offline: the console asks for the password, then sends the same queue', async () => {
  const ctx = await browser.newContext({ ...PHONE, locale: 'id-ID' });
  const page = await ctx.newPage();
  const agentId = await signIn(page, s, 'village_agent', net.points[1]);
  const password = 'kata-sandi-agen-123';
  const user = await s.world.h.db
    .updateTable('users')
    .set({
      password_hash: await hashPassword(password, {
        memoryCost: 4096,
        timeCost: 1,
        parallelism: 1,
      }),
    })
    .where('id', '=', agentId)
    .returning('phone')
    .executeTakeFirstOrThrow();
  await page.goto(`${s.url}/agen/konsol`);
  await page.waitForFunction(() =>
    /paket/.test(document.getElementById('snap')!.textContent ?? ''),
  );
  await ctx.setOffline(true);
  await page.fill('#c-amount', '125000');
  await page.click('#cash button[type=submit]');
  await page.waitForFunction(() => document.querySelectorAll('#queue li.waiting').length === 1);
  // The working day goes on without signal; the session ends on the server meanwhile.
  await s.world.h.db.deleteFrom('sessions').where('user_id', '=', agentId).execute();
  await ctx.setOffline(false);
  await page.click('#sync');
  await page.waitForSelector('#relogin:not([hidden])');
  assert.equal(await page.locator('#queue li.waiting').count(), 1);
  await page.fill('#rl-login', user.phone!);
  await page.fill('#rl-pass', password);
  await page.click('#relogin button[type=submit]');
  await page.waitForFunction(
    () => document.querySelectorAll('#report li[data-outcome=applied]').length === 1,
  );
  const cash = await s.world.h.db
    .selectFrom('cash_handovers')
    .select('declared_amount')
    .where('agent_user_id', '=', agentId)
    .execute();
  assert.deepEqual(
    cash.map((c) => c.declared_amount),
    [125000],
  );
  await ctx.close();
});
