// The agent's assisted order (issue 15): everyday words find products, a neighbour's list is
// built over several searches on the server, the full amount to collect is shown before the
// cash button and is exactly what is taken, and a request is recorded when nothing fits — for
// the BUMDes of the point to source. Scope, consent and replays are attacked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../../test/support/community.js';
import { makeProduct, type FixtureProduct } from '../../../../test/support/catalog.js';
import { assistedTotalShown, makeOrder, payGroup } from '../../../../test/support/orders.js';

let w: World;
let village: string;
let org: string;
let sp: string;
let pupuk: FixtureProduct;
let cangkul: FixtureProduct;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  org = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Mangulewa' });
  sp = await makeServicePoint(w.h.db, { villageCode: village, organisationId: org });
  const tani = await makeUmkm(w.h.db, { villageCode: village, name: 'Toko Tani Mangulewa' });
  const besi = await makeUmkm(w.h.db, { villageCode: village, name: 'Pandai Besi Bajawa' });
  pupuk = await makeProduct(w.h, {
    umkmId: tani,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 20,
  });
  cangkul = await makeProduct(w.h, {
    umkmId: besi,
    title: 'Cangkul Baja Tempa',
    price: 85000,
    stock: 5,
  });
});
after(() => w.close());

const rupiah = (x: number) => `Rp ${new Intl.NumberFormat('id-ID').format(x)}`;
const count = async (table: 'orders' | 'demand_requests' | 'assisted_drafts') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a neighbour’s list from two searches: the full amount is shown before the cash button and is what is taken', async () => {
  const agent = await w.as('village_agent', sp);
  // Everyday words find products through the catalog's search.
  const a = await (await agent.get('/agen/pesan?q=pupuk')).text();
  assert.match(a, /Pupuk Organik 5 kg/);
  const add1 = await agent.form('/agen/pesan/daftar', {
    q: 'pupuk',
    [`qty_${pupuk.variantId}`]: '2',
  });
  assert.equal(add1.status, 303);
  const b = await (await agent.get('/agen/pesan?q=cangkul')).text();
  assert.match(b, /Cangkul Baja Tempa/);
  assert.equal(
    (await agent.form('/agen/pesan/daftar', { q: 'cangkul', [`qty_${cangkul.variantId}`]: '1' }))
      .status,
    303,
  );
  // The list, with goods, shipping per seller and the total, before any cash is asked for.
  const list = await (await agent.get('/agen/pesan')).text();
  assert.match(list, /Pupuk Organik 5 kg/);
  assert.match(list, /Cangkul Baja Tempa/);
  assert.match(list, /Ongkos kirim dari Toko Tani Mangulewa/);
  assert.match(list, /Ongkos kirim dari Pandai Besi Bajawa/);
  assert.ok(list.includes(`data-k="items">${rupiah(165000)}`));
  const shown = (await assistedTotalShown(agent))!;
  const shipping = Number(list.match(/data-shipping="(\d+)"/)![1]);
  assert.equal(shown, 165000 + shipping, 'goods + shipping, no extra fee for the villager');
  assert.ok(list.includes(`Pesan — warga bayar tunai ${rupiah(shown)}`));
  assert.equal(await count('orders'), 0, 'nothing ordered yet');

  // Another agent (another point) sees none of it and cannot touch it.
  const other = await w.as(
    'village_agent',
    await makeServicePoint(w.h.db, { villageCode: village }),
  );
  assert.doesNotMatch(await (await other.get('/agen/pesan')).text(), /Pupuk Organik/);
  await other.form('/agen/pesan/hapus', { variant: pupuk.variantId });
  assert.match(await (await agent.get('/agen/pesan')).text(), /Pupuk Organik/);

  // No consent: nothing placed, no name stored.
  const refused = await agent.form('/agen/pesan', {
    expected_total: String(shown),
    name: 'Mama Yuli',
    phone: '081234567891',
  });
  assert.equal(refused.status, 422);
  assert.equal(await count('orders'), 0);
  const kept = await w.h.db.selectFrom('assisted_drafts').selectAll().execute();
  assert.deepEqual([kept[0].buyer_name, kept[0].buyer_phone], [null, null]);

  const placed = await agent.form('/agen/pesan', {
    expected_total: String(shown),
    name: 'Mama Yuli',
    phone: '',
    consent: '1',
  });
  assert.equal(placed.status, 303);
  const orders = await w.h.db.selectFrom('orders').selectAll().execute();
  assert.equal(orders.length, 2, 'one order per seller, one group');
  assert.equal(new Set(orders.map((o) => o.group_id)).size, 1);
  assert.equal(
    orders.reduce((x, o) => x + o.total, 0),
    shown,
    'the cash taken is the amount shown',
  );
  assert.ok(orders.every((o) => o.payment_status === 'paid' && o.consent_at));
  const receipt = await (await agent.get(placed.headers.get('location')!)).text();
  assert.ok(receipt.includes(rupiah(shown)));
  const day = await (await agent.get('/agen/hari-ini')).text();
  assert.ok(day.includes(`data-k="cash">${rupiah(shown)}`));
  // The list is gone with the order (and the name with it); pressing again places nothing.
  assert.equal(await count('assisted_drafts'), 0);
  const again = await agent.form('/agen/pesan', {
    expected_total: String(shown),
    name: 'Mama Yuli',
    consent: '1',
  });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /Daftar belanja masih kosong/);
  assert.equal(await count('orders'), 2);
});

