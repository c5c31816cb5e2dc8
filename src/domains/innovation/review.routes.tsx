// The reviewer's pages of the innovation centre: the review queue and one review's checklist
// form. Scope is decided in SQL by the queries; a review outside it is 404.
import type { Context } from 'hono';
import {
  type createApiApp,
  page,
  readForm,
  requireRole,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError, type FieldErrors } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { t, translateFieldsSafe } from './i18n-fields.js';
import { checklistFor, missingCertifications, type ChecklistKey } from './checklist.js';
import { completeReview, reviewForReviewer } from './review.service.js';
import { mentorsFor, productForReview, validKindsOf } from './innovation.queries.js';
import { reviewQueue } from './pages.queries.js';
import { REVIEWERS, reviewerRegions } from './scope.js';
import { reviewFormSchema } from './innovation.schema.js';
import { todayIn } from './dates.js';
import { productDossier, ProductDossier } from '../catalog/index.js';
import { regionNames } from '../regions/index.js';
import { QueuePage, ReviewForm } from './innovation.views.js';

type C = Context<AppEnv>;

/** Service field paths (items.packaging.comment) → form field names (packaging_comment). */
function formFields(fields: FieldErrors = {}): FieldErrors {
  const out: FieldErrors = {};
  for (const [k, v] of Object.entries(fields)) {
    const m = /^items\.(\w+)\.(comment|passed|due_on)$/.exec(k);
    out[!m ? k : m[2] === 'due_on' ? 'due_on' : `${m[1]}_${m[2] === 'passed' ? 'result' : m[2]}`] =
      v;
  }
  return out;
}

async function reviewPage(
  c: C,
  actor: Actor,
  reviewId: string,
  raw?: Record<string, string>,
  errors?: Record<string, string>,
) {
  const db = c.get('deps').h.db;
  const review = await reviewForReviewer(db, actor, reviewId);
  if (!review) throw new AppError('INNOVATION_NOT_FOUND');
  const product = await productForReview(db, review.product_id);
  if (review.state !== 'open') throw new AppError('INNOVATION_ALREADY_COMPLETED');
  if (!product || product.listing_state !== 'in_review')
    throw new AppError('INNOVATION_NOT_IN_REVIEW');
  const today = todayIn(product.village_code);
  const [valid, dossier] = await Promise.all([
    validKindsOf(db, product.umkm_id, today),
    productDossier(db, product.id),
  ]);
  return page(
    c,
    {
      title: t(c, 'innovation.review.title', { title: product.title }),
      status: errors ? 422 : 200,
    },
    <ReviewForm
      dossier={dossier ? <ProductDossier c={c} product={dossier} /> : null}
      c={c}
      reviewId={reviewId}
      product={product}
      place={(await regionNames(db, [product.village_code])).get(product.village_code) ?? ''}
      round={review.round}
      keys={checklistFor(product.category)}
      missingCerts={missingCertifications(product.category, valid)}
      mentors={await mentorsFor(db, product.village_code)}
      today={today}
      raw={raw}
      errors={errors}
      reopened={review.reopened_items}
    />,
  );
}

/** The reviewer's routes, added to the innovation centre's sub-app. */
export function reviewRoutes(app: ReturnType<typeof createApiApp>) {
  app.get('/innovation/queue', async (c) => {
    const actor = requireRole(c, ...REVIEWERS);
    const rows = await reviewQueue(c.get('deps').h.db, reviewerRegions(actor));
    const places = await regionNames(
      c.get('deps').h.db,
      rows.map((r) => r.village_code),
    );
    return page(
      c,
      { title: t(c, 'innovation.queue.title') },
      <QueuePage c={c} rows={rows} places={places} />,
    );
  });

  app.get('/innovation/reviews/:id', (c) =>
    reviewPage(c, requireRole(c, ...REVIEWERS), c.req.param('id')),
  );

  app.post('/innovation/reviews/:id', async (c) => {
    const actor = requireRole(c, ...REVIEWERS);
    const db = c.get('deps').h.db;
    const review = await reviewForReviewer(db, actor, c.req.param('id'));
    if (!review) throw new AppError('INNOVATION_NOT_FOUND');
    const keys = checklistFor(review.category);
    const form = await readForm(c, reviewFormSchema(keys));
    if (!form.ok) return reviewPage(c, actor, review.id, form.raw, form.errors);
    const d = form.data as Record<string, string | null>;
    const r = await completeReview(db, actor, review.id, {
      items: keys.map((k: ChecklistKey) => ({
        key: k,
        passed: d[`${k}_result`] === 'pass',
        comment: d[`${k}_comment`] ?? '',
        taskTitle: d[`${k}_task`] || null,
      })),
      dueOn: d.due_on ?? null,
      mentorUserId: d.mentor_user_id ?? null,
    });
    if (!r.ok) {
      if (!r.fields || Object.keys(r.fields).length === 0) throw new AppError(r.code, r.params);
      return reviewPage(
        c,
        actor,
        review.id,
        form.raw,
        translateFieldsSafe(c, formFields(r.fields)),
      );
    }
    return c.redirect(
      `/innovation/products/${review.product_id}?done=${r.value.state === 'passed' ? 'passed' : `changes&n=${r.value.taskIds.length}`}`,
      303,
    );
  });
}
