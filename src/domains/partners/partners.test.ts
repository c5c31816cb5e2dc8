import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWorld, type World } from '../../testing.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community/testing.js';
import { makeProduct } from '../catalog/testing.js';
import { hashToken } from '../accounts/index.js';
import { recordFulfilment, flushOrderEvents } from '../orders/index.js';
import { drain } from '../../kernel/jobs/index.js';
import { newId } from '../../kernel/ids/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { createPartnerRecord } from './partners.service.js';
import { verifyWebhook, webhookBody } from './webhooks.js';

let w: World;
let village: string;
let orgId: string;
let umkmA: string;
let umkmB: string;
let umkmOther: string;
let partnerId: string;
let otherPartner: string;
let listed: { productId: string; variantId: string };
let unlisted: { productId: string; variantId: string };
let notPartnered: { productId: string; variantId: string };
let pointId: string;
let token: string;
const ADMIN: Actor = {
  userId: 'usr_test_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

let hook: Server;
let hookUrl = '';
const received: { body: string; sig: string }[] = [];
let failNext = 0;

before(async () => {
  w = await createWorld({ env: {} });
  village = await anyVillage(w.h.db);
  orgId = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Mitra' });
  umkmA = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Gula Aren Sari',
  });
  umkmB = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: orgId,
    name: 'Kopi Bajawa',
  });
  umkmOther = await makeUmkm(w.h.db, {
    villageCode: await anyVillage(w.h.db, '53.09', 1),
    name: 'Tidak bermitra',
  });
  listed = await makeProduct(w.h, {
    umkmId: umkmA,
    title: 'Gula Aren Cetak 500 g',
    price: 25000,
    stock: 50,
  });
  unlisted = await makeProduct(w.h, { umkmId: umkmB, title: 'Kopi belum siap', listed: false });
  notPartnered = await makeProduct(w.h, { umkmId: umkmOther, title: 'Keripik lain' });
  pointId = await makeServicePoint(w.h.db, { villageCode: village });
  hook = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => {
      body += d;
    });
    req.on('end', () => {
      if (req.url === '/slow') return; // never answers: the client's time-out must fire
      if (failNext > 0) {
        failNext--;
        res.statusCode = 500;
        return res.end('down');
      }
      received.push({ body, sig: String(req.headers['lumbung-signature']) });
      res.end('ok');
    });
  });
  await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  partnerId = await createPartnerRecord(w.h.db, {
    name: 'Pasar Nusantara',
    kind: 'marketplace',
    webhookUrl: hookUrl,
  });
  otherPartner = await createPartnerRecord(w.h.db, { name: 'Toko Lain', kind: 'retailer' });
});
after(async () => {
  hook.closeAllConnections();
  hook.close();
  await w.close();
});

const partnerClient = () => w.as([['partner', partnerId]]);

