// Payouts to sellers read from the ledger and attacked: only money that is in is paid (never an
// unpaid COD order), paying twice pays nothing, another organisation's manager is refused,
// two payouts racing pay once; the seller's fee breakdown page and CSV; both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../test/support/community.js';
import { ledgerOrder } from '../../../test/support/ledger.js';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { readXlsx, RUPIAH_FORMAT } from '../../kernel/xlsx/index.js';
import { balances, owedInOrganisations, payOrganisation, trialBalance } from './index.js';

let w: World;
let village: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

const share = async (orderId: string) =>
  (
    await w.h.db
      .selectFrom('orders')
      .select('seller_share')
      .where('id', '=', orderId)
      .executeTakeFirstOrThrow()
  ).seller_share;

test('the treasurer pays out only completed orders; an unpaid COD order is never paid', async () => {
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const u = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Gula Aren Ibu Sari',
  });
  const done = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'cod',
    stage: 'completed',
  });
  // Delivered but the cash is not in; paid online but not delivered; just placed.
  await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'cod',
    stage: 'delivered_unpaid',
  });
  await ledgerOrder(w.h, { umkmId: u, servicePointId: sp, method: 'qris', stage: 'paid' });
  await ledgerOrder(w.h, { umkmId: u, servicePointId: sp, method: 'cod', stage: 'placed' });
  const owed = await share(done.orderId);
  const mgr = await w.as('community_manager', org);
  const pagePaid = await (await mgr.get('/bumdes/pembayaran')).text();
  assert.match(pagePaid, /Gula Aren Ibu Sari/);
  assert.ok(pagePaid.includes(`data-owed="${owed}"`));
  const r = await mgr.form('/bumdes/pembayaran', { organisation_id: org });
  assert.equal(r.status, 303);
  const after = await (await mgr.get(r.headers.get('location')!)).text();
  assert.match(after, /Pembayaran Rp\s?[\d.]+ untuk 1 UMKM dibuat/);
  // Paying twice pays nothing, with a clear reason in Bahasa.
  const again = await mgr.form('/bumdes/pembayaran', { organisation_id: org });
  assert.equal(again.status, 422);
  assert.match(await again.text(), /hanya pesanan yang sudah dibayar pembeli/);
  const payout = await w.h.db
    .selectFrom('ledger_payouts')
    .selectAll()
    .where('organisation_id', '=', org)
    .execute();
  assert.deepEqual(
    payout.map((p) => [p.total, p.payees]),
    [[owed, 1]],
  );
  const csv = await (await mgr.get(`/bumdes/pembayaran/${payout[0].id}.csv`)).text();
  assert.match(csv, /Gula Aren Ibu Sari/);
  assert.ok(csv.includes(`"${owed}"`));
  const xlsx = await sameRowsInBoth(mgr, `/bumdes/pembayaran/${payout[0].id}`);
  assert.equal(xlsx.getCell('H2').value, owed, 'the amount is a number');
  assert.equal(xlsx.getCell('H2').numFmt, RUPIAH_FORMAT);
  assert.deepEqual(await balances(w.h.db, { accounts: [`umkm_payable:${u}`] }), [
    { account: `umkm_payable:${u}`, balance: 0 },
  ]);
  // Another organisation's manager: refused, sees no list, writes nothing.
  const foreign = await w.as(
    'community_manager',
    await makeOrganisation(w.h.db, { villageCode: village }),
  );
  assert.equal((await foreign.get(`/bumdes/pembayaran/${payout[0].id}.csv`)).status, 404);
  assert.equal((await foreign.get(`/bumdes/pembayaran/${payout[0].id}.xlsx`)).status, 404);
  assert.equal((await foreign.form('/bumdes/pembayaran', { organisation_id: org })).status, 403);
  assert.doesNotMatch(await (await foreign.get('/bumdes/pembayaran')).text(), /Ibu Sari/);
  assert.equal(
    (
      await w.h.db
        .selectFrom('ledger_payouts')
        .select('id')
        .where('organisation_id', '=', org)
        .execute()
    ).length,
    1,
  );
  // The seller sees what was paid out.
  const seller = await w.as('seller', u);
  assert.ok(
    (await (await seller.get('/penjual/pendapatan')).text()).includes(`data-paid-out="${owed}"`),
  );
});

