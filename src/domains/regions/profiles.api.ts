// The village-profile part of the regions JSON API: the CSV import and one village's profile
// (read and write), scoped by regions.access.ts. Registered by regions.api.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError } from '../../kernel/errors/index.js';
import { requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { requestTable, tableBody, tableRejected } from '../../kernel/xlsx/index.js';
import { areaOrThrow, requireRead, requireWrite } from './regions.access.js';
import {
  importProfilesCsv,
  saveProfile,
  villageProfiles,
  type ImportReport,
} from './profiles.service.js';
import { PROFILE_FIELDS } from './profile-fields.js';
import { cohortOf } from './rollout.service.js';
import {
  CodeParam,
  json,
  problem,
  camel,
  ProfileInput,
  ProfileValuesSchema,
  StoredProfileSchema,
  CohortSchema,
  ImportReportSchema,
  profileJson,
} from './regions.api-schemas.js';

/** POST /api/v1/regions/profiles/import: village profiles from CSV or XLSX, all or nothing. */
export function profileImportApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/regions/profiles/import',
      tags: ['regions'],
      security: SIGNED_IN,
      summary:
        'Import village profiles from CSV or an XLSX workbook (first sheet; one row per village_code); all or nothing unless mode=valid',
      request: {
        query: z.object({ mode: z.enum(['all', 'valid']).optional() }),
        body: tableBody('text/csv'),
      },
      responses: {
        200: json(ImportReportSchema, 'Import report'),
        422: problem('Invalid file: nothing imported; `cells` lists every bad cell'),
        401: problem('Not signed in'),
        403: problem('Not allowed'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'national_admin', 'regional_officer');
      const mode = c.req.valid('query').mode ?? 'all';
      const table = await requestTable(c, 'text/csv');
      const report = await importProfilesCsv(c.get('deps').h.db, actor, table, { mode });
      if (report.imported === 0 && report.errors.length > 0)
        throw tableRejected(
          c,
          report.sheet,
          report.errors.map((e) => ({
            row: e.line,
            column: e.column,
            key: e.key,
            params: e.params,
          })),
          'REGIONS_CSV_INVALID',
        );
      return c.json(localise(c.get('locale'), report), 200);
    },
  );
}

/** GET and PUT /api/v1/regions/{code}/profile. */
export function profileApi(app: OpenAPIHono<AppEnv>) {
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
