// The audit-trail reader (issue 15): national admins read every row; regional officers only
// rows about entities in their region, placed by the owning domains' resolvers (page and API);
// filters, keyset paging, and the hash-chain check naming the first broken row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeNetwork } from '../../../test/support/logistics.js';
import { villageCodesIn, importProfilesCsv } from '../regions/index.js';
import { setListing } from '../catalog/index.js';
import { createParcel } from '../logistics/index.js';
import { inTransaction } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';

let w: World;
let ngada: string[], bwi: string[];
let ngadaOfficer: Awaited<ReturnType<World['as']>>;
let bwiOfficer: Awaited<ReturnType<World['as']>>;
before(async () => {
  w = await createWorld();
  ngada = (await villageCodesIn(w.h.db, '53.09.02')).slice(0, 3);
  bwi = (await villageCodesIn(w.h.db, '35.10.01')).slice(0, 2);
  ngadaOfficer = await w.as('regional_officer', '53.09');
  bwiOfficer = await w.as('regional_officer', '35.10');
  for (const [i, v] of ngada.entries())
    assert.equal(
      (await ngadaOfficer.form(`/wilayah/${v}/bergabung`, { joined_on: `2025-0${i + 1}-01` }))
        .status,
      303,
    );
  for (const v of bwi)
    assert.equal(
      (await bwiOfficer.form(`/wilayah/${v}/bergabung`, { joined_on: '2025-01-01' })).status,
      303,
    );
  // A CSV import is audited about no one region: national-only.
  await importProfilesCsv(w.h.db, 'system', `village_code,poverty_share\n${ngada[0]},0.2`);
});
after(() => w.close());

const apiItems = async (client: Awaited<ReturnType<World['as']>>, q: string) => {
  const r = await client.get(`/api/v1/audit?${q}`);
  assert.equal(r.status, 200, await r.clone().text());
  return (await r.json()) as {
    items: {
      seq: number;
      entityType: string;
      entityId: string;
      region: string | null;
      actorId: string | null;
      actorName: string | null;
    }[];
    next: number | null;
  };
};

test('a regional officer reads only rows about its region, by page and by API; the limit is stated', async () => {
  const page = await (await ngadaOfficer.get('/audit')).text();
  // The limit names the kinds of record in the reader's language, not their keys.
  const limit = page.match(/data-testid="limit">([^<]*)</)?.[1] ?? '';
  assert.match(limit, /Peluncuran desa/);
  assert.doesNotMatch(limit, /question_bank|targeting_weights/);
  for (const v of ngada)
    assert.match(page, new RegExp(`Peluncuran desa · <code>${v.replace(/\./g, '\\.')}</code>`));
  for (const v of bwi)
    assert.doesNotMatch(
      page,
      new RegExp(v.replace(/\./g, '\\.')),
      "another region's rows never show",
    );
  assert.doesNotMatch(page, /village_profiles/, 'rows no resolver places are national-only');
  assert.match(
    page,
    /hanya jenis data yang dapat dikaitkan dengan wilayah \([^)]*Peluncuran desa[^)]*\)/,
  );
  assert.match(page, />Test regional_officer \d+<\/a>/, 'actors in the region are named');
  const api = await apiItems(ngadaOfficer, 'limit=200');
  assert.ok(api.items.length >= 3);
  assert.ok(
    api.items.every((x) => x.region && x.region.startsWith('53.09')),
    JSON.stringify(api.items),
  );
  const probe = await apiItems(ngadaOfficer, `entityType=rollout&entityId=${bwi[0]}`);
  assert.deepEqual(probe.items, [], 'asking for a foreign entity by id reveals nothing');
  const other = await apiItems(bwiOfficer, 'limit=200');
  assert.ok(
    other.items.every((x) => x.region!.startsWith('35.10')) &&
      other.items.some((x) => x.entityId === bwi[0]),
  );
});

