// The impact JSON API under /api/v1 (in OpenAPI): KPIs and poverty of an area, evaluation
// runs, and household answers from an enumerator's offline phone. Scope as on the pages.
import { createRoute, z } from '@hono/zod-openapi';
import { createApiApp, clientIp, requireRole, SIGNED_IN } from '../../kernel/http/index.js';
import { AppError, unwrap, unwrapJson } from '../../kernel/errors/index.js';
import { isId } from '../../kernel/ids/index.js';
import { kpisFor } from './kpi.queries.js';
import {
  defaultFocus,
  evalSettingsSchema,
  getRun,
  IMPACT_READERS,
  mayRead,
  startEvaluation,
} from './evaluation.service.js';
import { householdFormSchema, type HouseholdInput } from './surveys.schema.js';
import { recordHousehold, SURVEY_ROLES } from './surveys.service.js';
import { villageCohorts } from './regions.queries.js';
import { householdCells, povertyBy } from './outcomes.queries.js';
import { lineBook } from './poverty-lines.js';
import { EvaluationRun, ImpactKpis } from './impact.api-schemas.js';

const Problem = {
  content: {
    'application/problem+json': {
      schema: z.object({
        type: z.string(),
        title: z.string(),
        status: z.number(),
        code: z.string(),
      }),
    },
  },
  description: 'RFC 9457 problem',
};
const region = z
  .string()
  .regex(/^(all|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/)
  .optional()
  .openapi({ description: "Region code or 'all' (default: the caller's own area)" });

const kpiRoute = createRoute({
  method: 'get',
  path: '/api/v1/impact/kpis',
  tags: ['impact'],
  security: SIGNED_IN,
  summary: "Programme KPIs of an area inside the caller's scope",
  request: { query: z.object({ region }) },
  responses: {
    200: {
      description: 'KPIs (null blocks: no data source yet)',
      content: { 'application/json': { schema: ImpactKpis } },
    },
    401: Problem,
    403: Problem,
  },
});
const povertyRoute = createRoute({
  method: 'get',
  path: '/api/v1/impact/poverty',
  tags: ['impact'],
  security: SIGNED_IN,
  summary: 'Poverty headcount (P0) and gap (P1) by level from the household survey',
  request: {
    query: z.object({
      region,
      level: z.enum(['village', 'district', 'regency', 'province']).default('district'),
      year: z.coerce.number().int().min(2000).max(2100),
    }),
  },
  responses: {
    200: {
      description: 'Rows per area',
      content: {
        'application/json': {
          schema: z.object({
            items: z.array(
              z.object({
                code: z.string(),
                households: z.number(),
                persons: z.number(),
                poorHouseholds: z.number(),
                p0: z.number(),
                p1: z.number(),
                linePeriod: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    401: Problem,
    403: Problem,
  },
});
const startRoute = createRoute({
  method: 'post',
  path: '/api/v1/impact/evaluations',
  tags: ['impact'],
  security: SIGNED_IN,
  summary: 'Start an impact evaluation (background job)',
  request: {
    body: {
      content: { 'application/json': { schema: evalSettingsSchema.strict() } },
      required: true,
    },
  },
  responses: {
    202: {
      description: 'Queued',
      content: { 'application/json': { schema: z.object({ id: z.string(), href: z.string() }) } },
    },
    403: Problem,
    422: Problem,
  },
});
const runRoute = createRoute({
  method: 'get',
  path: '/api/v1/impact/evaluations/{id}',
  tags: ['impact'],
  security: SIGNED_IN,
  summary: 'An evaluation run: status, progress and, when done, the result',
  request: { params: z.object({ id: z.string() }) },
  responses: {
    200: { description: 'The run', content: { 'application/json': { schema: EvaluationRun } } },
    404: Problem,
  },
});
// The JSON body: camelCase names over the form's field rules; consent is `true`.
const H = householdFormSchema.shape;
const HouseholdIn = z
  .object({
    villageCode: H.village_code,
    waveYear: H.wave_year,
    householdCode: H.household_code,
    householdSize: H.household_size,
    incomeMonthly: H.income_monthly,
    consent: z.literal(true, { message: 'impact.err.consent_required' }).openapi({
      description: 'The household agreed, after the consent text was read out: `true`',
    }),
  })
  .strict()
  .openapi('HouseholdSurveyIn');
const householdInput = (v: z.infer<typeof HouseholdIn>): HouseholdInput => ({
  village_code: v.villageCode,
  wave_year: v.waveYear,
  household_code: v.householdCode,
  household_size: v.householdSize,
  income_monthly: v.incomeMonthly,
  consent: 'yes',
});
const householdRoute = createRoute({
  method: 'post',
  path: '/api/v1/impact/surveys/households',
  tags: ['impact'],
  security: SIGNED_IN,
  summary: 'Record one household answer (consent: `true` required)',
  request: {
    body: {
      content: { 'application/json': { schema: HouseholdIn } },
      required: true,
    },
  },
  responses: {
    201: {
      description: 'Recorded',
      content: { 'application/json': { schema: z.object({ id: z.string() }) } },
    },
    403: Problem,
    409: Problem,
    422: Problem,
  },
});

function focusFor(actor: Parameters<typeof mayRead>[0], asked: string | undefined): string {
  const focus = asked ?? defaultFocus(actor);
  if (!mayRead(actor, focus)) throw new AppError('FORBIDDEN');
  return focus;
}

export function impactApi() {
  const app = createApiApp();
  app.openapi(kpiRoute, async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const focus = focusFor(actor, c.req.valid('query').region);
    return c.json({ region: focus, ...(await kpisFor(c.get('deps').h.db, focus)) }, 200);
  });
  app.openapi(povertyRoute, async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const q = c.req.valid('query');
    const focus = focusFor(actor, q.region);
    const db = c.get('deps').h.db;
    const scope = focus === 'all' ? 'all' : [focus];
    const villages = await villageCohorts(db, scope);
    const cells = await householdCells(
      db,
      scope,
      new Map(villages.map((v) => [v.code, v])),
      await lineBook(db),
      q.year,
    );
    return c.json({ items: povertyBy(cells, q.level) }, 200);
  });
  app.openapi(startRoute, async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const id = unwrap(
      await startEvaluation(c.get('deps').h.db, actor, c.req.valid('json'), clientIp(c)),
    );
    return c.json({ id, href: `/api/v1/impact/evaluations/${id}` }, 202);
  });
  app.openapi(runRoute, async (c) => {
    const actor = requireRole(c, ...IMPACT_READERS);
    const { id } = c.req.valid('param');
    const run = isId(id, 'evr') ? await getRun(c.get('deps').h.db, actor, id) : null;
    if (!run) throw new AppError('NOT_FOUND');
    return c.json(run, 200);
  });
  app.openapi(householdRoute, async (c) => {
    const actor = requireRole(c, ...SURVEY_ROLES);
    const input = householdInput(c.req.valid('json'));
    const r = await recordHousehold(c.get('deps').h.db, actor, input, clientIp(c));
    return c.json({ id: unwrapJson(r) }, 201);
  });
  return app;
}
