// Edits of a market-ready product: content a reviewer judged (title, descriptions, category,
// price/weight/label of a variant, a new variant, a new photo, deleting the last photo) takes
// it off the market into a new review round, with a notice to the seller; stock changes, photo
// order and re-saving unchanged values leave it listed. Through the real pages and API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createWorld, type World } from '../../../test/support/world.js';
import { completeReview, reopenedItems, submitForReview } from './index.js';
import {
  addCertification,
  results,
  reviewFixture,
  type ReviewFixture,
} from '../../../test/support/innovation.js';

let w: World;
before(async () => {
  w = await createWorld({
    env: { LUMBUNG_UPLOAD_DIR: mkdtempSync(join(tmpdir(), 'lumbung-edit-review-')) },
  });
});
after(() => w.close());

let nth = 0;
const details = {
  title: 'Tenun Ikat Bajawa',
  description: 'Kain tenun ikat motif Ngada, pewarna alami.',
  description_en: '',
  category: 'tenun',
};

/** A tenun product taken through a real passing review (no certification needed), its seller signed in. */
async function listedProduct(
  o: { category?: string } = {},
): Promise<ReviewFixture & { client: Awaited<ReturnType<World['as']>> }> {
  const f = await reviewFixture(w.h, {
    category: o.category ?? 'tenun',
    title: details.title,
    nth: nth++ % 5,
  });
  await w.h.db
    .updateTable('products')
    .set({ description: details.description })
    .where('id', '=', f.productId)
    .execute();
  const s = await submitForReview(w.h.db, f.seller, f.productId);
  assert.ok(s.ok);
  if (o.category === 'gula-aren') {
    await addCertification(w.h.db, f.umkmId, 'pirt', '2024-01-01', '2030-01-01');
    await addCertification(w.h.db, f.umkmId, 'halal_self_declare', '2024-01-01', null);
  }
  const r = await completeReview(w.h.db, f.reviewer, s.ok ? s.value.reviewId : '', {
    items: results(o.category ?? 'tenun'),
  });
  assert.ok(r.ok, JSON.stringify(r));
  return { ...f, client: await w.as('seller', f.umkmId) };
}