test('national admins read everything; analysts and visitors may not read the trail', async () => {
  const admin = await w.as('national_admin', null);
  const all = await apiItems(admin, 'limit=200');
  const ids = new Set(all.items.map((x) => x.entityId));
  for (const v of [...ngada, ...bwi, 'csv']) assert.ok(ids.has(v), v);
  assert.match(
    await (await admin.get('/audit')).text(),
    /Profil desa \(impor\) · <code>csv<\/code>/,
  );
  const analyst = await w.as('analyst', '53.09');
  assert.equal((await analyst.get('/audit')).status, 403);
  assert.equal((await analyst.get('/api/v1/audit')).status, 403);
  assert.equal((await w.client().get('/api/v1/audit')).status, 401);
});

test('filters: entity, actor, date range; a bad date is named and reads nothing', async () => {
  const one = await apiItems(ngadaOfficer, `entityType=rollout&entityId=${ngada[1]}`);
  assert.deepEqual(
    one.items.map((x) => x.entityId),
    [ngada[1]],
  );
  const byActor = await apiItems(bwiOfficer, `actorId=${bwiOfficer.userId}&limit=200`);
  assert.deepEqual(byActor.items.map((x) => x.entityId).sort(), [...bwi].sort());
  assert.ok(byActor.items.every((x) => x.actorName?.startsWith('Test regional_officer')));
  // Whole days in the reader's zone: Ngada is WITA (UTC+8), so after 16:00 UTC it is tomorrow there.
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  assert.ok((await apiItems(ngadaOfficer, `from=${today}&to=${today}`)).items.length >= 3);
  assert.deepEqual((await apiItems(ngadaOfficer, 'from=2020-01-01&to=2020-12-31')).items, []);
  const bad = await ngadaOfficer.get('/audit?from=2025-02-30');
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Tanggal tidak sah/);
  const range = await ngadaOfficer.get('/api/v1/audit?from=2025-03-01&to=2025-02-01', {
    'accept-language': 'en',
  });
  assert.equal(range.status, 422);
  const html = await (await ngadaOfficer.get(`/audit?actorId=${ngadaOfficer.userId}`)).text();
  assert.match(html, /Pelaku: Test regional_officer/);
});

test('keyset paging walks every visible row once, newest first', async () => {
  const seen: number[] = [];
  let q = 'limit=1';
  for (let i = 0; i < 50; i++) {
    const p = await apiItems(ngadaOfficer, q);
    seen.push(...p.items.map((x) => x.seq));
    if (p.next === null) break;
    q = `limit=1&before=${p.next}`;
  }
  const all = (await apiItems(ngadaOfficer, 'limit=200')).items.map((x) => x.seq);
  assert.deepEqual(seen, all);
  assert.deepEqual(
    [...all].sort((a, b) => b - a),
    all,
  );
  const first = await (await ngadaOfficer.get('/audit')).text();
  assert.ok(all.length <= 50 || /rel="next"/.test(first));
});

test('the verify button checks the chain and names the first broken row', async () => {
  const ok = await ngadaOfficer.form('/audit/verifikasi', {});
  assert.equal(ok.status, 200);
  assert.match(await ok.text(), /Rantai utuh: \d+ catatan diperiksa/);
  const victim = (
    await w.h.db
      .selectFrom('audit_log')
      .select('seq')
      .where('entity_id', '=', ngada[1])
      .executeTakeFirstOrThrow()
  ).seq;
  await w.h.db
    .updateTable('audit_log')
    .set({ data: '{"joinedOn":"1999-01-01"}' })
    .where('seq', '=', victim)
    .execute();
  const broken = await (await ngadaOfficer.form('/audit/verifikasi', {})).text();
  assert.match(
    broken,
    new RegExp(
      `Rantai putus pada catatan nomor ${victim}: isi catatan diubah\\. ${victim - 1} catatan sebelumnya utuh`,
    ),
  );
  const en = await (await w.as('national_admin', null)).form(
    '/audit/verifikasi',
    {},
    { headers: { 'accept-language': 'en' } },
  );
  assert.match(
    await en.text(),
    new RegExp(`Chain broken at row number ${victim}|Rantai putus pada catatan nomor ${victim}`),
  );
});

