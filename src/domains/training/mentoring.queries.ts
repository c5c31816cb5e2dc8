// Reads of mentoring: caseloads, the UMKM a manager may assign, a file's log and the
// contact status that flags UMKM. UMKM and mentor names come from community and accounts.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { displayNames } from '../accounts/index.js';
import { managedUmkm, managedUmkmIds, umkmFactsByIds } from '../community/index.js';
import { CONTACT_DAYS, managementOf } from './mentoring.service.js';
import './training.tables.js';

// Byte order, as the databases' default ORDER BY on these names did before the names moved out.
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Current mentor of each of these UMKM (UMKM without one are absent). */
async function currentMentors(
  db: Tx,
  umkmIds: string[],
): Promise<Map<string, { mentor_user_id: string; assigned_at: string }>> {
  const out = new Map<string, { mentor_user_id: string; assigned_at: string }>();
  for (let i = 0; i < umkmIds.length; i += 500)
    for (const r of await db
      .selectFrom('mentor_assignments')
      .select(['umkm_id', 'mentor_user_id', 'assigned_at'])
      .where('umkm_id', 'in', umkmIds.slice(i, i + 500))
      .where('ended_at', 'is', null)
      .execute())
      out.set(r.umkm_id, r);
  return out;
}

/** UMKM the actor may assign, with their current mentor. */
export async function assignableUmkm(db: Tx, actor: Actor) {
  const umkm = await managedUmkm(db, managementOf(actor), { limit: 500 });
  const current = await currentMentors(
    db,
    umkm.map((u) => u.id),
  );
  const names = await displayNames(
    db,
    [...current.values()].map((m) => m.mentor_user_id),
  );
  return umkm.map((u) => {
    const mentor = current.get(u.id)?.mentor_user_id ?? null;
    return {
      id: u.id,
      name: u.name,
      village_code: u.village_code,
      mentor_name: (mentor && names.get(mentor)) ?? null,
      mentor_user_id: mentor,
    };
  });
}

/** One UMKM's file heading: its name and village, and its current mentor. */
export async function mentoringFileHead(db: Tx, umkmId: string) {
  const u = (await umkmFactsByIds(db, [umkmId])).get(umkmId);
  if (!u) return undefined;
  const m = (await currentMentors(db, [umkmId])).get(umkmId);
  const names = await displayNames(db, m ? [m.mentor_user_id] : []);
  return {
    id: u.id,
    name: u.name,
    village_code: u.village_code,
    assigned_at: m?.assigned_at ?? null,
    mentor_user_id: m?.mentor_user_id ?? null,
    mentor_name: (m && names.get(m.mentor_user_id)) ?? null,
  };
}

/** The active assignments of a mentor (their caseload), by UMKM name. */
export async function caseload(db: Tx, mentorUserId: string) {
  const rows = await db
    .selectFrom('mentor_assignments')
    .select(['umkm_id', 'assigned_at'])
    .where('mentor_user_id', '=', mentorUserId)
    .where('ended_at', 'is', null)
    .execute();
  const umkm = await umkmFactsByIds(
    db,
    rows.map((r) => r.umkm_id),
  );
  return rows
    .flatMap((r) => {
      const u = umkm.get(r.umkm_id);
      return u
        ? [
            {
              id: u.id,
              name: u.name,
              village_code: u.village_code,
              organisation_id: u.organisation_id,
              assigned_at: r.assigned_at,
            },
          ]
        : [];
    })
    .sort((a, b) => byText(a.name, b.name));
}

