import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  assignMentor,
  completeReview,
  submitForReview,
  withdrawProduct,
  transition,
  LISTING_TRANSITIONS,
  checklistFor,
} from './index.js';
import {
  actorOf,
  addCertification,
  inDays,
  makeMentor,
  results,
  reviewFixture,
} from '../../../test/support/innovation.js';
import { verifyAudit } from '../../kernel/audit/index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

const listing = async (id: string) =>
  await w.h.db
    .selectFrom('products')
    .select(['listed', 'listing_state'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const counts = async () => {
  const n = async (
    t: 'reviews' | 'review_items' | 'improvement_tasks' | 'improvement_task_events',
  ) =>
    Number(
      (
        await w.h.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    reviews: await n('reviews'),
    items: await n('review_items'),
    tasks: await n('improvement_tasks'),
    events: await n('improvement_task_events'),
  };
};

test('the state machine is data: every declared move works, undeclared moves are errors', () => {
  assert.deepEqual(transition('not_reviewed', 'submit'), { ok: true, value: 'in_review' });
  assert.deepEqual(transition('changes_requested', 'submit'), { ok: true, value: 'in_review' });
  assert.deepEqual(transition('in_review', 'pass'), { ok: true, value: 'listed' });
  assert.deepEqual(transition('certification_expired', 'certification_renewed'), {
    ok: true,
    value: 'listed',
  });
  const bad = transition('listed', 'submit');
  assert.equal(bad.ok, false);
  assert.equal(!bad.ok && bad.code, 'INNOVATION_ILLEGAL_TRANSITION');
  assert.equal(transition('not_reviewed', 'pass').ok, false);
  assert.equal(transition('changes_requested', 'certification_renewed').ok, false);
  for (const [event, t] of Object.entries(LISTING_TRANSITIONS))
    for (const from of t.from) assert.equal(transition(from, event as any).ok, true);
});

test('checklist per category: food needs certification and label, crafts do not', () => {
  assert.deepEqual(checklistFor('gula-aren'), [
    'photos',
    'description',
    'price_weight',
    'packaging',
    'label',
    'certification',
    'shelf_life',
  ]);
  assert.deepEqual(checklistFor('tenun'), ['photos', 'description', 'price_weight', 'packaging']);
  assert.ok(!checklistFor('beras').includes('certification'));
});

test('Ibu Sari: round 1 fails packaging and PIRT with tasks and mentor; round 2 passes and lists', async () => {
  const f = await reviewFixture(w.h);
  const mentor = await makeMentor(w.h.db, '53.09');
  const s1 = await submitForReview(w.h.db, f.seller, f.productId);
  assert.ok(s1.ok);
  assert.equal(s1.ok && s1.value.round, 1);
  assert.deepEqual(await listing(f.productId), { listed: 0, listing_state: 'in_review' });

  // Halal is held, PIRT is not: the certification item cannot pass.
  await addCertification(w.h.db, f.umkmId, 'halal_self_declare', '2025-01-01', null);
  const cheat = await completeReview(w.h.db, f.reviewer, s1.ok ? s1.value.reviewId : '', {
    items: results('gula-aren'),
  });
  assert.equal(!cheat.ok && cheat.code, 'INNOVATION_CERTIFICATION_MISSING');

  const items = results('gula-aren', ['packaging', 'certification']);
  items.find((i) => i.key === 'packaging')!.comment =
    'Perlu kemasan tertutup rapat dan label dengan tanggal kedaluwarsa';
  const r1 = await completeReview(w.h.db, f.reviewer, s1.ok ? s1.value.reviewId : '', {
    items,
    dueOn: inDays(14),
    mentorUserId: mentor,
  });
  assert.ok(r1.ok, JSON.stringify(r1));
  assert.equal(r1.ok && r1.value.state, 'changes_requested');
  assert.equal(r1.ok && r1.value.score, 71);
  assert.deepEqual(await listing(f.productId), { listed: 0, listing_state: 'changes_requested' });
  const tasks = await w.h.db
    .selectFrom('improvement_tasks')
    .selectAll()
    .where('product_id', '=', f.productId)
    .orderBy('item_key')
    .execute();
  assert.deepEqual(
    tasks.map((t) => [t.item_key, t.title_key, t.mentor_user_id, t.status]),
    [
      ['certification', 'innovation.task.certification', mentor, 'open'],
      ['packaging', 'innovation.task.packaging', mentor, 'open'],
    ],
  );

  // Completing the same round again is refused.
  const again = await completeReview(w.h.db, f.reviewer, s1.ok ? s1.value.reviewId : '', {
    items: results('gula-aren'),
  });
  assert.equal(!again.ok && again.code, 'INNOVATION_ALREADY_COMPLETED');

  await addCertification(w.h.db, f.umkmId, 'pirt', '2026-01-01', '2031-01-01');
  const s2 = await submitForReview(w.h.db, f.seller, f.productId);
  assert.equal(s2.ok && s2.value.round, 2);
  const r2 = await completeReview(w.h.db, f.reviewer, s2.ok ? s2.value.reviewId : '', {
    items: results('gula-aren'),
  });
  assert.ok(r2.ok);
  assert.equal(r2.ok && r2.value.score, 100);
  assert.deepEqual(await listing(f.productId), { listed: 1, listing_state: 'listed' });
  const rounds = await w.h.db
    .selectFrom('reviews')
    .select(['round', 'state'])
    .where('product_id', '=', f.productId)
    .orderBy('round')
    .execute();
  assert.deepEqual(
    rounds,
    [
      { round: 1, state: 'changes_requested' },
      { round: 2, state: 'passed' },
    ],
    'full history kept',
  );

  // Listed products cannot be submitted again.
  const s3 = await submitForReview(w.h.db, f.seller, f.productId);
  assert.equal(!s3.ok && s3.code, 'INNOVATION_ILLEGAL_TRANSITION');
  assert.ok((await verifyAudit(w.h.db)).ok);
});

test('bad review input: out of scope, not in review, no comment, past due date, foreign mentor — nothing written', async () => {
  const f = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Ikat Sumba' });
  const s = await submitForReview(w.h.db, f.seller, f.productId);
  assert.ok(s.ok);
  const reviewId = s.ok ? s.value.reviewId : '';
  const before = await counts();

  const foreign = actorOf('usr_x', 'reviewer', 'region', '35.10', '35.10');
  assert.equal(
    ((r) => !r.ok && r.code)(
      await completeReview(w.h.db, foreign, reviewId, { items: results('tenun') }),
    ),
    'INNOVATION_NOT_FOUND',
  );

  const noComment = results('tenun', ['photos']);
  noComment[0].comment = '  ';
  const r1 = await completeReview(w.h.db, f.reviewer, reviewId, {
    items: noComment,
    dueOn: inDays(3),
  });
  assert.equal(!r1.ok && r1.code, 'INNOVATION_COMMENT_REQUIRED');
  assert.deepEqual(!r1.ok && Object.keys(r1.fields ?? {}), ['items.photos.comment']);

  const r2 = await completeReview(w.h.db, f.reviewer, reviewId, {
    items: results('tenun', ['photos']),
    dueOn: '2020-01-01',
  });
  assert.equal(!r2.ok && r2.code, 'INNOVATION_DUE_IN_PAST');
  const r3 = await completeReview(w.h.db, f.reviewer, reviewId, {
    items: results('tenun', ['photos']),
  });
  assert.equal(!r3.ok && r3.code, 'INNOVATION_DUE_REQUIRED');
  const r4 = await completeReview(w.h.db, f.reviewer, reviewId, {
    items: results('tenun').slice(1),
  });
  assert.equal(!r4.ok && r4.code, 'INNOVATION_CHECKLIST_INCOMPLETE');
  const farMentor = await makeMentor(w.h.db, '35.10', 'Mentor Banyuwangi');
  const r5 = await completeReview(w.h.db, f.reviewer, reviewId, {
    items: results('tenun', ['photos']),
    dueOn: inDays(3),
    mentorUserId: farMentor,
  });
  assert.equal(!r5.ok && r5.code, 'INNOVATION_MENTOR_INVALID');
  assert.deepEqual(await counts(), before, 'nothing written');
  assert.deepEqual(await listing(f.productId), { listed: 0, listing_state: 'in_review' });

  // A product that is not in review: withdrawn by the seller, its round cannot be completed.
  assert.ok((await withdrawProduct(w.h.db, f.seller, f.productId)).ok);
  const r6 = await completeReview(w.h.db, f.reviewer, reviewId, { items: results('tenun') });
  assert.equal(!r6.ok && r6.code, 'INNOVATION_ALREADY_COMPLETED');
  const g = await reviewFixture(w.h, { category: 'tenun' });
  const sg = await submitForReview(w.h.db, g.seller, g.productId);
  await w.h.db
    .updateTable('products')
    .set({ listing_state: 'withdrawn' })
    .where('id', '=', g.productId)
    .execute();
  const r7 = await completeReview(w.h.db, g.reviewer, sg.ok ? sg.value.reviewId : '', {
    items: results('tenun'),
  });
  assert.equal(!r7.ok && r7.code, 'INNOVATION_NOT_IN_REVIEW');

  // Someone else's seller cannot submit it.
  const other = await reviewFixture(w.h, { category: 'kopi' });
  assert.equal(
    ((r) => !r.ok && r.code)(await submitForReview(w.h.db, other.seller, f.productId)),
    'INNOVATION_NOT_FOUND',
  );
});

test('a community manager submits for their UMKM; a passing craft review lists it', async () => {
  const f = await reviewFixture(w.h, { category: 'tenun' });
  const s = await submitForReview(w.h.db, f.manager, f.productId);
  assert.ok(s.ok);
  const r = await completeReview(w.h.db, f.reviewer, s.ok ? s.value.reviewId : '', {
    items: results('tenun'),
  });
  assert.ok(r.ok);
  assert.deepEqual(await listing(f.productId), { listed: 1, listing_state: 'listed' });
});

test('a mentor is assigned later to tasks without one (training takes the UMKM into a caseload)', async () => {
  const f = await reviewFixture(w.h, { category: 'tenun' });
  const s = await submitForReview(w.h.db, f.seller, f.productId);
  const r = await completeReview(w.h.db, f.reviewer, s.ok ? s.value.reviewId : '', {
    items: results('tenun', ['photos']),
    dueOn: inDays(7),
  });
  assert.ok(r.ok);
  const far = await makeMentor(w.h.db, '35.10', 'Mentor Jauh');
  assert.equal(
    ((x) => !x.ok && x.code)(await assignMentor(w.h.db, f.reviewer, f.umkmId, far)),
    'INNOVATION_MENTOR_INVALID',
  );
  const dewi = await makeMentor(w.h.db, '53.09');
  assert.deepEqual(await assignMentor(w.h.db, f.reviewer, f.umkmId, dewi), {
    ok: true,
    value: { tasks: 1 },
  });
  const t = await w.h.db
    .selectFrom('improvement_tasks')
    .select('mentor_user_id')
    .where('product_id', '=', f.productId)
    .executeTakeFirstOrThrow();
  assert.equal(t.mentor_user_id, dewi);
  assert.equal(
    ((x) => !x.ok && x.code)(
      await assignMentor(
        w.h.db,
        actorOf('usr_y', 'reviewer', 'region', '35.10', '35.10'),
        f.umkmId,
        dewi,
      ),
    ),
    'INNOVATION_NOT_FOUND',
  );
});
