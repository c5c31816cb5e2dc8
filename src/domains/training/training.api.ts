// The training and mentoring JSON API under /api/v1, declared with OpenAPI so it appears in
// /api/openapi.json. Failures are AppErrors → problem+json in the caller's language.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { AppError, unwrap, unwrapJson } from '../../kernel/errors/index.js';
import { requireActor, requireRole, SIGNED_IN, type AppEnv } from '../../kernel/http/index.js';
import { canInRegion } from '../../kernel/auth/index.js';
import { assessmentApi, attendanceApi, contactApi, participantApi } from './training.schema.js';
import {
  certificateByCode,
  getSession,
  listSessions,
  participantsOf,
  recordAttendance,
  registerParticipant,
  TRAINING_STAFF,
} from './sessions.service.js';
import { saveAssessment } from './assessment.service.js';
import { trainingKpis } from './kpis.js';
import { canSeeMentoring, logContact } from './mentoring.service.js';
import { recommendationsFor } from './recommendations.js';
import { COURSE_TOPICS } from './training.tables.js';
import {
  SessionParticipantSchema,
  sessionParticipantJson,
  TrainingSessionSchema,
  trainingSessionJson,
} from './training.api-schemas.js';

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
const IdParam = z.object({
  id: z
    .string()
    .max(40)
    .openapi({ param: { name: 'id', in: 'path' } }),
});
const PillarScoresSchema = z
  .object({ skills: z.number(), ethics: z.number(), safety: z.number(), culture: z.number() })
  .openapi('PillarScores');
const PillarAverageSchema = z
  .object({
    n: z.number().int().openapi({ description: 'Assessments averaged' }),
    scores: z.union([PillarScoresSchema, z.null()]),
    overall: z.number().nullable(),
  })
  .openapi('PillarAverage');
