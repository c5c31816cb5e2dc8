import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  completeReview,
  firstMarketReadyAt,
  innovationStats,
  reviewGaps,
  submitForReview,
} from './index.js';
import { inDays, results, reviewFixture } from '../../../test/support/innovation.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('review gaps, first market-ready date and dashboard stats by region', async () => {
  const a = await reviewFixture(w.h, { category: 'tenun' });
  const b = await reviewFixture(w.h, { category: 'tenun', nth: 1 });
  const c = await reviewFixture(w.h, { category: 'tenun', regency: '35.10' });
  const review = async (f: typeof a, fail: string[]) => {
    const s = await submitForReview(w.h.db, f.seller, f.productId);
    const r = await completeReview(w.h.db, f.reviewer, s.ok ? s.value.reviewId : '', {
      items: results('tenun', fail),
      dueOn: inDays(7),
    });
    assert.ok(r.ok, JSON.stringify(r));
  };
  await review(a, ['photos', 'packaging']);
  await review(b, []);
  await review(c, ['description']);

  assert.deepEqual(
    await reviewGaps(w.h.db, [a.umkmId, b.umkmId]),
    [
      { umkmId: a.umkmId, productId: a.productId, item: 'packaging' },
      { umkmId: a.umkmId, productId: a.productId, item: 'photos' },
    ].sort((x, y) => x.item.localeCompare(y.item)),
  );
  // After a passing second round the gaps of A are gone.
  await review(a, []);
  assert.deepEqual(await reviewGaps(w.h.db, [a.umkmId]), []);

  const ready = await firstMarketReadyAt(w.h.db, [a.umkmId, b.umkmId, c.umkmId]);
  assert.deepEqual(ready.map((r) => r.umkmId).sort(), [a.umkmId, b.umkmId].sort());

  const ngada = await innovationStats(w.h.db, '53.09');
  assert.equal(ngada.productsSubmitted, 2);
  assert.equal(ngada.productsMarketReady, 2);
  assert.equal(ngada.marketReadyShare, 1);
  assert.equal(typeof ngada.medianDaysToMarketReady, 'number');
  assert.deepEqual(ngada.openTasksByType, [
    { item: 'packaging', open: 1 },
    { item: 'photos', open: 1 },
  ]);
  const bwi = await innovationStats(w.h.db, '35.10');
  assert.deepEqual(
    [
      bwi.productsSubmitted,
      bwi.productsMarketReady,
      bwi.marketReadyShare,
      bwi.medianDaysToMarketReady,
    ],
    [1, 0, 0, null],
  );
  assert.deepEqual(bwi.openTasksByType, [{ item: 'description', open: 1 }]);
  const all = await innovationStats(w.h.db, '');
  assert.equal(all.productsSubmitted, 3);
  assert.equal((await innovationStats(w.h.db, a.village)).productsSubmitted, 1);
});