async function partnerToken(): Promise<string> {
  const c = await partnerClient();
  const grant = await w.h.db
    .selectFrom('grants')
    .select('id')
    .where('user_id', '=', c.userId)
    .executeTakeFirstOrThrow();
  const tok = `lmb_test_${newId('x')}`;
  await w.h.db
    .insertInto('api_tokens')
    .values({
      id: newId('tok'),
      user_id: c.userId,
      name: 'feed',
      token_hash: hashToken(tok),
      grant_id: grant.id,
      created_at: nowIso(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return tok;
}
const bearer = (tok: string) => ({ authorization: `Bearer ${tok}` });

test('a partner offers, the community manager accepts; other managers cannot decide', async () => {
  const p = await partnerClient();
  const res = await p.form('/mitra/tawar', {
    target: `organisation:${orgId}`,
    commission_pct: '7.5',
    ships_by: 'lumbung',
    terms: 'Komisi 7,5% dari nilai barang',
    starts_on: '2026-01-01',
  });
  assert.equal(res.status, 201);
  const row = await w.h.db
    .selectFrom('partnerships')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.commission_bps, row.organisation_id], ['offered', 750, orgId]);
  assert.equal(
    (
      await p.form('/mitra/tawar', {
        target: `organisation:${orgId}`,
        commission_pct: '5',
        ships_by: 'lumbung',
        terms: 'Tawaran kedua',
        starts_on: '2026-01-01',
      })
    ).status,
    422,
    'no second open offer',
  );
  assert.equal(
    (
      await p.form('/mitra/tawar', {
        target: `organisation:${orgId}`,
        commission_pct: '5',
        ships_by: 'lumbung',
        terms: 'Tanggal salah',
        starts_on: '2026-05-01',
        ends_on: '2026-04-01',
      })
    ).status,
    422,
  );

  const stranger = await w.as(
    'community_manager',
    await makeOrganisation(w.h.db, { villageCode: village }),
  );
  assert.equal((await stranger.form(`/kemitraan/${row.id}`, { decision: 'accepted' })).status, 404);
  const manager = await w.as('community_manager', orgId);
  assert.match(await (await manager.get('/kemitraan')).text(), /Pasar Nusantara/);
  assert.equal((await manager.form(`/kemitraan/${row.id}`, { decision: 'accepted' })).status, 303);
  assert.equal(
    (
      await w.h.db
        .selectFrom('partnerships')
        .select('status')
        .where('id', '=', row.id)
        .executeTakeFirstOrThrow()
    ).status,
    'accepted',
  );
  assert.equal(
    (await manager.form(`/kemitraan/${row.id}`, { decision: 'declined' })).status,
    409,
    'an accepted partnership cannot be declined',
  );
  token = await partnerToken();
});

test('the feed lists only partnered, listed, in-stock products, in JSON, CSV and RSS', async () => {
  const c = w.client();
  const res = await c.get('/api/v1/partner/feed', bearer(token));
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    items: { id: string; price: number; stock: number; available: boolean; link: string }[];
  };
  assert.deepEqual(
    body.items.map((i) => i.id),
    [listed.variantId],
  );
  assert.equal(body.items[0].price, 25000);
  assert.equal(body.items[0].stock, 50);
  assert.match(body.items[0].link, new RegExp(`/produk/${listed.productId}$`));
  const csv = await (await c.get('/api/v1/partner/feed.csv', bearer(token))).text();
  assert.match(csv, /^id,product_id,title/);
  assert.ok(
    csv.includes(listed.variantId) &&
      !csv.includes(unlisted.variantId) &&
      !csv.includes(notPartnered.variantId),
  );
  const xml = await (await c.get('/api/v1/partner/feed.xml', bearer(token))).text();
  assert.match(xml, /<g:price>25000 IDR<\/g:price>/);
  assert.match(xml, /<g:availability>in_stock<\/g:availability>/);
  assert.equal((await c.get('/api/v1/partner/feed')).status, 401, 'no token, no feed');
  const other = await w.as([['partner', otherPartner]]);
  assert.deepEqual(
    ((await (await other.get('/api/v1/partner/feed')).json()) as { items: unknown[] }).items,
    [],
    'another partner sees none of it',
  );
});

test('ETag and Last-Modified: an unchanged feed answers 304; incremental sync shows what dropped out', async () => {
  const c = w.client();
  const first = await c.get('/api/v1/partner/feed', bearer(token));
  const etag = first.headers.get('etag')!;
  assert.ok(etag && first.headers.get('last-modified'));
  assert.equal(
    (await c.get('/api/v1/partner/feed', { ...bearer(token), 'if-none-match': etag })).status,
    304,
  );
  await new Promise((r) => setTimeout(r, 5));
  const since = nowIso(); // everything before this was seen by the partner's last pull
  await new Promise((r) => setTimeout(r, 5));
  await w.h.db
    .updateTable('stock')
    .set({ available: 0, updated_at: nowIso() })
    .where('variant_id', '=', listed.variantId)
    .execute();
  assert.equal(
    (await c.get('/api/v1/partner/feed', { ...bearer(token), 'if-none-match': etag })).status,
    200,
    'a stock change is a new version',
  );
  const full = (await (await c.get('/api/v1/partner/feed', bearer(token))).json()) as {
    items: unknown[];
  };
  assert.equal(full.items.length, 0, 'out of stock drops out of the full feed');
  const inc = (await (
    await c.get(`/api/v1/partner/feed?updatedSince=${encodeURIComponent(since)}`, bearer(token))
  ).json()) as { items: { id: string; available: boolean }[] };
  assert.deepEqual(
    inc.items.map((i) => [i.id, i.available]),
    [[listed.variantId, false]],
    'incremental sync tells the partner to remove it',
  );
  await w.h.db
    .updateTable('stock')
    .set({ available: 50, updated_at: nowIso() })
    .where('variant_id', '=', listed.variantId)
    .execute();
});

const orderBody = (qty = 2) => ({
  externalId: 'PN-8842',
  lines: [{ variantId: listed.variantId, qty }],
  buyer: { name: 'Rina', phone: '081234560001' },
  delivery: { kind: 'pickup', servicePointId: pointId },
  paymentMethod: 'cod',
});

