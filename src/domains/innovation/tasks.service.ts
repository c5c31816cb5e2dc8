// Improvement tasks after a review: the UMKM (or its community manager, or the assigned
// mentor) marks a task done; every change is an event row, so the history stays complete.
import { inTransaction, type Db } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { canInRegion, type Actor } from '../../kernel/auth/index.js';
import { mentorsFor } from './innovation.queries.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ownUmkmIds } from './scope.js';
import { umkmFactsByIds } from '../community/index.js';

/** Marks an open task done; refused for a task outside the actor's UMKM/mentoring. */
export async function markTaskDone(
  db: Db,
  actor: Actor,
  taskId: string,
  o: { now?: Date } = {},
): Promise<Result<true>> {
  const own = await ownUmkmIds(db, actor);
  const task = await db
    .selectFrom('improvement_tasks')
    .select(['id', 'umkm_id', 'status', 'mentor_user_id', 'product_id'])
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task || !(own.includes(task.umkm_id) || task.mentor_user_id === actor.userId))
    return fail('INNOVATION_NOT_FOUND');
  if (task.status === 'done') return fail('INNOVATION_TASK_ALREADY_DONE');
  return inTransaction(db, async (tx) => {
    const now = (o.now ?? new Date()).toISOString();
    const r = await tx
      .updateTable('improvement_tasks')
      .set({ status: 'done', done_at: now })
      .where('id', '=', taskId)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('INNOVATION_TASK_ALREADY_DONE');
    await tx
      .insertInto('improvement_task_events')
      .values({ id: newId('tev'), task_id: taskId, event: 'done', actor_id: actor.userId, at: now })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'innovation.task_done',
      entityType: 'improvement_task',
      entityId: taskId,
      data: { productId: task.product_id },
    });
    return ok(true as const);
  });
}

/**
 * Assigns a mentor to the UMKM's improvement tasks that have none yet (the mentoring programme
 * takes a UMKM into a caseload after its review). Staff of the region or the mentor may do it.
 */
export async function assignMentor(
  db: Db,
  actor: Actor,
  umkmId: string,
  mentorUserId: string,
): Promise<Result<{ tasks: number }>> {
  const umkm = (await umkmFactsByIds(db, [umkmId])).get(umkmId);
  if (!umkm) return fail('INNOVATION_NOT_FOUND');
  const allowed =
    actor.userId === mentorUserId ||
    canInRegion(actor, ['national_admin', 'regional_officer', 'reviewer'], umkm.village_code) ||
    (await ownUmkmIds(db, actor)).includes(umkmId);
  if (!allowed) return fail('INNOVATION_NOT_FOUND');
  if (!(await mentorsFor(db, umkm.village_code)).some((m) => m.id === mentorUserId))
    return fail('INNOVATION_MENTOR_INVALID');
  return inTransaction(db, async (tx) => {
    const tasks = await tx
      .selectFrom('improvement_tasks')
      .select('id')
      .where('umkm_id', '=', umkmId)
      .where('mentor_user_id', 'is', null)
      .execute();
    if (tasks.length === 0) return ok({ tasks: 0 });
    const now = new Date().toISOString();
    await tx
      .updateTable('improvement_tasks')
      .set({ mentor_user_id: mentorUserId })
      .where('umkm_id', '=', umkmId)
      .where('mentor_user_id', 'is', null)
      .execute();
    await tx
      .insertInto('improvement_task_events')
      .values(
        tasks.map((t) => ({
          id: newId('tev'),
          task_id: t.id,
          event: 'mentor_assigned',
          actor_id: actor.userId,
          at: now,
        })),
      )
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'innovation.mentor_assigned',
      entityType: 'umkm',
      entityId: umkmId,
      data: { mentorUserId, tasks: tasks.length },
    });
    return ok({ tasks: tasks.length });
  });
}
