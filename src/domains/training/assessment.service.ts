// Digital literacy assessments: the effective question bank of a region, officers' edits to
// it, scoring a questionnaire before/after a session, and regional averages per pillar.
import { sql } from 'kysely';
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, hasRole, regionContains, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result, type FieldErrors } from '../../kernel/errors/index.js';
import { PILLARS } from './training.tables.js';
import { overallIndex, round2, scoreAnswers, type PillarScores } from './question-bank.js';
import { getSession } from './sessions.service.js';

/** The bank used in `regionCode`: the nearest enclosing region's own bank, else the national one. */
export async function questionBank(db: Tx, regionCode: string | null) {
  const owners = await db
    .selectFrom('assessment_questions')
    .select('region_code')
    .distinct()
    .execute();
  let best: string | null = null;
  for (const o of owners) {
    if (
      o.region_code &&
      regionCode &&
      regionContains(o.region_code, regionCode) &&
      (!best || o.region_code.length > best.length)
    )
      best = o.region_code;
  }
  const q = db.selectFrom('assessment_questions').selectAll();
  return (best ? q.where('region_code', '=', best) : q.where('region_code', 'is', null))
    .orderBy('position')
    .execute();
}

export interface QuestionEdit {
  id: string;
  textId: string;
  textEn: string;
  active: boolean;
}

/**
 * Saves an officer's edits to the bank of `regionCode` (null = national, admins only). The first
 * edit of a region copies the bank it inherited, so other regions keep theirs unchanged.
 */
export async function editQuestionBank(
  db: Tx,
  actor: Actor,
  regionCode: string | null,
  edits: QuestionEdit[],
): Promise<Result<{ updated: number }>> {
  if (
    regionCode === null
      ? !hasRole(actor, 'national_admin')
      : !canInRegion(actor, ['national_admin', 'regional_officer'], regionCode)
  )
    return fail('FORBIDDEN');
  const current = await questionBank(db, regionCode);
  const byId = new Map(current.map((q) => [q.id, q]));
  const unknown = edits.filter((e) => !byId.has(e.id));
  if (unknown.length) return fail('TRAINING_UNKNOWN_QUESTION');
  const now = nowIso();
  return inTransactionResult(db, async (tx) => {
    const inherited = current.length > 0 && current[0].region_code !== regionCode;
    const idFor = new Map(current.map((q) => [q.id, inherited ? newId('daq') : q.id]));
    if (inherited) {
      await tx
        .insertInto('assessment_questions')
        .values(
          current.map((q) => ({
            ...q,
            id: idFor.get(q.id)!,
            region_code: regionCode,
            updated_at: now,
            updated_by: actor.userId,
          })),
        )
        .execute();
    }
    for (const e of edits) {
      await tx
        .updateTable('assessment_questions')
        .set({
          text_id: e.textId,
          text_en: e.textEn,
          active: e.active ? 1 : 0,
          updated_at: now,
          updated_by: actor.userId,
        })
        .where('id', '=', idFor.get(e.id)!)
        .execute();
    }
    // Every pillar must keep at least one active question, or nobody could be scored.
    const active = await tx
      .selectFrom('assessment_questions')
      .select('pillar')
      .distinct()
      .where(
        regionCode === null
          ? sql<boolean>`region_code is null`
          : sql<boolean>`region_code = ${regionCode}`,
      )
      .where('active', '=', 1)
      .execute();
    if (active.length < PILLARS.length) return fail('TRAINING_PILLAR_WITHOUT_QUESTION');
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.question_bank.edit',
      entityType: 'question_bank',
      entityId: regionCode ?? 'national',
      data: { edits: edits.length, copied: inherited },
    });
    return ok({ updated: edits.length });
  });
}

export interface AssessmentInput {
  participantId: string;
  phase: 'before' | 'after';
  /** Answers to the effective bank, 1–5 each; or `scores` per pillar directly (paper forms). */
  answers?: Record<string, number>;
  scores?: Partial<PillarScores>;
}

