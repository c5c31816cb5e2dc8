// Search on both engines over a fixture set: relevance, prefixes and Indonesian affixes,
// filters, pagination, listed products only, the index following edits and listing, the
// public pages within their statement budget, and the stemmer itself.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { newId } from '../../../kernel/ids/index.js';
import { nowIso } from '../../../kernel/db/index.js';
import { setListing } from '../listing.js';
import { searchProducts, reindexProduct } from './index.js';
import { sqliteEngine } from './sqlite.js';
import { postgresEngine, postgresSearch, regionLexeme } from './postgres.js';
import { browse, filters } from './engine.js';
import { sql } from 'kysely';
import { planWithoutSeqScan } from '../../../../test/support/plan.js';
import { isPostgres } from '../../../kernel/db/index.js';
import { stem, indexText } from './normalise.js';

let w: World;
const ids: Record<string, string> = {};
let ngadaVillage: string;

before(async () => {
  w = await createWorld();
  ngadaVillage = await anyVillage(w.h.db, '53.09');
  const banyuwangi = await anyVillage(w.h.db, '35.10');
  const org = await makeOrganisation(w.h.db, {
    villageCode: ngadaVillage,
    name: 'BUMDes Mawar Ngada',
  });
  const sari = await makeUmkm(w.h.db, {
    villageCode: ngadaVillage,
    organisationId: org,
    name: 'Dapur Ibu Sari',
  });
  const yosef = await makeUmkm(w.h.db, {
    villageCode: ngadaVillage,
    name: 'Kopi Bajawa Pak Yosef',
  });
  const osing = await makeUmkm(w.h.db, { villageCode: banyuwangi, name: 'Tenun Osing Bu Ani' });
  await w.h.db
    .insertInto('certifications')
    .values({
      id: newId('crt'),
      umkm_id: sari,
      kind: 'halal_self_declare',
      number: 'ID35110000123',
      issued_on: '2025-01-01',
      expires_on: '2029-01-01',
      created_at: nowIso(),
    })
    .execute();
  await w.h.db
    .insertInto('certifications')
    .values({
      id: newId('crt'),
      umkm_id: yosef,
      kind: 'halal_regular',
      number: 'ID00000000001',
      issued_on: '2020-01-01',
      expires_on: '2024-01-01',
      created_at: nowIso(),
    })
    .execute();
  const mk = async (
    key: string,
    umkmId: string,
    o: Parameters<typeof makeProduct>[1] extends infer T ? Omit<T & object, 'umkmId'> : never,
  ) => {
    ids[key] = (await makeProduct(w.h, { umkmId, ...o })).productId;
  };
  await mk('gula', sari, {
    title: 'Gula Aren Cetak 500 g',
    category: 'gula-aren',
    price: 25000,
    description: 'Gula dari nira pohon aren, dimasak di tungku kayu.',
  });
  await mk('gulaSemut', sari, {
    title: 'Gula Semut Organik',
    category: 'gula-aren',
    price: 30000,
    description: 'Gula semut dari nira aren, butiran halus.',
  });
  await mk('keripik', sari, {
    title: 'Keripik Singkong Pedas',
    category: 'keripik',
    price: 12000,
    stock: 0,
    description: 'Singkong dari kebun sendiri, digoreng dengan minyak kelapa.',
  });
  await mk('kopi', yosef, {
    title: 'Kopi Arabika Bajawa 250 g',
    category: 'kopi',
    price: 65000,
    description: 'Kopi arabika dari lereng Gunung Inerie, diolah basah.',
  });
  await mk('kopiRobusta', yosef, {
    title: 'Kopi Robusta Flores',
    category: 'kopi',
    price: 40000,
    description: 'Biji kopi robusta sangrai sedang.',
  });
  await mk('tenun', osing, {
    title: 'Kain Tenun Ikat Motif Gajah Oling',
    category: 'tenun',
    price: 450000,
    description: 'Tenunan tangan dengan pewarna alam, dikerjakan tiga minggu.',
  });
  await mk('anyaman', osing, {
    title: 'Tas Anyaman Pandan',
    category: 'anyaman',
    price: 85000,
    description: 'Anyaman daun pandan, kuat dan ringan.',
  });
  await mk('hidden', sari, {
    title: 'Gula Aren Cair Rahasia',
    category: 'gula-aren',
    price: 20000,
    listed: false,
    description: 'Belum dinilai: tidak boleh tampil di pencarian.',
  });
});
after(() => w.close());

