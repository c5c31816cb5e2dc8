// Survey use cases: one record from the enumerator's phone form, or a whole CSV file. Consent
// (UU PDP 27/2022) is recorded before any answer, in the same transaction; a withdrawn consent
// refuses new answers. The audit log gets ids and counts only, never incomes or sales.
import type { Tx } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, type Actor, type Role } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import {
  CONSENT_PURPOSE,
  CONSENT_TEXT_VERSION,
  type HouseholdInput,
  type SalesInput,
  type SurveyKind,
} from './surveys.schema.js';
import './impact.tables.js';
import { findArea } from '../regions/index.js';

/** Roles that enter survey answers, each inside its own region. */
export const SURVEY_ROLES: Role[] = ['national_admin', 'regional_officer', 'village_agent'];

/** Finds the subject's consent or records it now; a withdrawn consent refuses. */
export async function ensureConsent(
  tx: Tx,
  actorId: string | null,
  kind: SurveyKind,
  villageCode: string,
  subjectCode: string,
  isDemo = 0,
): Promise<Result<string>> {
  const found = await tx
    .selectFrom('survey_consents')
    .select(['id', 'withdrawn_at'])
    .where('subject_kind', '=', kind)
    .where('village_code', '=', villageCode)
    .where('subject_code', '=', subjectCode)
    .executeTakeFirst();
  if (found) return found.withdrawn_at ? fail('IMPACT_CONSENT_WITHDRAWN') : ok(found.id);
  const id = newId('scn');
  await tx
    .insertInto('survey_consents')
    .values({
      id,
      subject_kind: kind,
      village_code: villageCode,
      subject_code: subjectCode,
      purpose: CONSENT_PURPOSE,
      text_version: CONSENT_TEXT_VERSION,
      given_at: nowIso(),
      recorded_by: actorId,
      withdrawn_at: null,
      is_demo: isDemo,
    })
    .execute();
  return ok(id);
}

async function villageExists(tx: Tx, code: string): Promise<boolean> {
  return (await findArea(tx, code))?.level === 4;
}

export function householdRow(
  input: Omit<HouseholdInput, 'consent'>,
  consentId: string,
  source: string,
  actorId: string | null,
  isDemo = 0,
) {
  return {
    id: newId('hhs'),
    village_code: input.village_code,
    wave_year: input.wave_year,
    household_code: input.household_code,
    household_size: input.household_size,
    income_monthly: input.income_monthly,
    per_capita_monthly: Math.round(input.income_monthly / input.household_size),
    consent_id: consentId,
    source,
    entered_by: actorId,
    created_at: nowIso(),
    is_demo: isDemo,
  };
}

export function salesRow(
  input: Omit<SalesInput, 'consent'>,
  consentId: string,
  source: string,
  actorId: string | null,
  isDemo = 0,
) {
  return {
    id: newId('uss'),
    village_code: input.village_code,
    year: input.year,
    month: input.month,
    umkm_code: input.umkm_code,
    sales_monthly: input.sales_monthly,
    consent_id: consentId,
    source,
    entered_by: actorId,
    created_at: nowIso(),
    is_demo: isDemo,
  };
}

/** Records one household's answer (form on the enumerator's phone). */
export async function recordHousehold(
  db: Tx,
  actor: Actor,
  input: HouseholdInput,
  ip?: string,
): Promise<Result<string>> {
  if (!canInRegion(actor, SURVEY_ROLES, input.village_code)) return fail('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    if (!(await villageExists(tx, input.village_code)))
      return fail(
        'IMPACT_UNKNOWN_VILLAGE',
        {},
        { village_code: { key: 'impact.err.unknown_village' } },
      );
    const dup = await tx
      .selectFrom('household_surveys')
      .select('id')
      .where('village_code', '=', input.village_code)
      .where('wave_year', '=', input.wave_year)
      .where('household_code', '=', input.household_code)
      .executeTakeFirst();
    if (dup)
      return fail(
        'IMPACT_DUPLICATE_RECORD',
        {},
        { household_code: { key: 'impact.err.duplicate' } },
      );
    const consent = await ensureConsent(
      tx,
      actor.userId,
      'household',
      input.village_code,
      input.household_code,
    );
    if (!consent.ok)
      return fail(consent.code, {}, { consent: { key: 'impact.err.consent_withdrawn' } });
    const row = householdRow(input, consent.value, 'form', actor.userId);
    await tx.insertInto('household_surveys').values(row).execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'impact.household_survey.recorded',
      entityType: 'household_survey',
      entityId: row.id,
      ip,
      data: { village: input.village_code, wave: input.wave_year },
    });
    return ok(row.id);
  });
}

/** Records one UMKM's monthly sales answer. */
export async function recordSales(
  db: Tx,
  actor: Actor,
  input: SalesInput,
  ip?: string,
): Promise<Result<string>> {
  if (!canInRegion(actor, SURVEY_ROLES, input.village_code)) return fail('FORBIDDEN');
  return inTransaction(db, async (tx) => {
    if (!(await villageExists(tx, input.village_code)))
      return fail(
        'IMPACT_UNKNOWN_VILLAGE',
        {},
        { village_code: { key: 'impact.err.unknown_village' } },
      );
    const dup = await tx
      .selectFrom('umkm_sales_surveys')
      .select('id')
      .where('village_code', '=', input.village_code)
      .where('year', '=', input.year)
      .where('month', '=', input.month)
      .where('umkm_code', '=', input.umkm_code)
      .executeTakeFirst();
    if (dup)
      return fail('IMPACT_DUPLICATE_RECORD', {}, { umkm_code: { key: 'impact.err.duplicate' } });
    const consent = await ensureConsent(
      tx,
      actor.userId,
      'umkm',
      input.village_code,
      input.umkm_code,
    );
    if (!consent.ok)
      return fail(consent.code, {}, { consent: { key: 'impact.err.consent_withdrawn' } });
    const row = salesRow(input, consent.value, 'form', actor.userId);
    await tx.insertInto('umkm_sales_surveys').values(row).execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'impact.sales_survey.recorded',
      entityType: 'umkm_sales_survey',
      entityId: row.id,
      ip,
      data: { village: input.village_code, year: input.year, month: input.month },
    });
    return ok(row.id);
  });
}
