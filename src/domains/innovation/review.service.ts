// The review use cases: a seller (or their community manager) submits a product, which opens
// a new round; a reviewer in the product's region completes the round item by item. All
// checks run before the first write, so a refused review writes nothing.
import {
  inTransaction,
  inTransactionResult,
  isUniqueViolation,
  nowIso,
  type Db,
} from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { Topic } from '../../kernel/domain/index.js';
import { newId } from '../../kernel/ids/index.js';
import { canInRegion, hasRole, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type FieldErrors, type Result } from '../../kernel/errors/index.js';
import { setListing } from '../catalog/index.js';
import {
  checklistFor,
  missingCertifications,
  readinessScore,
  type ChecklistKey,
} from './checklist.js';
import { transition } from './review-machine.js';
import { mentorsFor, productForReview, validKindsOf } from './innovation.queries.js';
import { ownUmkmIds } from './scope.js';
import { isDate, todayIn } from './dates.js';

/** Submits a product for review: a new round opens and the product shows as in review. */
export async function submitForReview(
  db: Db,
  actor: Actor,
  productId: string,
  o: Clock = {},
): Promise<Result<{ reviewId: string; round: number }>> {
  const at = (o.now ?? new Date()).toISOString();
  const own = await ownUmkmIds(db, actor);
  const product = await productForReview(db, productId);
  if (!product || !(own.includes(product.umkm_id) || hasRole(actor, 'national_admin')))
    return fail('INNOVATION_NOT_FOUND');
  const next = transition(product.listing_state, 'submit');
  if (!next.ok) return next;
  try {
    return await inTransactionResult(db, async (tx) => {
      const last = await tx
        .selectFrom('reviews')
        .select((eb) => eb.fn.max('round').as('r'))
        .where('product_id', '=', productId)
        .executeTakeFirst();
      const round = Number(last?.r ?? 0) + 1;
      const reviewId = newId('rev');
      await tx
        .insertInto('reviews')
        .values({
          id: reviewId,
          product_id: productId,
          umkm_id: product.umkm_id,
          village_code: product.village_code,
          category: product.category,
          round,
          state: 'open',
          submitted_by: actor.userId,
          submitted_at: at,
          reviewer_id: null,
          score: null,
          completed_at: null,
        })
        .execute();
      // The state is re-checked in the update so two racing submissions cannot both open rounds.
      const moved = await setListing(tx, productId, next.value, actor.userId, {
        from: product.listing_state,
      });
      if (!moved) return fail('INNOVATION_SUBMITTED_CONCURRENTLY');
      await audit(tx, {
        actorId: actor.userId,
        action: 'innovation.submit',
        entityType: 'product',
        entityId: productId,
        data: { reviewId, round },
      });
      return ok({ reviewId, round });
    });
  } catch (err) {
    // A unique (product, round) clash: the other submission won.
    if (isUniqueViolation(err)) return fail('INNOVATION_SUBMITTED_CONCURRENTLY');
    throw err;
  }
}

/** A reviewer named a mentor for an UMKM's improvement tasks (published inside the review's transaction). */
export interface MentorNamed {
  umkmId: string;
  mentorUserId: string;
  actorId: string;
  reviewId: string;
}
export const mentorNamedForTasks = new Topic<MentorNamed>('innovation.mentor_named_for_tasks');

/** A review round completed (published inside its transaction): who hears of it subscribes. */
export interface ReviewCompleted {
  reviewId: string;
  productId: string;
  productTitle: string;
  umkmId: string;
  villageCode: string;
  organisationId: string | null;
  passed: boolean;
  /** Improvement tasks opened by the round (0 when it passed). */
  tasks: number;
  mentorUserId: string | null;
}
export const reviewCompleted = new Topic<ReviewCompleted>('innovation.review_completed');

/** The clock of a use case (tests and the demo seed replay history at earlier dates). */
export interface Clock {
  now?: Date;
}