const find = async (q: Parameters<typeof searchProducts>[1]) =>
  (await searchProducts(w.h.db, q)).items.map((i) => Object.keys(ids).find((k) => ids[k] === i.id));

test('stemmer: common affixes come off, short roots stay', () => {
  assert.equal(stem('perikanan'), 'ikan');
  assert.equal(stem('sayuran'), 'sayur');
  assert.equal(stem('anyaman'), 'anyam');
  assert.equal(stem('tenunan'), 'tenun');
  assert.equal(stem('menenun'), 'tenun');
  assert.equal(stem('kopinya'), 'kopi');
  assert.equal(stem('berkualitas'), 'kualitas');
  for (const root of ['ikan', 'kopi', 'beras', 'aren', 'madu']) assert.equal(stem(root), root);
  assert.equal(indexText('Gula ARÉN'), 'gula aren');
});

test('"aren" finds Gula Aren by prefix, title matches rank first, unlisted never shows', async () => {
  const r = await find({ q: 'aren' });
  assert.deepEqual(r.slice(0, 1), ['gula']);
  assert.ok(r.includes('gulaSemut'));
  assert.ok(!r.includes('hidden'));
  assert.deepEqual(await find({ q: 'GULA aren' }), ['gula', 'gulaSemut']);
  assert.deepEqual(await find({ q: 'rahasia' }), []);
});

test('relevance and affixes: kopi Bajawa, tenun ikat, anyam, producer and village names', async () => {
  assert.deepEqual((await find({ q: 'kopi bajawa' }))[0], 'kopi');
  assert.deepEqual((await find({ q: 'kopi' })).sort(), ['kopi', 'kopiRobusta']);
  assert.deepEqual((await find({ q: 'tenun ikat' }))[0], 'tenun');
  assert.ok((await find({ q: 'tenunan' })).includes('tenun'), 'suffix -an: tenunan → tenun');
  assert.ok(
    (await find({ q: 'menganyam' })).includes('anyaman'),
    'prefix meng-: menganyam → anyam',
  );
  assert.ok((await find({ q: 'anyam' })).includes('anyaman'));
  assert.ok((await find({ q: 'Ibu Sari' })).includes('gula'), 'producer name');
  assert.ok((await find({ q: 'mawar' })).includes('gula'), 'BUMDes name');
  assert.ok((await find({ q: 'ngada' })).includes('kopi'), 'regency name');
  assert.ok((await find({ q: 'palm sugar' })).includes('gula'), 'English category name');
  assert.deepEqual(await find({ q: '"); drop table products; --' }), []);
  assert.deepEqual(await find({ q: 'OR AND NOT * :' }), []);
});

test('filters: category and group, region prefix, price range, halal (valid only), in stock', async () => {
  assert.deepEqual((await find({ category: 'kopi' })).sort(), ['kopi', 'kopiRobusta']);
  assert.deepEqual((await find({ category: 'kerajinan' })).sort(), ['anyaman', 'tenun']);
  assert.deepEqual(await find({ category: 'tidak-ada' }), []);
  assert.deepEqual((await find({ region: '35' })).sort(), ['anyaman', 'tenun']);
  assert.deepEqual((await find({ region: '35.10' })).sort(), ['anyaman', 'tenun']);
  assert.equal((await find({ region: ngadaVillage })).length, 5);
  assert.deepEqual(await find({ region: '3' }), []);
  // With words every level of region matches too (PostgreSQL: by its lexeme, 0406).
  const district = ngadaVillage.slice(0, 8);
  for (const region of ['53', '53.09', district, ngadaVillage])
    assert.ok((await find({ q: 'kopi', region })).includes('kopi'), region);
  assert.deepEqual(await find({ q: 'kopi', region: '35' }), []);
  assert.deepEqual(await find({ q: 'kopi', region: '53.1' }), []);
  assert.ok((await find({ q: 'tenun', region: '35.10' })).includes('tenun'));
  assert.deepEqual(await find({ q: 'kopi', region: '35.10' }), []);
  assert.deepEqual((await find({ min: 30000, max: 70000 })).sort(), [
    'gulaSemut',
    'kopi',
    'kopiRobusta',
  ]);
  // Ibu Sari's halal certificate is valid; Pak Yosef's expired in 2024.
  assert.deepEqual((await find({ halal: true })).sort(), ['gula', 'gulaSemut', 'keripik']);
  assert.ok(!(await find({ inStock: true })).includes('keripik'));
  assert.deepEqual(
    await find({
      q: 'gula',
      halal: true,
      inStock: true,
      category: 'makanan-minuman',
      region: '53.09',
      max: 26000,
    }),
    ['gula'],
  );
});