test('a price that moved after the villager saw the total: refused with the new total, nothing taken', async () => {
  const agent = await w.as('village_agent', sp);
  await agent.form('/agen/pesan/daftar', { [`qty_${pupuk.variantId}`]: '1' });
  const shown = (await assistedTotalShown(agent))!;
  await w.h.db
    .updateTable('variants')
    .set({ price: 45000 })
    .where('id', '=', pupuk.variantId)
    .execute();
  const before = await count('orders');
  const r = await agent.form('/agen/pesan', {
    expected_total: String(shown),
    name: 'Bapa Kornelis',
    consent: '1',
  });
  assert.equal(r.status, 409);
  assert.match(await r.text(), new RegExp(`Total berubah menjadi ${rupiah(shown + 5000)}`));
  assert.equal(await count('orders'), before);
  // The name was kept (with consent) so the agent does not type it again.
  assert.match(await (await agent.get('/agen/pesan')).text(), /value="Bapa Kornelis"/);
  await w.h.db
    .updateTable('variants')
    .set({ price: 40000 })
    .where('id', '=', pupuk.variantId)
    .execute();
  // Bad input to the list: an unknown variant and a silly quantity change nothing.
  const bad = await agent.form('/agen/pesan/daftar', { qty_var_nope: '1' });
  assert.equal(bad.status, 422);
  const silly = await agent.form('/agen/pesan/daftar', { [`qty_${pupuk.variantId}`]: '-3' });
  assert.equal(silly.status, 422);
  await agent.form('/agen/pesan/hapus', { variant: pupuk.variantId });
  assert.match(await (await agent.get('/agen/pesan')).text(), /Belum ada barang/);
});

