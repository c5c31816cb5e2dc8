// The collective journeys on a 360 px phone with JavaScript off, axe clean on every page: the
// coordinator opens a market-day cycle, a buyer orders from its shop and sees the pickup day and
// place, makes a standing order and skips and pauses it; the coordinator closes the cycle and
// opens the supplier and packing lists (A4 and 58 mm) and the demand page. A group buy opened at
// the point gets villagers' commitments and, once its deadline passes and the settle job runs
// (as the unit tests run it), every commitment is an order.
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
import { makeCycleWorld, type CycleWorld } from '../support/collective.js';
import { utcToLocal } from '../../src/domains/collective/calendar.js';
import { runSettleJob } from '../../src/domains/collective/sweep.js';

let browser: Browser;
let served: Served;
let cw: CycleWorld;

before(async () => {
  browser = await launch();
  served = await serveWorld();
  cw = await makeCycleWorld(served.world.h, { producers: 2, points: 2, stock: 1000 });
});
after(async () => {
  await browser?.close();
  await served?.close();
});

const phone = () => browser.newContext({ ...PHONE, javaScriptEnabled: false, locale: 'id-ID' });
const local = (ms: number) => utcToLocal(new Date(Date.now() + ms).toISOString(), cw.village);
const mainText = async (p: Page) => (await p.textContent('main')) ?? '';

async function check(p: Page, label: string) {
  await assertAccessible(p, label);
  await assertFitsPhone(p, label);
}

