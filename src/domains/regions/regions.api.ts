// The regions JSON API under /api/v1/regions, declared with OpenAPI so it appears in
// /api/openapi.json. Area reads are public; profile, targeting, weights and rollout reads and
// writes are scoped (regions.access.ts). Errors are thrown as AppError → problem+json.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { areaOrThrow, READ_ROLES, requireRead, requireWrite } from './regions.access.js';
import { childCounts, childrenOf, regionChain, searchRegions, timeZoneOf } from './regions.repo.js';
import {
  importProfilesCsv,
  saveProfile,
  villageProfiles,
  type ImportReport,
} from './profiles.service.js';
import { PROFILE_FIELDS, type ProfileField, type ProfileValues } from './profile-fields.js';
import { nextVillages, setWeights } from './targeting.js';
import { cohortOf, recordRollout, rolloutsIn } from './rollout.service.js';
import { readinessByGroup } from './readiness.js';

const AreaSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    kind: z.string(),
    parentCode: z.string().nullable(),
  })
  .openapi('Region');
const CodeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: '53.09.06.2001' }),
});
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

const WeightsSchema = z
  .object({
    poverty: z.number().int().min(0).max(100),
    signal: z.number().int().min(0).max(100),
    electricity: z.number().int().min(0).max(100),
    road: z.number().int().min(0).max(100),
    distance: z.number().int().min(0).max(100),
  })
  .strict()
  .openapi('TargetingWeights');
// The JSON API names profile fields in camelCase (one convention for /api/v1); the CSV columns
// and the stored rows keep their snake_case names.
const camel = (f: string) => f.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
const YES_NO: ProfileField[] = ['office_internet', 'has_bumdes', 'has_koperasi'];
const ProfileInput = z
  .object(
    Object.fromEntries(
      PROFILE_FIELDS.map((f) => [
        camel(f),
        z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
      ]),
    ),
  )
  .strict()
  .openapi('VillageProfileInput');
const profileShape = {
  population: z.number().int().nullable(),
  households: z.number().int().nullable(),
  povertyShare: z
    .number()
    .nullable()
    .openapi({ description: 'Share of households under the poverty line, 0..1' }),
  electricityShare: z
    .number()
    .nullable()
    .openapi({ description: 'Share of households with electricity, 0..1' }),
  signal: z.enum(['none', '2g', '4g']).nullable(),
  officeInternet: z.boolean().nullable(),
  roadAccess: z.enum(['all_season', 'dry_season', 'none']).nullable(),
  distanceKm: z.number().nullable(),
  hasBumdes: z.boolean().nullable(),
  hasKoperasi: z.boolean().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
};
const ProfileValuesSchema = z.object(profileShape).openapi('VillageProfileValues');
// Null is declared at the use (anyOf), never on the named component itself.
const StoredProfileSchema = z
  .object({ ...profileShape, villageCode: z.string(), isDemo: z.boolean(), updatedAt: z.string() })
  .openapi('VillageProfile');
const CohortSchema = z
  .object({
    joinedOn: z.string(),
    via: z.string().openapi({ description: 'Code of the enrolled area the village belongs to' }),
  })
  .nullable();
const ImportReportSchema = z
  .object({
    mode: z.enum(['all', 'valid']),
    rows: z.number().int().openapi({ description: 'Data rows in the file (header excluded)' }),
    valid: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    errors: z.array(
      z.object({
        line: z.number().int(),
        column: z.string(),
        reason: z.string(),
        code: z.string(),
      }),
    ),
  })
  .openapi('ProfileImportReport');
const ComponentEnum = z.enum(['poverty', 'signal', 'electricity', 'road', 'distance']);
const RankingSchema = z
  .object({
    code: z.string(),
    weights: WeightsSchema,
    weightsFrom: z
      .string()
      .nullable()
      .openapi({ description: 'Area whose weights are in force; null for the defaults' }),
    villages: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        district: z.string(),
        score: z.number(),
        parts: z.array(
          z.object({
            component: ComponentEnum,
            value: z.number().nullable(),
            weight: z.number(),
            points: z.number(),
          }),
        ),
        missing: z.array(ComponentEnum),
      }),
    ),
    notEnrolled: z.number().int(),
    withoutProfile: z.number().int(),
  })
  .openapi('TargetingRanking');
const RolloutSchema = z
  .object({
    code: z.string(),
    cohort: CohortSchema,
    entries: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        level: z.number().int(),
        joinedOn: z.string(),
        isDemo: z.boolean(),
        reason: z.string().nullable(),
      }),
    ),
  })
  .openapi('RegionRollout');

const ShareNote = (what: string) =>
  z
    .number()
    .nullable()
    .openapi({ description: `${what}, 0..1; null when no village has the value` });
const ReadinessSchema = z
  .object({
    villages: z.number().int().openapi({ description: 'Villages with a profile' }),
    povertyShare: ShareNote('Mean poverty share'),
    electricityShare: ShareNote('Mean electricity share'),
    signal4g: ShareNote('Share of villages whose best signal is 4G'),
    signalNone: ShareNote('Share of villages without signal'),
    officeInternet: ShareNote('Share of village offices with internet'),
    allSeasonRoad: ShareNote('Share of villages with an all-season road'),
    distanceKm: z
      .number()
      .nullable()
      .openapi({ description: 'Mean distance to the kecamatan centre' }),
    bumdes: ShareNote('Share of villages with a BUMDes'),
    koperasi: ShareNote('Share of villages with a koperasi'),
  })
  .openapi('Readiness');
const GroupEnum = z.enum(['KBI', 'KTI']);
const ReadinessReportSchema = z
  .object({
    groups: z.object({ KBI: ReadinessSchema, KTI: ReadinessSchema }),
    provinces: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        group: GroupEnum,
        readiness: ReadinessSchema,
      }),
    ),
  })
  .openapi('ReadinessReport');

function profileJson(p: ProfileValues) {
  return Object.fromEntries(
    PROFILE_FIELDS.map((f) => [
      camel(f),
      YES_NO.includes(f) && p[f] !== null ? Number(p[f]) === 1 : p[f],
    ]),
  ) as z.infer<typeof ProfileValuesSchema>;
}

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
