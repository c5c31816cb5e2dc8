// A pooled lot offered through the catalogue (issue 17) on the real database: the listing goes
// to the innovation centre's review and stays invisible to buyers until approved; a clerk or
// another koperasi's manager is refused with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeUmkm } from '../../../test/support/community.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import { createLot, listLotInCatalog, lotListing } from './index.js';

let w: World;
let k: Koperasi;
let other: Koperasi;
let umkmId: string;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w);
  other = await makeKoperasi(w, 1);
  await setCoffeePrices(w, k);
  umkmId = await makeUmkm(w.h.db, { villageCode: k.village, organisationId: k.orgId });
});
after(() => w.close());

const rows = async (table: 'produce_lot_listings' | 'products' | 'reviews') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function openLot() {
  const farmer = await makeProducer(w, k, 'Maria Dhiu');
  const intake = await makeIntake(w, k, farmer, { grossGrams: 181_000 });
  return unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Arabika Bajawa',
      intakeIds: [intake.id],
    }),
  );
}

const input = {
  name: 'Kopi Arabika Bajawa, grade 1, 60 kg karung',
  packGrams: 60_000,
  pricePerPack: 5_400_000,
};

test('a lot listed through the catalogue goes to review and is not visible before approval', async () => {
  const lot = await openLot();
  const r = unwrap(await listLotInCatalog(w.h.db, k.manager, lot.id, input));
  const product = await w.h.db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', r.productId)
    .executeTakeFirstOrThrow();
  assert.equal(product.umkm_id, umkmId);
  assert.equal(product.listing_state, 'in_review');
  assert.equal(Number(product.listed), 0);
  const variant = await w.h.db
    .selectFrom('variants')
    .selectAll()
    .where('id', '=', r.variantId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(variant.price), 5_400_000);
  assert.equal(Number(variant.weight_grams), 60_000);
  const review = await w.h.db
    .selectFrom('reviews')
    .selectAll()
    .where('product_id', '=', r.productId)
    .executeTakeFirstOrThrow();
  assert.equal(review.state, 'open');
  const listing = await lotListing(w.h.db, k.manager, lot.id);
  assert.equal(listing?.packs, 3); // 181 kg pooled holds three 60 kg sacks
  assert.equal(listing?.listingState, 'in_review');
  const page = await w.client().get(`/produk/${r.productId}`);
  assert.equal(page.status, 404);
  // Listing the same lot twice is refused.
  const again = await listLotInCatalog(w.h.db, k.manager, lot.id, input);
  assert.equal(again.ok, false);
  assert.equal(!again.ok && again.code, 'PRODUCE_LOT_LISTED');
});

test('a clerk or another koperasi manager is refused and nothing is written', async () => {
  const lot = await openLot();
  const before = [
    await rows('produce_lot_listings'),
    await rows('products'),
    await rows('reviews'),
  ];
  for (const actor of [k.clerk, other.manager]) {
    const r = await listLotInCatalog(w.h.db, actor, lot.id, input);
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.code, 'NOT_FOUND');
  }
  const tooBig = await listLotInCatalog(w.h.db, k.manager, lot.id, {
    ...input,
    packGrams: 500_000,
  });
  assert.equal(!tooBig.ok && tooBig.code, 'VALIDATION_FAILED');
  const after = [await rows('produce_lot_listings'), await rows('products'), await rows('reviews')];
  assert.deepEqual(after, before);
});

test('the manager lists a lot with the "Jual lewat katalog" form; the lot page shows it in review', async () => {
  const lot = await openLot();
  const manager = await w.as([['community_manager', k.orgId]]);
  const outsider = await w.as([['community_manager', other.orgId]]);
  const form = {
    umkm_id: umkmId,
    name: 'Kopi Arabika Bajawa, grade 1, 60 kg karung',
    pack_kg: '60',
    price_per_pack: '5.400.000',
  };
  const refused = await outsider.form(`/produksi/lot/${lot.id}/katalog`, form);
  assert.equal(refused.status, 404);
  const empty = await manager.form(`/produksi/lot/${lot.id}/katalog`, { ...form, pack_kg: '' });
  assert.equal(empty.status, 422);
  const res = await manager.form(`/produksi/lot/${lot.id}/katalog`, form);
  assert.equal(res.status, 303, await res.text());
  const html = await (await manager.get(`/produksi/lot/${lot.id}`)).text();
  assert.match(html, /Status di katalog: sedang ditinjau/);
  const listing = await lotListing(w.h.db, k.manager, lot.id);
  assert.ok(html.includes(`/jual/produk/${listing?.product_id}`));
  assert.doesNotMatch(html, /action="[^"]*\/katalog"/);
});
