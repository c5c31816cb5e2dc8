// Courses, sessions, registration, attendance, completion and certificates. Every read and
// write for a staff actor is filtered by the actor's region scope in SQL.
import { randomBytes } from 'node:crypto';
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import {
  canInRegion,
  hasRole,
  regionScope,
  regionWhere,
  type Actor,
  type Role,
} from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { displayNames } from '../accounts/index.js';
import { umkmFactsByIds } from '../community/index.js';
import { findArea, regionNames } from '../regions/index.js';
import type { CourseTopic, ParticipantKind, Pillar } from './training.tables.js';
import './training.tables.js';

/** Roles that run training: schedule sessions, register, take attendance, assess. */
export const TRAINING_STAFF: Role[] = ['national_admin', 'regional_officer', 'trainer'];

export interface NewCourse {
  title: string;
  topic: CourseTopic;
  focusPillar?: Pillar | null;
  level: 'basic' | 'intermediate' | 'advanced';
  durationMinutes: number;
  materials: string;
  language: 'id' | 'en';
  regionCode?: string | null;
}

/** Adds a course to the catalogue of the actor's region (national admins: the national one). */
export async function createCourse(
  db: Tx,
  actor: Actor,
  c: NewCourse,
  isDemo = false,
): Promise<Result<string>> {
  const scope = regionScope(actor, TRAINING_STAFF);
  const region = c.regionCode ?? (scope === 'all' ? null : (scope[0] ?? null));
  if (scope !== 'all' && (region === null || !canInRegion(actor, TRAINING_STAFF, region)))
    return fail('FORBIDDEN');
  const id = newId('crs');
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('courses')
      .values({
        id,
        title: c.title,
        topic: c.topic,
        focus_pillar: c.topic === 'digital_literacy' ? (c.focusPillar ?? null) : null,
        level: c.level,
        duration_minutes: c.durationMinutes,
        materials: c.materials,
        language: c.language,
        region_code: region,
        created_by: actor.userId,
        is_demo: isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.course.create',
      entityType: 'course',
      entityId: id,
      data: { topic: c.topic },
    });
  });
  return ok(id);
}

/** The course catalogue: reference material every signed-in person may read. */
export async function listCourses(db: Tx) {
  return db.selectFrom('courses').selectAll().orderBy('topic').orderBy('title').execute();
}

export async function getCourse(db: Tx, id: string) {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface NewSession {
  courseId: string;
  regionCode: string;
  place: string;
  startsAt: string;
  capacity: number;
  trainerUserId?: string | null;
}

/** Schedules a session in a kecamatan or village inside the actor's scope. */
export async function createSession(
  db: Tx,
  actor: Actor,
  s: NewSession,
  isDemo = false,
): Promise<Result<string>> {
  if (!canInRegion(actor, TRAINING_STAFF, s.regionCode)) return fail('FORBIDDEN');
  const region = await findArea(db, s.regionCode);
  if (!region || region.level < 3)
    return fail('TRAINING_BAD_PLACE', {}, { region_code: { key: 'training.error.bad_place' } });
  if (!(await getCourse(db, s.courseId)))
    return fail(
      'TRAINING_UNKNOWN_COURSE',
      {},
      { course_id: { key: 'training.error.unknown_course' } },
    );
  const id = newId('tss');
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('training_sessions')
      .values({
        id,
        course_id: s.courseId,
        region_code: s.regionCode,
        place: s.place,
        starts_at: s.startsAt,
        trainer_user_id: s.trainerUserId ?? (hasRole(actor, 'trainer') ? actor.userId : null),
        capacity: s.capacity,
        registered: 0,
        status: 'scheduled',
        completed_at: null,
        is_demo: isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.session.create',
      entityType: 'training_session',
      entityId: id,
      data: { regionCode: s.regionCode, capacity: s.capacity },
    });
  });
  return ok(id);
}

const sessionColumns = [
  'training_sessions.id',
  'training_sessions.course_id',
  'training_sessions.region_code',
  'training_sessions.place',
  'training_sessions.starts_at',
  'training_sessions.trainer_user_id',
  'training_sessions.capacity',
  'training_sessions.registered',
  'training_sessions.status',
  'training_sessions.completed_at',
  'courses.title as course_title',
  'courses.topic as course_topic',
] as const;