const TrainingKpisSchema = z
  .object({
    regionPrefix: z.string(),
    year: z.number().int(),
    personTimes: z
      .number()
      .int()
      .openapi({ description: 'Attendances (one person at one session counts once)' }),
    target: z.number().int().nullable().openapi({
      description: "The officer's target for this region and year; null when none is set",
    }),
    registered: z.number().int(),
    completed: z.number().int(),
    completionRate: z
      .number()
      .nullable()
      .openapi({ description: 'completed / registered; null without registrations' }),
    pillars: z.object({ before: PillarAverageSchema, after: PillarAverageSchema }),
    trainedUmkm: z.number().int(),
    trainedUmkmWithSale: z.number().int(),
    saleWithin90Share: z.number().nullable().openapi({
      description:
        'Share of trained UMKM that sold within 90 days after their session; null when none trained',
    }),
    perRegency: z.array(
      z.object({
        regencyCode: z.string(),
        personTimes: z.number().int(),
        target: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('TrainingKpis');
const RecommendationSchema = z
  .object({
    topic: z.enum(COURSE_TOPICS),
    course: z
      .object({
        id: z.string(),
        title: z.string(),
        level: z.enum(['basic', 'intermediate', 'advanced']),
      })
      .nullable()
      .openapi({
        description: 'The course to take; null when the catalogue has none of this topic yet',
      }),
    reasons: z.array(
      z.object({
        key: z.string().openapi({ description: 'Message key of the reason' }),
        params: z.record(z.string(), z.union([z.string(), z.number()])),
      }),
    ),
  })
  .openapi('CourseRecommendation');
const body = <S extends z.ZodType>(schema: S) => ({
  content: { 'application/json': { schema } },
  required: true as const,
});

export function trainingApi(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/training/sessions',
      tags: ['training'],
      security: SIGNED_IN,
      summary: 'Training sessions in your region, newest first',
      responses: {
        200: json(z.object({ items: z.array(TrainingSessionSchema) }), 'Sessions'),
        401: problem('Not signed in'),
        403: problem('Not training staff'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF);
      const sessions = await listSessions(c.get('deps').h.db, actor);
      return c.json({ items: sessions.map(trainingSessionJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/training/sessions/{id}/participants',
      tags: ['training'],
      security: SIGNED_IN,
      summary: 'Register a participant (409 when the session is full)',
      request: { params: IdParam, body: body(participantApi) },
      responses: {
        201: json(z.object({ id: z.string() }), 'Registered'),
        404: problem('No such session in your region'),
        409: problem('Session full or closed'),
        422: problem('Invalid input'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF);
      const v = c.req.valid('json');
      const id = unwrapJson(
        await registerParticipant(c.get('deps').h.db, actor, c.req.valid('param').id, {
          kind: v.kind,
          fullName: v.fullName,
          umkmId: v.umkmId ?? null,
        }),
      );
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/training/sessions/{id}/attendance',
      tags: ['training'],
      security: SIGNED_IN,
      summary:
        'Record who was present (exactly the listed participants); an unregistered id rejects all',
      request: { params: IdParam, body: body(attendanceApi) },
      responses: {
        200: json(z.object({ present: z.number() }), 'Saved'),
        404: problem('No such session in your region'),
        422: problem('Someone is not registered'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF);
      return c.json(
        unwrap(
          await recordAttendance(
            c.get('deps').h.db,
            actor,
            c.req.valid('param').id,
            c.req.valid('json').present,
          ),
        ),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/training/sessions/{id}/participants',
      tags: ['training'],
      security: SIGNED_IN,
      summary: 'Participants of a session with attendance and certificate codes',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(SessionParticipantSchema) }), 'Participants'),
        404: problem('No such session in your region'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF);
      const db = c.get('deps').h.db;
      const s = await getSession(db, actor, c.req.valid('param').id);
      if (!s) throw new AppError('NOT_FOUND');
      return c.json({ items: (await participantsOf(db, s.id)).map(sessionParticipantJson) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/training/sessions/{id}/assessments',
      tags: ['training'],
      security: SIGNED_IN,
      summary:
        'Store a before/after digital literacy assessment: answers to the bank (1–5 each) or pillar scores (1–5)',
      request: { params: IdParam, body: body(assessmentApi) },
      responses: {
        201: json(
          z.object({
            id: z.string(),
            scores: z.record(z.string(), z.number()),
            overall: z.number(),
          }),
          'Scored and stored',
        ),
        404: problem('No such session'),
        422: problem('Scores outside 1–5 or participant not registered'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF);
      const v = c.req.valid('json');
      return c.json(
        unwrap(await saveAssessment(c.get('deps').h.db, actor, c.req.valid('param').id, v)),
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/training/kpis',
      tags: ['training'],
      security: SIGNED_IN,
      summary: 'Training KPIs of a region and year',
      request: {
        query: z.object({
          region: z.string().max(20),
          year: z.coerce.number().int().min(2000).max(2100),
        }),
      },
      responses: { 200: json(TrainingKpisSchema, 'KPIs'), 403: problem('Outside your region') },
    }),
    async (c) => {
      const actor = requireRole(c, ...TRAINING_STAFF, 'analyst');
      const { region, year } = c.req.valid('query');
      if (!canInRegion(actor, [...TRAINING_STAFF, 'analyst'], region))
        throw new AppError('FORBIDDEN');
      return c.json(await trainingKpis(c.get('deps').h.db, region, year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/certificates/{code}',
      tags: ['training'],
      summary: 'Verify a training certificate (public)',
      request: {
        params: z.object({
          code: z
            .string()
            .max(20)
            .openapi({ param: { name: 'code', in: 'path' }, example: 'SRT-7K3M-9QXD-2HPA' }),
        }),
      },
      responses: {
        200: json(
          z.object({
            valid: z.literal(true),
            name: z.string(),
            course: z.string(),
            heldOn: z.string(),
            place: z.string(),
            issuedAt: z.string().nullable(),
          }),
          'A valid certificate',
        ),
        404: problem('Unknown code'),
      },
    }),
    async (c) => {
      const cert = await certificateByCode(c.get('deps').h.db, c.req.valid('param').code);
      if (!cert) throw new AppError('NOT_FOUND');
      return c.json(
        {
          valid: true as const,
          name: cert.full_name,
          course: cert.course_title,
          heldOn: cert.starts_at,
          place: cert.place,
          issuedAt: cert.certificate_issued_at,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/mentoring/umkm/{id}/contacts',
      tags: ['mentoring'],
      security: SIGNED_IN,
      summary: "Log a visit or call with agreed actions (the UMKM's assigned mentor only)",
      request: { params: IdParam, body: body(contactApi) },
      responses: {
        201: json(z.object({ id: z.string() }), 'Logged'),
        403: problem('Not assigned to you'),
        422: problem('Invalid input'),
      },
    }),
    async (c) => {
      const actor = requireRole(c, 'mentor');
      const v = c.req.valid('json');
      const id = unwrapJson(
        await logContact(c.get('deps').h.db, actor, c.req.valid('param').id, {
          contactedOn: v.contactedOn,
          mode: v.mode,
          notes: v.notes,
          actions: v.actions ?? [],
        }),
        // The service names an action's due date as the page's form does; here it is in `actions`.
        (f) =>
          f
            .replace(/^due_on_(\d+)$/, 'actions.$1.dueOn')
            .replace(/_([a-z])/g, (_, x) => x.toUpperCase()),
      );
      return c.json({ id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/mentoring/umkm/{id}/recommendations',
      tags: ['mentoring'],
      security: SIGNED_IN,
      summary: 'Recommended courses for an UMKM, each with its reasons',
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(RecommendationSchema) }), 'Recommendations'),
        404: problem('Not an UMKM you mentor or manage'),
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const db = c.get('deps').h.db;
      const id = c.req.valid('param').id;
      if (!(await canSeeMentoring(db, actor, id))) throw new AppError('NOT_FOUND');
      return c.json({ items: (await recommendationsFor(db, [id])).get(id) ?? [] }, 200);
    },
  );
}
