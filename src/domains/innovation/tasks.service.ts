// Improvement tasks after a review: the UMKM (or its community manager, or the assigned
// mentor) marks a task done; every change is an event row, so the history stays complete.
import { inTransaction, type Db } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ownUmkmIds } from './scope.js';

/** Marks an open task done; refused for a task outside the actor's UMKM/mentoring. */
export async function markTaskDone(db: Db, actor: Actor, taskId: string, o: { now?: Date } = {}): Promise<Result<true>> {
  const own = await ownUmkmIds(db, actor);
  const task = await db.selectFrom('improvement_tasks').select(['id', 'umkm_id', 'status', 'mentor_user_id', 'product_id']).where('id', '=', taskId).executeTakeFirst();
  if (!task || !(own.includes(task.umkm_id) || task.mentor_user_id === actor.userId)) return fail('INNOVATION_NOT_FOUND');
  if (task.status === 'done') return fail('INNOVATION_TASK_ALREADY_DONE');
  return inTransaction(db, async (tx) => {
    const now = (o.now ?? new Date()).toISOString();
    const r = await tx.updateTable('improvement_tasks').set({ status: 'done', done_at: now }).where('id', '=', taskId).where('status', '=', 'open').executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('INNOVATION_TASK_ALREADY_DONE');
    await tx.insertInto('improvement_task_events').values({ id: newId('tev'), task_id: taskId, event: 'done', actor_id: actor.userId, at: now }).execute();
    await audit(tx, { actorId: actor.userId, action: 'innovation.task_done', entityType: 'improvement_task', entityId: taskId, data: { productId: task.product_id } });
    return ok(true as const);
  });
}
