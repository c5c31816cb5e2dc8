// Intake at a collection point: the clerk weighs (gross, tare → net), grades from the
// commodity's table, notes moisture and who received it, and may pay an advance. An intake
// is never edited: a correction is a new intake naming the one it corrects (which is then
// superseded), and an intake already pooled into a lot cannot be corrected any more.
import { audit } from '../../kernel/audit/index.js';
import { idWhere, regionWhere, type Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, isUniqueViolation, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type FieldErrors, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { commodityOf, gradeOf } from './commodities.js';
import { advancePaid, publishMoneyEvent } from './money-events.js';
import { priceBasisOn } from './prices.service.js';
import { intakeOrgs, produceReach, produceVisible } from './scope.js';

export interface Weighing {
  commodity: string;
  grade: string;
  grossGrams: number;
  tareGrams: number;
  moisturePermille: number;
  measure: number | null;
  receivedOn: string;
}

export interface IntakeInput extends Weighing {
  producerId: string;
  advance: number;
}

const bad = (fields: FieldErrors) => fail('VALIDATION_FAILED', {}, fields);

/** Checks a weighing against the grade table; the field errors, or null when it is sound. */
export function checkWeighing(w: Weighing, today: string): FieldErrors | null {
  const f: FieldErrors = {};
  const commodity = commodityOf(w.commodity);
  if (!commodity) return { commodity: { key: 'produce.err.commodity' } };
  if (w.grossGrams < 0) f.gross_kg = { key: 'produce.err.negative' };
  else if (w.grossGrams === 0) f.gross_kg = { key: 'produce.err.positive' };
  if (w.tareGrams < 0) f.tare_kg = { key: 'produce.err.negative' };
  else if (w.grossGrams > 0 && w.tareGrams >= w.grossGrams)
    f.tare_kg = { key: 'produce.err.tare_above_gross' };
  if (w.moisturePermille < 0) f.moisture_pct = { key: 'produce.err.negative' };
  else if (w.moisturePermille > commodity.maxMoisturePermille)
    f.moisture_pct = {
      key: 'produce.err.too_wet',
      params: { max: commodity.maxMoisturePermille / 10 },
    };
  const grade = gradeOf(w.commodity, w.grade);
  if (!grade) f.grade = { key: 'produce.err.grade' };
  else {
    const value = commodity.measure === 'moisture' ? w.moisturePermille : w.measure;
    if (value !== null && value !== undefined && (value < grade.min || value > grade.max))
      f.grade = { key: `produce.err.grade_${commodity.measure}` };
  }
  if (w.measure !== null && w.measure < 0) f.measure = { key: 'produce.err.negative' };
  if (w.receivedOn > today) f.received_on = { key: 'produce.err.future' };
  return Object.keys(f).length ? f : null;
}

const today = () => nowIso().slice(0, 10);
const intakeNumber = (id: string, day: string) => `STR-${day.slice(0, 4)}-${id.slice(-6)}`;

export async function recordIntake(
  db: Tx,
  actor: Actor,
  input: IntakeInput,
  o: { isDemo?: boolean; at?: string; today?: string } = {},
): Promise<Result<{ id: string; number: string }>> {
  const reach = await produceReach(db, actor);
  const producer = await db
    .selectFrom('produce_producers')
    .selectAll()
    .where('id', '=', input.producerId)
    .where('organisation_id', 'in', [...intakeOrgs(reach), ''])
    .executeTakeFirst();
  if (!producer || producer.erased_at) return bad({ producer_id: { key: 'produce.err.producer' } });
  const f = checkWeighing(input, o.today ?? today());
  if (f) return bad(f);
  if (!Number.isSafeInteger(input.advance) || input.advance < 0)
    return bad({ advance: { key: 'produce.err.negative' } });
  const net = input.grossGrams - input.tareGrams;
  if (input.advance > 0) {
    const price = await priceBasisOn(
      db,
      producer.organisation_id,
      input.commodity,
      input.grade,
      input.receivedOn,
    );
    if (!price) return bad({ advance: { key: 'produce.err.advance_no_price' } });
    const cap = Math.floor((price.price_per_kg * net) / 1000);
    if (input.advance > cap)
      return bad({ advance: { key: 'produce.err.advance_too_high', params: { cap } } });
  }
  // A clerk records at the point whose organisation the producer belongs to.
  const point = reach.clerkPoints.find((p) => p.organisationId === producer.organisation_id);
  const id = newId('itk');
  const number = intakeNumber(id, input.receivedOn);
  const at = o.at ?? nowIso();
  return inTransactionResult(db, async (tx) => {
    await tx
      .insertInto('produce_intakes')
      .values({
        id,
        number,
        organisation_id: producer.organisation_id,
        region_code: producer.region_code,
        service_point_id: reach.managed.includes(producer.organisation_id)
          ? null
          : (point?.pointId ?? null),
        producer_id: producer.id,
        commodity: input.commodity,
        grade: input.grade,
        gross_g: input.grossGrams,
        tare_g: input.tareGrams,
        net_g: net,
        moisture_permille: input.moisturePermille,
        measure: input.measure,
        received_on: input.receivedOn,
        received_by: actor.userId,
        advance: input.advance,
        corrects_id: null,
        correction_reason: null,
        is_demo: o.isDemo ? 1 : 0,
        created_at: at,
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.intake',
      entityType: 'produce_intake',
      entityId: id,
      data: { number, netGrams: net, grade: input.grade, advance: input.advance },
    });
    if (input.advance > 0)
      await publishMoneyEvent(tx, advancePaid, id, {
        intakeId: id,
        producerId: producer.id,
        organisationId: producer.organisation_id,
        amount: input.advance,
        at,
      });
    return ok({ id, number });
  });
}

/** Records a correction of an intake as a new intake; the original stays as it was. */
export async function correctIntake(
  db: Tx,
  actor: Actor,
  originalId: string,
  input: Weighing & { reason: string },
): Promise<Result<{ id: string; number: string }>> {
  const original = await visibleIntake(db, actor, originalId);
  if (!original) return fail('NOT_FOUND');
  const f = checkWeighing(input, today());
  if (f) return bad(f);
  if (input.commodity !== original.commodity)
    return bad({ commodity: { key: 'produce.err.same_commodity' } });
  const id = newId('itk');
  const number = intakeNumber(id, input.receivedOn);
  return inTransactionResult(db, async (tx) => {
    const pooled = await tx
      .selectFrom('produce_lot_contributions')
      .select('lot_id')
      .where('intake_id', '=', originalId)
      .executeTakeFirst();
    if (pooled) return fail('PRODUCE_INTAKE_POOLED');
    try {
      await tx
        .insertInto('produce_intakes')
        .values({
          ...original,
          id,
          number,
          grade: input.grade,
          gross_g: input.grossGrams,
          tare_g: input.tareGrams,
          net_g: input.grossGrams - input.tareGrams,
          moisture_permille: input.moisturePermille,
          measure: input.measure,
          received_on: input.receivedOn,
          received_by: actor.userId,
          // The advance was paid with the original; the correction carries it, nothing is paid again.
          advance: original.advance,
          corrects_id: original.id,
          correction_reason: input.reason,
          created_at: nowIso(),
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) return fail('PRODUCE_INTAKE_SUPERSEDED');
      throw e;
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.intake_correct',
      entityType: 'produce_intake',
      entityId: original.id,
      data: { correctionId: id, reason: input.reason },
    });
    return ok({ id, number });
  });
}

export async function visibleIntake(db: Tx, actor: Actor, id: string) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_intakes')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => produceVisible(eb, 'produce_intakes', reach, { clerk: true }))
    .executeTakeFirst();
}

