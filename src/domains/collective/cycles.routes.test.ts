// The cycle pages with JavaScript off: a coordinator opens a cycle by form, a buyer orders from
// its shop page at the cycle price, the coordinator closes it and prints the lists (A4, 58 mm,
// CSV); a late order is answered with the next cycle; strangers see nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { utcToLocal } from './calendar.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 2, points: 2 });
});
after(() => w.close());

const local = (ms: number) => utcToLocal(new Date(Date.now() + ms).toISOString(), cw.village);

test('open by form, order from the shop page, close, print and export the lists', async () => {
  const coord = await w.as('community_manager', cw.organisationId);
  const form = await coord.get('/siklus/baru');
  assert.equal(form.status, 200);
  const formHtml = await form.text();
  assert.match(formHtml, /Produk 1/);
  assert.match(formHtml, /Titik 1/);
  const pickup = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  const [a, b] = cw.variants;
  const [p1, p2] = cw.points;
  const bad = await coord.form('/siklus/baru', {
    org: cw.organisationId,
    name: 'Pasar Kamis',
    opens_at: local(-3600_000),
    closes_at: local(-60_000),
    repeat: 'weekly',
    product: [a.variantId],
    point: [p1],
    [`date_${p1}`]: pickup,
    [`from_${p1}`]: '08:00',
    [`to_${p1}`]: '11:00',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Waktu tutup sudah lewat/);
  const made = await coord.form('/siklus/baru', {
    org: cw.organisationId,
    name: 'Pasar Kamis',
    opens_at: local(-3600_000),
    closes_at: local(2 * 86400_000),
    repeat: 'weekly',
    product: [a.variantId, b.variantId],
    [`price_${a.variantId}`]: '15.000',
    point: [p1, p2],
    [`date_${p1}`]: pickup,
    [`from_${p1}`]: '08:00',
    [`to_${p1}`]: '11:00',
    [`date_${p2}`]: pickup,
    [`from_${p2}`]: '13:00',
    [`to_${p2}`]: '15:00',
  });
  assert.equal(made.status, 303, await made.text());
  const cycleUrl = made.headers.get('location')!.split('?')[0];
  const cycleId = cycleUrl.split('/').pop()!;

  const buyer = w.client();
  const shop = await buyer.get(`/pasar/${cycleId}`);
  assert.equal(shop.status, 200);
  const shopHtml = await shop.text();
  assert.match(shopHtml, /Rp\s?15\.000/, 'the cycle price is shown');
  assert.match(shopHtml, /08\.00–11\.00/, 'the pickup window is shown');
  const group = /name="group_id" value="([^"]+)"/.exec(shopHtml)![1];
  const order = {
    group_id: group,
    [`qty_${a.variantId}`]: '2',
    [`qty_${b.variantId}`]: '0',
    service_point: p2,
    name: 'Ibu Theresia',
    phone: '081234567890',
    payment: 'cod',
  };
  const placed = await buyer.form(`/pasar/${cycleId}`, order);
  assert.equal(placed.status, 303);
  assert.match(placed.headers.get('location')!, /^\/pesanan\/selesai\//);
  const replay = await buyer.form(`/pasar/${cycleId}`, order);
  assert.equal(
    replay.headers.get('location'),
    placed.headers.get('location'),
    'double submit: one checkout',
  );
  const orders = await w.h.db
    .selectFrom('cycle_orders')
    .select('order_id')
    .where('cycle_id', '=', cycleId)
    .execute();
  assert.equal(orders.length, 1);
  const empty = await buyer.form(`/pasar/${cycleId}`, {
    ...order,
    group_id: '',
    [`qty_${a.variantId}`]: '0',
  });
  assert.equal(empty.status, 422);
  assert.match(await empty.text(), /Isi jumlah paling sedikit satu produk/);

  const stranger = await w.as(
    'community_manager',
    (await makeCycleWorld(w.h, { producers: 1, points: 1 })).organisationId,
  );
  assert.equal((await stranger.get(cycleUrl)).status, 404);
  assert.equal((await stranger.form(`${cycleUrl}/tutup`, {})).status, 404);

  const closed = await coord.form(`${cycleUrl}/tutup`, {});
  assert.equal(closed.status, 303);
  const page = await (await coord.get(cycleUrl)).text();
  assert.match(page, /1 pesanan, 2 barang/);
  const twice = await coord.form(`${cycleUrl}/tutup`, {});
  assert.equal(twice.status, 409);
  assert.match(await twice.text(), /sudah ditutup/);

  const a4 = await coord.get(`${cycleUrl}/daftar/packing?ukuran=a4`);
  assert.match(await a4.text(), /Ibu Theresia/);
  const thermal = await (await coord.get(`${cycleUrl}/daftar/supplier?ukuran=58mm`)).text();
  assert.match(thermal, /class="printable thermal"/);
  const csv = await coord.get(`${cycleUrl}/daftar/supplier.csv`);
  assert.match(csv.headers.get('content-type')!, /text\/csv/);
  const text = await csv.text();
  assert.match(text, /^Produsen,Titik,Produk,Varian,Jumlah\r\n/);
  assert.match(text, /Titik 2,Produk 1,500 g,2\r\n/);
  for (const list of ['supplier', 'packing']) {
    const xlsx = await sameRowsInBoth(coord, `${cycleUrl}/daftar/${list}`);
    assert.equal(typeof xlsx.getCell(list === 'supplier' ? 'E2' : 'H2').value, 'number');
  }

  const late = await buyer.form(`/pasar/${cycleId}`, { ...order, group_id: '' });
  assert.equal(late.status, 409);
  const lateHtml = await late.text();
  assert.match(
    lateHtml,
    /sudah ditutup; pesanan tidak diterima lagi\. Siklus berikutnya: &quot;Pasar Kamis&quot;/,
  );
  assert.match(lateHtml, /tidak menerima pesanan sekarang/, 'and no order form');
});

