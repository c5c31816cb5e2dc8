// Request and response schemas of the regions API (regions.api.ts), with their OpenAPI names.
import { z } from '@hono/zod-openapi';
import { PROFILE_FIELDS, type ProfileField, type ProfileValues } from './profile-fields.js';

export const AreaSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.number().int(),
    kind: z.string(),
    parentCode: z.string().nullable(),
  })
  .openapi('Region');
export const CodeParam = z.object({
  code: z.string().openapi({ param: { name: 'code', in: 'path' }, example: '53.09.06.2001' }),
});
export const json = (schema: z.ZodType, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
export const problem = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), code: z.string() }).passthrough(),
    },
  },
  description,
});

export const WeightsSchema = z
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
export const camel = (f: string) => f.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
export const YES_NO: ProfileField[] = ['office_internet', 'has_bumdes', 'has_koperasi'];
export const ProfileInput = z
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
export const profileShape = {
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
export const ProfileValuesSchema = z.object(profileShape).openapi('VillageProfileValues');
// Null is declared at the use (anyOf), never on the named component itself.
export const StoredProfileSchema = z
  .object({ ...profileShape, villageCode: z.string(), isDemo: z.boolean(), updatedAt: z.string() })
  .openapi('VillageProfile');
export const CohortSchema = z
  .object({
    joinedOn: z.string(),
    via: z.string().openapi({ description: 'Code of the enrolled area the village belongs to' }),
  })
  .nullable();
export const ImportReportSchema = z
  .object({
    mode: z.enum(['all', 'valid']),
    rows: z.number().int().openapi({ description: 'Data rows in the file (header excluded)' }),
    valid: z.number().int(),
    imported: z.number().int(),
    skipped: z.number().int(),
    sheet: z
      .string()
      .nullable()
      .openapi({ description: 'The worksheet read when the file was XLSX (lines are its rows)' }),
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
export const ComponentEnum = z.enum(['poverty', 'signal', 'electricity', 'road', 'distance']);
export const RankingSchema = z
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
export const RolloutSchema = z
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

export const ShareNote = (what: string) =>
  z
    .number()
    .nullable()
    .openapi({ description: `${what}, 0..1; null when no village has the value` });
export const ReadinessSchema = z
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
export const GroupEnum = z.enum(['KBI', 'KTI']);
export const ReadinessReportSchema = z
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

export function profileJson(p: ProfileValues) {
  return Object.fromEntries(
    PROFILE_FIELDS.map((f) => [
      camel(f),
      YES_NO.includes(f) && p[f] !== null ? Number(p[f]) === 1 : p[f],
    ]),
  ) as z.infer<typeof ProfileValuesSchema>;
}
