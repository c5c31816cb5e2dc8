// Test fixtures of the training domain (imported only by tests and access cases).
import { newId } from '../../src/kernel/ids/index.js';
import { nowIso, type Db } from '../../src/kernel/db/index.js';
import type { CourseTopic, Pillar } from '../../src/domains/training/training.tables.js';
import '../../src/domains/training/training.tables.js';

export async function makeCourse(
  db: Db,
  o: {
    topic?: CourseTopic;
    title?: string;
    focusPillar?: Pillar | null;
    level?: 'basic' | 'intermediate' | 'advanced';
  } = {},
): Promise<string> {
  const id = newId('crs');
  await db
    .insertInto('courses')
    .values({
      id,
      title: o.title ?? `Kursus ${o.topic ?? 'selling_online'}`,
      topic: o.topic ?? 'selling_online',
      focus_pillar: o.focusPillar ?? null,
      level: o.level ?? 'basic',
      duration_minutes: 120,
      materials: 'Materi.',
      language: 'id',
      region_code: null,
      created_by: null,
      is_demo: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

export async function makeSession(
  db: Db,
  o: {
    courseId: string;
    regionCode: string;
    capacity?: number;
    startsAt?: string;
    trainerUserId?: string | null;
  },
): Promise<string> {
  const id = newId('tss');
  await db
    .insertInto('training_sessions')
    .values({
      id,
      course_id: o.courseId,
      region_code: o.regionCode,
      place: 'Balai desa',
      starts_at: o.startsAt ?? nowIso(),
      trainer_user_id: o.trainerUserId ?? null,
      capacity: o.capacity ?? 20,
      registered: 0,
      status: 'scheduled',
      completed_at: null,
      is_demo: 0,
      created_at: nowIso(),
    })
    .execute();
  return id;
}

/** A mentor assignment made directly (no audit), with the standard plan. */
export async function makeAssignment(
  db: Db,
  o: { mentorUserId: string; umkmId: string; assignedAt?: string },
): Promise<string> {
  const umkm = await db
    .selectFrom('umkm')
    .select('village_code')
    .where('id', '=', o.umkmId)
    .executeTakeFirstOrThrow();
  const id = newId('mas');
  await db
    .insertInto('mentor_assignments')
    .values({
      id,
      mentor_user_id: o.mentorUserId,
      umkm_id: o.umkmId,
      village_code: umkm.village_code,
      assigned_by: null,
      assigned_at: o.assignedAt ?? nowIso(),
      ended_at: null,
      is_demo: 0,
    })
    .execute();
  return id;
}

/** A participant registered directly (no seat count, no audit), for reminder tests. */
export async function addParticipant(
  db: Db,
  o: {
    sessionId: string;
    fullName: string;
    kind?: 'umkm_owner' | 'agent' | 'community_manager';
    umkmId?: string | null;
    userId?: string | null;
  },
): Promise<string> {
  const id = newId('tpt');
  await db
    .insertInto('session_participants')
    .values({
      id,
      session_id: o.sessionId,
      kind: o.kind ?? 'umkm_owner',
      full_name: o.fullName,
      umkm_id: o.umkmId ?? null,
      user_id: o.userId ?? null,
      attended: 0,
      attended_marked_at: null,
      completed: 0,
      certificate_code: null,
      certificate_issued_at: null,
      registered_at: nowIso(),
    })
    .execute();
  return id;
}