test('two payouts racing for the same organisation pay each order once', async () => {
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const a = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const b = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  let total = 0;
  for (const u of [a, b, a]) {
    const f = await ledgerOrder(w.h, {
      umkmId: u,
      servicePointId: sp,
      method: 'cod',
      stage: 'completed',
    });
    total += await share(f.orderId);
  }
  const results = await Promise.all(
    Array.from({ length: 4 }, () => payOrganisation(w.h.db, org, 'usr_treasurer')),
  );
  const paid = results.filter((r) => r.ok);
  assert.equal(paid.length, 1, JSON.stringify(results));
  assert.ok(results.every((r) => r.ok || r.code === 'LEDGER_NOTHING_TO_PAY'));
  if (paid[0].ok) assert.deepEqual([paid[0].value.total, paid[0].value.payees], [total, 2]);
  assert.ok((await owedInOrganisations(w.h.db, [org])).every((u) => u.owed === 0));
  assert.equal((await trialBalance(w.h.db)).total, 0);
});

test('the seller sees each order’s fee breakdown and settlement time, and downloads it as CSV', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const f = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'transfer',
    stage: 'completed',
    price: 50000,
    qty: 2,
  });
  const o = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', f.orderId)
    .executeTakeFirstOrThrow();
  const seller = await w.as('seller', u);
  const html = await (await seller.get('/penjual/pendapatan')).text();
  const card = html.slice(html.indexOf(`data-order="${o.number}"`));
  const rp = (n: number) => `Rp ${new Intl.NumberFormat('id-ID').format(n)}`;
  assert.ok(card.includes(`data-k="items">${rp(100000)}`), card.slice(0, 600));
  assert.ok(
    card.includes(`data-k="fee">-${rp(5000)}`) || card.includes(`data-k="fee">−${rp(5000)}`),
  );
  assert.ok(card.includes(`data-k="net"><strong>${rp(95000)}`));
  assert.ok(card.includes(`data-k="shipping">${rp(o.shipping)}`));
  assert.match(card, /Biaya platform/);
  assert.match(card, /Komisi titik layanan/);
  assert.ok(html.includes(`data-owed="95000"`));
  const csv = await (await seller.get('/penjual/pendapatan.csv')).text();
  const [head, row] = csv.trim().split('\r\n');
  assert.match(
    head,
    /^order_number,items_total_idr,platform_fee_idr,service_point_commission_idr,shipping_idr,net_idr,settled_at/,
  );
  assert.ok(row.startsWith(`"${o.number}","100000","5000","0","${o.shipping}","95000","20`));
  const xlsx = await sameRowsInBoth(seller, '/penjual/pendapatan');
  assert.equal(xlsx.getCell('F2').value, 95000);
  assert.ok(xlsx.getCell('G2').value instanceof Date, 'settled_at is a date');
  // Another seller sees none of it.
  const other = await w.as('seller', await makeUmkm(w.h.db, { villageCode: village }));
  assert.doesNotMatch(await (await other.get('/penjual/pendapatan')).text(), new RegExp(o.number));
  assert.doesNotMatch(
    await (await other.get('/penjual/pendapatan.csv')).text(),
    new RegExp(o.number),
  );
  const otherXlsx = await readXlsx(
    new Uint8Array(await (await other.get('/penjual/pendapatan.xlsx')).arrayBuffer()),
  );
  assert.ok(otherXlsx.ok && otherXlsx.records.length === 1, 'another seller: the header only');
});