test('nothing fits: “tidak ada di katalog”, the request is recorded, and the BUMDes of the point sources it', async () => {
  const agent = await w.as('village_agent', sp);
  const page = await (await agent.get('/agen/pesan?q=bibit+jagung+hibrida')).text();
  assert.match(page, /tidak ada di katalog/);
  assert.match(page, /Catat permintaan/);
  // A name without the villager's consent is refused and nothing is written.
  const noConsent = await agent.form('/agen/permintaan', {
    q: 'bibit jagung hibrida',
    d_what: 'Bibit jagung hibrida',
    d_qty: '5 kg',
    d_for: 'Mama Yuli',
    d_village: village,
  });
  assert.equal(noConsent.status, 422);
  // A village outside the point's kecamatan is refused too.
  const far = await agent.form('/agen/permintaan', {
    d_what: 'Bibit jagung hibrida',
    d_qty: '5 kg',
    d_village: '35.78.01.1001',
  });
  assert.equal(far.status, 422);
  assert.equal(await count('demand_requests'), 0);
  const ok = await agent.form('/agen/permintaan', {
    d_what: 'Bibit jagung hibrida',
    d_qty: '5 kg',
    d_for: 'Mama Yuli',
    d_consent: '1',
    d_village: village,
  });
  assert.equal(ok.status, 303);
  assert.match(await (await agent.get(ok.headers.get('location')!)).text(), /dicatat/);
  const row = await w.h.db.selectFrom('demand_requests').selectAll().executeTakeFirstOrThrow();
  assert.deepEqual(
    [row.organisation_id, row.state, row.requester_name, !!row.consent_at],
    [org, 'open', 'Mama Yuli', true],
  );
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', row.id)
    .execute();
  assert.deepEqual(
    audit.map((a) => a.action),
    ['orders.demand_recorded'],
  );
  assert.ok(!audit[0].data.includes('Mama Yuli'), 'no personal data in the audit row');

  // The manager of the point's BUMDes sees it; another organisation's manager does not.
  const mgr = await w.as('community_manager', org);
  assert.match(await (await mgr.get('/bumdes/permintaan')).text(), /Bibit jagung hibrida/);
  const stranger = await w.as(
    'community_manager',
    await makeOrganisation(w.h.db, { villageCode: village }),
  );
  assert.doesNotMatch(await (await stranger.get('/bumdes/permintaan')).text(), /Bibit jagung/);
  assert.equal(
    (await stranger.form(`/bumdes/permintaan/${row.id}`, { to: 'sourced' })).status,
    404,
  );
  const decided = await mgr.form(`/bumdes/permintaan/${row.id}`, { to: 'sourced' });
  assert.equal(decided.status, 303);
  assert.match(await (await mgr.get(decided.headers.get('location')!)).text(), /Sudah dicarikan/);
  assert.equal(
    (await mgr.form(`/bumdes/permintaan/${row.id}`, { to: 'declined' })).status,
    409,
    'decided once',
  );
  const after = await w.h.db
    .selectFrom('demand_requests')
    .select(['state', 'decided_by'])
    .where('id', '=', row.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual(after, { state: 'sourced', decided_by: mgr.userId });
  assert.equal(
    (
      await w.h.db
        .selectFrom('audit_log')
        .select('seq')
        .where('entity_id', '=', row.id)
        .where('action', '=', 'orders.demand_decided')
        .execute()
    ).length,
    1,
  );
});

test('the day page offers only what is possible: no cash button on an unpaid transfer order, hand-over without cash once paid', async () => {
  const transfer = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    paymentMethod: 'transfer',
    advanceTo: 'ready_for_pickup',
  });
  const cod = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: sp,
    advanceTo: 'ready_for_pickup',
  });
  const agent = await w.as('village_agent', sp);
  const card = (html: string, number: string) => {
    const at = html.indexOf(`data-order="${number}"`);
    assert.ok(at > 0, `order ${number} listed`);
    return html.slice(at, html.indexOf('</article>', at));
  };
  const day = await (await agent.get('/agen/hari-ini')).text();
  const t1 = card(day, transfer.number);
  assert.match(t1, /Menunggu pembayaran transfer\/QRIS/);
  assert.doesNotMatch(t1, /<button/);
  assert.match(card(day, cod.number), new RegExp(`terima tunai ${rupiah(cod.total)}`));
  // Pressed anyway (an old page, a crafted post): refused in Bahasa, nothing changes.
  const forced = await agent.form(`/agen/ambil/${transfer.orderId}`, {});
  assert.equal(forced.status, 409);
  assert.match(await forced.text(), /belum lunas/);
  const still = await w.h.db
    .selectFrom('orders')
    .select(['payment_status', 'fulfilment_status'])
    .where('id', '=', transfer.orderId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(still, { payment_status: 'unpaid', fulfilment_status: 'ready_for_pickup' });
  await payGroup(w.h, transfer.groupId);
  const paid = card(await (await agent.get('/agen/hari-ini')).text(), transfer.number);
  assert.match(paid, /Serahkan paket \(sudah lunas\)/);
  assert.equal((await agent.form(`/agen/ambil/${transfer.orderId}`, {})).status, 303);
  const cashRows = await w.h.db
    .selectFrom('payments')
    .select('id')
    .where('group_id', 'like', `%:${transfer.orderId}`)
    .execute();
  assert.equal(cashRows.length, 0, 'no cash recorded for an order paid by transfer');
});
