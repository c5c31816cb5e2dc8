// Listed products kept per UMKM by triggers on products (migration 0408), which the national
// summary counts listed products and active sellers from: after every kind of write (a new
// product, a listing transition, an edit that leaves the listing alone, a bulk insert, a hand
// edit of many rows, a delete, concurrent transitions of one UMKM's products) the table equals
// a recount from the products; listingActivityBy counts a seller with nothing listed as active
// exactly while its last sale is recent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder } from '../../../test/support/orders.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { recentSellerIds } from '../orders/index.js';
import { setListing } from './listing.js';
import { insertSyntheticProducts } from './national-seed.js';
import { listingActivityBy } from './products.queries.js';

let w: World;
let village: string;

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09', 2);
});
after(() => w.close());

/** listing_counts as {umkm: listed}, and the same recounted from the products. */
async function assertKept(at: string): Promise<void> {
  const kept = await w.h.db.selectFrom('listing_counts').selectAll().execute();
  const recount = await w.h.db
    .selectFrom('products')
    .select(['umkm_id', 'village_code', (eb) => eb.fn.sum<number>('listed').as('n')])
    .groupBy(['umkm_id', 'village_code'])
    .execute();
  const byUmkm = (rows: { umkm_id: string; village_code: string; n: unknown }[]) =>
    Object.fromEntries(rows.map((r) => [r.umkm_id, `${r.village_code}:${Number(r.n)}`]));
  // A product deleted leaves its UMKM's row at what is still listed (0 when nothing).
  const deletedOnly = kept.filter((k) => !recount.some((r) => r.umkm_id === k.umkm_id));
  for (const k of deletedOnly) assert.equal(Number(k.listed), 0, `${at}: ${k.umkm_id}`);
  assert.deepEqual(
    byUmkm(kept.filter((k) => !deletedOnly.includes(k)).map((k) => ({ ...k, n: k.listed }))),
    byUmkm(recount),
    at,
  );
}

/** The listed count kept for one UMKM (its row must exist). */
async function listedOf(umkmId: string): Promise<number> {
  const row = await w.h.db
    .selectFrom('listing_counts')
    .select('listed')
    .where('umkm_id', '=', umkmId)
    .executeTakeFirstOrThrow();
  return Number(row.listed);
}

const list = (productId: string, state: 'listed' | 'withdrawn') =>
  inTransaction(w.h.db, (tx) => setListing(tx, productId, state, null));

test('listing_counts follows every write to products', async () => {
  const a = await makeUmkm(w.h.db, { villageCode: village });
  const b = await makeUmkm(w.h.db, { villageCode: village });
  const p1 = await makeProduct(w.h, { umkmId: a, listed: true });
  const p2 = await makeProduct(w.h, { umkmId: a, listed: false });
  await makeProduct(w.h, { umkmId: b, listed: false });
  await assertKept('new products');
  assert.equal(await listedOf(b), 0, 'an UMKM with nothing listed has its row');

  assert.ok(await list(p2.productId, 'listed'));
  await assertKept('listed');
  assert.ok(await list(p1.productId, 'withdrawn'));
  assert.ok(await list(p1.productId, 'withdrawn'), 'withdrawn again: no change');
  await assertKept('withdrawn');
  await w.h.db
    .updateTable('products')
    .set({ title: 'Judul baru', updated_at: nowIso() })
    .where('umkm_id', '=', a)
    .execute();
  await assertKept('an edit that leaves the listing alone');

  const c = await makeUmkm(w.h.db, { villageCode: village });
  const now = nowIso();
  await insertSyntheticProducts(
    w.h.db,
    Array.from({ length: 5 }, (_, i) => ({
      id: `prd_bulk_${i}`,
      variantId: `var_bulk_${i}`,
      umkmId: i < 3 ? c : b,
      villageCode: village,
      title: `Produk ${i}`,
      description: 'Produk desa.',
      category: 'gula-aren',
      price: 10_000,
      weightGrams: 500,
      available: 10,
      createdAt: now,
    })),
  );
  await assertKept('a bulk insert of two UMKM');
  await w.h.db.updateTable('products').set({ listed: 0 }).where('umkm_id', '=', c).execute();
  await assertKept('a hand edit of many rows');

  const bare = await makeUmkm(w.h.db, { villageCode: village });
  await w.h.db
    .insertInto('products')
    .values({
      id: 'prd_bare',
      umkm_id: bare,
      village_code: village,
      title: 'Tanpa varian',
      description: '-',
      description_en: null,
      category: 'gula-aren',
      listed: 1,
      listing_state: 'listed',
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await w.h.db.deleteFrom('products').where('id', '=', 'prd_bare').execute();
  await assertKept('a delete');
});

test('concurrent listings of one UMKM all count', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const ps = [];
  for (let i = 0; i < 8; i++) ps.push(await makeProduct(w.h, { umkmId: u, listed: false }));
  const done = await Promise.all(ps.map((p) => list(p.productId, 'listed')));
  assert.ok(done.every(Boolean));
  await assertKept('after 8 concurrent listings');
  assert.equal(await listedOf(u), 8);
});

test('a seller with nothing listed is active while its last sale is recent', async () => {
  const v = await anyVillage(w.h.db, '35.10', 2);
  const regency = v.slice(0, 5);
  const seller = await makeUmkm(w.h.db, { villageCode: v });
  const order = await makeOrder(w.h, { umkmId: seller, villageCode: v });
  const activity = (since: string) => listingActivityBy(w.h.db, 5, recentSellerIds(w.h.db, since));
  const dayAgo = new Date(Date.now() - 86400_000).toISOString();
  assert.deepEqual((await activity(dayAgo)).get(regency), { listed: 1, active: 1 });
  assert.ok(await list(order.productId, 'withdrawn'));
  assert.deepEqual(
    (await activity(dayAgo)).get(regency),
    { listed: 0, active: 1 },
    'unlisted, sold a moment ago: active',
  );
  const later = new Date(Date.now() + 60_000).toISOString();
  assert.deepEqual(
    (await activity(later)).get(regency),
    { listed: 0, active: 0 },
    'no sale since: not active',
  );
});
