import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  addCertification,
  inDays,
  makeMentor,
  reviewFixture,
} from '../../../test/support/innovation.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const state = async (id: string) =>
  (
    await w.h.db
      .selectFrom('products')
      .select('listing_state')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).listing_state;
const count = async (t: 'reviews' | 'review_items' | 'improvement_tasks' | 'value_add_records') =>
  Number(
    (
      await w.h.db
        .selectFrom(t)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('pages: seller submits, reviewer reviews with tasks, seller sees Bahasa tasks, marks done, resubmits, passes', async () => {
  const f = await reviewFixture(w.h, { title: 'Gula Aren Cetak 500 g' });
  await addCertification(w.h.db, f.umkmId, 'halal_self_declare', '2025-01-01', null);
  const mentor = await makeMentor(w.h.db, '53.09');
  const seller = await w.as('seller', f.umkmId);
  const reviewer = await w.as('reviewer', '53.09');

  const mine = await (await seller.get('/innovation/mine')).text();
  assert.match(mine, /Gula Aren Cetak 500 g/);
  assert.match(mine, /Ajukan untuk ditinjau/);
  const sub = await seller.form(`/innovation/products/${f.productId}/submit`, {
    back: '/innovation/mine',
  });
  assert.equal(sub.status, 303);
  assert.equal(await state(f.productId), 'in_review');

  const queue = await (await reviewer.get('/innovation/queue')).text();
  const reviewId = /\/innovation\/reviews\/(rev_\w+)/.exec(queue)?.[1];
  assert.ok(reviewId, 'the product is in the reviewer queue');
  const formPage = await (await reviewer.get(`/innovation/reviews/${reviewId}`)).text();
  assert.match(formPage, /PIRT/);
  assert.match(formPage, /Ibu Dewi/, 'mentor of the region offered');
  // The reviewer judges what they see: description, each variant's price, weight and SKU.
  assert.match(formPage, /data-testid="dossier"/);
  assert.match(formPage, /Gula aren asli dari desa\./);
  assert.match(formPage, /Rp\s?25\.000/);
  assert.match(formPage, /SKU-/);
  assert.match(formPage, /Belum ada foto: kemasan dan label tidak bisa dinilai\./);

  const pass = {
    photos_result: 'pass',
    description_result: 'pass',
    price_weight_result: 'pass',
    label_result: 'pass',
    shelf_life_result: 'pass',
  };
  const before = await count('review_items');
  // A failed item without a comment: the form again with the message beside the field, nothing written.
  const bad = await reviewer.form(`/innovation/reviews/${reviewId}`, {
    ...pass,
    packaging_result: 'fail',
    packaging_comment: '',
    certification_result: 'fail',
    certification_comment: 'PIRT belum ada',
    due_on: inDays(10),
  });
  assert.equal(bad.status, 422);
  const badHtml = await bad.text();
  assert.match(badHtml, /Tulis komentar untuk butir yang tidak lulus/);
  assert.match(badHtml, /id="f-packaging_comment-err"/);
  const past = await reviewer.form(`/innovation/reviews/${reviewId}`, {
    ...pass,
    packaging_result: 'fail',
    packaging_comment: 'x',
    certification_result: 'fail',
    certification_comment: 'y',
    due_on: '2021-01-01',
  });
  assert.equal(past.status, 422);
  assert.match(await past.text(), /Tenggat tidak boleh di masa lalu/);
  const certPass = await reviewer.form(`/innovation/reviews/${reviewId}`, {
    ...pass,
    packaging_result: 'pass',
    certification_result: 'pass',
  });
  assert.equal(certPass.status, 422);
  assert.match(await certPass.text(), /Sertifikasi wajib belum ada/);
  assert.equal(await count('review_items'), before);

  const ok = await reviewer.form(`/innovation/reviews/${reviewId}`, {
    ...pass,
    packaging_result: 'fail',
    packaging_comment: 'Perlu kemasan tertutup rapat dan label dengan tanggal kedaluwarsa',
    certification_result: 'fail',
    certification_comment: 'PIRT belum ada',
    due_on: inDays(14),
    mentor_user_id: mentor,
  });
  assert.equal(ok.status, 303);
  assert.match(ok.headers.get('location')!, /done=changes&n=2/);
  assert.equal(await state(f.productId), 'changes_requested');

  const tasksHtml = await (await seller.get('/innovation/mine')).text();
  assert.match(tasksHtml, /Kemasan standing pouch baru/);
  assert.match(tasksHtml, /Ajukan PIRT/);
  assert.match(tasksHtml, /Perlu kemasan tertutup rapat/);
  assert.match(tasksHtml, /Pendamping: Ibu Dewi/);
  assert.match(tasksHtml, /Ajukan ulang untuk ditinjau/);
  const english = await (
    await seller.get('/innovation/mine', { cookie: `${seller.cookieHeader()}; lumbung_lang=en` })
  ).text();
  assert.ok(
    english.includes('New standing pouch packaging') ||
      english.includes('Kemasan standing pouch baru'),
  );

  const task = await w.h.db
    .selectFrom('improvement_tasks')
    .select('id')
    .where('product_id', '=', f.productId)
    .where('item_key', '=', 'packaging')
    .executeTakeFirstOrThrow();
  assert.equal(
    (await seller.form(`/innovation/tasks/${task.id}/done`, { back: '/innovation/mine' })).status,
    303,
  );
  assert.equal(
    (await seller.form(`/innovation/tasks/${task.id}/done`, { back: '/innovation/mine' })).status,
    409,
    'already done is a clear error',
  );
  const events = await w.h.db
    .selectFrom('improvement_task_events')
    .select('event')
    .where('task_id', '=', task.id)
    .orderBy('at')
    .execute();
  assert.deepEqual(
    events.map((e) => e.event),
    ['created', 'done'],
  );

  await addCertification(w.h.db, f.umkmId, 'pirt', '2026-01-01', '2031-01-01');
  assert.equal(
    (await seller.form(`/innovation/products/${f.productId}/submit`, { back: '/innovation/mine' }))
      .status,
    303,
  );
  const q2 = await (await reviewer.get('/innovation/queue')).text();
  const review2 = /\/innovation\/reviews\/(rev_\w+)/.exec(q2)?.[1];
  assert.ok(review2 && review2 !== reviewId);
  const done = await reviewer.form(`/innovation/reviews/${review2}`, {
    ...pass,
    packaging_result: 'pass',
    certification_result: 'pass',
  });
  assert.equal(done.status, 303);
  assert.equal(await state(f.productId), 'listed');
  const history = await (await reviewer.get(`/innovation/products/${f.productId}`)).text();
  assert.match(history, /Putaran 2: Lulus/);
  assert.match(history, /Putaran 1: Perlu perbaikan/);

  // Value added per kg: bad input refused, good input recorded.
  const neg = await seller.form(`/innovation/products/${f.productId}/value-add`, {
    raw_cost_before: '-5',
    price_before: '15000',
    raw_cost_after: '9000',
    price_after: '25000',
    weight_grams: '500',
  });
  assert.equal(neg.status, 422);
  assert.match(await neg.text(), /Tidak boleh negatif/);
  assert.equal(await count('value_add_records'), 0);
  const va = await seller.form(`/innovation/products/${f.productId}/value-add`, {
    raw_cost_before: '8000',
    price_before: '15000',
    raw_cost_after: '9000',
    price_after: '25000',
    weight_grams: '500',
  });
  assert.equal(va.status, 303);
  assert.match(
    await (await seller.get(`/innovation/products/${f.productId}`)).text(),
    /Nilai tambah per kg: Rp 18.000/,
  );

  // Someone outside the region cannot open the product or the review.
  const foreign = await w.as('reviewer', '35.10');
  assert.equal((await foreign.get(`/innovation/products/${f.productId}`)).status, 404);
  assert.equal((await foreign.get(`/innovation/reviews/${review2}`)).status, 404);
});

test('API: submit, queue, complete with problem+json errors, tasks, stats, OpenAPI', async () => {
  const f = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Ikat Sumba' });
  const seller = await w.as('seller', f.umkmId);
  const reviewer = await w.as('reviewer', '53.09');
  const s = await seller.json('POST', `/api/v1/innovation/products/${f.productId}/submit`, {});
  assert.equal(s.status, 201);
  const { reviewId, round } = (await s.json()) as any;
  assert.equal(round, 1);
  const again = await seller.json('POST', `/api/v1/innovation/products/${f.productId}/submit`, {});
  assert.equal(again.status, 409);
  assert.equal(((await again.json()) as any).code, 'INNOVATION_ILLEGAL_TRANSITION');

  const queue = (await (await reviewer.get('/api/v1/innovation/queue')).json()) as any;
  assert.ok(queue.items.some((i: any) => i.reviewId === reviewId));
  const noComment = await reviewer.json('POST', `/api/v1/innovation/reviews/${reviewId}/complete`, {
    items: [
      { key: 'photos', passed: false, comment: '' },
      { key: 'description', passed: true },
      { key: 'price_weight', passed: true },
      { key: 'packaging', passed: true },
    ],
    dueOn: inDays(5),
  });
  assert.equal(noComment.status, 422);
  const p = (await noComment.json()) as any;
  assert.equal(p.code, 'INNOVATION_COMMENT_REQUIRED');
  assert.ok(p.errors['items.photos.comment']);
  const ok = await reviewer.json('POST', `/api/v1/innovation/reviews/${reviewId}/complete`, {
    items: [
      {
        key: 'photos',
        passed: false,
        comment: 'Foto gelap',
        taskTitle: 'Foto ulang di luar rumah',
      },
      { key: 'description', passed: true },
      { key: 'price_weight', passed: true },
      { key: 'packaging', passed: true },
    ],
    dueOn: inDays(5),
  });
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as any).state, 'changes_requested');
  const tasks = (await (await seller.get('/api/v1/innovation/tasks?status=open')).json()) as any;
  assert.deepEqual(
    tasks.items.map((t: any) => t.title),
    ['Foto ulang di luar rumah'],
  );
  const hist = (await (
    await seller.get(`/api/v1/innovation/products/${f.productId}/reviews`)
  ).json()) as any;
  assert.equal(hist.listingState, 'changes_requested');
  assert.equal(hist.rounds[0].score, 75);
  assert.equal(
    (await seller.json('POST', `/api/v1/innovation/tasks/${tasks.items[0].id}/done`, {})).status,
    200,
  );
  const va = await seller.json('POST', `/api/v1/innovation/products/${f.productId}/value-add`, {
    rawCostBefore: -1,
    priceBefore: 1,
    rawCostAfter: 1,
    priceAfter: 1,
  });
  assert.equal(va.status, 422);

  const stats = (await (await reviewer.get('/api/v1/innovation/stats?region=53.09')).json()) as any;
  assert.ok(stats.productsSubmitted >= 1);
  assert.equal((await reviewer.get('/api/v1/innovation/stats?region=35.10')).status, 404);
  assert.equal((await seller.get('/api/v1/innovation/stats')).status, 403);
  const dash = await (await reviewer.get('/innovation/dashboard')).text();
  assert.match(dash, /Produk diajukan/);

  const doc = (await (await w.client().get('/api/openapi.json')).json()) as any;
  for (const path of [
    '/api/v1/innovation/queue',
    '/api/v1/innovation/reviews/{reviewId}/complete',
    '/api/v1/innovation/tasks',
    '/api/v1/innovation/stats',
    '/api/v1/innovation/products/{productId}/value-add',
  ])
    assert.ok(doc.paths[path], path);
});
