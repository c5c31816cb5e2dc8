// Areas: import from the package (demo regencies plus Aceh Selatan), search, the API and the
// browse pages, with malformed and unknown codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, DEMO_REGENCIES, type World } from '../../../test/support/world.js';
import {
  importRegions,
  normaliseName,
  villageKind,
  regionChain,
  searchRegions,
  timeZoneOf,
  regionsRoutes,
  villagesIn,
} from './index.js';

let w: World;
before(async () => {
  w = await createWorld({ regions: [...DEMO_REGENCIES, '11.01'] });
});
after(() => w.close());

test('village kind comes from the first digit of the last segment', () => {
  assert.equal(villageKind('53.09.06.1013'), 'kelurahan');
  assert.equal(villageKind('53.09.06.2001'), 'desa');
  assert.equal(villageKind('91.01.01.3001'), 'desa_adat');
  assert.equal(normaliseName('Regapu’u'), 'regapuu');
  assert.equal(normaliseName('  Kélurahan  BAJAWA-Utara '), 'kelurahan bajawa utara');
});

test('a second import of the same areas changes nothing; a renamed area keeps its code and references', async () => {
  const again = await importRegions(w.h.db, { prefixes: [...DEMO_REGENCIES, '11.01'] });
  assert.equal(again.inserted, 0);
  assert.equal(again.updated, 0);
  // Simulate an older package having another name: the import restores it by code.
  await w.h.db
    .updateTable('regions')
    .set({ name: 'Bajawa Lama', name_norm: 'bajawa lama' })
    .where('code', '=', '53.09.06')
    .execute();
  await w.h.db
    .insertInto('rollouts')
    .values({
      region_code: '53.09.06',
      joined_on: '2022-01-01',
      created_at: new Date().toISOString(),
      created_by: null,
      is_demo: 0,
    })
    .execute();
  const fixed = await importRegions(w.h.db, { prefixes: ['53.09'] });
  assert.equal(fixed.updated, 1);
  const row = await w.h.db
    .selectFrom('regions')
    .select('name')
    .where('code', '=', '53.09.06')
    .executeTakeFirstOrThrow();
  assert.equal(row.name, 'Bajawa');
  const ref = await w.h.db
    .selectFrom('rollouts')
    .select('joined_on')
    .where('region_code', '=', '53.09.06')
    .executeTakeFirstOrThrow();
  assert.equal(ref.joined_on, '2022-01-01', 'references survive the rename');
  await w.h.db.deleteFrom('rollouts').where('region_code', '=', '53.09.06').execute();
  assert.equal(
    (await searchRegions(w.h.db, 'lama')).filter((h) => h.code === '53.09.06').length,
    0,
    'old words left the index',
  );
});

test('search: "bakongan" finds both districts and the villages of Bakongan; case, accents and word prefixes', async () => {
  const hits = await searchRegions(w.h.db, 'bakongan', { limit: 50 });
  const codes = hits.map((h) => h.code);
  assert.deepEqual(
    codes.slice(0, 3),
    ['11.01.01', '11.01.15', '11.01.01.2001'],
    'districts first, then the village named Keude Bakongan',
  );
  assert.ok(codes.includes('11.01.01.2002'), 'Ujong Mangki lies in Bakongan');
  assert.equal(hits.find((h) => h.code === '11.01.01.2002')!.match, 'parent');
  assert.deepEqual(hits[2].context, ['Bakongan', 'Kabupaten Aceh Selatan', 'Aceh']);
  for (const q of ['BAKONGAN', 'Bakongán', 'bakon', '  keude   bak ']) {
    assert.ok(
      (await searchRegions(w.h.db, q)).some((h) => h.code === '11.01.01.2001'),
      q,
    );
  }
  assert.deepEqual(
    (await searchRegions(w.h.db, 'keude bak')).map((h) => h.code),
    ['11.01.01.2001'],
    'every word must match',
  );
  assert.deepEqual(await searchRegions(w.h.db, 'akongan'), [], 'prefix of a word, not an infix');
  assert.deepEqual(await searchRegions(w.h.db, ' !! '), []);
  const kota = await searchRegions(w.h.db, 'kota kupang');
  assert.equal(kota[0].code, '53.71');
  const within = await searchRegions(w.h.db, 'bajawa', { within: '53.09.15' });
  assert.ok(within.length > 0 && within.every((h) => h.code.startsWith('53.09.15')));
});

test('chain and time zones', async () => {
  assert.deepEqual(
    (await regionChain(w.h.db, '53.09.06.1013')).map((a) => a.code),
    ['53', '53.09', '53.09.06', '53.09.06.1013'],
  );
  assert.deepEqual(await regionChain(w.h.db, '53.09.06.9999'), []);
  assert.equal(timeZoneOf('53.09.06.1013'), 'WITA');
  assert.equal(timeZoneOf('35.10'), 'WIB');
  assert.equal(timeZoneOf('94'), 'WIT');
  assert.equal(timeZoneOf('64.01'), 'WITA');
  assert.equal(timeZoneOf('62'), 'WIB');
});