test('orders in: idempotent under concurrent replays; other body → 422; not in feed → 422; nothing duplicated', async () => {
  const c = w.client();
  const key = { ...bearer(token), 'idempotency-key': 'pn-order-8842-a' };
  const results = await Promise.all(
    Array.from({ length: 10 }, () => c.json('POST', '/api/v1/partner/orders', orderBody(), key)),
  );
  const ok = results.filter((r) => r.status === 201);
  assert.ok(ok.length >= 1);
  for (const r of results) assert.ok([201, 409].includes(r.status), `status ${r.status}`);
  const replay = await c.json('POST', '/api/v1/partner/orders', orderBody(), key);
  assert.equal(replay.status, 201);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true', 'a replay says so');
  const first = (await replay.json()) as { orders: { id: string }[] };
  const rows = await w.h.db
    .selectFrom('orders')
    .select(['id', 'channel', 'partner_id'])
    .where('partner_id', '=', partnerId)
    .execute();
  assert.equal(rows.length, 1, 'exactly one order');
  assert.deepEqual([rows[0].id, rows[0].channel], [first.orders[0].id, 'partner']);
  assert.equal(
    (await c.json('POST', '/api/v1/partner/orders', orderBody(3), key)).status,
    422,
    'same key, other body',
  );
  const before = (
    await w.h.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  for (const v of [unlisted.variantId, notPartnered.variantId]) {
    const r = await c.json(
      'POST',
      '/api/v1/partner/orders',
      { ...orderBody(), lines: [{ variantId: v, qty: 1 }] },
      { ...bearer(token), 'idempotency-key': `pn-bad-${v}` },
    );
    assert.equal(r.status, 422);
    const p = (await r.json()) as {
      code: string;
      title: string;
      detail: string;
      variants: string[];
    };
    assert.equal(p.code, 'PARTNERS_NOT_IN_FEED');
    assert.deepEqual(p.variants, [v], 'the variants not in the feed, as data');
    assert.ok(p.detail.includes(v), 'the occurrence is in detail');
    assert.ok(!p.title.includes(v), 'the title is the same for every occurrence');
  }
  assert.equal(
    (await c.json('POST', '/api/v1/partner/orders', orderBody(), bearer(token))).status,
    400,
    'an Idempotency-Key is required',
  );
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    before,
  );
  await w.h.db
    .updateTable('api_tokens')
    .set({ revoked_at: nowIso() })
    .where('token_hash', '=', hashToken(token))
    .execute();
  assert.equal(
    (
      await c.json('POST', '/api/v1/partner/orders', orderBody(), {
        ...bearer(token),
        'idempotency-key': 'pn-order-revoked',
      })
    ).status,
    401,
    'a revoked token is refused',
  );
  token = await partnerToken();
});

test('status webhooks are signed, retried after failure, and logged for the partner', async () => {
  const order = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  received.length = 0;
  failNext = 1;
  unwrap(await recordFulfilment(w.h.db, order.id, 'packed', ADMIN));
  await flushOrderEvents();
  const d = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('order_id', '=', order.id)
    .where('event', '=', 'order.fulfilment')
    .executeTakeFirstOrThrow();
  await drain(w.h.db);
  let row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.attempts, row.last_status], ['pending', 1, 500]);
  await w.h.db
    .updateTable('jobs')
    .set({ run_at: nowIso() })
    .where('status', '=', 'queued')
    .execute(); // the back-off has passed
  await drain(w.h.db);
  row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('id', '=', d.id)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.status, row.attempts, row.last_status], ['delivered', 2, 200]);
  assert.equal(received.length, 1);
  const secret = (
    await w.h.db
      .selectFrom('partners')
      .select('webhook_secret')
      .where('id', '=', partnerId)
      .executeTakeFirstOrThrow()
  ).webhook_secret;
  assert.ok(verifyWebhook(secret, received[0].sig, received[0].body), 'signature verifies');
  assert.ok(
    !verifyWebhook(secret, received[0].sig, received[0].body.replace('packed', 'delivered')),
    'a changed body does not',
  );
  assert.ok(
    !verifyWebhook(secret, received[0].sig, received[0].body, Math.floor(Date.now() / 1000) + 3600),
    'a replay an hour later does not',
  );
  assert.equal(JSON.parse(received[0].body).data.fulfilmentStatus, 'packed');
  const log = (await (
    await w.client().get('/api/v1/partner/webhook-deliveries', bearer(token))
  ).json()) as { items: { id: string }[] };
  assert.ok(log.items.some((i) => i.id === d.id));
});

test('a webhook endpoint that times out is a failed, retried attempt', async () => {
  process.env.LUMBUNG_WEBHOOK_TIMEOUT_MS = '200';
  await w.h.db
    .updateTable('partners')
    .set({ webhook_url: hookUrl.replace('/hook', '/slow') })
    .where('id', '=', partnerId)
    .execute();
  const order = await w.h.db
    .selectFrom('orders')
    .select('id')
    .where('partner_id', '=', partnerId)
    .executeTakeFirstOrThrow();
  unwrap(await recordFulfilment(w.h.db, order.id, 'handed_over', ADMIN));
  await drain(w.h.db);
  const row = await w.h.db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  assert.equal(row.status, 'pending');
  assert.match(row.last_error ?? '', /timeout/);
  delete process.env.LUMBUNG_WEBHOOK_TIMEOUT_MS;
  await w.h.db
    .updateTable('partners')
    .set({ webhook_url: null })
    .where('id', '=', partnerId)
    .execute();
});

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
  const csv = await (await officer.get(`/insentif/laporan/${stId}.csv`)).text();
  assert.equal(csv.trim().split('\r\n').length, 1 + lines.length + 1);

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
});

