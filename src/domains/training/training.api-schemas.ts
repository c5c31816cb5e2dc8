// Response schemas of the training API's lists and the mappers that build them from rows: the
// API names every field in camelCase while the tables keep snake_case. Each mapper lists its
// fields, so a new column never leaks into the API unannounced.
import { z } from '@hono/zod-openapi';
import { COURSE_TOPICS, PARTICIPANT_KINDS } from './training.tables.js';
import type { SessionParticipantsTable } from './training.tables.js';

export const TrainingSessionSchema = z
  .object({
    id: z.string(),
    courseId: z.string(),
    courseTitle: z.string(),
    courseTopic: z.enum(COURSE_TOPICS),
    regionCode: z.string().openapi({ description: 'The kecamatan or desa where it is held' }),
    place: z.string(),
    startsAt: z.string().openapi({ description: 'ISO 8601 time in UTC' }),
    trainerUserId: z.string().nullable(),
    capacity: z.number().int(),
    registered: z.number().int(),
    status: z.enum(['scheduled', 'completed']),
    completedAt: z.string().nullable(),
  })
  .openapi('TrainingSession');

export const trainingSessionJson = (s: {
  id: string;
  course_id: string;
  course_title: string;
  course_topic: (typeof COURSE_TOPICS)[number];
  region_code: string;
  place: string;
  starts_at: string;
  trainer_user_id: string | null;
  capacity: number;
  registered: number;
  status: string;
  completed_at: string | null;
}): z.infer<typeof TrainingSessionSchema> => ({
  id: s.id,
  courseId: s.course_id,
  courseTitle: s.course_title,
  courseTopic: s.course_topic,
  regionCode: s.region_code,
  place: s.place,
  startsAt: s.starts_at,
  trainerUserId: s.trainer_user_id,
  capacity: Number(s.capacity),
  registered: Number(s.registered),
  status: s.status === 'completed' ? 'completed' : 'scheduled',
  completedAt: s.completed_at,
});

export const SessionParticipantSchema = z
  .object({
    id: z.string(),
    sessionId: z.string(),
    kind: z.enum(PARTICIPANT_KINDS),
    fullName: z.string(),
    umkmId: z.string().nullable(),
    userId: z.string().nullable(),
    attended: z.boolean(),
    attendedMarkedAt: z.string().nullable(),
    completed: z.boolean(),
    certificateCode: z
      .string()
      .nullable()
      .openapi({ description: 'Verifiable at /sertifikat/{code}; null until the session closes' }),
    certificateIssuedAt: z.string().nullable(),
    registeredAt: z.string(),
  })
  .openapi('SessionParticipant');

export const sessionParticipantJson = (
  p: SessionParticipantsTable,
): z.infer<typeof SessionParticipantSchema> => ({
  id: p.id,
  sessionId: p.session_id,
  kind: p.kind,
  fullName: p.full_name,
  umkmId: p.umkm_id,
  userId: p.user_id,
  attended: Number(p.attended) === 1,
  attendedMarkedAt: p.attended_marked_at,
  completed: Number(p.completed) === 1,
  certificateCode: p.certificate_code,
  certificateIssuedAt: p.certificate_issued_at,
  registeredAt: p.registered_at,
});
