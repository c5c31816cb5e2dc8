// Mentoring: community managers and officers assign a mentor to an UMKM inside their scope;
// the mentor logs visits and calls with agreed actions; overdue actions and UMKM without
// contact for 30 days are flagged. A mentor reads and writes only the UMKM assigned to them.
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { hasRole, regionScope, scopeIds, type Actor, type Role } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { managedUmkm, umkmFactsByIds, type UmkmManagement } from '../community/index.js';
import type { ContactMode } from './training.tables.js';
import { ensurePlan } from './milestones.js';
import type { MentorNamed } from '../innovation/index.js';
import { staffCovering } from './training.queries.js';

export const MENTOR_ASSIGNERS: Role[] = ['national_admin', 'regional_officer', 'community_manager'];
/** Days without a visit or call after which an UMKM is flagged. */
export const CONTACT_DAYS = 30;

/** Whose UMKM the actor manages: an officer's region, a community manager's organisations. */
export function managementOf(actor: Actor): UmkmManagement {
  return {
    regions: regionScope(actor, ['national_admin', 'regional_officer']),
    orgIds: scopeIds(actor, 'organisation', ['community_manager']),
  };
}

async function managedOne(db: Tx, actor: Actor, umkmId: string) {
  return (await managedUmkm(db, managementOf(actor), { id: umkmId, limit: 1 }))[0];
}

/** Assigns `mentorUserId` to an UMKM in the actor's scope; the mentor's grant must cover its village. */
export async function assignMentor(
  db: Tx,
  actor: Actor,
  umkmId: string,
  mentorUserId: string,
  isDemo = false,
): Promise<Result<string>> {
  const umkm = await managedOne(db, actor, umkmId);
  if (!umkm) return fail('NOT_FOUND');
  const mentors = await staffCovering(db, 'mentor', umkm.village_code);
  if (!mentors.some((m) => m.id === mentorUserId))
    return fail(
      'TRAINING_NOT_A_MENTOR',
      {},
      { mentor_user_id: { key: 'training.error.not_a_mentor' } },
    );
  const id = newId('mas');
  const now = nowIso();
  await inTransaction(db, async (tx) => {
    await tx
      .updateTable('mentor_assignments')
      .set({ ended_at: now })
      .where('umkm_id', '=', umkmId)
      .where('ended_at', 'is', null)
      .execute();
    await tx
      .insertInto('mentor_assignments')
      .values({
        id,
        mentor_user_id: mentorUserId,
        umkm_id: umkmId,
        village_code: umkm.village_code,
        assigned_by: actor.userId,
        assigned_at: now,
        ended_at: null,
        is_demo: isDemo ? 1 : 0,
      })
      .execute();
    await ensurePlan(tx, umkmId);
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.mentor.assign',
      entityType: 'umkm',
      entityId: umkmId,
      data: { mentorUserId },
    });
  });
  return ok(id);
}

/**
 * A reviewer named a mentor for an UMKM's improvement tasks: the UMKM joins that mentor's
 * caseload in the review's own transaction (a current assignment to someone else ends, as
 * when a manager reassigns). Already in the caseload: nothing changes.
 */
