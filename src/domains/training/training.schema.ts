// Inputs of training and mentoring pages and API, as zod schemas (types inferred from them).
import { z } from '@hono/zod-openapi';
import { COURSE_TOPICS, CONTACT_MODES, PARTICIPANT_KINDS, PILLARS } from './training.tables.js';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.bad_format');
const optionalId = z
  .string()
  .trim()
  .max(40)
  .optional()
  .transform((v) => (v ? v : null));

export const courseForm = z.object({
  title: text(3, 120),
  topic: z.enum(COURSE_TOPICS),
  focus_pillar: z
    .union([z.enum(PILLARS), z.literal('')])
    .optional()
    .transform((v) => (v ? v : null)),
  level: z.enum(['basic', 'intermediate', 'advanced']),
  duration_minutes: z.coerce.number().int().min(15).max(2400),
  materials: text(1, 20000),
  language: z.enum(['id', 'en']),
});

export const sessionForm = z.object({
  course_id: text(1, 40),
  region_code: z
    .string()
    .trim()
    .regex(/^\d{2}\.\d{2}\.\d{2}(\.\d{4})?$/, 'training.error.bad_place'),
  place: text(2, 160),
  starts_at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'validation.bad_format'),
  capacity: z.coerce.number().int().min(1).max(1000),
});

export const participantForm = z.object({
  full_name: text(2, 120),
  kind: z.enum(PARTICIPANT_KINDS),
  umkm_id: optionalId,
});

/** Ticked checkboxes arrive as one string or several. */
export const attendanceForm = z.object({
  present: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

export const assessmentForm = z.object({ phase: z.enum(['before', 'after']) }).catchall(z.string());

export const contactForm = z
  .object({
    contacted_on: isoDate,
    mode: z.enum(CONTACT_MODES),
    notes: text(1, 4000),
    action_1: z.string().trim().max(300).optional(),
    due_1: z.string().optional(),
    action_2: z.string().trim().max(300).optional(),
    due_2: z.string().optional(),
    action_3: z.string().trim().max(300).optional(),
    due_3: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    for (const n of [1, 2, 3] as const) {
      const a = v[`action_${n}`];
      const d = v[`due_${n}`];
      if (a && !(d && /^\d{4}-\d{2}-\d{2}$/.test(d)))
        ctx.addIssue({ code: 'custom', path: [`due_${n}`], message: 'validation.required' });
    }
  });

export const assignForm = z.object({ umkm_id: text(1, 40), mentor_user_id: text(1, 40) });

export const targetForm = z.object({
  region_code: z
    .string()
    .trim()
    .regex(/^\d{2}(\.\d{2})?$/, 'training.error.target_region'),
  year: z.coerce.number().int().min(2020).max(2100),
  person_times: z.coerce.number().int().min(0).max(1_000_000),
});

const Scores = z
  .object(
    Object.fromEntries(PILLARS.map((p) => [p, z.number()])) as Record<
      (typeof PILLARS)[number],
      z.ZodNumber
    >,
  )
  .strict();

export const participantApi = z
  .object({
    kind: z.enum(PARTICIPANT_KINDS),
    fullName: text(2, 120),
    umkmId: z.string().max(40).optional(),
  })
  .strict()
  .openapi('TrainingParticipantInput');
export const attendanceApi = z
  .object({ present: z.array(z.string().max(40)).max(1000) })
  .strict()
  .openapi('TrainingAttendanceInput');
export const assessmentApi = z
  .object({
    participantId: z.string().max(40),
    phase: z.enum(['before', 'after']),
    answers: z.record(z.string(), z.number()).optional(),
    scores: Scores.optional(),
  })
  .strict()
  .refine((v) => !!v.answers !== !!v.scores, { message: 'validation.invalid', path: ['scores'] })
  .openapi('DigitalLiteracyAssessmentInput');
export const contactApi = z
  .object({
    contactedOn: isoDate,
    mode: z.enum(CONTACT_MODES),
    notes: text(1, 4000),
    actions: z
      .array(z.object({ description: text(1, 300), dueOn: isoDate }).strict())
      .max(20)
      .default([]),
  })
  .strict()
  .openapi('MentoringContactInput');

/** Contact form fields → the service's input. */
export function contactFromForm(v: z.infer<typeof contactForm>) {
  const actions = ([1, 2, 3] as const).flatMap((n) =>
    v[`action_${n}`] ? [{ description: v[`action_${n}`]!, dueOn: v[`due_${n}`]! }] : [],
  );
  return { contactedOn: v.contacted_on, mode: v.mode, notes: v.notes, actions };
}