/** Intakes the actor sees, newest first, with whether each was superseded or pooled. */
export async function listIntakes(
  db: Tx,
  actor: Actor,
  f: { producerId?: string; unpooledOf?: string; limit?: number } = {},
) {
  const reach = await produceReach(db, actor);
  let q = db
    .selectFrom('produce_intakes as i')
    .innerJoin('produce_producers as p', 'p.id', 'i.producer_id')
    .select([
      'i.id',
      'i.number',
      'i.organisation_id',
      'i.producer_id',
      'p.full_name',
      'i.commodity',
      'i.grade',
      'i.net_g',
      'i.moisture_permille',
      'i.received_on',
      'i.advance',
      'i.corrects_id',
    ])
    .select((eb) => [
      eb
        .exists(
          eb
            .selectFrom('produce_intakes as c')
            .select('c.id')
            .whereRef('c.corrects_id', '=', 'i.id'),
        )
        .as('superseded'),
      eb
        .exists(
          eb
            .selectFrom('produce_lot_contributions as lc')
            .select('lc.lot_id')
            .whereRef('lc.intake_id', '=', 'i.id'),
        )
        .as('pooled'),
    ])
    .where((eb) =>
      eb.or([
        idWhere(eb, 'i.organisation_id', intakeOrgs(reach)),
        regionWhere(eb, 'i.region_code', reach.regions),
      ]),
    );
  if (f.producerId) q = q.where('i.producer_id', '=', f.producerId);
  if (f.unpooledOf) q = q.where('i.organisation_id', '=', f.unpooledOf);
  const rows = await q
    .orderBy('i.received_on', 'desc')
    .orderBy('i.id', 'desc')
    .limit(f.limit ?? 300)
    .execute();
  const list = rows.map((r) => ({ ...r, superseded: !!r.superseded, pooled: !!r.pooled }));
  return f.unpooledOf ? list.filter((r) => !r.superseded && !r.pooled) : list;
}