const state = async (id: string) =>
  w.h.db
    .selectFrom('products')
    .select(['listed', 'listing_state'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const rounds = async (id: string) =>
  (
    await w.h.db
      .selectFrom('reviews')
      .select(['round', 'state'])
      .where('product_id', '=', id)
      .orderBy('round')
      .execute()
  ).map((r) => `${r.round}:${r.state}`);
const isListed = async (id: string) => {
  assert.deepEqual(await state(id), { listed: 1, listing_state: 'listed' });
  assert.equal((await w.client().get(`/produk/${id}`)).status, 200);
};
const isBackInReview = async (id: string, expectRounds = ['1:passed', '2:open']) => {
  assert.deepEqual(await state(id), { listed: 0, listing_state: 'in_review' });
  assert.deepEqual(await rounds(id), expectRounds);
  assert.equal((await w.client().get(`/produk/${id}`)).status, 404);
  assert.equal((await w.client().get(`/api/v1/products/${id}`)).status, 404);
  const doc = await w.h.db
    .selectFrom('product_search')
    .select('listed')
    .where('product_id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(doc.listed, 0, 'search no longer shows it');
};

const png = () =>
  sharp({ create: { width: 400, height: 400, channels: 3, background: { r: 90, g: 40, b: 20 } } })
    .png()
    .toBuffer();
async function uploadPage(client: Awaited<ReturnType<World['as']>>, productId: string) {
  const fd = new FormData();
  fd.set('_csrf', await client.csrf());
  fd.set('alt', 'Kain tenun terbentang di bawah sinar matahari');
  fd.set('photo', new Blob([new Uint8Array(await png())], { type: 'image/png' }), 'tenun.png');
  return client.fetch(`/jual/produk/${productId}/photos`, { method: 'POST', body: fd });
}

test('which edits re-open review: the rule as data', () => {
  assert.deepEqual(reopenedItems({ changes: ['title'], photosLeft: 1 }), ['description']);
  assert.deepEqual(reopenedItems({ changes: ['category'], photosLeft: 1 }), ['all']);
  assert.deepEqual(reopenedItems({ changes: ['variant_price', 'variant_weight'], photosLeft: 1 }), [
    'price_weight',
  ]);
  assert.deepEqual(reopenedItems({ changes: ['photo_reordered'], photosLeft: 3 }), []);
  assert.deepEqual(reopenedItems({ changes: ['photo_removed'], photosLeft: 2 }), []);
  assert.deepEqual(reopenedItems({ changes: ['photo_removed'], photosLeft: 0 }), ['photos']);
  assert.deepEqual(reopenedItems({ changes: [], photosLeft: 0 }), []);
});

test('stock +/− and re-saving unchanged details keep a listed product listed', async () => {
  const f = await listedProduct();
  const page = await (await f.client.get(`/jual/produk/${f.productId}`)).text();
  assert.match(page, /data-testid="review-warning"/);
  assert.match(page, /turun tayang sampai dinilai ulang/);
  assert.equal(
    (await f.client.form(`/jual/varian/${f.variantId}/stok`, { delta: '5', reason: 'restock' }))
      .status,
    303,
  );
  assert.equal(
    (await f.client.form(`/jual/varian/${f.variantId}/stok`, { delta: '-2', reason: 'correction' }))
      .status,
    303,
  );
  assert.equal(
    (
      await f.client.json('POST', `/api/v1/seller/variants/${f.variantId}/stock`, {
        delta: 1,
        reason: 'return',
      })
    ).status,
    200,
  );
  const same = await f.client.form(`/jual/produk/${f.productId}`, details);
  assert.equal(same.status, 200);
  assert.match(await same.text(), /Tersimpan\./);
  const v = await w.h.db
    .selectFrom('variants')
    .select(['label', 'price', 'weight_grams'])
    .where('id', '=', f.variantId)
    .executeTakeFirstOrThrow();
  const resaved = await f.client.form(`/jual/varian/${f.variantId}`, {
    label: v.label,
    price: String(v.price),
    weight_grams: String(v.weight_grams),
  });
  assert.equal(resaved.status, 303);
  assert.ok(!resaved.headers.get('location')!.includes('dinilai_ulang'));
  await isListed(f.productId);
  assert.deepEqual(await rounds(f.productId), ['1:passed']);
});

test('editing the title on the page unlists into a new round, tells the seller, and a reviewer relists it', async () => {
  const f = await listedProduct();
  const res = await f.client.form(`/jual/produk/${f.productId}`, {
    ...details,
    title: 'Tenun Ikat Bajawa Motif Kuda',
  });
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /masuk penilaian ulang \(putaran baru\)/);
  assert.match(html, /data-state="in_review"/);
  await isBackInReview(f.productId);
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', f.productId)
    .where('action', '=', 'innovation.reopen_after_edit')
    .executeTakeFirstOrThrow();
  assert.match(String(audit.data), /"title"/);
  // Already in review: a further edit is just saved and opens no third round.
  const again = await f.client.form(`/jual/produk/${f.productId}`, {
    ...details,
    title: 'Tenun Ikat Bajawa Motif Kuda Putih',
  });
  assert.match(await again.text(), /Tersimpan\./);
  assert.deepEqual(await rounds(f.productId), ['1:passed', '2:open']);
  // The English notice for an English reader.
  const g = await listedProduct();
  const en = await g.client.form(
    `/jual/produk/${g.productId}`,
    { ...details, title: 'Woven Ikat' },
    { headers: { 'accept-language': 'en' } },
  );
  assert.match(await en.text(), /back in review \(a new round\)/);
  // The round is in the reviewer's queue; passing it lists the product again.
  const open = await w.h.db
    .selectFrom('reviews')
    .select(['id', 'reopened_items'])
    .where('product_id', '=', f.productId)
    .where('state', '=', 'open')
    .executeTakeFirstOrThrow();
  assert.ok(open.reopened_items, 'the round names what the edit touched');
  // The reviewer is told why the round opened and what to look at again, in the queue and the form.
  const reviewer = await w.as(
    'reviewer',
    (
      await w.h.db
        .selectFrom('reviews')
        .select('village_code')
        .where('id', '=', open.id)
        .executeTakeFirstOrThrow()
    ).village_code.slice(0, 5),
  );
  const queue = await (await reviewer.get('/innovation/queue')).text();
  assert.match(
    queue,
    /Dibuka lagi karena penjual mengubah produk yang sudah siap pasar\. Periksa lagi: /,
  );
  assert.match(
    await (await reviewer.get(`/innovation/reviews/${open.id}`)).text(),
    /Dibuka lagi karena penjual mengubah/,
  );
  assert.ok((await completeReview(w.h.db, f.reviewer, open.id, { items: results('tenun') })).ok);
  await isListed(f.productId);
});

test('variant price, weight, label and a new variant each send it back; the redirect carries the notice', async () => {
  for (const patch of [{ price: '99000' }, { weight_grams: '900' }, { label: '2 m' }, null]) {
    const f = await listedProduct();
    const v = await w.h.db
      .selectFrom('variants')
      .select(['label', 'price', 'weight_grams'])
      .where('id', '=', f.variantId)
      .executeTakeFirstOrThrow();
    const res = patch
      ? await f.client.form(`/jual/varian/${f.variantId}`, {
          label: v.label,
          price: String(v.price),
          weight_grams: String(v.weight_grams),
          ...patch,
        })
      : await f.client.form(`/jual/produk/${f.productId}/varian`, {
          label: '3 m',
          price: '450000',
          weight_grams: '700',
          stock: '1',
        });
    assert.equal(res.status, 303);
    const loc = res.headers.get('location')!;
    assert.match(loc, /\?catatan=dinilai_ulang#var-h$/);
    assert.match(await (await f.client.get(loc)).text(), /masuk penilaian ulang/);
    await isBackInReview(f.productId);
  }
});

test('category change and API edits: problem-free JSON says backToReview', async () => {
  const f = await listedProduct();
  const same = await f.client.json('PATCH', `/api/v1/seller/products/${f.productId}`, {
    title: details.title,
    description: details.description,
    category: 'tenun',
  });
  assert.deepEqual(await same.json(), {
    id: f.productId,
    listingState: 'listed',
    backToReview: false,
  });
  const moved = await f.client.json('PATCH', `/api/v1/seller/products/${f.productId}`, {
    title: details.title,
    description: details.description,
    category: 'anyaman',
  });
  assert.deepEqual(await moved.json(), {
    id: f.productId,
    listingState: 'in_review',
    backToReview: true,
  });
  await isBackInReview(f.productId);
  const review = await w.h.db
    .selectFrom('reviews')
    .select('category')
    .where('product_id', '=', f.productId)
    .where('round', '=', 2)
    .executeTakeFirstOrThrow();
  assert.equal(review.category, 'anyaman', 'the new round reviews the new category');
});

test('photos: a new one sends it back; reordering and deleting one of several do not; deleting the last does', async () => {
  const f = await listedProduct();
  // Two photos while not listed (a changes-requested product is edited freely).
  await w.h.db
    .updateTable('products')
    .set({ listing_state: 'changes_requested', listed: 0 })
    .where('id', '=', f.productId)
    .execute();
  assert.equal((await uploadPage(f.client, f.productId)).status, 303);
  const up2 = await uploadPage(f.client, f.productId);
  assert.ok(!up2.headers.get('location')!.includes('dinilai_ulang'));
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'changes_requested' });
  await w.h.db
    .updateTable('products')
    .set({ listing_state: 'listed', listed: 1 })
    .where('id', '=', f.productId)
    .execute();
  const photos = await w.h.db
    .selectFrom('photos')
    .select('id')
    .where('product_id', '=', f.productId)
    .orderBy('position')
    .execute();
  const move = await f.client.json(
    'PATCH',
    `/api/v1/seller/products/${f.productId}/photos/${photos[1].id}`,
    { position: 0 },
  );
  assert.equal((await move.json()).backToReview, false);
  const del = await f.client.form(`/jual/produk/${f.productId}/photos/${photos[0].id}/hapus`, {});
  assert.match(del.headers.get('location')!, /catatan=foto_dihapus/);
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });
  const last = await f.client.form(`/jual/produk/${f.productId}/photos/${photos[1].id}/hapus`, {});
  assert.match(last.headers.get('location')!, /catatan=dinilai_ulang/);
  await isBackInReview(f.productId);

  const g = await listedProduct();
  const up = await uploadPage(g.client, g.productId);
  assert.match(up.headers.get('location')!, /catatan=dinilai_ulang#ph-h/);
  await isBackInReview(g.productId);
});

