// PostgreSQL rewrites a typed prefix into the indexed lexemes it stands for (postgres.ts,
// migration 0407): the rewrite itself, the vocabulary following inserts and edits, and search
// finding exactly what the prefix found before, also where a prefix stands for too many
// lexemes to rewrite and where it stands for none.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { isPostgres } from '../../../kernel/db/index.js';
import { lexemesOf, MAX_EXPANSION, postgresSearch, tsQuery } from './postgres.js';
import { reindexProduct } from './index.js';

let w: World;
const ids: Record<string, string> = {};

before(async () => {
  w = await createWorld();
  const umkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db, '53.09') });
  const mk = async (key: string, title: string, description = 'Hasil kebun desa.') =>
    (ids[key] = (await makeProduct(w.h, { umkmId: umkm, title, description })).productId);
  await mk('naga', 'Buah Naga Merah');
  await mk('kering', 'Buahan Kering Campur');
  await mk('kelengkeng', 'Kelengkeng Manis', 'Dipetik pagi hari.');
  await mk('salak', 'Salak Biasa');
  // More lexemes with one prefix than a rewrite may name: "varian1" … "varian17".
  for (let i = 1; i <= MAX_EXPANSION + 1; i++) await mk(`varian${i}`, `Madu Varian${i}`);
});
after(() => w.close());

test('a prefix becomes the lexemes it stands for; too many stay a prefix; none match nothing', () => {
  const t = (token: string, stem = token) => ({ token, stem });
  const words = new Map([
    ['buah', ['buah', 'buahan']],
    ['kele', ['kelengkeng']],
    ['zzq', []],
    ['var', Array.from({ length: MAX_EXPANSION + 1 }, (_, i) => `varian${i + 1}`)],
    ['odd', ['odd', 'odd-one']],
  ]);
  assert.equal(tsQuery([t('buah'), t('kele')], words), '(buah | buahan) & kelengkeng');
  // The stem is matched as well (as before the rewrite), once.
  assert.equal(
    tsQuery([t('sayuran', 'sayur')], new Map([['sayuran', ['sayuran']]])),
    '(sayuran | sayur)',
  );
  assert.equal(
    tsQuery([t('buahan', 'buah')], new Map([['buahan', ['buahan']]])),
    '(buahan | buah)',
  );
  assert.equal(tsQuery([t('var')], words), 'var:*');
  // Only lexemes of the tokens' alphabet are written into the query.
  assert.equal(tsQuery([t('odd')], words), 'odd:*');
  assert.equal(tsQuery([t('zzq')], words), null);
  assert.equal(tsQuery([t('zzqan', 'zzq')], new Map([['zzqan', []]])), 'zzq');
  // Without a vocabulary (none read), every word stays a prefix.
  assert.equal(tsQuery([t('buah'), t('sayuran', 'sayur')]), 'buah:* & (sayuran:* | sayur)');
});

test('PostgreSQL: the vocabulary follows new and edited documents', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('SQLite: FTS5 keeps its own prefix index');
  const found = await lexemesOf(w.h.db, ['buah', 'kele', 'var', 'pondo', 'zzq']);
  assert.deepEqual(found.get('buah'), ['buah', 'buahan']);
  assert.deepEqual(found.get('kele'), ['kelengkeng']);
  assert.equal(found.get('var')?.length, MAX_EXPANSION + 1, 'read one past the limit, no more');
  assert.deepEqual(found.get('pondo'), []);
  assert.deepEqual(found.get('zzq'), []);
  // An edit brings a new word: its prefix finds the product at once.
  await w.h.db
    .updateTable('products')
    .set({ title: 'Salak Pondoh Sleman' })
    .where('id', '=', ids.salak)
    .execute();
  await reindexProduct(w.h.db, ids.salak);
  assert.deepEqual((await lexemesOf(w.h.db, ['pondo'])).get('pondo'), ['pondoh']);
  assert.deepEqual((await postgresSearch.hits(w.h.db, { q: 'pondo' })).ids, [ids.salak]);
});

test('PostgreSQL: search finds exactly what the prefix query finds', async (t) => {
  if (!isPostgres(w.h.db)) return t.skip('PostgreSQL engine');
  // What `token:*` (and the stem) matches among listed documents, straight from the table.
  const reference = async (tsquery: string) =>
    (
      await sql<{ product_id: string }>`select product_id from product_search
        where listed = 1 and tsv @@ to_tsquery('simple', ${tsquery})`.execute(w.h.db)
    ).rows
      .map((r) => r.product_id)
      .sort();
  for (const [q, prefixQuery] of [
    ['buah', 'buah:*'],
    ['kele manis', 'kele:* & manis:*'],
    ['buahan', '(buahan:* | buah)'],
    ['var', 'var:*'],
    ['madu varian1', 'madu:* & varian1:*'],
    ['zzq', 'zzq:*'],
    ['buah zzq', 'buah:* & zzq:*'],
  ]) {
    const hits = await postgresSearch.hits(w.h.db, { q, pageSize: 100 });
    assert.deepEqual([...hits.ids].sort(), await reference(prefixQuery), q);
    assert.equal(hits.total, hits.ids.length, q);
  }
  assert.equal((await postgresSearch.hits(w.h.db, { q: 'var', pageSize: 100 })).ids.length, 17);
  assert.deepEqual(
    (await postgresSearch.hits(w.h.db, { q: 'buah' })).ids.sort(),
    [ids.kering, ids.naga].sort(),
  );
});