test('coordinator opens a cycle; a buyer orders and subscribes; the cycle closes into lists', async () => {
  const [a, b] = cw.variants;
  const [p1, p2] = cw.points;
  const pickup = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);

  const cc = await phone();
  const coord = await cc.newPage();
  await signIn(coord, served, [['community_manager', cw.organisationId]]);
  await coord.goto(`${served.url}/siklus`);
  await check(coord, 'cycles');
  await coord.click('a[href="/siklus/baru"]');
  await coord.waitForURL(/\/siklus\/baru/);
  await check(coord, 'new cycle form');
  const form = 'form[action="/siklus/baru"][method=post]';
  await coord.fill(`${form} [name=name]`, 'Pasar Kamis');
  await coord.fill(`${form} [name=opens_at]`, local(-3600_000));
  await coord.fill(`${form} [name=closes_at]`, local(2 * 86400_000));
  await coord.selectOption(`${form} [name=repeat]`, 'weekly');
  await coord.check(`${form} [name=product][value="${a.variantId}"]`);
  await coord.check(`${form} [name=product][value="${b.variantId}"]`);
  await coord.fill(`${form} [name="price_${a.variantId}"]`, '15.000');
  for (const [p, from, to] of [
    [p1, '08:00', '11:00'],
    [p2, '13:00', '15:00'],
  ]) {
    await coord.check(`${form} [name=point][value="${p}"]`);
    await coord.fill(`${form} [name="date_${p}"]`, pickup);
    await coord.fill(`${form} [name="from_${p}"]`, from);
    await coord.fill(`${form} [name="to_${p}"]`, to);
  }
  await coord.click(`${form} button[type=submit]`);
  await coord.waitForURL(/\/siklus\/[A-Za-z0-9_]+\?/);
  const cycleUrl = coord.url().split('?')[0];
  const cycleId = cycleUrl.split('/').pop()!;
  assert.match(await mainText(coord), /Pasar Kamis/);
  await check(coord, 'cycle opened');

  // A signed-in buyer orders from the cycle's shop page at the cycle price.
  const bc = await phone();
  const buyer = await bc.newPage();
  await signIn(buyer, served, 'buyer');
  await buyer.goto(`${served.url}/pasar/${cycleId}`);
  assert.match(await mainText(buyer), /Rp\s?15\.000/, 'the cycle price is shown');
  await check(buyer, 'cycle shop');
  const order = async () => {
    await buyer.fill(`[name="qty_${a.variantId}"]`, '2');
    await buyer.selectOption('[name=service_point]', p1);
    await buyer.fill('[name=name]', 'Ibu Theresia');
    await buyer.fill('[name=phone]', '081234567890');
    await buyer.selectOption('[name=payment]', 'cod');
  };
  await order();
  await buyer.click(`form[action="/pasar/${cycleId}"] button[type=submit]:not([name])`);
  await buyer.waitForURL(/\/pesanan\/selesai\//);
  assert.match(
    await mainText(buyer),
    /Ambil di Titik 1, .+ 08\.00–11\.00 \(siklus Pasar Kamis\)/,
    'the order names the pickup day and place',
  );
  await check(buyer, 'cycle order confirmation');

  // The same buyer makes it a standing order, then skips the next cycle and pauses it.
  await buyer.goto(`${served.url}/pasar/${cycleId}`);
  await order();
  await buyer.click(`form[action="/pasar/${cycleId}"] button[name=standing]`);
  await buyer.waitForURL(/\/langganan\?selesai=created/);
  let subs = await mainText(buyer);
  assert.match(subs, /Pasar Kamis · aktif/);
  assert.match(subs, /2 × Produk 1/);
  await check(buyer, 'standing orders');
  await buyer.click('form[action$="/skip"] button');
  await buyer.waitForURL(/\/langganan/);
  assert.match(await mainText(buyer), /Siklus berikutnya dilewati/);
  await check(buyer, 'standing order skipped');
  await buyer.click('form[action$="/pause"] button');
  await buyer.waitForURL(/\/langganan/);
  subs = await mainText(buyer);
  assert.doesNotMatch(subs, /Pasar Kamis · aktif/, 'no longer active once paused');
  assert.equal(await buyer.locator('form[action$="/resume"]').count(), 1, 'resume offered');
  await check(buyer, 'standing order paused');
  await bc.close();

  // The coordinator closes the cycle and opens every printable list.
  await coord.goto(cycleUrl);
  await coord.click(`form[action="${new URL(cycleUrl).pathname}/tutup"] button[type=submit]`);
  await coord.waitForURL(new RegExp(`/siklus/${cycleId}`));
  assert.match(await mainText(coord), /1 pesanan, 2 barang/);
  await check(coord, 'cycle closed');
  for (const list of ['supplier', 'packing'])
    for (const size of ['a4', '58mm']) {
      await coord.goto(`${cycleUrl}/daftar/${list}?ukuran=${size}`);
      const text = (await coord.textContent('body')) ?? '';
      assert.match(text, list === 'packing' ? /Ibu Theresia/ : /Produk 1/);
      assert.match(text, /Titik 1/);
      await check(coord, `${list} list ${size}`);
    }
  // After the close the shop takes no more orders and says so.
  const late = await (await phone()).newPage();
  await late.goto(`${served.url}/pasar/${cycleId}`);
  assert.match(await mainText(late), /tidak menerima pesanan sekarang/);
  assert.equal(await late.locator(`form[action="/pasar/${cycleId}"]`).count(), 0);
  await check(late, 'closed cycle shop');
  await late.context().close();

  // An agent at a point records a request for goods nobody lists; the coordinator sees it.
  const gc = await phone();
  const agent = await gc.newPage();
  await signIn(agent, served, [['village_agent', p1]]);
  await agent.goto(`${served.url}/agen/pesan?q=Pupuk+NPK`);
  assert.match(await mainText(agent), /Pupuk NPK/);
  await agent.fill('form[action="/agen/permintaan"] [name=d_what]', 'Pupuk NPK');
  await agent.fill('form[action="/agen/permintaan"] [name=d_qty]', '50 kg');
  await agent.fill('form[action="/agen/permintaan"] [name=d_for]', 'Pak Yosef');
  await agent.check('form[action="/agen/permintaan"] [name=d_consent]');
  await agent.click('form[action="/agen/permintaan"] button[type=submit]');
  await agent.waitForURL(/\/agen\/pesan\?permintaan=/);
  await gc.close();
  await coord.goto(`${served.url}/siklus/permintaan`);
  const demand = await mainText(coord);
  assert.match(demand, /Pupuk NPK/);
  assert.match(demand, /50 kg/);
  await check(coord, 'demand page');
  await cc.close();
});