test('a stranger gets 401 before the body is read; the Idempotency-Key is required and its format checked', async () => {
  const c = w.client();
  const before = (
    await w.h.db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n;
  const stranger = await c.json('POST', '/api/v1/partner/orders', {});
  assert.equal(stranger.status, 401, 'no token: 401, not 422 with the body rules');
  assert.equal(((await stranger.json()) as { code: string }).code, 'UNAUTHENTICATED');
  const bad = await c.json('POST', '/api/v1/partner/orders', orderBody(), {
    ...bearer(token),
    'idempotency-key': 'short',
  });
  assert.equal(bad.status, 400);
  assert.equal(((await bad.json()) as { code: string }).code, 'IDEMPOTENCY_KEY_REQUIRED');
  assert.equal(
    (
      await w.h.db
        .selectFrom('orders')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
    before,
    'nothing placed',
  );
});

test("a partner reads its orders back (by id and as a filtered page) and lists pickup points; never another partner's", async () => {
  const c = w.client();
  token = await partnerToken();
  const placed = await c.json('POST', '/api/v1/partner/orders', orderBody(1), {
    ...bearer(token),
    'idempotency-key': 'pn-readback-0001',
  });
  assert.equal(placed.status, 201);
  const { orders, externalId } = (await placed.json()) as {
    orders: { id: string; number: string }[];
    externalId: string;
  };
  assert.equal(externalId, 'PN-8842');
  const one = await c.get(`/api/v1/partner/orders/${orders[0].id}`, bearer(token));
  assert.equal(one.status, 200);
  const o = (await one.json()) as {
    number: string;
    status: string;
    paymentMethod: string;
    delivery: { kind: string; servicePointId: string };
    lines: { variantId: string; qty: number }[];
  };
  assert.deepEqual(
    [o.number, o.status, o.paymentMethod, o.delivery.kind, o.delivery.servicePointId],
    [orders[0].number, 'placed', 'cod', 'pickup', pointId],
  );
  assert.deepEqual(
    o.lines.map((l) => [l.variantId, l.qty]),
    [[listed.variantId, 1]],
  );

  const page = (await (
    await c.get('/api/v1/partner/orders?status=placed&perPage=200', bearer(token))
  ).json()) as { items: { id: string; status: string }[]; hasMore: boolean };
  assert.ok(page.items.some((i) => i.id === orders[0].id));
  assert.ok(page.items.every((i) => i.status === 'placed'));
  const later = (await (
    await c.get(
      `/api/v1/partner/orders?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
      bearer(token),
    )
  ).json()) as { items: unknown[] };
  assert.deepEqual(later.items, [], 'nothing changed after a future time');
  assert.equal((await c.get('/api/v1/partner/orders?status=lost', bearer(token))).status, 422);

  const other = await w.as([['partner', otherPartner]]);
  assert.equal(
    (await other.get(`/api/v1/partner/orders/${orders[0].id}`)).status,
    404,
    "another partner's order is not found",
  );
  assert.ok(
    !(
      (await (await other.get('/api/v1/partner/orders')).json()) as { items: { id: string }[] }
    ).items.some((i) => i.id === orders[0].id),
  );
  assert.equal((await w.client().get(`/api/v1/partner/orders/${orders[0].id}`)).status, 401);

  const points = (await (
    await c.get(`/api/v1/partner/service-points?region=${village}`, bearer(token))
  ).json()) as { items: { id: string; villageCode: string }[] };
  assert.ok(points.items.some((p) => p.id === pointId));
  assert.ok(points.items.every((p) => p.villageCode === village));
});

test('the webhook body partners parse is camelCase, pinned literally', () => {
  const body = webhookBody(
    'whd_01',
    {
      orderId: 'ord_01',
      kind: 'fulfilment',
      from: 'unfulfilled',
      to: 'packed',
      at: '2026-03-01T08:00:00.000Z',
    },
    {
      id: 'ord_01',
      number: 'LMB-2026-000123',
      status: 'placed',
      payment_status: 'unpaid',
      fulfilment_status: 'packed',
    },
  );
  assert.equal(
    body,
    '{"id":"whd_01","type":"order.fulfilment","createdAt":"2026-03-01T08:00:00.000Z","data":{"orderId":"ord_01","number":"LMB-2026-000123","change":{"kind":"fulfilment","from":"unfulfilled","to":"packed"},"status":"placed","paymentStatus":"unpaid","fulfilmentStatus":"packed"}}',
  );
});
