// Partner incentive statements from delivered partner orders, and the partner ranking over the
// same sales. The ranking test reads the sales the incentive test delivered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { RUPIAH_FORMAT } from '../../kernel/xlsx/index.js';
import {
  ADMIN,
  bearer,
  partnersWorld,
  partnerToken as tokenFor,
  acceptPartnership,
  partnerOrderBody,
  type PartnersWorld,
} from '../../../test/support/partners.js';
import type { World } from '../../../test/support/world.js';
import { recordFulfilment } from '../orders/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { partnerRanking } from './partners.queries.js';
import { balances } from '../ledger/index.js';

type Variant = { productId: string; variantId: string };
let pw: PartnersWorld;
let w: World;
let token: string;
let village: string;
let partnerId: string;
let listed: Variant;

before(async () => {
  pw = await partnersWorld();
  ({ w, village, partnerId, listed } = pw);
  await acceptPartnership(pw);
  token = await partnerToken();
});
after(() => pw.close());

const partnerToken = () => tokenFor(w, partnerId);

const orderBody = (qty = 2) => partnerOrderBody(pw, qty);

test('incentive statements: each rule from delivered orders, returns excluded, frozen, corrections as new lines', async () => {
  const c = w.client();
  token = await partnerToken();
  const place = async (key: string, umkmVariant: string) => {
    const r = await c.json(
      'POST',
      '/api/v1/partner/orders',
      { ...orderBody(1), lines: [{ variantId: umkmVariant, qty: 1 }] },
      { ...bearer(token), 'idempotency-key': key },
    );
    assert.equal(r.status, 201);
    return ((await r.json()) as { orders: { id: string }[] }).orders[0].id;
  };
  const ids = [
    await place('pn-inc-0001', listed.variantId),
    await place('pn-inc-0002', listed.variantId),
    await place('pn-inc-0003', listed.variantId),
  ];
  const existing = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('partner_id', '=', partnerId)
    .where('id', 'not in', ids)
    .execute();
  for (const o of existing) unwrap(await recordFulfilment(w.h.db, o.id, 'returned', ADMIN));
  for (const id of ids)
    for (const s of ['packed', 'handed_over', 'delivered'] as const)
      unwrap(await recordFulfilment(w.h.db, id, s, ADMIN));
  // Test history: these sales were delivered in January (a closed month).
  for (const [i, id] of ids.entries())
    await w.h.db
      .updateTable('orders')
      .set({ delivered_at: `2026-01-1${i}T08:00:00.000Z` })
      .where('id', '=', id)
      .execute();
  // The village is poorer than its regency: the multiplier applies.
  const regencyVillages = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 4)
      .where('code', 'like', '53.09.%')
      .limit(3)
      .execute()
  ).map((r) => r.code);
  for (const code of regencyVillages) {
    await w.h.db
      .insertInto('village_profiles')
      .values({
        village_code: code,
        population: 1000,
        households: 250,
        poverty_share: code === village ? 0.4 : 0.1,
        electricity_share: null,
        signal: null,
        office_internet: null,
        road_access: null,
        distance_km: null,
        has_bumdes: null,
        has_koperasi: null,
        lat: null,
        lng: null,
        is_demo: 0,
        updated_at: nowIso(),
        updated_by: null,
      })
      .onConflict((oc) =>
        oc
          .column('village_code')
          .doUpdateSet({ poverty_share: code === village ? 0.4 : 0.1, households: 250 }),
      )
      .execute();
  }
  const officer = await w.as('regional_officer', '53.09');
  const rules = [
    ['gmv_percent', '200', ''],
    ['first_sales_bonus', '5000', '2'],
    ['poverty_multiplier', '1500', ''],
    ['monthly_cap', '16000', ''],
  ];
  for (const [kind, amount, count] of rules)
    assert.equal(
      (
        await officer.form('/insentif/aturan', {
          period: '2026-01',
          scope_code: '53.09',
          kind,
          amount,
          count,
        })
      ).status,
      303,
    );
  assert.equal(
    (
      await officer.form('/insentif/aturan', {
        period: '2026-01',
        scope_code: '53.09',
        kind: 'first_sales_bonus',
        amount: '5000',
        count: '',
      })
    ).status,
    422,
    'a first-sales bonus needs a count',
  );
  assert.equal(
    (
      await officer.form('/insentif/terbitkan', {
        partner_id: partnerId,
        period: '2099-01',
        scope_code: '53.09',
      })
    ).status,
    422,
    'an open month cannot be issued',
  );

  const res = await officer.form('/insentif/terbitkan', {
    partner_id: partnerId,
    period: '2026-01',
    scope_code: '53.09',
  });
  assert.equal(res.status, 303);
  const stId = res.headers.get('location')!.split('/').pop()!;
  const lines = await w.h.db
    .selectFrom('incentive_lines')
    .selectAll()
    .where('statement_id', '=', stId)
    .execute();
  // Each order: 2 % of 25,000 = 500; first two sales +5,000; ×1.5 adds half → 8,250, 8,250, 750 = 17,250; cap 16,000.
  const perOrder = (id: string) =>
    lines.filter((l) => l.order_id === id).reduce((s, l) => s + Number(l.amount), 0);
  const sorted = [...ids].sort();
  assert.deepEqual(sorted.map(perOrder), [8250, 8250, 750]);
  assert.equal(lines.find((l) => l.kind === 'monthly_cap')!.amount, -1250);
  const st = await w.h.db
    .selectFrom('incentive_statements')
    .selectAll()
    .where('id', '=', stId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(st.total), 16000);
  assert.ok(
    existing.every((o) => !lines.some((l) => l.order_id === o.id)),
    'returned orders earn nothing',
  );
  const print = await (await officer.get(`/insentif/laporan/${stId}`)).text();
  const numbers = await w.h.db
    .selectFrom('orders')
    .select('number')
    .where('id', 'in', ids)
    .execute();
  for (const n of numbers) assert.ok(print.includes(n.number), 'every line names its order');
  // Lines and rules speak the reader's language, with numbers in Indonesian form.
  assert.match(print, /2 % dari GMV Rp\s?25\.000/);
  assert.match(print, /penjualan ke-1 dari 2 penjualan pertama UMKM/);
  assert.match(print, /×1,5 untuk desa di atas tingkat kemiskinan kabupaten/);
  assert.match(print, /dibatasi Rp\s?16\.000 per bulan/);
  assert.doesNotMatch(print, /of GMV|first \d|capped at/);
  const rulesPage = await (await officer.get('/insentif?period=2026-01&scope=53.09')).text();
  assert.match(rulesPage, /: 2 %/);
  assert.match(rulesPage, /: ×1,5/);
  // The area is shown and chosen by name (issue 15), never typed as a code.
  assert.match(rulesPage, /<p>2026-01 · Kabupaten Ngada<\/p>/);
  assert.match(rulesPage, /<option value="53\.09" selected="">Kabupaten Ngada<\/option>/);
  assert.doesNotMatch(rulesPage, /<input[^>]*name="scope"/);
  assert.match(print, /wilayah Kabupaten Ngada/, 'the statement names its area');
  const csv = await (await officer.get(`/insentif/laporan/${stId}.csv`)).text();
  assert.equal(csv.trim().split('\r\n').length, 1 + lines.length + 1);
  const xlsx = await sameRowsInBoth(officer, `/insentif/laporan/${stId}`);
  assert.equal(typeof xlsx.getCell('I2').value, 'number', 'amounts are numbers');
  assert.equal(xlsx.getCell('I2').numFmt, RUPIAH_FORMAT);

  assert.equal(
    (
      await officer.form('/insentif/terbitkan', {
        partner_id: partnerId,
        period: '2026-01',
        scope_code: '53.09',
      })
    ).status,
    409,
    'nothing changed: no correction',
  );
  unwrap(await recordFulfilment(w.h.db, sorted[0], 'returned', ADMIN));
  const again = await officer.form('/insentif/terbitkan', {
    partner_id: partnerId,
    period: '2026-01',
    scope_code: '53.09',
  });
  assert.equal(again.status, 303);
  const corrId = again.headers.get('location')!.split('/').pop()!;
  const corr = await w.h.db
    .selectFrom('incentive_statements')
    .selectAll()
    .where('id', '=', corrId)
    .executeTakeFirstOrThrow();
  assert.equal(corr.corrects_id, stId);
  const after = await w.h.db
    .selectFrom('incentive_lines')
    .selectAll()
    .where('statement_id', '=', stId)
    .execute();
  assert.deepEqual(
    after.map((l) => [l.id, l.amount]).sort(),
    lines.map((l) => [l.id, l.amount]).sort(),
    'the issued statement is frozen',
  );
  // Without the returned order the other two are the first two sales: 8,250 each = 16,500, capped at 16,000.
  assert.equal(Number(st.total) + Number(corr.total), 16000);
  const fix = await w.h.db
    .selectFrom('incentive_lines')
    .selectAll()
    .where('statement_id', '=', corrId)
    .execute();
  assert.equal(
    fix.filter((l) => l.order_id === sorted[0]).reduce((a, l) => a + Number(l.amount), 0),
    -8250,
    'the returned order gives back what it earned',
  );
  const corrPrint = await (
    await officer.get(`/insentif/laporan/${corrId}`, { 'accept-language': 'en' })
  ).text();
  assert.match(corrPrint, /correction: (no longer owed \()?2 % of GMV/);
  // The settlement ledger owes the partner what the statement and its correction say.
  const owed = await balances(w.h.db, { accounts: [`partner_payable:${partnerId}`] });
  assert.deepEqual(owed, [
    { account: `partner_payable:${partnerId}`, balance: -(Number(st.total) + Number(corr.total)) },
  ]);
});

