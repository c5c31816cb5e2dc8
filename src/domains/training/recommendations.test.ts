// Recommendation rules: each fires on its own fixture and explains itself; then the same rules
// on live data (innovation review gaps, orders, assessments).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { completeReview, submitForReview } from '../innovation/index.js';
import { inDays, results, reviewFixture } from '../../../test/support/innovation.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { makeOrder } from '../../../test/support/orders.js';
import { recommend, recommendationsFor } from './recommendations.js';
import { makeCourse } from '../../../test/support/training.js';

const now = new Date('2026-06-01T00:00:00Z');
const courses = [
  {
    id: 'c_dl',
    title: 'Literasi Digital Dasar',
    level: 'basic' as const,
    topic: 'digital_literacy' as const,
    focus_pillar: null,
  },
  {
    id: 'c_safe',
    title: 'Aman di Internet',
    level: 'basic' as const,
    topic: 'digital_literacy' as const,
    focus_pillar: 'safety' as const,
  },
  {
    id: 'c_photo',
    title: 'Foto Produk dengan HP',
    level: 'basic' as const,
    topic: 'product_photography' as const,
    focus_pillar: null,
  },
  {
    id: 'c_cert',
    title: 'Mengurus PIRT dan Halal',
    level: 'basic' as const,
    topic: 'certification' as const,
    focus_pillar: null,
  },
  {
    id: 'c_pack',
    title: 'Kemasan dan Label',
    level: 'basic' as const,
    topic: 'packaging_labeling' as const,
    focus_pillar: null,
  },
  {
    id: 'c_sell',
    title: 'Jualan Online lewat WhatsApp',
    level: 'basic' as const,
    topic: 'selling_online' as const,
    focus_pillar: null,
  },
];
const recentSale = ['2026-05-20T03:00:00Z'];
const none = { assessment: null, gaps: [], sales: recentSale, now };

test('no gaps, a recent sale and a good assessment: nothing to recommend', () => {
  assert.deepEqual(
    recommend({ ...none, assessment: { skills: 4, ethics: 4, safety: 3.5, culture: 3 } }, courses),
    [],
  );
});

test('a low pillar → the digital literacy course that focuses on it, with the score as reason', () => {
  const [r] = recommend(
    { ...none, assessment: { skills: 4, ethics: 4, safety: 2.33, culture: 3.67 } },
    courses,
  );
  assert.equal(r.topic, 'digital_literacy');
  assert.equal(r.course?.id, 'c_safe');
  assert.deepEqual(r.reasons, [
    { key: 'training.rec.low_pillar', params: { pillar: 'safety', score: 2.33 } },
  ]);
  // A low pillar without a focused course falls back to the general one.
  assert.equal(
    recommend({ ...none, assessment: { skills: 2, ethics: 4, safety: 4, culture: 4 } }, courses)[0]
      .course?.id,
    'c_dl',
  );
});

test('two products failing the photo check → photography, counted per product', () => {
  const [r] = recommend(
    {
      ...none,
      gaps: [
        { productId: 'p1', item: 'photos' },
        { productId: 'p2', item: 'photos' },
      ],
    },
    courses,
  );
  assert.equal(r.course?.id, 'c_photo');
  assert.deepEqual(r.reasons, [{ key: 'training.rec.failed_photos', params: { count: 2 } }]);
});

test('failed certification → certification course; packaging and label → one packaging course with both reasons', () => {
  const rs = recommend(
    {
      ...none,
      gaps: [
        { productId: 'p1', item: 'certification' },
        { productId: 'p1', item: 'packaging' },
        { productId: 'p2', item: 'label' },
      ],
    },
    courses,
  );
  assert.deepEqual(
    rs.map((r) => r.course?.id),
    ['c_cert', 'c_pack'],
  );
  assert.deepEqual(
    rs[1].reasons.map((x) => x.key),
    ['training.rec.failed_packaging', 'training.rec.failed_label'],
  );
});

test('no sale in 60 days → selling online (with the days); never sold says so; 59 days does not fire', () => {
  const old = recommend({ ...none, sales: ['2026-03-01T00:00:00Z'] }, courses);
  assert.deepEqual(old, [
    {
      topic: 'selling_online',
      course: { id: 'c_sell', title: 'Jualan Online lewat WhatsApp', level: 'basic' },
      reasons: [{ key: 'training.rec.no_sale', params: { days: 92 } }],
    },
  ]);
  assert.equal(
    recommend({ ...none, sales: [] }, courses)[0].reasons[0].key,
    'training.rec.never_sold',
  );
  assert.deepEqual(
    recommend(
      { ...none, sales: [new Date(now.getTime() - 59 * 86_400_000).toISOString()] },
      courses,
    ),
    [],
  );
});

test('a topic without a course in the catalogue is still recommended, with no course', () => {
  const [r] = recommend({ ...none, gaps: [{ productId: 'p', item: 'photos' }] }, []);
  assert.equal(r.course, null);
  assert.equal(r.topic, 'product_photography');
});

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('live data: review gaps from the innovation centre and sales from orders drive the rules', async () => {
  await makeCourse(w.h.db, { topic: 'product_photography', title: 'Foto Produk dengan HP' });
  await makeCourse(w.h.db, { topic: 'selling_online', title: 'Jualan Online lewat WhatsApp' });
  const f = await reviewFixture(w.h, { category: 'tenun' });
  const second = await makeProduct(w.h, {
    umkmId: f.umkmId,
    listed: false,
    title: 'Tenun Kedua',
    category: 'tenun',
  });
  for (const productId of [f.productId, second.productId]) {
    const s = unwrap(await submitForReview(w.h.db, f.seller, productId));
    unwrap(
      await completeReview(w.h.db, f.reviewer, s.reviewId, {
        items: results('tenun', ['photos']),
        dueOn: inDays(7),
      }),
    );
  }
  let recs = (await recommendationsFor(w.h.db, [f.umkmId])).get(f.umkmId)!;
  assert.deepEqual(
    recs.map((r) => [r.topic, r.reasons.map((x) => `${x.key}:${x.params.count ?? ''}`)]),
    [
      ['product_photography', ['training.rec.failed_photos:2']],
      ['selling_online', ['training.rec.never_sold:']],
    ],
  );
  await makeOrder(w.h, { umkmId: f.umkmId, villageCode: f.village });
  recs = (await recommendationsFor(w.h.db, [f.umkmId])).get(f.umkmId)!;
  assert.deepEqual(
    recs.map((r) => r.topic),
    ['product_photography'],
    'a sale today silences the selling-online rule',
  );
});