test('API: an area with chain and child counts; children by parent; search; clear 404 and 422', async () => {
  const c = w.client();
  const r = await c.get('/api/v1/regions/53.09');
  assert.equal(r.status, 200);
  const body = (await r.json()) as any;
  assert.equal(body.name, 'Kabupaten Ngada');
  assert.equal(body.timeZone, 'WITA');
  assert.deepEqual(
    body.chain.map((a: any) => a.code),
    ['53'],
  );
  assert.deepEqual(body.childCounts, { regencies: 0, districts: 12, villages: 206 });
  const prov = (await (await c.get('/api/v1/regions/53')).json()) as any;
  assert.equal(prov.childCounts.regencies, 22);

  const kids = (await (await c.get('/api/v1/regions?parent=53.09.06')).json()) as any;
  assert.ok(kids.items.length > 5 && kids.items.every((a: any) => a.parentCode === '53.09.06'));
  const provinces = (await (await c.get('/api/v1/regions')).json()) as any;
  assert.equal(provinces.items.length, 38);
  const found = (await (await c.get('/api/v1/regions?q=bakongan')).json()) as any;
  assert.equal(found.items[0].code, '11.01.01');

  const bad = await c.get('/api/v1/regions/53.9', { 'accept-language': 'en' });
  assert.equal(bad.status, 422);
  assert.equal(bad.headers.get('content-type')?.startsWith('application/problem+json'), true);
  assert.match(((await bad.json()) as any).detail, /"53\.9" is malformed/);
  const unknown = await c.get('/api/v1/regions/53.09.99');
  assert.equal(unknown.status, 404);
  const p = (await unknown.json()) as any;
  assert.equal(p.code, 'REGIONS_UNKNOWN_CODE');
  assert.match(p.detail, /53\.09\.99/, 'the occurrence is in detail');
  assert.ok(!p.title.includes('53.09.99'), 'the title is the same for every occurrence');
  assert.equal((await c.get('/api/v1/regions?parent=99')).status, 404);
  assert.equal((await c.get('/api/v1/regions?parent=x')).status, 422);

  // Generated from this domain's sub-app so another domain's schema cannot mask ours.
  const doc = regionsRoutes().getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
  }) as any;
  for (const path of [
    '/api/v1/regions',
    '/api/v1/regions/{code}',
    '/api/v1/regions/{code}/targeting',
    '/api/v1/regions/profiles/import',
    '/api/v1/regions/{code}/weights',
    '/api/v1/regions/{code}/rollout',
    '/api/v1/regions/{code}/profile',
    '/api/v1/regions/readiness',
  ])
    assert.ok(doc.paths[path], path);
  // Every success body is declared, down to its items (no empty or any-typed schema).
  const open = (s: any): boolean =>
    !s ||
    Object.keys(s).length === 0 ||
    Object.values(s.properties ?? {}).some(open) ||
    (s.items !== undefined && open(s.items)) ||
    (s.additionalProperties !== undefined && open(s.additionalProperties));
  for (const [path, item] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(item))
      for (const [status, r] of Object.entries<any>(op.responses)) {
        if (Number(status) < 300)
          assert.ok(
            !open(r.content?.['application/json']?.schema),
            `${method} ${path} ${status} declares its body`,
          );
      }
});

test('pages: search and browse work without JavaScript; unknown code is a 404 page in Bahasa', async () => {
  const c = w.client();
  const search = await (await c.get('/wilayah?q=bakongan')).text();
  assert.match(search, /Keude Bakongan/);
  assert.match(search, /Bakongan Timur/);
  const browse = await (await c.get('/wilayah?parent=53.09')).text();
  assert.match(browse, /Bajawa Utara/);
  const top = await (await c.get('/wilayah')).text();
  assert.match(top, /Nusa Tenggara Timur/);
  const detail = await c.get('/wilayah/53.09.06');
  assert.equal(detail.status, 200);
  const html = await detail.text();
  assert.match(html, /Kecamatan/);
  assert.match(html, /WITA/);
  assert.doesNotMatch(html, /Profil desa/, 'no staff data for visitors');
  const missing = await c.get('/wilayah/53.09.99');
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /tidak ada dalam data Kemendagri/);
  assert.equal((await c.get('/wilayah/abc')).status, 422);
});

test('the village list of a scope is kept, and an import that adds areas shows in it at once', async () => {
  const w2 = await createWorld({ regions: ['53.09'] });
  try {
    const ngada = await villagesIn(w2.h.db, 'all');
    assert.ok(ngada.length > 100);
    assert.ok(ngada.every((v) => v.code.startsWith('53.09.')));
    assert.equal(await villagesIn(w2.h.db, 'all'), ngada, 'the second read is the kept list');
    // Another world of other areas never gets this one's list.
    const other = await villagesIn(w.h.db, ['11.01']);
    assert.ok(other.length > 0 && other.every((v) => v.code.startsWith('11.01.')));
    await importRegions(w2.h.db, { prefixes: ['11.01'] });
    const both = await villagesIn(w2.h.db, 'all');
    assert.equal(both.length, ngada.length + other.length);
    assert.deepEqual(
      both.map((v) => v.code),
      [...other, ...ngada].map((v) => v.code),
    );
  } finally {
    await w2.close();
  }
});
