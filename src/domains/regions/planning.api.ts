// The planning part of the regions JSON API: Desa Digital readiness by group, targeting
// (ranking and weights) and rollout cohorts, scoped by regions.access.ts. Registered by
// regions.api.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { areaOrThrow, READ_ROLES, requireRead, requireWrite } from './regions.access.js';
import { nextVillages, setWeights } from './targeting.js';
import { cohortOf, recordRollout, rolloutsIn } from './rollout.service.js';
import { readinessByGroup } from './readiness.js';
import {
  CodeParam,
  json,
  problem,
  WeightsSchema,
  RankingSchema,
  RolloutSchema,
  ReadinessReportSchema,
} from './regions.api-schemas.js';

/** GET /api/v1/regions/readiness (before /regions/{code}, which would take the word). */
export function readinessApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/readiness',
      tags: ['regions'],
      security: SIGNED_IN,
      summary:
        'Desa Digital readiness averages for western (KBI) and eastern (KTI) provinces, side by side',
      responses: {
        200: json(ReadinessReportSchema, 'Averages per group and per province'),
        401: problem('Not signed in'),
        403: problem('Not national staff or a regional officer'),
      },
    }),
    async (c) => {
      requireRole(c, ...READ_ROLES);
      return c.json(await readinessByGroup(c.get('deps').h.db), 200);
    },
  );
}

/** Targeting, weights and rollout of one area: /api/v1/regions/{code}/…. */
export function planningApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/{code}/targeting',
      tags: ['regions'],
      security: SIGNED_IN,
      summary:
        'Next n villages to enrol in a province or regency, each score broken down by component',
      request: {
        params: CodeParam,
        query: z.object({ n: z.coerce.number().int().min(1).max(1000).optional() }),
      },
      responses: {
        200: json(RankingSchema, 'Ranking with weights in force'),
        403: problem('Outside your region'),
        404: problem('No such area'),
        422: problem('Not a province or regency'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      requireRead(c, a.code);
      if (a.level > 2) throw new AppError('REGIONS_WEIGHTS_SCOPE');
      return c.json(
        { code: a.code, ...(await nextVillages(db, a.code, c.req.valid('query').n ?? 20)) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/regions/{code}/weights',
      tags: ['regions'],
      security: SIGNED_IN,
      summary: 'Set the targeting weights of a province or regency (integers 0–100, not all zero)',
      request: {
        params: CodeParam,
        body: { content: { 'application/json': { schema: WeightsSchema } }, required: true },
      },
      responses: {
        200: json(WeightsSchema, 'Saved'),
        403: problem('Outside your region'),
        404: problem('No such area'),
        422: problem('Invalid weights'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      const actor = requireWrite(c, a.code);
      return c.json(unwrap(await setWeights(db, actor, a.code, c.req.valid('json'))), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/{code}/rollout',
      tags: ['regions'],
      security: SIGNED_IN,
      summary:
        "An area's cohort (nearest enrolled ancestor-or-self) and the rollout entries inside it",
      request: { params: CodeParam },
      responses: {
        200: json(RolloutSchema, 'Cohort and entries'),
        403: problem('Outside your region'),
        404: problem('No such area'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      requireRead(c, a.code);
      return c.json(
        { code: a.code, cohort: await cohortOf(db, a.code), entries: await rolloutsIn(db, a.code) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/regions/{code}/rollout',
      tags: ['regions'],
      security: SIGNED_IN,
      summary: 'Record the date a regency, district or village joined the programme',
      request: {
        params: CodeParam,
        body: {
          content: { 'application/json': { schema: z.object({ joinedOn: z.string() }).strict() } },
          required: true,
        },
      },
      responses: {
        200: json(z.object({ code: z.string(), joinedOn: z.string() }), 'Recorded'),
        403: problem('Outside your region'),
        404: problem('No such area'),
        422: problem('Invalid date or level'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      const actor = requireWrite(c, a.code);
      return c.json(
        unwrap(await recordRollout(db, actor, a.code, c.req.valid('json').joinedOn)),
        200,
      );
    },
  );
}
