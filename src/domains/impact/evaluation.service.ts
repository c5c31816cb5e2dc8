// Evaluation runs: a request is stored with its settings and scope and handed to the kernel
// job queue; the worker builds the village panel, runs the estimators with progress, and
// stores the result. Pages read a run only inside the actor's scope.
import { z } from 'zod';
import type { Db, Tx } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { audit } from '../../kernel/audit/index.js';
import { enqueue, getJob, type JobHandler } from '../../kernel/jobs/index.js';
import {
  canInRegion,
  regionScope,
  regionWhere,
  type Actor,
  type Role,
} from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { DidError } from '../../lib/did/index.js';
import { buildPanel, OUTCOMES } from './evaluation.panel.js';
import { evaluate, type EvalResult, type EvalSettings } from './evaluation-estimate.js';
import './impact.tables.js';

/** Roles that see KPIs and run evaluations (officers in their region; admin and analyst everywhere). */
export const IMPACT_READERS: Role[] = ['national_admin', 'analyst', 'regional_officer'];
export const JOB_TYPE = 'impact.evaluate';
const STEPS = 5;

export const evalSettingsSchema = z.object({
  outcome: z.enum(OUTCOMES as [string, ...string[]], { message: 'validation.not_allowed' }),
  control: z.enum(['never', 'notyet'], { message: 'validation.not_allowed' }),
  base: z.enum(['varying', 'universal'], { message: 'validation.not_allowed' }),
  cluster: z.enum(['village', 'district'], { message: 'validation.not_allowed' }),
  region: z
    .string()
    .trim()
    .regex(/^(all|\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?)$/, 'impact.err.region_format'),
});
export type EvalRequest = z.infer<typeof evalSettingsSchema>;

export interface RunView {
  id: string;
  scope: string;
  settings: EvalSettings;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  total: number;
  result: EvalResult | null;
  error: string | null;
  createdAt: string;
}

/** The default area of an actor: its first region grant, or the nation. */
export function defaultFocus(actor: Actor): string {
  const s = regionScope(actor, IMPACT_READERS);
  return s === 'all' ? 'all' : (s[0] ?? 'all');
}

/** True when the actor may read or evaluate this area ('all' = the nation). */
export function mayRead(actor: Actor, focus: string): boolean {
  if (focus === 'all') return regionScope(actor, IMPACT_READERS) === 'all';
  return canInRegion(actor, IMPACT_READERS, focus);
}

/** Stores a run and enqueues its job. */
export async function startEvaluation(
  db: Tx,
  actor: Actor,
  req: EvalRequest,
  ip?: string,
): Promise<Result<string>> {
  if (!mayRead(actor, req.region)) return fail('FORBIDDEN');
  const settings: EvalSettings = {
    outcome: req.outcome as EvalSettings['outcome'],
    control: req.control,
    base: req.base,
    cluster: req.cluster,
  };
  return inTransaction(db, async (tx) => {
    const id = newId('evr');
    const jobId = await enqueue(
      tx,
      JOB_TYPE,
      { runId: id },
      { ownerId: actor.userId, maxAttempts: 1 },
    );
    await tx
      .insertInto('evaluation_runs')
      .values({
        id,
        job_id: jobId,
        actor_id: actor.userId,
        scope_code: req.region,
        settings: JSON.stringify(settings),
        status: 'queued',
        result: null,
        error: null,
        created_at: nowIso(),
        finished_at: null,
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'impact.evaluation.started',
      entityType: 'evaluation_run',
      entityId: id,
      ip,
      data: { scope: req.region, ...settings },
    });
    return ok(id);
  });
}

/** A run as the page shows it, or null when it does not exist or lies outside the actor's scope. */
export async function getRun(db: Db, actor: Actor, id: string): Promise<RunView | null> {
  const r = await db
    .selectFrom('evaluation_runs')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r || !mayRead(actor, r.scope_code)) return null;
  const job = await getJob(db, r.job_id);
  return {
    id: r.id,
    scope: r.scope_code,
    settings: JSON.parse(r.settings),
    status: r.status as RunView['status'],
    progress: job?.progress ?? 0,
    total: job?.progress_total || STEPS,
    result: r.result ? JSON.parse(r.result) : null,
    error: r.error,
    createdAt: r.created_at,
  };
}

/** Recent runs inside the actor's scope, newest first. */
export async function recentRuns(db: Db, actor: Actor, limit = 10) {
  const scope = regionScope(actor, IMPACT_READERS);
  return db
    .selectFrom('evaluation_runs')
    .select(['id', 'scope_code', 'settings', 'status', 'created_at'])
    .where((eb) =>
      scope === 'all' ? regionWhere(eb, 'scope_code', 'all') : regionWhere(eb, 'scope_code', scope),
    )
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

async function finish(
  db: Db,
  id: string,
  v: { status: 'done' | 'failed'; result?: EvalResult; error?: string },
) {
  await db
    .updateTable('evaluation_runs')
    .set({
      status: v.status,
      result: v.result ? JSON.stringify(v.result) : null,
      error: v.error ?? null,
      finished_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
}

// Data problems (no never-treated village, too few waves …) end the run with their code for the
// page to explain; they are not retried, since the same data gives the same answer.
export const runEvaluationJob: JobHandler = async (ctx) => {
  const runId = (ctx.payload as { runId: string }).runId;
  const run = await ctx.db
    .selectFrom('evaluation_runs')
    .selectAll()
    .where('id', '=', runId)
    .executeTakeFirst();
  if (!run) return null;
  await ctx.db
    .updateTable('evaluation_runs')
    .set({ status: 'running' })
    .where('id', '=', runId)
    .execute();
  await ctx.progress(0, STEPS);
  const settings = JSON.parse(run.settings) as EvalSettings;
  try {
    const panel = await buildPanel(
      ctx.db,
      run.scope_code === 'all' ? 'all' : [run.scope_code],
      settings.outcome,
    );
    await ctx.progress(1, STEPS);
    if (panel.rows.length === 0) throw new DidError('NO_TREATED', 'no survey data in this area');
    const result = await evaluate(panel, settings, (d) => ctx.progress(1 + d, STEPS));
    await finish(ctx.db, runId, { status: 'done', result });
    return { runId };
  } catch (e) {
    if (e instanceof DidError) {
      await finish(ctx.db, runId, { status: 'failed', error: e.code });
      return { runId, error: e.code };
    }
    await finish(ctx.db, runId, { status: 'failed', error: 'INTERNAL' });
    throw e;
  }
};
