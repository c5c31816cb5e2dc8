import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder } from '../../../test/support/orders.js';
import { addRollouts } from '../../../test/support/impact.js';
import { seedDemoSurveys } from './demo-seed.js';
import { kpisFor } from './kpi.queries.js';
import { MIN_CELL, pseudonym } from './export.js';
import { parseCsv } from '../../lib/did/index.js';
import { umkmCountBy, umkmCounts } from '../community/index.js';
import { listedSellerIds } from '../catalog/index.js';
import { cancelOrder, recentSellerIds } from '../orders/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';

let w: World;
let village: string;
before(async () => {
  w = await createWorld();
  await addRollouts(w.h.db);
  await seedDemoSurveys(w.h.db, ['53.09']);
  village = await anyVillage(w.h.db, '53.09', 3);
});
after(() => w.close());

test('KPIs of a regency: enrolment, UMKM, products, orders and GMV, producer share, households under the line', async () => {
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  await makeUmkm(w.h.db, { villageCode: village });
  await makeProduct(w.h, { umkmId: umkm, listed: true });
  await makeProduct(w.h, { umkmId: umkm, listed: false });
  const other = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db, '35.10') });
  await makeProduct(w.h, { umkmId: other, listed: true });
  const order = await makeOrder(w.h, {
    umkmId: umkm,
    villageCode: village,
    price: 40000,
    qty: 2,
    advanceTo: 'delivered',
  });

  const k = await kpisFor(w.h.db, '53.09');
  const cohorts = await w.h.db.selectFrom('rollouts').select('region_code').execute();
  assert.ok(cohorts.length > 0);
  assert.ok(
    k.enrolledVillages > 0 && k.enrolledVillages < k.villages,
    `${k.enrolledVillages} of ${k.villages}`,
  );
  assert.deepEqual(
    k.umkm,
    { total: 2, active: 1 },
    'other regencies are not counted; active = listed product or recent order',
  );
  assert.equal(k.marketReady, 2, 'the listed product and the one the order fixture lists');
  assert.equal(k.orders!.count, 1);
  assert.equal(k.orders!.gmv, order.total);
  assert.ok(k.orders!.sellerShare > 0 && k.orders!.sellerShare <= k.orders!.itemsTotal);
  assert.equal(k.orders!.delivered, 1);
  assert.ok(
    k.households && k.households.wave === 2025 && k.households.below > 0 && k.households.above > 0,
  );
  assert.equal(k.households.below + k.households.above, k.households.surveyed);
  assert.ok(k.parcels !== null && k.trained !== null, 'logistics and training tables are read');

  const officer = await w.as('regional_officer', '53.09');
  const page = await (await officer.get('/impact')).text();
  assert.match(page, /Indikator program: Kabupaten Ngada/);
  assert.match(page, /<svg[^>]*role="img"/);
  assert.match(page, /data-testid="kpi-households"/);
  assert.ok(!page.includes('west-east'), 'KBI/KTI comparison is for national readers');
  const api = (await (await officer.get('/api/v1/impact/kpis')).json()) as any;
  assert.equal(api.region, '53.09');
  assert.equal(api.umkm.total, 2);
});

test('active UMKM: a listed product or a sale in the last 90 days, each counted once', async () => {
  const admin: Actor = {
    userId: 'usr_fixture_admin',
    displayName: 'Fixture admin',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const here = await anyVillage(w.h.db, '53.09', 7);
  const seller = async (o: { listed?: boolean; sale?: 'recent' | 'old' | 'cancelled' }) => {
    const umkm = await makeUmkm(w.h.db, { villageCode: here });
    if (o.sale) {
      const order = await makeOrder(w.h, { umkmId: umkm, villageCode: here });
      if (o.sale === 'old')
        await w.h.db
          .updateTable('orders')
          .set({ placed_at: new Date(Date.now() - 100 * 86400_000).toISOString() })
          .where('id', '=', order.orderId)
          .execute();
      if (o.sale === 'cancelled')
        unwrap(await cancelOrder(w.h.db, order.orderId, { kind: 'actor', actor: admin }));
      // The order fixture lists a product: only `listed` says whether the seller keeps one.
      await w.h.db.updateTable('products').set({ listed: 0 }).where('umkm_id', '=', umkm).execute();
    }
    if (o.listed) await makeProduct(w.h, { umkmId: umkm, listed: true });
  };
  await seller({ listed: true });
  await seller({ sale: 'recent' });
  await seller({ listed: true, sale: 'recent' });
  await seller({ sale: 'old' });
  await seller({ sale: 'cancelled' });
  await seller({});
  const since = new Date(Date.now() - 90 * 86400_000).toISOString();
  const active = () => [listedSellerIds(w.h.db), recentSellerIds(w.h.db, since)] as const;
  assert.deepEqual(await umkmCounts(w.h.db, [here], [...active()]), { total: 6, active: 3 });
  assert.deepEqual([...(await umkmCountBy(w.h.db, [here], 5, [...active()]))], [['53.09', 3]]);
});

test('analyst: national KPIs with the KBI vs KTI comparison', async () => {
  const analyst = await w.as('analyst');
  const res = await analyst.get('/impact');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /data-testid="west-east"/);
  assert.match(html, /KBI \(barat\)/);
  assert.match(html, /KTI \(timur\)/);
});

test('pseudonymised panel export: no codes or names, salted hashes, cells under 5 suppressed', async () => {
  // A village with only 3 respondents: its cells must be empty.
  const small = await anyVillage(w.h.db, '53.09', 0);
  await w.h.db
    .deleteFrom('household_surveys')
    .where('village_code', '=', small)
    .where('household_code', 'not in', ['RT01', 'RT02', 'RT03'])
    .execute();
  const analyst = await w.as('analyst');
  const res = await analyst.get('/impact/export.csv?region=53.09');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const text = await res.text();
  assert.ok(!/53\.09/.test(text), 'no region codes in the export');
  const { header, rows } = parseCsv(text);
  assert.equal(header[0], 'village_id');
  const salt = 'test-secret';
  const pid = pseudonym(salt, small);
  const smallRows = rows.filter((r) => r[0] === pid);
  assert.equal(smallRows.length, 7);
  const col = (name: string) => header.indexOf(name);
  for (const r of smallRows) {
    assert.equal(r[col('households')], '');
    assert.equal(r[col('mean_log_pc_income')], '');
    assert.equal(r[col('poverty_headcount')], '');
  }
  const full = rows.filter((r) => r[0] !== pid);
  assert.ok(full.length > 100);
  assert.ok(full.every((r) => Number(r[col('households')]) >= MIN_CELL));
  assert.ok(
    full.every(
      (r) => r[col('village_id')].length === 16 && /^[0-9a-f]+$/.test(r[col('district_id')]),
    ),
  );
  assert.notEqual(pseudonym('other-salt', small), pid, 'the hash depends on the secret salt');
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'impact.panel.exported')
    .execute();
  assert.equal(audit.length, 1);
  // The same panel as XLSX: the same rows (six decimals in both), numbers typed, audited too.
  const xlsx = await sameRowsInBoth(analyst, '/impact/export', {
    query: '?region=53.09',
    minRows: 100,
  });
  assert.equal(typeof xlsx.getCell(`F2`).value, 'number', 'year is a number');
  const exports = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'impact.panel.exported')
    .execute();
  assert.equal(exports.length, 3, 'each download is audited');
});