test('a product waiting on an expired certificate goes back to review when edited; unreviewed products stay as they are', async () => {
  const f = await listedProduct({ category: 'gula-aren' });
  await w.h.db
    .updateTable('products')
    .set({ listing_state: 'certification_expired', listed: 0 })
    .where('id', '=', f.productId)
    .execute();
  await f.client.json('PATCH', `/api/v1/seller/products/${f.productId}`, {
    title: 'Gula Aren Cetak Baru',
    description: details.description,
    category: 'gula-aren',
  });
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'in_review' });
  assert.deepEqual(await rounds(f.productId), ['1:passed', '2:open']);

  const fresh = await reviewFixture(w.h, { category: 'tenun', nth: 2 });
  const seller = await w.as('seller', fresh.umkmId);
  const r = await seller.json('PATCH', `/api/v1/seller/products/${fresh.productId}`, {
    ...details,
    description_en: undefined,
    title: 'Tenun Baru Sekali',
  });
  assert.deepEqual(await r.json(), {
    id: fresh.productId,
    listingState: 'not_reviewed',
    backToReview: false,
  });
  assert.deepEqual(await rounds(fresh.productId), []);
});

test("another UMKM's seller cannot edit a listed product: nothing changes, it stays listed", async () => {
  const f = await listedProduct();
  const other = await reviewFixture(w.h, { category: 'tenun', nth: 3 });
  const intruder = await w.as('seller', other.umkmId);
  assert.equal(
    (await intruder.form(`/jual/produk/${f.productId}`, { ...details, title: 'Dibajak' })).status,
    404,
  );
  assert.equal(
    (
      await intruder.json('PATCH', `/api/v1/seller/products/${f.productId}`, {
        ...details,
        description_en: undefined,
        title: 'Dibajak',
      })
    ).status,
    404,
  );
  assert.equal(
    (
      await intruder.form(`/jual/varian/${f.variantId}`, {
        label: 'x',
        price: '1',
        weight_grams: '1',
      })
    ).status,
    404,
  );
  await isListed(f.productId);
  assert.deepEqual(await rounds(f.productId), ['1:passed']);
});
