import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { drain, enqueue } from '../../kernel/jobs/index.js';
import { runStartupTasks } from '../../kernel/cli/index.js';
import {
  completeReview,
  onUmkmCertificationsChanged,
  submitForReview,
  SWEEP_JOB,
} from './index.js';
import { addCertification as communityAddCertification } from '../community/index.js';
import { addCertification, results, reviewFixture } from '../../../test/support/innovation.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const state = async (id: string) =>
  await w.h.db
    .selectFrom('products')
    .select(['listed', 'listing_state'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

async function listedFood(expires: string) {
  const f = await reviewFixture(w.h, { category: 'kopi', title: 'Kopi Arabika Bajawa' });
  await addCertification(w.h.db, f.umkmId, 'halal_regular', '2025-01-01', null);
  const pirt = await addCertification(w.h.db, f.umkmId, 'pirt', '2025-01-01', expires);
  const s = await submitForReview(w.h.db, f.seller, f.productId);
  const r = await completeReview(w.h.db, f.reviewer, s.ok ? s.value.reviewId : '', {
    items: results('kopi'),
  });
  assert.ok(r.ok, JSON.stringify(r));
  return { ...f, pirt };
}

test('daily sweep job unlists a product when its PIRT expires and relists it when renewed', async () => {
  const f = await listedFood('2027-03-31');
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });

  // 31 March is still valid in Ngada (WITA); 1 April is not.
  await enqueue(w.h.db, SWEEP_JOB, { now: '2027-03-31T12:00:00Z' });
  await drain(w.h.db);
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });
  await enqueue(w.h.db, SWEEP_JOB, { now: '2027-03-31T16:30:00Z' }); // 00:30 WITA on 1 April
  await drain(w.h.db);
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'certification_expired' });

  // Renewal: the certification's expiry moves on; the next sweep relists.
  await w.h.db
    .updateTable('certifications')
    .set({ expires_on: '2030-03-31' })
    .where('id', '=', f.pirt)
    .execute();
  await enqueue(w.h.db, SWEEP_JOB, { now: '2027-04-02T03:00:00Z' });
  await drain(w.h.db);
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });

  // The job keeps exactly one future run queued.
  const queued = await w.h.db
    .selectFrom('jobs')
    .select(['run_at'])
    .where('type', '=', SWEEP_JOB)
    .where('status', '=', 'queued')
    .execute();
  assert.equal(queued.length, 1);
  const failed = await w.h.db
    .selectFrom('jobs')
    .select('error')
    .where('status', '=', 'failed')
    .execute();
  assert.deepEqual(failed, []);
});

test('a certification change re-decides that UMKM at once, both directions; startup sweep catches up', async () => {
  const f = await listedFood('2031-01-01');
  await w.h.db
    .updateTable('certifications')
    .set({ expires_on: '2020-01-01' })
    .where('id', '=', f.pirt)
    .execute();
  const down = await onUmkmCertificationsChanged(w.h.db, f.umkmId);
  assert.deepEqual(down, { unlisted: [f.productId], relisted: [] });
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'certification_expired' });
  await addCertification(w.h.db, f.umkmId, 'pirt', '2025-06-01', '2035-06-01');
  const up = await onUmkmCertificationsChanged(w.h.db, f.umkmId);
  assert.deepEqual(up, { unlisted: [], relisted: [f.productId] });
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });

  // While the server was off the certification lapsed: the startup task unlists it.
  await w.h.db
    .updateTable('certifications')
    .set({ expires_on: '2021-01-01' })
    .where('umkm_id', '=', f.umkmId)
    .where('kind', '=', 'pirt')
    .execute();
  await runStartupTasks(w.h);
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'certification_expired' });

  // Products never reviewed or with changes requested are not touched by renewal.
  const g = await reviewFixture(w.h, { category: 'kopi' });
  await addCertification(w.h.db, g.umkmId, 'pirt', '2025-01-01', null);
  await addCertification(w.h.db, g.umkmId, 'halal_regular', '2025-01-01', null);
  await onUmkmCertificationsChanged(w.h.db, g.umkmId);
  assert.deepEqual(await state(g.productId), { listed: 0, listing_state: 'not_reviewed' });
});

test('renewing through community (onCertificationChanged) relists at once', async () => {
  const f = await listedFood('2031-01-01');
  await w.h.db
    .updateTable('certifications')
    .set({ expires_on: '2022-01-01' })
    .where('id', '=', f.pirt)
    .execute();
  await onUmkmCertificationsChanged(w.h.db, f.umkmId);
  assert.deepEqual(await state(f.productId), { listed: 0, listing_state: 'certification_expired' });
  const r = await communityAddCertification(w.h.db, f.manager, f.umkmId, {
    kind: 'pirt',
    number: 'P-IRT 2065309010123-31',
    issued_on: '2026-01-05',
    expires_on: '2031-01-05',
  });
  assert.ok(r.ok, JSON.stringify(r));
  assert.deepEqual(await state(f.productId), { listed: 1, listing_state: 'listed' });
});