/** Scores and stores a participant's before/after assessment (a retake replaces the phase's row). */
export async function saveAssessment(
  db: Tx,
  actor: Actor,
  sessionId: string,
  input: AssessmentInput,
  isDemo = false,
): Promise<Result<{ id: string; scores: PillarScores; overall: number }>> {
  const session = await getSession(db, actor, sessionId);
  if (!session) return fail('NOT_FOUND');
  const participant = await db
    .selectFrom('session_participants')
    .selectAll()
    .where('id', '=', input.participantId)
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  if (!participant) return fail('TRAINING_NOT_REGISTERED', { count: 1 });
  let scores: PillarScores;
  if (input.scores) {
    const fields: FieldErrors = {};
    for (const p of PILLARS) {
      const v = input.scores[p];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 1 || v > 5)
        fields[`scores.${p}`] = { key: 'training.error.score_range' };
    }
    if (Object.keys(fields).length) return fail('TRAINING_SCORE_OUT_OF_RANGE', {}, fields);
    scores = Object.fromEntries(PILLARS.map((p) => [p, round2(input.scores![p]!)])) as PillarScores;
  } else {
    const bank = (await questionBank(db, session.region_code)).filter((q) => q.active === 1);
    const r = scoreAnswers(bank, input.answers ?? {});
    if (!r.ok)
      return fail(
        'TRAINING_SCORE_OUT_OF_RANGE',
        {},
        Object.fromEntries(r.bad.map((id) => [`q_${id}`, { key: 'training.error.score_range' }])),
      );
    scores = r.scores;
  }
  const id = newId('dla');
  await inTransaction(db, async (tx) => {
    await tx
      .deleteFrom('assessments')
      .where('participant_id', '=', participant.id)
      .where('phase', '=', input.phase)
      .execute();
    await tx
      .insertInto('assessments')
      .values({
        id,
        participant_id: participant.id,
        session_id: sessionId,
        umkm_id: participant.umkm_id,
        region_code: session.region_code,
        phase: input.phase,
        ...scores,
        answers: JSON.stringify(input.answers ?? {}),
        assessed_by: actor.userId,
        assessed_at: nowIso(),
        is_demo: isDemo ? 1 : 0,
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'training.assessment.save',
      entityType: 'training_session',
      entityId: sessionId,
      data: { participantId: participant.id, phase: input.phase },
    });
  });
  return ok({ id, scores, overall: overallIndex(scores) });
}

export interface PillarAverage {
  n: number;
  scores: PillarScores | null;
  overall: number | null;
}

/** Mean pillar scores of assessments held inside `prefix` ('all' = nationally), per phase, optionally within a year. */
export async function pillarAverages(
  db: Tx,
  prefix: string | 'all',
  year?: number,
): Promise<Record<'before' | 'after', PillarAverage>> {
  let q = db
    .selectFrom('assessments')
    .select((eb) => [
      'phase',
      eb.fn.countAll<number>().as('n'),
      eb.fn.avg<number>('skills').as('skills'),
      eb.fn.avg<number>('ethics').as('ethics'),
      eb.fn.avg<number>('safety').as('safety'),
      eb.fn.avg<number>('culture').as('culture'),
    ]);
  if (prefix !== 'all')
    q = q.where((eb) =>
      eb.or([eb('region_code', '=', prefix), eb('region_code', 'like', `${prefix}.%`)]),
    );
  if (year)
    q = q
      .where('assessed_at', '>=', `${year}-01-01`)
      .where('assessed_at', '<', `${year + 1}-01-01`);
  const rows = await q.groupBy('phase').execute();
  const out: Record<'before' | 'after', PillarAverage> = {
    before: { n: 0, scores: null, overall: null },
    after: { n: 0, scores: null, overall: null },
  };
  for (const r of rows) {
    const phase = r.phase as 'before' | 'after';
    const scores = Object.fromEntries(
      PILLARS.map((p) => [p, round2(Number((r as any)[p]))]),
    ) as PillarScores;
    out[phase] = { n: Number(r.n), scores, overall: overallIndex(scores) };
  }
  return out;
}

/** The latest assessment of each UMKM (after beats before on the same day), for recommendations. */
export async function latestAssessments(
  db: Tx,
  umkmIds: string[],
): Promise<Map<string, PillarScores & { assessed_at: string }>> {
  const out = new Map<string, PillarScores & { assessed_at: string }>();
  if (umkmIds.length === 0) return out;
  const rows = await db
    .selectFrom('assessments')
    .select(['umkm_id', 'skills', 'ethics', 'safety', 'culture', 'assessed_at', 'phase'])
    .where('umkm_id', 'in', umkmIds)
    .orderBy('assessed_at')
    .orderBy('phase', 'desc')
    .execute();
  for (const r of rows)
    if (r.umkm_id)
      out.set(r.umkm_id, {
        skills: r.skills,
        ethics: r.ethics,
        safety: r.safety,
        culture: r.culture,
        assessed_at: r.assessed_at,
      });
  return out;
}