/** Sessions in the actor's scope, newest first. */
export async function listSessions(db: Tx, actor: Actor, limit = 100) {
  const scope = regionScope(actor, TRAINING_STAFF);
  return db
    .selectFrom('training_sessions')
    .innerJoin('courses', 'courses.id', 'training_sessions.course_id')
    .select(sessionColumns)
    .where((eb) => regionWhere(eb, 'training_sessions.region_code', scope))
    .orderBy('training_sessions.starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** One session if it lies in the actor's scope (undefined otherwise: never loaded then checked). */
export async function getSession(db: Tx, actor: Actor, id: string) {
  const scope = regionScope(actor, TRAINING_STAFF);
  return db
    .selectFrom('training_sessions')
    .innerJoin('courses', 'courses.id', 'training_sessions.course_id')
    .select(sessionColumns)
    .where('training_sessions.id', '=', id)
    .where((eb) => regionWhere(eb, 'training_sessions.region_code', scope))
    .executeTakeFirst();
}

export async function participantsOf(db: Tx, sessionId: string) {
  return db
    .selectFrom('session_participants')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('full_name')
    .execute();
}

export interface NewParticipant {
  kind: ParticipantKind;
  fullName: string;
  umkmId?: string | null;
  userId?: string | null;
}

/** Registers a participant; a full session refuses (conditional update below capacity). */
export async function registerParticipant(
  db: Tx,
  actor: Actor,
  sessionId: string,
  p: NewParticipant,
): Promise<Result<string>> {
  const session = await getSession(db, actor, sessionId);
  if (!session) return fail('NOT_FOUND');
  if (session.status !== 'scheduled') return fail('TRAINING_SESSION_CLOSED');
  if (p.umkmId) {
    const umkm = (await umkmFactsByIds(db, [p.umkmId])).get(p.umkmId);
    if (!umkm || !canInRegion(actor, TRAINING_STAFF, umkm.village_code))
      return fail('TRAINING_UNKNOWN_UMKM', {}, { umkm_id: { key: 'training.error.unknown_umkm' } });
  }
  return inTransaction(db, async (tx) => {
    const seat = await tx
      .updateTable('training_sessions')
      .set((eb) => ({ registered: eb('registered', '+', 1) }))
      .where('id', '=', sessionId)
      .whereRef('registered', '<', 'capacity')
      .executeTakeFirst();
    if (Number(seat.numUpdatedRows) !== 1)
      return fail('TRAINING_SESSION_FULL', { capacity: session.capacity });
    const id = newId('tpt');
    await tx
      .insertInto('session_participants')
      .values({
        id,
        session_id: sessionId,
        kind: p.kind,
        full_name: p.fullName,
        umkm_id: p.umkmId ?? null,
        user_id: p.userId ?? null,
        attended: 0,
        attended_marked_at: null,
        completed: 0,
        certificate_code: null,
        certificate_issued_at: null,
        registered_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.participant.register',
      entityType: 'training_session',
      entityId: sessionId,
      data: { participantId: id, kind: p.kind },
    });
    return ok(id);
  });
}

/**
 * Records who was present: exactly the ticked participants are marked attended. Any id that
 * is not registered for this session fails the whole form and nothing is written.
 */
export async function recordAttendance(
  db: Tx,
  actor: Actor,
  sessionId: string,
  presentIds: string[],
): Promise<Result<{ present: number }>> {
  const session = await getSession(db, actor, sessionId);
  if (!session) return fail('NOT_FOUND');
  const registered = new Set((await participantsOf(db, sessionId)).map((p) => p.id));
  const unknown = presentIds.filter((id) => !registered.has(id));
  if (unknown.length) return fail('TRAINING_NOT_REGISTERED', { count: unknown.length });
  const present = [...new Set(presentIds)];
  const now = nowIso();
  await inTransaction(db, async (tx) => {
    await tx
      .updateTable('session_participants')
      .set({ attended: 0, attended_marked_at: now })
      .where('session_id', '=', sessionId)
      .execute();
    if (present.length)
      await tx
        .updateTable('session_participants')
        .set({ attended: 1, attended_marked_at: now })
        .where('session_id', '=', sessionId)
        .where('id', 'in', present)
        .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.attendance',
      entityType: 'training_session',
      entityId: sessionId,
      data: { present: present.length, registered: registered.size },
    });
  });
  return ok({ present: present.length });
}

// 12 Crockford base32 characters = 60 random bits: unguessable, and short enough to read aloud.
const B32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export function certificateCode(): string {
  const bytes = randomBytes(12);
  let s = '';
  for (let i = 0; i < 12; i++) s += B32[bytes[i] & 31];
  return `SRT-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** Completes a session: everyone who attended completes and gets a certificate (once). */
export async function completeSession(
  db: Tx,
  actor: Actor,
  sessionId: string,
): Promise<Result<{ certificates: number }>> {
  const session = await getSession(db, actor, sessionId);
  if (!session) return fail('NOT_FOUND');
  const now = nowIso();
  return inTransaction(db, async (tx) => {
    const due = await tx
      .selectFrom('session_participants')
      .select('id')
      .where('session_id', '=', sessionId)
      .where('attended', '=', 1)
      .where('certificate_code', 'is', null)
      .execute();
    for (const p of due) {
      await tx
        .updateTable('session_participants')
        .set({ completed: 1, certificate_code: certificateCode(), certificate_issued_at: now })
        .where('id', '=', p.id)
        .execute();
    }
    await tx
      .updateTable('training_sessions')
      .set({ status: 'completed', completed_at: session.completed_at ?? now })
      .where('id', '=', sessionId)
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.session.complete',
      entityType: 'training_session',
      entityId: sessionId,
      data: { certificates: due.length },
    });
    return ok({ certificates: due.length });
  });
}

/** What a certificate proves, looked up by its code (public: the code is the capability). */
export async function certificateByCode(db: Tx, code: string) {
  const row = await db
    .selectFrom('session_participants')
    .innerJoin('training_sessions', 'training_sessions.id', 'session_participants.session_id')
    .innerJoin('courses', 'courses.id', 'training_sessions.course_id')
    .select([
      'session_participants.full_name',
      'session_participants.certificate_code',
      'session_participants.certificate_issued_at',
      'courses.title as course_title',
      'courses.topic',
      'courses.duration_minutes',
      'training_sessions.starts_at',
      'training_sessions.place',
      'training_sessions.region_code',
      'training_sessions.trainer_user_id',
    ])
    .where('session_participants.certificate_code', '=', code.trim().toUpperCase())
    .where('session_participants.completed', '=', 1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { trainer_user_id: trainer, ...rest } = row;
  const [places, trainers] = await Promise.all([
    regionNames(db, [row.region_code]),
    displayNames(db, trainer ? [trainer] : []),
  ]);
  return {
    ...rest,
    region_name: places.get(row.region_code) ?? null,
    trainer_name: (trainer && trainers.get(trainer)) ?? null,
  };
}