test('the ranking sums a partner’s delivered sales of the area and counts its UMKM in villages poorer than their regency', async () => {
  // The incentive test above left delivered sales of one UMKM in `village`, profiled poorer
  // (0.4) than the rest of its regency (0.1).
  const delivered = await w.h.db
    .selectFrom('orders')
    .select(['items_total', 'umkm_id', 'village_code'])
    .where('partner_id', '=', partnerId)
    .where('fulfilment_status', '=', 'delivered')
    .where('status', '!=', 'cancelled')
    .execute();
  assert.ok(delivered.length > 0, 'the fixture has delivered sales');
  assert.ok(delivered.every((o) => o.village_code === village));
  const expected = {
    id: partnerId,
    gmv: delivered.reduce((a, o) => a + Number(o.items_total), 0),
    orders: delivered.length,
    umkm: 1,
    poorUmkm: 1,
  };
  const mine = (rows: Awaited<ReturnType<typeof partnerRanking>>) => {
    const r = rows.find((x) => x.id === partnerId);
    return r && { id: r.id, gmv: r.gmv, orders: r.orders, umkm: r.umkm, poorUmkm: r.poorUmkm };
  };
  assert.deepEqual(mine(await partnerRanking(w.h.db, '53.09')), expected);
  assert.deepEqual(mine(await partnerRanking(w.h.db, null)), expected, 'the country: the same');
  assert.equal(mine(await partnerRanking(w.h.db, '35.10')), undefined, 'another regency: none');
});
