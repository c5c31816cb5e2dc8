// The innovation centre's JSON API under /api/v1/innovation, declared with OpenAPI so it
// appears in /api/openapi.json. Same services and scope rules as the pages.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { canInRegion, hasRole } from '../../kernel/auth/index.js';
import { requireActor, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { completeReview, submitForReview } from './review.service.js';
import { markTaskDone } from './tasks.service.js';
import { recordValueAdd } from './value-add.service.js';
import { productForReview } from './innovation.queries.js';
import { reviewQueue, roundsOf, tasksFor } from './pages.queries.js';
import { dashboardRegion, ownUmkmIds, reviewerRegions } from './scope.js';
import { CompleteReviewSchema, ValueAddSchema } from './innovation.schema.js';
import { innovationStats } from './stats.js';
import { taskTitle } from './innovation.views.js';

const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const problem = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), code: z.string() }).passthrough(),
    },
  },
  description,
});
const ProductParam = z.object({
  productId: z
    .string()
    .max(40)
    .openapi({ param: { name: 'productId', in: 'path' } }),
});
const ReviewParam = z.object({
  reviewId: z
    .string()
    .max(40)
    .openapi({ param: { name: 'reviewId', in: 'path' } }),
});
const TaskParam = z.object({
  taskId: z
    .string()
    .max(40)
    .openapi({ param: { name: 'taskId', in: 'path' } }),
});
const security = [{ bearer: [] }];

const Round = z
  .object({
    id: z.string(),
    round: z.number(),
    state: z.enum(['open', 'passed', 'changes_requested', 'withdrawn']),
    score: z.number().nullable(),
    submittedAt: z.string(),
    completedAt: z.string().nullable(),
    items: z.array(z.object({ key: z.string(), passed: z.boolean(), comment: z.string() })),
  })
  .openapi('ReviewRound');
const Task = z
  .object({
    id: z.string(),
    productId: z.string(),
    umkmId: z.string(),
    item: z.string(),
    title: z.string(),
    status: z.enum(['open', 'done']),
    dueOn: z.string(),
    mentorUserId: z.string().nullable(),
    events: z.array(z.object({ event: z.string(), at: z.string() })),
  })
  .openapi('ImprovementTask');