export async function joinCaseloadFromReview(tx: Tx, e: MentorNamed): Promise<void> {
  const current = await tx
    .selectFrom('mentor_assignments')
    .select('mentor_user_id')
    .where('umkm_id', '=', e.umkmId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (current?.mentor_user_id === e.mentorUserId) return;
  const umkm = (await umkmFactsByIds(tx, [e.umkmId])).get(e.umkmId);
  if (!umkm) throw new Error(`unknown UMKM ${e.umkmId} named in review ${e.reviewId}`);
  const now = nowIso();
  await tx
    .updateTable('mentor_assignments')
    .set({ ended_at: now })
    .where('umkm_id', '=', e.umkmId)
    .where('ended_at', 'is', null)
    .execute();
  await tx
    .insertInto('mentor_assignments')
    .values({
      id: newId('mas'),
      mentor_user_id: e.mentorUserId,
      umkm_id: e.umkmId,
      village_code: umkm.village_code,
      assigned_by: e.actorId,
      assigned_at: now,
      ended_at: null,
      is_demo: 0,
    })
    .execute();
  await ensurePlan(tx, e.umkmId);
  await audit(tx, {
    actorId: e.actorId,
    action: 'training.mentor.assign',
    entityType: 'umkm',
    entityId: e.umkmId,
    data: { mentorUserId: e.mentorUserId, reviewId: e.reviewId },
  });
}

async function assignmentOf(db: Tx, mentorUserId: string, umkmId: string) {
  return db
    .selectFrom('mentor_assignments')
    .select(['id', 'assigned_at'])
    .where('mentor_user_id', '=', mentorUserId)
    .where('umkm_id', '=', umkmId)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
}

/** Whether the actor may read this UMKM's mentoring file: its mentor, or someone who manages it. */
export async function canSeeMentoring(db: Tx, actor: Actor, umkmId: string): Promise<boolean> {
  if (hasRole(actor, 'mentor') && (await assignmentOf(db, actor.userId, umkmId))) return true;
  return !!(await managedOne(db, actor, umkmId));
}

export interface ContactInput {
  contactedOn: string;
  mode: ContactMode;
  notes: string;
  actions: { description: string; dueOn: string }[];
}

/** A mentor logs a visit or call with agreed actions; only for an UMKM assigned to them. */
export async function logContact(
  db: Tx,
  actor: Actor,
  umkmId: string,
  c: ContactInput,
  isDemo = false,
): Promise<Result<string>> {
  if (!hasRole(actor, 'mentor') || !(await assignmentOf(db, actor.userId, umkmId)))
    return fail('TRAINING_NOT_ASSIGNED');
  if (c.contactedOn > new Date().toISOString().slice(0, 10))
    return fail(
      'TRAINING_CONTACT_IN_FUTURE',
      {},
      { contacted_on: { key: 'training.error.future_date' } },
    );
  const bad = c.actions.findIndex((a) => a.dueOn < c.contactedOn);
  if (bad >= 0)
    return fail(
      'TRAINING_ACTION_DUE_BEFORE_CONTACT',
      {},
      { [`due_on_${bad}`]: { key: 'training.error.due_before_contact' } },
    );
  const id = newId('mct');
  const now = nowIso();
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('mentoring_contacts')
      .values({
        id,
        umkm_id: umkmId,
        mentor_user_id: actor.userId,
        contacted_on: c.contactedOn,
        mode: c.mode,
        notes: c.notes,
        created_at: now,
        is_demo: isDemo ? 1 : 0,
      })
      .execute();
    if (c.actions.length)
      await tx
        .insertInto('mentoring_actions')
        .values(
          c.actions.map((a) => ({
            id: newId('mac'),
            contact_id: id,
            umkm_id: umkmId,
            description: a.description,
            due_on: a.dueOn,
            done_at: null,
            created_at: now,
          })),
        )
        .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.mentoring.contact',
      entityType: 'umkm',
      entityId: umkmId,
      data: { contactId: id, mode: c.mode, actions: c.actions.length },
    });
  });
  return ok(id);
}

/** Marks an agreed action done (the UMKM's mentor only). */
export async function completeAction(
  db: Tx,
  actor: Actor,
  actionId: string,
): Promise<Result<string>> {
  const a = await db
    .selectFrom('mentoring_actions')
    .select(['id', 'umkm_id', 'done_at'])
    .where('id', '=', actionId)
    .executeTakeFirst();
  if (!a || !(await assignmentOf(db, actor.userId, a.umkm_id))) return fail('NOT_FOUND');
  if (!a.done_at) {
    await inTransaction(db, async (tx) => {
      await tx
        .updateTable('mentoring_actions')
        .set({ done_at: nowIso() })
        .where('id', '=', actionId)
        .where('done_at', 'is', null)
        .execute();
      await audit(tx, {
        actorId: actor.userId,
        action: 'training.mentoring.action_done',
        entityType: 'umkm',
        entityId: a.umkm_id,
        data: { actionId },
      });
    });
  }
  return ok(a.umkm_id);
}