/** Contacts and actions of one UMKM, newest first. */
export async function mentoringLog(db: Tx, umkmId: string) {
  const [rows, actions] = await Promise.all([
    db
      .selectFrom('mentoring_contacts')
      .select(['id', 'contacted_on', 'mode', 'notes', 'mentor_user_id'])
      .where('umkm_id', '=', umkmId)
      .orderBy('contacted_on', 'desc')
      .limit(50)
      .execute(),
    db
      .selectFrom('mentoring_actions')
      .selectAll()
      .where('umkm_id', '=', umkmId)
      .orderBy('done_at', 'desc')
      .orderBy('due_on')
      .execute(),
  ]);
  const names = await displayNames(
    db,
    rows.map((r) => r.mentor_user_id),
  );
  const contacts = rows.map(({ mentor_user_id, ...r }) => ({
    ...r,
    mentor_name: names.get(mentor_user_id) ?? null,
  }));
  return { contacts, actions };
}

/** Active assignments in the actor's scope (officers: region; community managers: organisations), with mentor names. */
export async function assignmentsInScope(db: Tx, actor: Actor) {
  const rows = await db
    .selectFrom('mentor_assignments')
    .select(['umkm_id', 'mentor_user_id', 'assigned_at'])
    .where('ended_at', 'is', null)
    .where('umkm_id', 'in', managedUmkmIds(db, managementOf(actor)))
    .execute();
  const [umkm, names] = await Promise.all([
    umkmFactsByIds(
      db,
      rows.map((r) => r.umkm_id),
    ),
    displayNames(
      db,
      rows.map((r) => r.mentor_user_id),
    ),
  ]);
  return rows
    .flatMap((r) => {
      const u = umkm.get(r.umkm_id);
      const mentor = names.get(r.mentor_user_id);
      return u && mentor !== undefined
        ? [
            {
              id: u.id,
              name: u.name,
              village_code: u.village_code,
              mentor_user_id: r.mentor_user_id,
              assigned_at: r.assigned_at,
              mentor_name: mentor,
            },
          ]
        : [];
    })
    .sort((a, b) => byText(a.mentor_name, b.mentor_name) || byText(a.name, b.name))
    .slice(0, 2000);
}

export interface ContactStatus {
  lastContact: string | null;
  openActions: number;
  overdueActions: number;
  notContacted: boolean;
}

/** Last contact, open and overdue actions per UMKM, and whether it is flagged for no contact. */
export async function contactStatus(
  db: Tx,
  umkm: { id: string; assigned_at?: string | null }[],
  today = new Date(),
): Promise<Map<string, ContactStatus>> {
  const ids = umkm.map((u) => u.id);
  const out = new Map<string, ContactStatus>();
  if (ids.length === 0) return out;
  const day = today.toISOString().slice(0, 10);
  const cutoff = new Date(today.getTime() - CONTACT_DAYS * 86_400_000).toISOString().slice(0, 10);
  const [last, actions] = await Promise.all([
    db
      .selectFrom('mentoring_contacts')
      .select(['umkm_id', (e) => e.fn.max('contacted_on').as('last')])
      .where('umkm_id', 'in', ids)
      .groupBy('umkm_id')
      .execute(),
    db
      .selectFrom('mentoring_actions')
      .select([
        'umkm_id',
        (e) => e.fn.countAll<number>().as('open'),
        (e) => e.fn.sum<number>(sql`case when due_on < ${day} then 1 else 0 end`).as('overdue'),
      ])
      .where('umkm_id', 'in', ids)
      .where('done_at', 'is', null)
      .groupBy('umkm_id')
      .execute(),
  ]);
  const lastBy = new Map(last.map((r) => [r.umkm_id, r.last ? String(r.last) : null]));
  const actBy = new Map(
    actions.map((r) => [r.umkm_id, { open: Number(r.open), overdue: Number(r.overdue ?? 0) }]),
  );
  for (const u of umkm) {
    const lastContact = lastBy.get(u.id) ?? null;
    // A new assignment gets 30 days before its first contact is due.
    const since = lastContact ?? (u.assigned_at ? u.assigned_at.slice(0, 10) : null);
    out.set(u.id, {
      lastContact,
      openActions: actBy.get(u.id)?.open ?? 0,
      overdueActions: actBy.get(u.id)?.overdue ?? 0,
      notContacted: !since || since < cutoff,
    });
  }
  return out;
}

/** Contacts and actions of one UMKM, newest first. */