test('a late order through the form names the next cycle', async () => {
  const coord = await w.as('community_manager', cw.organisationId);
  const pickup = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
  const [p1] = cw.points;
  const made = await coord.form('/siklus/baru', {
    org: cw.organisationId,
    name: 'Pasar Senin',
    opens_at: local(-3600_000),
    closes_at: local(86400_000),
    repeat: 'pasaran',
    product: [cw.variants[0].variantId],
    point: [p1],
    [`date_${p1}`]: pickup,
    [`from_${p1}`]: '08:00',
    [`to_${p1}`]: '11:00',
  });
  const cycleId = made.headers.get('location')!.split('?')[0].split('/').pop()!;
  const buyer = w.client();
  const shopHtml = await (await buyer.get(`/pasar/${cycleId}`)).text();
  const group = /name="group_id" value="([^"]+)"/.exec(shopHtml)![1];
  // The coordinator closes while the buyer's form is open.
  await coord.form(`/siklus/${cycleId}/tutup`, {});
  // The page already shows it closed; a form posted from before the close gets the next cycle named.
  const res = await w.h.db
    .selectFrom('cycles')
    .select('name')
    .where('previous_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  assert.equal(res.name, 'Pasar Senin');
  const { orderFromCycle } = await import('./index.js');
  const r = await orderFromCycle(w.h.db, null, {
    cycleId,
    lines: [{ variantId: cw.variants[0].variantId, qty: 1 }],
    buyer: { name: 'Ibu Theresia', phone: '081234567890' },
    servicePointId: p1,
    paymentMethod: 'cod',
    groupId: group,
  });
  assert.equal(!r.ok && r.code, 'COLLECTIVE_CYCLE_CLOSED');
});

test("an open cycle shows on its points' village page, once per point, with the point's name", async () => {
  const id = await makeCycle(w.h, cw, { name: 'Pasar Sabtu Desa' });
  const village = await (await w.client().get(`/desa/${cw.village}`)).text();
  const lines = village.match(new RegExp(`<a href="/pasar/${id}">Pasar Sabtu Desa</a>[^<]*`, 'g'));
  assert.equal(lines?.length, cw.points.length, 'one line per pickup point');
  for (const [i, line] of (lines ?? []).entries()) assert.match(line, /Titik \d/, `line ${i}`);
});
