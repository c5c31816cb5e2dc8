// Scheduled sessions about to start with who registered, for the day-before reminders
// (notifications reads this through the domain's index).
import type { Tx } from '../../kernel/db/index.js';
import './training.tables.js';

export interface UpcomingSession {
  sessionId: string;
  courseTitle: string;
  place: string;
  startsAt: string;
  regionCode: string;
  /** Registered participants: their own account, else the UMKM they came for. */
  participants: { userId: string | null; umkmId: string | null }[];
}

/** Scheduled sessions starting in (`after`, `until`] (ISO instants), with their participants. */
export async function sessionsStartingBetween(
  db: Tx,
  after: string,
  until: string,
): Promise<UpcomingSession[]> {
  const sessions = await db
    .selectFrom('training_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select(['s.id', 'c.title', 's.place', 's.starts_at', 's.region_code'])
    .where('s.status', '=', 'scheduled')
    .where('s.starts_at', '>', after)
    .where('s.starts_at', '<=', until)
    .orderBy('s.starts_at')
    .execute();
  if (sessions.length === 0) return [];
  const people = await db
    .selectFrom('session_participants')
    .select(['session_id', 'user_id', 'umkm_id'])
    .where(
      'session_id',
      'in',
      sessions.map((s) => s.id),
    )
    .execute();
  return sessions.map((s) => ({
    sessionId: s.id,
    courseTitle: s.title,
    place: s.place,
    startsAt: s.starts_at,
    regionCode: s.region_code,
    participants: people
      .filter((p) => p.session_id === s.id)
      .map((p) => ({ userId: p.user_id, umkmId: p.umkm_id })),
  }));
}
