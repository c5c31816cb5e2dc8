import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';

let w: World;
let village: string;
let sp: string;
let a: { productId: string; variantId: string };
let b: { productId: string; variantId: string };
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village, name: 'Kios BUMDes Uji' });
  const u1 = await makeUmkm(w.h.db, { villageCode: village, name: 'Gula Sari' });
  const u2 = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '53.09', 3),
    name: 'Kopi Bajawa',
  });
  a = await makeProduct(w.h, {
    umkmId: u1,
    title: 'Gula Aren Cetak 500 g',
    price: 25000,
    stock: 5,
  });
  b = await makeProduct(w.h, {
    umkmId: u2,
    title: 'Kopi Arabika Bajawa 250 g',
    price: 55000,
    stock: 5,
  });
});
after(() => w.close());

const field = (html: string, name: string) =>
  html.match(new RegExp(`name="${name}" value="([^"]*)"`))?.[1];

test('guest buys from two UMKM with pickup at a service point and COD, then tracks', async () => {
  const c = w.client();
  assert.equal((await c.form('/keranjang', { variant_id: a.variantId, qty: '2' })).status, 303);
  assert.equal((await c.form('/keranjang', { variant_id: b.variantId, qty: '1' })).status, 303);
  const cart = await (await c.get('/keranjang')).text();
  assert.match(cart, /Gula Sari/);
  assert.match(cart, /Kopi Bajawa/);
  const province = village.slice(0, 2);
  const regency = village.slice(0, 5);
  const district = village.slice(0, 8);
  let page = await (await c.get('/pesan')).text();
  const idem = field(page, 'idem')!;
  assert.ok(idem);
  // Without JS the pickers fill step by step.
  page = await (
    await c.form('/pesan', {
      idem,
      name: 'Rina',
      phone: '081234567001',
      province,
      action: 'refresh',
    })
  ).text();
  assert.match(page, /name="regency"/);
  page = await (
    await c.form('/pesan', {
      idem,
      name: 'Rina',
      phone: '081234567001',
      province,
      regency,
      district,
      delivery: 'pickup',
      action: 'refresh',
    })
  ).text();
  assert.match(page, /Kios BUMDes Uji/);
  page = await (
    await c.form('/pesan', {
      idem,
      name: 'Rina',
      phone: '081234567001',
      province,
      regency,
      district,
      delivery: 'pickup',
      service_point: sp,
      payment: 'cod',
      action: 'refresh',
    })
  ).text();
  const expected = field(page, 'expected_total');
  assert.ok(expected, 'preview total shown once the pickup point is chosen');
  const pricedFor = field(page, 'priced_for')!;
  assert.equal(pricedFor, `pickup:${sp}`);
  // "Pesan sekarang" with a total priced for another delivery: the page prices this one, calmly.
  const repriced = await c.form('/pesan', {
    idem,
    name: 'Rina',
    phone: '081234567001',
    province,
    regency,
    district,
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
    expected_total: '1000',
    priced_for: 'address:53.09.01.2001',
    action: 'place',
  });
  assert.equal(repriced.status, 200);
  const repricedPage = await repriced.text();
  assert.match(repricedPage, /Total dihitung ulang/);
  assert.equal(field(repricedPage, 'expected_total'), expected);
  assert.equal(await w.h.db.selectFrom('orders').select('id').executeTakeFirst(), undefined);
  const tampered = await c.form('/pesan', {
    idem,
    name: 'Rina',
    phone: '081234567001',
    province,
    regency,
    district,
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
    expected_total: '1000',
    priced_for: pricedFor,
    action: 'place',
  });
  assert.equal(tampered.status, 409);
  assert.equal(await w.h.db.selectFrom('orders').select('id').executeTakeFirst(), undefined);
  const placed = await c.form('/pesan', {
    idem,
    name: 'Rina',
    phone: '081234567001',
    province,
    regency,
    district,
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
    expected_total: expected!,
    priced_for: pricedFor,
    action: 'place',
  });
  assert.equal(placed.status, 303, await placed.text());
  const loc = placed.headers.get('location')!;
  assert.match(loc, /^\/pesanan\/selesai\//);
  // A double submit of the same form lands on the same confirmation, no second order.
  const again = await c.form('/pesan', {
    idem,
    name: 'Rina',
    phone: '081234567001',
    province,
    regency,
    district,
    delivery: 'pickup',
    service_point: sp,
    payment: 'cod',
    expected_total: expected!,
    priced_for: pricedFor,
    action: 'place',
  });
  assert.ok(again.status === 303);
  const orders = await w.h.db.selectFrom('orders').selectAll().execute();
  assert.equal(orders.length, 2);
  assert.equal(new Set(orders.map((o) => o.group_id)).size, 1);
  const conf = await (await c.get(loc)).text();
  for (const o of orders) assert.ok(conf.includes(o.number));
  assert.match(conf, /Bagian produsen/);
  assert.equal((await c.get(loc.replace(/.$/, (x) => (x === 'a' ? 'b' : 'a')))).status, 404);
  assert.equal((await stockOf(w.h.db, a.variantId))!.reserved, 2);
  // Tracking: number + phone; a wrong phone reveals nothing.
  assert.equal(
    (await c.form('/lacak', { number: orders[0].number, phone: '081299999999' })).status,
    404,
  );
  const tr = await c.form('/lacak', { number: orders[0].number, phone: '0812-3456-7001' });
  assert.equal(tr.status, 200);
  assert.match(await tr.text(), /Menunggu penjual/);
  // Cancel before packing (from the signed confirmation link) releases the stock.
  const [, , , group, sig] = loc.split('/');
  const cancel = await c.form('/lacak/batal', { number: orders[0].number, group, sig });
  assert.equal(cancel.status, 303);
  assert.match(await (await c.get(cancel.headers.get('location')!)).text(), /Pesanan dibatalkan/);
  const o0 = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orders[0].id)
    .executeTakeFirstOrThrow();
  assert.equal(o0.status, 'cancelled');
  const s = await stockOf(w.h.db, o0.umkm_id === orders[0].umkm_id ? a.variantId : b.variantId);
  assert.ok(s);
});

test('cart rejects unknown, unlisted and over-stock additions with a message', async () => {
  const c = w.client();
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const hidden = await makeProduct(w.h, { umkmId: u, listed: false, title: 'Belum Dijual' });
  let r = await c.form('/keranjang', { variant_id: 'var_nope', qty: '1' });
  assert.equal(r.status, 422);
  r = await c.form('/keranjang', { variant_id: hidden.variantId, qty: '1' });
  assert.equal(r.status, 422);
  assert.match(await r.text(), /Belum Dijual/);
  r = await c.form('/keranjang', { variant_id: a.variantId, qty: '0' });
  assert.equal(r.status, 422);
  r = await c.form('/keranjang', { variant_id: a.variantId, qty: '500' });
  assert.equal(r.status, 409);
  r = await c.form('/keranjang', { variant_id: a.variantId, qty: '1' }, { csrf: 'bad' });
  assert.equal(r.status, 403);
});

test('home page shows featured villages and products; village page lists producers', async () => {
  const home = await (await w.client().get('/')).text();
  assert.match(home, /Gula Aren Cetak 500 g/);
  assert.ok(home.includes(`/desa/${village}`));
  const v = await w.client().get(`/desa/${village}`);
  assert.equal(v.status, 200);
  const html = await v.text();
  assert.match(html, /Gula Sari/);
  assert.match(html, /Kios BUMDes Uji/);
  assert.equal((await w.client().get('/desa/99.99.99.9999')).status, 404);
});
