// Partnerships and the feed: offers and decisions, the dashboards' names, the feed's contents and
// its versions. The tests share one world built once; the feed tests use the partnership the first
// test accepts. Orders in, webhooks and registration have their own files (partners-*.test.ts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  bearer,
  partnersWorld,
  partnerToken as tokenFor,
  type PartnersWorld,
} from '../../../test/support/partners.js';
import type { World } from '../../../test/support/world.js';
import { makeOrganisation } from '../../../test/support/community.js';
import { nowIso } from '../../kernel/db/index.js';
import {
  offerTargets,
  partnerStats,
  partnershipsForOrganisations,
  partnershipsOfPartner,
} from './partners.queries.js';

type Variant = { productId: string; variantId: string };
let pw: PartnersWorld;
let w: World;
let token: string;
let village: string;
let orgId: string;
let partnerId: string;
let otherPartner: string;
let listed: Variant;
let unlisted: Variant;
let notPartnered: Variant;

before(async () => {
  pw = await partnersWorld();
  ({ w, village, orgId, partnerId, otherPartner, listed, unlisted, notPartnered } = pw);
});
after(() => pw.close());

const partnerClient = () => w.as([['partner', partnerId]]);
const partnerToken = () => tokenFor(w, partnerId);

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

test('the dashboards name UMKM, organisations and villages; an offer to an organisation’s UMKM reaches its manager', async () => {
  const other = await w.as([['partner', otherPartner]]);
  const offered = await other.form('/mitra/tawar', {
    target: `umkm:${pw.umkmA}`,
    commission_pct: '5',
    ships_by: 'partner',
    terms: 'Langsung ke UMKM',
    starts_on: '2026-01-01',
  });
  assert.equal(offered.status, 201);
  const named = (
    rows: { partner_name: string; umkm_name: string | null; org_name: string | null }[],
  ) => rows.map((r) => [r.partner_name, r.umkm_name, r.org_name]).sort();
  assert.deepEqual(named(await partnershipsForOrganisations(w.h.db, [orgId])), [
    ['Pasar Nusantara', null, 'BUMDes Mitra'],
    ['Toko Lain', 'Gula Aren Sari', null],
  ]);
  const theirs = await partnershipsOfPartner(w.h.db, otherPartner);
  assert.deepEqual(
    theirs.map((r) => [r.umkm_name, r.org_name, r.status]),
    [['Gula Aren Sari', null, 'offered']],
  );
  // The accepted organisation partnership reaches both of its UMKM; the offer reaches nobody yet.
  assert.equal((await partnerStats(w.h.db, partnerId)).umkm, 2);
  assert.equal((await partnerStats(w.h.db, otherPartner)).umkm, 0);
  const villageName = (
    await w.h.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', village)
      .executeTakeFirstOrThrow()
  ).name;
  const targets = await offerTargets(w.h.db);
  assert.deepEqual(
    targets.orgs.find((o) => o.id === orgId),
    { id: orgId, name: 'BUMDes Mitra', village: villageName },
  );
  assert.deepEqual(
    targets.umkm.find((u) => u.id === pw.umkmA),
    { id: pw.umkmA, name: 'Gula Aren Sari', village: villageName },
  );
  assert.equal(
    targets.umkm.find((u) => u.id === pw.umkmB),
    undefined,
    'nothing listed, no target',
  );
  const page = await (await other.get('/mitra')).text();
  assert.match(page, /Gula Aren Sari/);
});

test('the feed lists only partnered, listed, in-stock products, in JSON, CSV and RSS', async () => {
  const c = w.client();
  const res = await c.get('/api/v1/partner/feed', bearer(token));
  assert.equal(res.status, 200);
  const body = (await res.json()) as {
    items: {
      id: string;
      price: number;
      stock: number;
      available: boolean;
      link: string;
      umkm: { id: string; name: string };
      village: { code: string; name: string };
    }[];
  };
  assert.deepEqual(
    body.items.map((i) => i.id),
    [listed.variantId],
  );
  assert.equal(body.items[0].price, 25000);
  // The seller and its village are named (community's and regions' names of the page's rows).
  const villageName = (
    await w.h.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', village)
      .executeTakeFirstOrThrow()
  ).name;
  assert.deepEqual(body.items[0].umkm, { id: pw.umkmA, name: 'Gula Aren Sari' });
  assert.deepEqual(body.items[0].village, { code: village, name: villageName });
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
