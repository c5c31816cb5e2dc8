// Access matrix rows of the innovation centre: reviewers act in their region only, sellers on
// their own UMKM, community managers on their organisation's UMKM, officers read dashboards.
import type { AccessCase, AccessCases } from '../world.js';
import { submitForReview } from '../../../src/domains/innovation/review.service.js';
import { reviewFixture } from '../innovation.js';
import { inDays, results } from '../innovation.js';

export const accessCases: AccessCases = async (w) => {
  const f = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Akses' });
  const s = await submitForReview(w.h.db, f.seller, f.productId);
  if (!s.ok) throw new Error('fixture submit failed');
  const reviewId = s.value.reviewId;
  const g = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Kedua', nth: 1 });
  const pass = { photos_result: 'pass', description_result: 'pass', price_weight_result: 'pass' };
  // A second round for the API's complete (the first is completed through the page), and an
  // unsubmitted product for the API's submit.
  const k = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Ketiga', nth: 3 });
  const s2 = await submitForReview(w.h.db, k.seller, k.productId);
  if (!s2.ok) throw new Error('fixture submit failed');
  const reviewId2 = s2.value.reviewId;
  const m = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Keempat', nth: 4 });
  const checklist = { items: results('tenun') };
  const cases: AccessCase[] = [
    { name: 'anonymous review queue', path: '/innovation/queue', as: null, expect: 'login' },
    {
      name: 'seller cannot see the review queue',
      path: '/innovation/queue',
      as: [['seller', f.umkmId]],
      expect: 403,
    },
    {
      name: 'reviewer of the regency: queue',
      path: '/innovation/queue',
      as: [['reviewer', '53.09']],
      expect: 200,
    },
    {
      name: 'reviewer of the regency: review form',
      path: `/innovation/reviews/${reviewId}`,
      as: [['reviewer', '53.09']],
      expect: 200,
    },
    {
      name: 'reviewer of another regency: review form',
      path: `/innovation/reviews/${reviewId}`,
      as: [['reviewer', '35.10']],
      expect: 404,
    },
    {
      name: 'reviewer of another regency: completes review',
      method: 'POST',
      path: `/innovation/reviews/${reviewId}`,
      as: [['reviewer', '35.10']],
      expect: 404,
      form: { ...pass, packaging_result: 'fail', packaging_comment: 'x', due_on: inDays(3) },
    },
    {
      name: 'reviewer of another regency: API complete',
      method: 'POST',
      path: `/api/v1/innovation/reviews/${reviewId2}/complete`,
      as: [['reviewer', '35.10']],
      expect: 404,
      json: checklist,
    },
    {
      name: 'seller cannot complete a review',
      method: 'POST',
      path: `/api/v1/innovation/reviews/${reviewId2}/complete`,
      as: [['seller', k.umkmId]],
      expect: 403,
      json: checklist,
    },
    {
      name: 'reviewer of another regency: API queue has no foreign rows but is allowed',
      path: '/api/v1/innovation/queue',
      as: [['reviewer', '35.10']],
      expect: 200,
    },
    {
      name: 'seller: own results and tasks',
      path: '/innovation/mine',
      as: [['seller', f.umkmId]],
      expect: 200,
    },
    {
      name: 'seller: own product review page',
      path: `/innovation/products/${f.productId}`,
      as: [['seller', f.umkmId]],
      expect: 200,
    },
    {
      name: 'seller: another UMKM product review page',
      path: `/innovation/products/${f.productId}`,
      as: [['seller', g.umkmId]],
      expect: 404,
    },
    {
      name: 'seller: submits own product',
      method: 'POST',
      path: `/innovation/products/${g.productId}/submit`,
      as: [['seller', g.umkmId]],
      expect: 303,
      form: {},
    },
    {
      name: 'seller: submits another UMKM product',
      method: 'POST',
      path: `/api/v1/innovation/products/${m.productId}/submit`,
      as: [['seller', g.umkmId]],
      expect: 404,
      json: {},
    },
    {
      name: 'seller: value-add on another UMKM product',
      method: 'POST',
      path: `/innovation/products/${f.productId}/value-add`,
      as: [['seller', g.umkmId]],
      expect: 404,
      form: { raw_cost_before: '1', price_before: '2', raw_cost_after: '1', price_after: '3' },
    },
    {
      name: 'seller: value-add on own product',
      method: 'POST',
      path: `/innovation/products/${f.productId}/value-add`,
      as: [['seller', f.umkmId]],
      expect: 303,
      form: { raw_cost_before: '1', price_before: '2', raw_cost_after: '1', price_after: '3' },
    },
    {
      name: 'community manager: own organisation overview',
      path: '/innovation/community',
      as: [['community_manager', f.organisationId]],
      expect: 200,
    },
    {
      name: 'community manager: product of another organisation',
      path: `/innovation/products/${g.productId}`,
      as: [['community_manager', f.organisationId]],
      expect: 404,
    },
    {
      name: 'community manager: product of own organisation',
      path: `/innovation/products/${f.productId}`,
      as: [['community_manager', f.organisationId]],
      expect: 200,
    },
    {
      name: 'regional officer: dashboard of own regency',
      path: '/innovation/dashboard?region=53.09',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'regional officer: dashboard of another regency',
      path: '/innovation/dashboard?region=53.09',
      as: [['regional_officer', '35.10']],
      expect: 404,
    },
    {
      name: 'reviewer: stats API of another regency',
      path: '/api/v1/innovation/stats?region=53.09',
      as: [['reviewer', '35.10']],
      expect: 404,
    },
    {
      name: 'seller: no dashboard',
      path: '/innovation/dashboard',
      as: [['seller', f.umkmId]],
      expect: 403,
    },
    // The allowed twins of the refusals above.
    {
      name: 'reviewer of the regency: completes review',
      method: 'POST',
      path: `/innovation/reviews/${reviewId}`,
      as: [['reviewer', '53.09']],
      expect: 303,
      form: { ...pass, packaging_result: 'fail', packaging_comment: 'x', due_on: inDays(3) },
    },
    {
      name: 'reviewer of the regency: API complete',
      method: 'POST',
      path: `/api/v1/innovation/reviews/${reviewId2}/complete`,
      as: [['reviewer', '53.09']],
      expect: 200,
      json: checklist,
    },
    {
      name: 'seller: submits own product (API)',
      method: 'POST',
      path: `/api/v1/innovation/products/${m.productId}/submit`,
      as: [['seller', m.umkmId]],
      expect: 201,
      json: {},
    },
    {
      name: 'community manager: product of its organisation',
      path: `/innovation/products/${g.productId}`,
      as: [['community_manager', g.organisationId]],
      expect: 200,
    },
    {
      name: 'reviewer: stats API of its regency',
      path: '/api/v1/innovation/stats?region=53.09',
      as: [['reviewer', '53.09']],
      expect: 200,
    },
    {
      name: 'regional officer: dashboard',
      path: '/innovation/dashboard',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
  ];
  return cases;
};