test('SQLite: ranking only the best K matches gives the same pages and totals as ranking all', async (t) => {
  if (isPostgres(w.h.db)) return t.skip('SQLite engine');
  // K of 1–3 forces every path on this small fixture: candidates covering the matches or not,
  // enough of them passing the filters or the exact statement, the capped count or none.
  const all = sqliteEngine(() => 10_000);
  const queries = [
    { q: 'aren' },
    { q: 'gula' },
    { q: 'kopi' },
    { q: 'kopi', pageSize: 1 },
    { q: 'kopi', pageSize: 1, page: 2 },
    { q: 'kopi', pageSize: 1, page: 3 },
    { q: 'gula', halal: true },
    { q: 'ngada', inStock: true, pageSize: 2 },
    { q: 'ngada', pageSize: 2, page: 2 },
    { q: 'ngada', category: 'kopi' },
    { q: 'ngada', min: 30000, max: 70000, pageSize: 1, page: 2 },
    { q: 'tenun', region: '35' },
    { q: 'rahasia' },
    { q: 'pandan', region: '53' },
  ];
  for (const k of [1, 2, 3]) {
    const few = sqliteEngine(() => k);
    for (const q of queries)
      assert.deepEqual(
        await few.hits(w.h.db, q),
        await all.hits(w.h.db, q),
        `K=${k} ${JSON.stringify(q)}`,
      );
  }
});

test('PostgreSQL: a query with more matches than the cap ranks its newest ones, one with fewer ranks them all', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('PostgreSQL engine');
  const all = postgresEngine(10_000);
  for (const q of [{ q: 'kopi' }, { q: 'ngada', pageSize: 2, page: 2 }, { q: 'gula', halal: true }])
    assert.deepEqual(
      await postgresSearch.hits(w.h.db, q),
      await all.hits(w.h.db, q),
      JSON.stringify(q),
    );
  const every = await all.hits(w.h.db, { q: 'ngada', pageSize: 100 });
  assert.ok(every.ids.length >= 4, 'the fixture has enough matches to cap');
  const newest = (
    await w.h.db
      .selectFrom('product_search')
      .select('product_id')
      .where('product_id', 'in', every.ids)
      .orderBy('doc_id', 'desc')
      .limit(2)
      .execute()
  ).map((r) => r.product_id);
  const capped = postgresEngine(2);
  const page = await capped.hits(w.h.db, { q: 'ngada', pageSize: 100 });
  // The two newest matches, in the order ranking every match gives them; the total stops there.
  assert.deepEqual(page, { ids: every.ids.filter((id) => newest.includes(id)), total: 2 });
  assert.deepEqual(await capped.hits(w.h.db, { q: 'ngada', pageSize: 1, page: 3 }), {
    ids: [],
    total: 2,
  });
  assert.deepEqual(await capped.hits(w.h.db, { q: 'rahasia' }), { ids: [], total: 0 });
});

test('PostgreSQL: a region filter is served by the village-prefix index in any collation', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('SQLite has no collation rule for LIKE to work around');
  const cond = filters({ region: '53.09' })!;
  const plan = await planWithoutSeqScan(
    w.h.db,
    sql`select d.product_id from product_search d where ${sql.join(cond, sql` and `)}`,
  );
  assert.match(plan, /product_search_village_prefix/, plan);
  assert.doesNotMatch(plan, /Seq Scan/, plan);
});

test('PostgreSQL: browsing in stock with the stock check last gives the same pages and totals', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('PostgreSQL engine');
  for (const q of [
    { inStock: true },
    { inStock: true, pageSize: 2 },
    { inStock: true, pageSize: 2, page: 2 },
    { inStock: true, pageSize: 1, page: 9 },
    { inStock: true, region: '53.09', pageSize: 2 },
    { inStock: true, category: 'makanan-minuman', max: 26000 },
    { inStock: true, region: '35' },
  ]) {
    const where = filters(q)!;
    const last = await browse(w.h.db, where, q, { stockLast: true });
    assert.deepEqual(last, await browse(w.h.db, where, q), JSON.stringify(q));
    assert.ok(!last.ids.includes(ids.keripik), 'keripik has no stock');
  }
});