test('a group buy at the point: villagers commit, the deadline passes, orders exist', async () => {
  const [point] = cw.points;
  const ac = await phone();
  const agent = await ac.newPage();
  await signIn(agent, served, [['village_agent', point]]);
  await agent.goto(`${served.url}/titik/patungan`);
  await check(agent, 'group buy form');
  const form = 'form[action="/titik/patungan"]';
  await agent.selectOption(`${form} [name=point]`, point);
  await agent.selectOption(`${form} [name=variant]`, cw.variants[0].variantId);
  await agent.fill(`${form} [name=minimum]`, '100');
  await agent.fill(`${form} [name=deadline]`, local(86400_000));
  await agent.fill(`${form} [name=tier_qty_1]`, '100');
  await agent.fill(`${form} [name=tier_price_1]`, '15000');
  await agent.fill(`${form} [name=tier_qty_2]`, '200');
  await agent.fill(`${form} [name=tier_price_2]`, '14000');
  await agent.click(`${form} button[type=submit]`);
  await agent.waitForURL(/\/patungan\/[A-Za-z0-9_]+/);
  const url = new URL(agent.url()).pathname;
  const id = url.split('/').pop()!;
  await check(agent, 'group buy opened');

  // The village page shows it; two villagers commit from their own phones.
  const vc = await phone();
  const v = await vc.newPage();
  await v.goto(`${served.url}/desa/${cw.village}`);
  await check(v, 'village page');
  await v.click(`a[href="${url}"]`);
  await v.waitForURL(new RegExp(`${url}$`));
  await check(v, 'group buy page');
  for (const [name, qty, hp] of [
    ['Pak Slamet', '60', '081298765432'],
    ['Bu Ani', '50', '081298765433'],
  ]) {
    await v.goto(`${served.url}${url}`);
    await v.fill(`form[action="${url}"] [name=qty]`, qty);
    await v.fill(`form[action="${url}"] [name=name]`, name);
    await v.fill(`form[action="${url}"] [name=phone]`, hp);
    await v.selectOption(`form[action="${url}"] [name=payment]`, 'cod');
    await v.click(`form[action="${url}"] button[type=submit]`);
    await v.waitForURL(new RegExp(url));
    await check(v, `group buy committed (${name})`);
  }
  const db = served.world.h.db;
  const gb = await db
    .selectFrom('group_buys')
    .select(['committed_qty', 'deadline'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(gb.committed_qty, 110);

  // The deadline passes: the settle job runs as the queue would run it, one second after.
  const at = new Date(Date.parse(gb.deadline) + 1000).toISOString();
  const settled = (await runSettleJob({
    db,
    job: {} as never,
    payload: { id, now: at },
    progress: async () => {},
  })) as { status: string; finalPrice: number; orders: number };
  assert.equal(settled.status, 'succeeded');
  assert.equal(settled.finalPrice, 15000);
  assert.equal(settled.orders, 2);
  const orders = await db
    .selectFrom('group_buy_commitments')
    .select('order_id')
    .where('group_buy_id', '=', id)
    .execute();
  assert.equal(orders.filter((o) => o.order_id).length, 2, 'every commitment is an order');

  await v.goto(`${served.url}${url}`);
  assert.match(
    await mainText(v),
    /Berhasil\. Setiap komitmen menjadi pesanan dengan harga Rp\s?15\.000 per unit/,
  );
  await check(v, 'group buy succeeded');
  await agent.goto(`${served.url}/titik/patungan`);
  await check(agent, 'point group buys after settlement');
  await vc.close();
  await ac.close();
});
