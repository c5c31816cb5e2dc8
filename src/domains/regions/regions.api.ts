// The regions JSON API under /api/v1/regions, declared with OpenAPI so it appears in
// /api/openapi.json. Area reads are public; profile, targeting, weights and rollout reads and
// writes are scoped (regions.access.ts). Errors are thrown as AppError → problem+json.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { areaOrThrow, READ_ROLES, requireRead, requireWrite } from './regions.access.js';
import {
  childCounts,
  childrenOf,
  regionChain,
  searchRegions,
  timeZoneOf,
} from './regions.queries.js';
import {
  importProfilesCsv,
  saveProfile,
  villageProfiles,
  type ImportReport,
} from './profiles.service.js';
import { PROFILE_FIELDS } from './profile-fields.js';
import { nextVillages, setWeights } from './targeting.js';
import { cohortOf, recordRollout, rolloutsIn } from './rollout.service.js';
import { readinessByGroup } from './readiness.js';

import {
  AreaSchema,
  CodeParam,
  json,
  problem,
  WeightsSchema,
  camel,
  ProfileInput,
  ProfileValuesSchema,
  StoredProfileSchema,
  CohortSchema,
  ImportReportSchema,
  RankingSchema,
  RolloutSchema,
  ReadinessReportSchema,
  profileJson,
} from './regions.api-schemas.js';

export function regionsApi(app: OpenAPIHono<AppEnv>) {
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

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/regions/profiles/import',
      tags: ['regions'],
      security: SIGNED_IN,
      summary:
        'Import village profiles from CSV (one row per village_code); all or nothing unless mode=valid',
      request: {
        query: z.object({ mode: z.enum(['all', 'valid']).optional() }),
        body: { content: { 'text/csv': { schema: z.string() } }, required: true },
      },
      responses: {
        200: json(ImportReportSchema, 'Import report'),
        422: problem('Invalid file: nothing imported; the report lists every bad row'),
        401: problem('Not signed in'),
        403: problem('Not allowed'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer');
      const mode = c.req.valid('query').mode ?? 'all';
      const report = await importProfilesCsv(c.get('deps').h.db, actor, await c.req.text(), {
        mode,
      });
      const rejected = report.imported === 0 && report.errors.length > 0;
      const body = localise(c.get('locale'), report);
      if (rejected)
        throw new AppError(
          'REGIONS_CSV_INVALID',
          {},
          Object.fromEntries(
            report.errors.map((e) => [
              `line ${e.line} ${e.column}`,
              { key: e.key, params: e.params },
            ]),
          ),
        );
      return c.json(body, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions',
      tags: ['regions'],
      summary:
        'Search areas by name (q: case/accent-insensitive word prefix), or list the children of a parent (provinces when neither is given)',
      request: {
        query: z.object({
          q: z.string().max(100).optional(),
          parent: z.string().max(20).optional(),
          limit: z.coerce.number().int().min(1).max(100).optional(),
        }),
      },
      responses: {
        200: json(
          z.object({
            items: z.array(
              AreaSchema.extend({
                context: z.array(z.string()).optional(),
                match: z.string().optional(),
              }),
            ),
          }),
          'Matching areas',
        ),
        404: problem('Unknown parent'),
        422: problem('Malformed parent code'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const { q, parent, limit } = c.req.valid('query');
      if (q !== undefined && q.trim() !== '')
        return c.json({ items: await searchRegions(db, q, { limit, within: parent }) }, 200);
      if (parent) await areaOrThrow(db, parent);
      return c.json({ items: await childrenOf(db, parent ?? null) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/{code}',
      tags: ['regions'],
      summary: 'One area with its parent chain, child counts and time zone',
      request: { params: CodeParam },
      responses: {
        200: json(
          AreaSchema.extend({
            timeZone: z.enum(['WIB', 'WITA', 'WIT']),
            chain: z.array(AreaSchema),
            childCounts: z.object({
              regencies: z.number(),
              districts: z.number(),
              villages: z.number(),
            }),
          }),
          'The area',
        ),
        404: problem('No such area'),
        422: problem('Malformed code'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      const chain = await regionChain(db, a.code);
      return c.json(
        {
          ...a,
          timeZone: timeZoneOf(a.code),
          chain: chain.slice(0, -1),
          childCounts: await childCounts(db, a.code),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/regions/{code}/profile',
      tags: ['regions'],
      security: SIGNED_IN,
      summary: "A village's profile (regional officers of its region, national staff)",
      request: { params: CodeParam },
      responses: {
        200: json(
          z.object({
            code: z.string(),
            profile: z.union([StoredProfileSchema, z.null()]),
            cohort: CohortSchema,
          }),
          'The profile (null when none is stored) and the cohort the village joined with',
        ),
        403: problem('Outside your region'),
        404: problem('No such area'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      requireRead(c, a.code);
      if (a.level !== 4) throw new AppError('REGIONS_NOT_A_VILLAGE', { code: a.code });
      const stored = (await villageProfiles(db, [a.code])).get(a.code);
      const profile = stored
        ? {
            ...profileJson(stored),
            villageCode: stored.villageCode,
            isDemo: stored.isDemo,
            updatedAt: stored.updatedAt,
          }
        : null;
      return c.json({ code: a.code, profile, cohort: await cohortOf(db, a.code) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/regions/{code}/profile',
      tags: ['regions'],
      security: SIGNED_IN,
      summary: "Replace a village's profile (empty or missing = not known)",
      request: {
        params: CodeParam,
        body: { content: { 'application/json': { schema: ProfileInput } }, required: true },
      },
      responses: {
        200: json(z.object({ code: z.string(), profile: ProfileValuesSchema }), 'Saved'),
        403: problem('Outside your region'),
        404: problem('No such area'),
        422: problem('Invalid values'),
      },
    }),
    async (c) => {
      const db = c.get('deps').h.db;
      const a = await areaOrThrow(db, c.req.valid('param').code);
      const actor = requireWrite(c, a.code);
      const body = c.req.valid('json') as Record<
        string,
        string | number | boolean | null | undefined
      >;
      const text = Object.fromEntries(
        PROFILE_FIELDS.map((f) => {
          const v = body[camel(f)];
          return [
            f,
            v === null || v === undefined
              ? ''
              : typeof v === 'boolean'
                ? v
                  ? '1'
                  : '0'
                : String(v),
          ];
        }),
      );
      const saved = await saveProfile(db, actor, a.code, text);
      // Field errors are named as the caller named the fields.
      if (!saved.ok)
        throw new AppError(
          saved.code,
          saved.params,
          saved.fields &&
            Object.fromEntries(Object.entries(saved.fields).map(([k, v]) => [camel(k), v])),
        );
      return c.json({ code: a.code, profile: profileJson(saved.value) }, 200);
    },
  );

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

/** The report with each error's reason in the caller's language. */
export function localise(locale: Locale, r: ImportReport) {
  return {
    ...r,
    errors: r.errors.map((e) => ({
      line: e.line,
      column: e.column,
      reason: t(locale, e.key, e.params),
      code: e.key,
    })),
  };
}
