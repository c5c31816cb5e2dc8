// Price bases: what the koperasi pays per kg of each grade in a period, beside what the local
// trader pays (for the premium KPI). A new period is a new row; rows are never edited, and
// two rows of one grade may not overlap (the later-set one would silently win).
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { organisationPlace } from '../community/index.js';
import { gradeOf } from './commodities.js';
import { produceReach, produceVisible } from './scope.js';

export interface PriceInput {
  organisationId: string;
  commodity: string;
  grade: string;
  validFrom: string;
  validTo: string;
  pricePerKg: number;
  traderPricePerKg: number | null;
}

export async function setPriceBasis(
  db: Tx,
  actor: Actor,
  input: PriceInput,
): Promise<Result<string>> {
  const reach = await produceReach(db, actor);
  const org = reach.managed.includes(input.organisationId)
    ? await organisationPlace(db, input.organisationId)
    : undefined;
  if (!org)
    return fail(
      'PRODUCE_OUTSIDE_SCOPE',
      {},
      { organisation_id: { key: 'produce.err.organisation' } },
    );
  if (!gradeOf(input.commodity, input.grade))
    return fail('VALIDATION_FAILED', {}, { grade: { key: 'produce.err.grade' } });
  if (input.validTo < input.validFrom)
    return fail('VALIDATION_FAILED', {}, { valid_to: { key: 'produce.err.period' } });
  if (input.pricePerKg <= 0)
    return fail('VALIDATION_FAILED', {}, { price_per_kg: { key: 'produce.err.positive' } });
  return inTransactionResult(db, async (tx) => {
    const overlap = await tx
      .selectFrom('produce_price_bases')
      .select('id')
      .where('organisation_id', '=', org.id)
      .where('commodity', '=', input.commodity)
      .where('grade', '=', input.grade)
      .where('valid_from', '<=', input.validTo)
      .where('valid_to', '>=', input.validFrom)
      .executeTakeFirst();
    if (overlap)
      return fail('VALIDATION_FAILED', {}, { valid_from: { key: 'produce.err.price_overlap' } });
    const id = newId('ppb');
    await tx
      .insertInto('produce_price_bases')
      .values({
        id,
        organisation_id: org.id,
        region_code: org.village_code,
        commodity: input.commodity,
        grade: input.grade,
        valid_from: input.validFrom,
        valid_to: input.validTo,
        price_per_kg: input.pricePerKg,
        trader_price_per_kg: input.traderPricePerKg || null,
        set_by: actor.userId,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.price_set',
      entityType: 'produce_price',
      entityId: id,
      data: { commodity: input.commodity, grade: input.grade, pricePerKg: input.pricePerKg },
    });
    return ok(id);
  });
}

/** The price basis of a grade on a day, if the koperasi set one. */
export async function priceBasisOn(
  db: Tx,
  organisationId: string,
  commodity: string,
  grade: string,
  day: string,
) {
  return db
    .selectFrom('produce_price_bases')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('commodity', '=', commodity)
    .where('grade', '=', grade)
    .where('valid_from', '<=', day)
    .where('valid_to', '>=', day)
    .executeTakeFirst();
}

export async function listPriceBases(db: Tx, actor: Actor) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_price_bases')
    .selectAll()
    .where((eb) => produceVisible(eb, 'produce_price_bases', reach, { clerk: true }))
    .orderBy('valid_from', 'desc')
    .orderBy('commodity')
    .orderBy('grade')
    .limit(200)
    .execute();
}
