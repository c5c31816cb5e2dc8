// Response schemas of the impact JSON API: the KPI set of an area and an evaluation run with its
// result. They mirror Kpis (kpi.queries.ts), RunView (evaluation.service.ts) and EvalResult
// (evaluation.estimate.ts); null numbers are estimates that could not be computed.
import { z } from '@hono/zod-openapi';
import { OUTCOMES } from './evaluation.panel.js';

const num = z.number().nullable();

export const ImpactKpis = z
  .object({
    region: z.string().openapi({ description: "Region code or 'all'" }),
    villages: z.number().int(),
    enrolledVillages: z.number().int(),
    umkm: z.object({ total: z.number().int(), active: z.number().int() }).nullable(),
    marketReady: z.number().int().nullable().openapi({ description: 'Listed products' }),
    orders: z
      .object({
        count: z.number().int(),
        gmv: z.number().int().openapi({ description: 'Rupiah' }),
        sellerShare: z.number().int(),
        itemsTotal: z.number().int(),
        leadDays: num,
        delivered: z.number().int(),
      })
      .nullable(),
    parcels: z
      .object({
        total: z.number().int(),
        delivered: z.number().int(),
        failed: z.number().int(),
        inProgress: z.number().int(),
        leadDays: num,
      })
      .nullable(),
    trained: z.object({ attended: z.number().int(), certified: z.number().int() }).nullable(),
    households: z
      .object({
        wave: z.number().int(),
        surveyed: z.number().int(),
        below: z.number().int(),
        above: z.number().int(),
        p0: z.number(),
        p1: z.number(),
        linePeriod: z.string().nullable(),
      })
      .nullable(),
  })
  .openapi('ImpactKpis', {
    description: 'Programme KPIs of an area; a null block has no data source yet',
  });

const EvalSettings = z
  .object({
    outcome: z.enum(OUTCOMES as [string, ...string[]]),
    control: z.enum(['never', 'notyet']),
    base: z.enum(['varying', 'universal']),
    cluster: z.enum(['village', 'district']),
  })
  .openapi('EvalSettings');

const Subgroup = z.object({
  key: z.string(),
  villages: z.number().int(),
  treated: z.number().int(),
  att: num,
  se: num,
  error: z.string().optional(),
});

const DidWarning = z.object({
  code: z.enum([
    'late_treated',
    'always_treated',
    'treated_with_anticipation',
    'no_never_treated',
    'no_controls',
    'pretest_not_computed',
  ]),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
});

export const EvalResult = z
  .object({
    settings: EvalSettings,
    years: z.array(z.number().int()),
    villages: z.number().int(),
    treatedVillages: z.number().int(),
    neverTreated: z.number().int(),
    droppedUnbalanced: z.number().int(),
    clusters: z.number().int(),
    overall: z.object({ att: num, se: num, lo: num, hi: num }),
    dynamicOverall: z.object({ att: num, se: num }),
    eventStudy: z.array(
      z.object({ e: z.number().int(), att: num, se: num, lo: num, hi: num, ulo: num, uhi: num }),
    ),
    uniformCrit: num,
    attgt: z.array(
      z.object({ group: z.number().int(), time: z.number().int(), att: num, se: num }),
    ),
    pretest: z.object({ stat: num, df: z.number().int(), p: num }),
    twfe: z.object({ beta: num, se: num }),
    bacon: z.array(
      z.object({
        type: z.string(),
        treated: z.number().int(),
        control: z.number().int(),
        estimate: num,
        weight: num,
      }),
    ),
    diverges: z.boolean(),
    byRegionGroup: z.array(Subgroup),
    byInitialPoverty: z.array(Subgroup),
    warnings: z.array(
      z.union([DidWarning, z.string()]).openapi({
        description:
          'A sample rule as a code with numbers; runs stored before codes hold English text',
      }),
    ),
    linePeriods: z.array(z.string()),
  })
  .openapi('EvalResult');

export const EvaluationRun = z
  .object({
    id: z.string(),
    scope: z.string().openapi({ description: "Region code or 'all'" }),
    settings: EvalSettings,
    status: z.enum(['queued', 'running', 'done', 'failed']),
    progress: z.number().int(),
    total: z.number().int(),
    result: EvalResult.nullable().openapi({ description: 'Present when status is done' }),
    error: z.string().nullable().openapi({ description: 'Error code when status is failed' }),
    createdAt: z.string(),
  })
  .openapi('EvaluationRun');