test('PostgreSQL: words inside a region are one scan of the text-and-region index', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('FTS5 has no region lexemes');
  assert.equal(regionLexeme('53.09'), 'r5309');
  const plan = await planWithoutSeqScan(
    w.h.db,
    sql`select d.product_id from product_search d
      where d.tsv @@ to_tsquery('simple', 'kopi:*') and d.region_tsv @@ ${regionLexeme('53.09')}::tsquery`,
  );
  assert.match(plan, /Bitmap Index Scan on product_search_text_region/, plan);
  assert.match(plan, /Index Cond: \(\(tsv @@ .*\) AND \(region_tsv @@ /, plan);
  assert.doesNotMatch(plan, /Seq Scan|village_code/, plan);
});

test('pagination: page size and totals', async () => {
  const p1 = await searchProducts(w.h.db, { pageSize: 3, page: 1 });
  const p2 = await searchProducts(w.h.db, { pageSize: 3, page: 2 });
  const p3 = await searchProducts(w.h.db, { pageSize: 3, page: 3 });
  assert.equal(p1.total, 7);
  assert.deepEqual([p1.items.length, p2.items.length, p3.items.length], [3, 3, 1]);
  assert.equal(new Set([...p1.items, ...p2.items, ...p3.items].map((i) => i.id)).size, 7);
  assert.equal(p2.page, 2);
});

test('hits are cached per query until a search document changes; cards are always read fresh', async () => {
  await searchProducts(w.h.db, { q: 'Semut organik' });
  let n = w.h.queryCount();
  const again = await searchProducts(w.h.db, { q: 'semut  ORGANIK' });
  assert.equal(w.h.queryCount() - n, 1, 'only the cards statement');
  assert.deepEqual(
    again.items.map((i) => i.id),
    [ids.gulaSemut],
  );
  await w.h.db.transaction().execute((tx) => reindexProduct(tx, ids.gulaSemut));
  n = w.h.queryCount();
  await searchProducts(w.h.db, { q: 'semut organik' });
  assert.ok(w.h.queryCount() - n > 1, 'ranked again after the reindex');
  n = w.h.queryCount();
  await searchProducts(w.h.db, { q: 'semut organik' }, { fresh: true });
  assert.ok(w.h.queryCount() - n > 1, 'fresh skips the cache');
});

test('the index follows listing changes and edits', async () => {
  await setListing(w.h.db, ids.hidden, 'listed', null);
  assert.ok((await find({ q: 'rahasia' })).includes('hidden'));
  await setListing(w.h.db, ids.hidden, 'certification_expired', null);
  assert.deepEqual(await find({ q: 'rahasia' }), []);
  assert.equal((await w.client().get(`/produk/${ids.hidden}`)).status, 404);
  assert.equal((await (await w.client().get('/api/v1/products?q=rahasia')).json()).total, 0);
});

test('/cari and /kategori render results in at most 5 statements; API returns the same', async () => {
  const c = w.client();
  let n = w.h.queryCount();
  const res = await c.get('/cari?q=aren&halal=1&stok=1&min=&max=');
  assert.ok(w.h.queryCount() - n <= 5, `statements: ${w.h.queryCount() - n}`);
  const html = await res.text();
  assert.equal(res.status, 200);
  assert.match(html, /Gula Aren Cetak 500 g/);
  assert.match(html, /Rp\s?25\.000/);
  n = w.h.queryCount();
  const cat = await c.get('/kategori/kerajinan');
  assert.ok(w.h.queryCount() - n <= 5);
  assert.match(await cat.text(), /Tas Anyaman Pandan/);
  assert.equal((await c.get('/kategori/senjata')).status, 404);
  const api = await (
    await c.get('/api/v1/products?q=aren&category=gula-aren&region=53.09&page=1')
  ).json();
  assert.equal(api.items[0].title, 'Gula Aren Cetak 500 g');
  assert.equal(api.pageSize, 20);
  // Bad filter values are ignored, never a 500.
  assert.equal((await c.get('/api/v1/products?min=abc&page=-3&region=x')).status, 200);
});