test("community, catalog and logistics rows show in their region's trail and nowhere else", async () => {
  const admin = await w.as('national_admin', null);
  const made: Record<string, { type: string; id: string }[]> = { '53.09': [], '35.10': [] };
  for (const [regency, village] of [
    ['53.09', ngada[2]],
    ['35.10', bwi[1]],
  ] as const) {
    const org = await admin.json('POST', '/api/v1/community/organisations', {
      villageCode: village,
      kind: 'bumdes',
      name: `BUMDes Audit ${regency}`,
    });
    assert.equal(org.status, 201, await org.clone().text());
    const orgId = ((await org.json()) as { id: string }).id;
    const point = await admin.json('POST', '/api/v1/community/service-points', {
      name: `Titik Audit ${regency}`,
      villageCode: village,
      openingHours: 'Senin–Sabtu 08.00–16.00',
      services: ['parcels'],
    });
    assert.equal(point.status, 201, await point.clone().text());
    const umkm = await admin.json('POST', '/api/v1/community/umkm', {
      consent: true,
      ownerName: 'Ibu Audit',
      phone: testPhone(),
      name: `Tenun Audit ${regency}`,
      businessType: 'tenun',
      villageCode: village,
      organisationId: orgId,
    });
    assert.equal(umkm.status, 201, await umkm.clone().text());
    const umkmId = ((await umkm.json()) as { id: string }).id;
    const product = await makeProduct(w.h, { umkmId, listed: false });
    assert.ok(
      await inTransaction(w.h.db, (tx) => setListing(tx, product.productId, 'listed', null)),
    );
    made[regency].push(
      { type: 'organisation', id: orgId },
      { type: 'service_point', id: ((await point.json()) as { id: string }).id },
      { type: 'umkm', id: umkmId },
      { type: 'product', id: product.productId },
    );
  }
  // Hubs and a parcel of Ngada's network (fixtures write them through logistics' services).
  const net = await makeNetwork(w.h.db, { points: 2 });
  const parcel = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[1],
      weightGrams: 500,
    }),
  );
  made['53.09'].push({ type: 'hub', id: net.kecHub }, { type: 'parcel', id: parcel.id });

  const ngadaRows = (await apiItems(ngadaOfficer, 'limit=200')).items;
  const bwiRows = (await apiItems(bwiOfficer, 'limit=200')).items;
  const has = (rows: typeof ngadaRows, e: { type: string; id: string }) =>
    rows.some((r) => r.entityType === e.type && r.entityId === e.id);
  for (const e of made['53.09']) {
    assert.ok(has(ngadaRows, e), `Ngada's officer sees ${e.type} ${e.id}`);
    assert.ok(!has(bwiRows, e), `Banyuwangi's officer does not see ${e.type} ${e.id}`);
  }
  for (const e of made['35.10']) {
    assert.ok(has(bwiRows, e), `Banyuwangi's officer sees ${e.type} ${e.id}`);
    assert.ok(!has(ngadaRows, e), `Ngada's officer does not see ${e.type} ${e.id}`);
  }
  assert.ok(ngadaRows.every((r) => r.region?.startsWith('53.09')));
  // The page lists them too, and names the kinds a region can see.
  const page = await (await ngadaOfficer.get('/audit?entityType=umkm')).text();
  assert.match(page, new RegExp(`UMKM · <code>${made['53.09'][2].id}</code>`));
  const limit = /data-testid="limit">([^<]*)</.exec(page)![1];
  for (const kind of ['Hub', 'Paket', 'Produk', 'Organisasi', 'Titik layanan'])
    assert.ok(limit.includes(kind), `the limit names ${kind}`);
});