export function innovationApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/innovation/queue',
      tags: ['innovation'],
      security,
      summary: 'Open review rounds in the reviewer’s region, oldest submission first',
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                reviewId: z.string(),
                productId: z.string(),
                title: z.string(),
                round: z.number(),
                submittedAt: z.string(),
                villageCode: z.string(),
              }),
            ),
          }),
          'The queue',
        ),
        401: problem('Not signed in'),
        403: problem('Not a reviewer'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'reviewer', 'national_admin');
      const rows = await reviewQueue(c.get('deps').h.db, reviewerRegions(actor));
      return c.json(
        {
          items: rows.map((r) => ({
            reviewId: r.id,
            productId: r.product_id,
            title: r.title,
            round: r.round,
            submittedAt: r.submitted_at,
            villageCode: r.village_code,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/innovation/products/{productId}/reviews',
      tags: ['innovation'],
      security,
      summary: 'Every review round of a product with its checklist results, newest first',
      request: { params: ProductParam },
      responses: {
        200: json(z.object({ listingState: z.string(), rounds: z.array(Round) }), 'Review history'),
        401: problem('Not signed in'),
        404: problem('No such product in your scope'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').h.db;
      const product = await productForReview(db, c.req.valid('param').productId);
      if (
        !product ||
        !(
          (await ownUmkmIds(db, actor)).includes(product.umkm_id) ||
          canInRegion(
            actor,
            ['reviewer', 'regional_officer', 'national_admin', 'mentor'],
            product.village_code,
          )
        )
      )
        throw new AppError('INNOVATION_NOT_FOUND');
      const rounds = await roundsOf(db, product.id);
      return c.json(
        {
          listingState: product.listing_state,
          rounds: rounds.map((r) => ({
            id: r.id,
            round: r.round,
            state: r.state as 'open',
            score: r.score,
            submittedAt: r.submitted_at,
            completedAt: r.completed_at,
            items: r.items.map((i) => ({
              key: i.item_key,
              passed: i.passed === 1,
              comment: i.comment,
            })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/innovation/products/{productId}/submit',
      tags: ['innovation'],
      security,
      summary: 'Submit (or resubmit) a product for review: opens a new round',
      request: { params: ProductParam },
      responses: {
        201: json(z.object({ reviewId: z.string(), round: z.number() }), 'Round opened'),
        401: problem('Not signed in'),
        404: problem('No such product of your UMKM'),
        409: problem('Not submittable in its current state'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(
        unwrap(await submitForReview(c.get('deps').h.db, actor, c.req.valid('param').productId)),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/innovation/reviews/{reviewId}/complete',
      tags: ['innovation'],
      security,
      summary:
        'Complete a review round: all items pass → listed; otherwise changes requested with one improvement task per failed item',
      request: {
        params: ReviewParam,
        body: { content: { 'application/json': { schema: CompleteReviewSchema } }, required: true },
      },
      responses: {
        200: json(
          z.object({
            state: z.enum(['passed', 'changes_requested']),
            score: z.number(),
            taskIds: z.array(z.string()),
          }),
          'Outcome',
        ),
        401: problem('Not signed in'),
        403: problem('Not a reviewer'),
        404: problem('No such round in your region'),
        409: problem('Not in review or already completed'),
        422: problem(
          'Checklist incomplete, comment missing on a failed item, due date missing or in the past, certification not valid, mentor not in the region',
        ),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'reviewer', 'national_admin');
      const body = c.req.valid('json');
      const r = unwrap(
        await completeReview(c.get('deps').h.db, actor, c.req.valid('param').reviewId, {
          items: body.items.map((i) => ({
            key: i.key,
            passed: i.passed,
            comment: i.comment ?? '',
            taskTitle: i.taskTitle ?? null,
            dueOn: i.dueOn ?? null,
          })),
          dueOn: body.dueOn ?? null,
          mentorUserId: body.mentorUserId ?? null,
        }),
      );
      return c.json(r, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/innovation/tasks',
      tags: ['innovation'],
      security,
      summary:
        'Improvement tasks of the caller’s UMKM (seller, community manager) or assigned to the caller as mentor',
      request: { query: z.object({ status: z.enum(['open', 'done']).optional() }) },
      responses: {
        200: json(z.object({ items: z.array(Task) }), 'Tasks'),
        401: problem('Not signed in'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').h.db;
      const status = c.req.valid('query').status;
      const tasks = (
        await tasksFor(
          db,
          await ownUmkmIds(db, actor),
          hasRole(actor, 'mentor') ? actor.userId : null,
        )
      ).filter((t) => !status || t.status === status);
      const locale = c.get('locale');
      return c.json(
        {
          items: tasks.map((t) => ({
            id: t.id,
            productId: t.product_id,
            umkmId: t.umkm_id,
            item: t.item_key,
            title: taskTitle(locale, t),
            status: t.status as 'open',
            dueOn: t.due_on,
            mentorUserId: t.mentor_user_id,
            events: t.events.map((e) => ({ event: e.event, at: e.at })),
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/innovation/tasks/{taskId}/done',
      tags: ['innovation'],
      security,
      summary: 'Mark an improvement task done',
      request: { params: TaskParam },
      responses: {
        200: json(z.object({ status: z.literal('done') }), 'Done'),
        401: problem('Not signed in'),
        404: problem('No such task in your scope'),
        409: problem('Already done'),
      },
    }),
    async (c) => {
      unwrap(await markTaskDone(c.get('deps').h.db, requireActor(c), c.req.valid('param').taskId));
      return c.json({ status: 'done' as const }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/innovation/products/{productId}/value-add',
      tags: ['innovation'],
      security,
      summary:
        'Record raw material cost and selling price per unit before and after an improvement (value added per kg when the weight is known)',
      request: {
        params: ProductParam,
        body: { content: { 'application/json': { schema: ValueAddSchema } }, required: true },
      },
      responses: {
        201: json(z.object({ id: z.string(), valueAddedPerKg: z.number().nullable() }), 'Recorded'),
        401: problem('Not signed in'),
        404: problem('No such product in your scope'),
        422: problem('Negative or non-integer amounts'),
      },
    }),
    async (c) => {
      const b = c.req.valid('json');
      const r = unwrap(
        await recordValueAdd(c.get('deps').h.db, requireActor(c), c.req.valid('param').productId, {
          ...b,
          weightGrams: b.weightGrams ?? null,
          note: b.note ?? null,
        }),
      );
      return c.json(r, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/innovation/stats',
      tags: ['innovation'],
      security,
      summary:
        'Innovation dashboard for a village/district/regency: products submitted, market-ready share, median days to market-ready, open tasks by type',
      request: { query: z.object({ region: z.string().max(20).optional() }) },
      responses: {
        200: json(
          z.object({
            regionPrefix: z.string(),
            productsSubmitted: z.number(),
            productsMarketReady: z.number(),
            marketReadyShare: z.number(),
            medianDaysToMarketReady: z.number().nullable(),
            openTasksByType: z.array(z.object({ item: z.string(), open: z.number() })),
          }),
          'Figures',
        ),
        401: problem('Not signed in'),
        403: problem('Not an officer or reviewer'),
        404: problem('Region outside your scope'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'reviewer', 'regional_officer', 'national_admin', 'analyst');
      return c.json(
        await innovationStats(
          c.get('deps').h.db,
          dashboardRegion(actor, c.req.valid('query').region),
        ),
        200,
      );
    },
  );
}