export interface ItemResult {
  key: string;
  passed: boolean;
  comment: string;
  /** The improvement task's own wording; empty keeps the suggested template. */
  taskTitle?: string | null;
  /** Due date of this item's task; falls back to the round's dueOn. */
  dueOn?: string | null;
}

export interface CompleteReviewInput {
  items: ItemResult[];
  dueOn?: string | null;
  mentorUserId?: string | null;
}

export interface ReviewOutcome {
  state: 'passed' | 'changes_requested';
  score: number;
  taskIds: string[];
}

/** The open round a reviewer may work on: in their region, product still in review. */
export async function reviewForReviewer(db: Db, actor: Actor, reviewId: string) {
  const review = await db
    .selectFrom('reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .executeTakeFirst();
  if (!review || !canInRegion(actor, ['reviewer', 'national_admin'], review.village_code))
    return undefined;
  return review;
}

/** Completes a round: all applicable items pass → listed; else changes requested with one task per failed item. */
export async function completeReview(
  db: Db,
  actor: Actor,
  reviewId: string,
  input: CompleteReviewInput,
  o: Clock = {},
): Promise<Result<ReviewOutcome>> {
  const review = await reviewForReviewer(db, actor, reviewId);
  if (!review) return fail('INNOVATION_NOT_FOUND');
  if (review.state !== 'open') return fail('INNOVATION_ALREADY_COMPLETED');
  const product = await productForReview(db, review.product_id);
  if (!product || product.listing_state !== 'in_review') return fail('INNOVATION_NOT_IN_REVIEW');

  const keys = checklistFor(product.category);
  const byKey = new Map(input.items.map((i) => [i.key, i]));
  const fields: FieldErrors = {};
  let code: string | null = null;
  const flag = (field: string, c: string, key: string, params?: Record<string, unknown>) => {
    fields[field] = { key, params };
    code ??= c;
  };
  for (const i of input.items)
    if (!keys.includes(i.key as ChecklistKey))
      flag(`items.${i.key}`, 'INNOVATION_CHECKLIST_INCOMPLETE', 'validation.unknown_field');
  for (const k of keys)
    if (!byKey.has(k))
      flag(
        `items.${k}.passed`,
        'INNOVATION_CHECKLIST_INCOMPLETE',
        'innovation.err.checklist_incomplete',
      );
  const today = todayIn(product.village_code, o.now);
  const failed = keys.filter((k) => byKey.has(k) && !byKey.get(k)!.passed);
  for (const k of failed) {
    const item = byKey.get(k)!;
    if (!item.comment.trim())
      flag(`items.${k}.comment`, 'INNOVATION_COMMENT_REQUIRED', 'innovation.err.comment_required');
    const due = item.dueOn || input.dueOn;
    const field = item.dueOn ? `items.${k}.due_on` : 'due_on';
    if (!due) flag(field, 'INNOVATION_DUE_REQUIRED', 'innovation.err.due_required');
    else if (!isDate(due)) flag(field, 'VALIDATION_FAILED', 'innovation.err.date');
    else if (due < today) flag(field, 'INNOVATION_DUE_IN_PAST', 'innovation.err.due_in_past');
  }
  if (byKey.get('certification')?.passed && keys.includes('certification')) {
    const valid = await validKindsOf(db, product.umkm_id, today);
    const missing = missingCertifications(product.category, valid);
    if (missing.length)
      flag(
        'items.certification.passed',
        'INNOVATION_CERTIFICATION_MISSING',
        'innovation.err.certification_missing',
        { missing: missing.map((m) => m.code.toUpperCase()).join(', ') },
      );
  }
  if (input.mentorUserId && failed.length) {
    const mentors = await mentorsFor(db, product.village_code);
    if (!mentors.some((m) => m.id === input.mentorUserId))
      flag('mentor_user_id', 'INNOVATION_MENTOR_INVALID', 'innovation.err.mentor_invalid');
  }
  if (code) return fail(code, {}, fields);

  const results = keys.map((k) => byKey.get(k)!);
  const score = readinessScore(results);
  const passed = failed.length === 0;
  const next = transition(product.listing_state, passed ? 'pass' : 'request_changes');
  if (!next.ok) return next;
  return inTransactionResult(db, async (tx) => {
    const now = (o.now ?? new Date()).toISOString();
    const r = await tx
      .updateTable('reviews')
      .set({
        state: passed ? 'passed' : 'changes_requested',
        reviewer_id: actor.userId,
        score,
        completed_at: now,
      })
      .where('id', '=', reviewId)
      .where('state', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('INNOVATION_ALREADY_COMPLETED');
    await tx
      .insertInto('review_items')
      .values(
        results.map((i) => ({
          review_id: reviewId,
          item_key: i.key,
          passed: i.passed ? 1 : 0,
          comment: i.comment.trim(),
        })),
      )
      .execute();
    const taskIds: string[] = [];
    for (const k of failed) {
      const item = byKey.get(k)!;
      const taskId = newId('tsk');
      const own = item.taskTitle?.trim();
      await tx
        .insertInto('improvement_tasks')
        .values({
          id: taskId,
          review_id: reviewId,
          product_id: product.id,
          umkm_id: product.umkm_id,
          village_code: product.village_code,
          item_key: k,
          title_key: own ? null : `innovation.task.${k}`,
          title: own || null,
          mentor_user_id: input.mentorUserId || null,
          due_on: (item.dueOn || input.dueOn)!,
          status: 'open',
          created_by: actor.userId,
          created_at: now,
          done_at: null,
        })
        .execute();
      await tx
        .insertInto('improvement_task_events')
        .values({
          id: newId('tev'),
          task_id: taskId,
          event: 'created',
          actor_id: actor.userId,
          at: now,
        })
        .execute();
      taskIds.push(taskId);
    }
    await setListing(tx, product.id, next.value, actor.userId);
    // The mentor named for the tasks takes the UMKM into their caseload (training subscribes).
    if (input.mentorUserId && failed.length) {
      await mentorNamedForTasks.publish(tx, {
        umkmId: product.umkm_id,
        mentorUserId: input.mentorUserId,
        actorId: actor.userId,
        reviewId,
      });
    }
    await reviewCompleted.publish(tx, {
      reviewId,
      productId: product.id,
      productTitle: product.title,
      umkmId: product.umkm_id,
      villageCode: product.village_code,
      organisationId: product.organisation_id,
      passed,
      tasks: taskIds.length,
      mentorUserId: (failed.length && input.mentorUserId) || null,
    });
    await audit(tx, {
      actorId: actor.userId,
      action: 'innovation.review',
      entityType: 'product',
      entityId: product.id,
      data: { reviewId, round: review.round, score, passed, tasks: taskIds.length },
    });
    return ok<ReviewOutcome>({ state: passed ? 'passed' : 'changes_requested', score, taskIds });
  });
}

/** Withdraws a product from the market or the queue (the seller's choice); an open round is closed unreviewed (kept in history). */
export async function withdrawProduct(
  db: Db,
  actor: Actor,
  productId: string,
): Promise<Result<true>> {
  const own = await ownUmkmIds(db, actor);
  const product = await productForReview(db, productId);
  if (!product || !own.includes(product.umkm_id)) return fail('INNOVATION_NOT_FOUND');
  const next = transition(product.listing_state, 'withdraw');
  if (!next.ok) return next;
  return inTransaction(db, async (tx) => {
    await tx
      .updateTable('reviews')
      .set({ state: 'withdrawn', completed_at: nowIso() })
      .where('product_id', '=', productId)
      .where('state', '=', 'open')
      .execute();
    await setListing(tx, productId, next.value, actor.userId);
    await audit(tx, {
      actorId: actor.userId,
      action: 'innovation.withdraw',
      entityType: 'product',
      entityId: productId,
    });
    return ok(true as const);
  });
}
