// Enrolling a selection of villages from the priority list in one step: every village must be
// open (not enrolled, itself or through an ancestor) inside the list's province or regency and
// carry a reason; one bad entry refuses the whole selection and nothing is written. Each
// village gets its own rollout entry and audit row (sharing a batch id) in one transaction.
import { newId } from '../../kernel/ids/index.js';
import { inTransaction, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type FieldErrors, type Result } from '../../kernel/errors/index.js';
import { canWriteRegion, type Writer } from './profiles.service.js';
import { checkRollout, enrolledPrefixes, isEnrolled, writeRollout } from './rollout.service.js';

export const REASON_MAX = 500;
export const SELECTION_MAX = 1000;

export interface EnrolChoice {
  code: string;
  reason: string;
}

/** The form field of a village's reason. */
export const reasonField = (code: string) => `reason_${code}`;

export async function enrolVillages(
  db: Tx,
  who: Writer,
  listCode: string,
  joinedOn: string,
  choices: EnrolChoice[],
): Promise<Result<{ enrolled: number; batch: string }>> {
  if (!canWriteRegion(who, listCode)) return fail('FORBIDDEN');
  const fields: FieldErrors = {};
  const codes = [...new Set(choices.map((x) => x.code))];
  if (codes.length === 0) fields.village = { key: 'regions.enrol.none' };
  if (codes.length > SELECTION_MAX)
    fields.village = { key: 'regions.enrol.too_many', params: { max: SELECTION_MAX } };
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', {}, fields);
  // A code from the client is only trusted once it is a stored village inside the list's area.
  const villages = new Map(
    (
      await db
        .selectFrom('regions')
        .select(['code', 'name'])
        .where('level', '=', 4)
        .where('code', 'in', codes)
        .execute()
    ).map((r) => [r.code, r.name]),
  );
  if (codes.some((c) => !villages.has(c) || !c.startsWith(listCode + '.')))
    return fail('FORBIDDEN');
  const dateCheck = await checkRollout(db, who, codes[0], joinedOn);
  if (!dateCheck.ok) return dateCheck;
  const enrolled = await enrolledPrefixes(db, listCode);
  const taken = codes.filter((c) => isEnrolled(c, enrolled)).map((c) => villages.get(c)!);
  if (taken.length)
    fields.village = { key: 'regions.enrol.already', params: { names: taken.join(', ') } };
  const reasons = new Map(choices.map((x) => [x.code, x.reason.trim()]));
  for (const c of codes) {
    const r = reasons.get(c)!;
    if (r.length < 3)
      fields[reasonField(c)] = {
        key: 'regions.enrol.reason_required',
        params: { name: villages.get(c) },
      };
    else if (r.length > REASON_MAX)
      fields[reasonField(c)] = {
        key: 'regions.enrol.reason_long',
        params: { name: villages.get(c), max: REASON_MAX },
      };
  }
  if (Object.keys(fields).length) return fail('VALIDATION_FAILED', {}, fields);
  const batch = newId('enr');
  await inTransaction(db, async (tx) => {
    for (const c of codes)
      await writeRollout(tx, who, c, joinedOn, { reason: reasons.get(c)!, batch });
  });
  return ok({ enrolled: codes.length, batch });
}
