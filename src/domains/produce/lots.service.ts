// Lots: intakes of one commodity and compatible grades pooled by the koperasi. The trace is
// kept as contributions (grams of each intake in each lot), which are never edited (splitting
// and merging: lot-split.service.ts; a trader's purchase: lot-sale.service.ts). Losses in processing lower the lot's weight with a
// stage and a reason; the farmers' contributions stay in intake kilos, so a loss is shared by
// everyone in proportion. Every change checks the lot's status in its UPDATE (rows affected).
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, isUniqueViolation, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { organisationPlace } from '../community/index.js';
import { gradeOf } from './commodities.js';
import type { LossStage, LotStatus, ProduceLotContributionsTable } from './produce.tables.js';
import { produceReach, produceVisible } from './scope.js';

type Contribution = ProduceLotContributionsTable;
const lotNumber = (id: string, at: string) => `LOT-${at.slice(0, 4)}-${id.slice(-6)}`;
const bad = (field: string, key: string, params?: Record<string, unknown>) =>
  fail('VALIDATION_FAILED', {}, { [field]: { key, params } });

/** A lot the actor reads (its organisation's managers, officers of its region), or undefined. */
export async function visibleLot(db: Tx, actor: Actor, id: string) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_lots')
    .selectAll()
    .where('id', '=', id)
    .where((eb) => produceVisible(eb, 'produce_lots', reach, { clerk: false }))
    .executeTakeFirst();
}

/** A lot the actor manages (writes), or undefined. */
export async function managedLot(db: Tx, actor: Actor, id: string) {
  const reach = await produceReach(db, actor);
  if (!reach.managed.length) return undefined;
  return db
    .selectFrom('produce_lots')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', 'in', reach.managed)
    .executeTakeFirst();
}

export async function listLots(db: Tx, actor: Actor) {
  const reach = await produceReach(db, actor);
  return db
    .selectFrom('produce_lots')
    .selectAll()
    .where((eb) => produceVisible(eb, 'produce_lots', reach, { clerk: false }))
    .orderBy('created_at', 'desc')
    .limit(200)
    .execute();
}

export const contributionsOf = (db: Tx, lotId: string) =>
  db
    .selectFrom('produce_lot_contributions')
    .selectAll()
    .where('lot_id', '=', lotId)
    .orderBy('producer_id')
    .orderBy('intake_id')
    .execute();

/** Moves a lot from one status to another; false when it was not in `from` any more. */
export async function moveLot(tx: Tx, lotId: string, from: LotStatus[], to: LotStatus) {
  const r = await tx
    .updateTable('produce_lots')
    .set({ status: to })
    .where('id', '=', lotId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Inserts an open lot with its contributions (a new lot, a split's part, a merge's result). */
export async function insertLot(
  tx: Tx,
  base: {
    organisation_id: string;
    region_code: string;
    commodity: string;
    pool: string;
    is_demo: number;
  },
  name: string,
  contributions: Omit<Contribution, 'lot_id'>[],
  weightG: number,
  actor: Actor,
  at: string,
) {
  const id = newId('lot');
  await tx
    .insertInto('produce_lots')
    .values({
      id,
      number: lotNumber(id, at),
      organisation_id: base.organisation_id,
      region_code: base.region_code,
      commodity: base.commodity,
      pool: base.pool,
      is_demo: base.is_demo,
      name,
      status: 'open',
      weight_g: weightG,
      created_by: actor.userId,
      created_at: at,
    })
    .execute();
  for (const c of contributions)
    if (c.net_g > 0)
      await tx
        .insertInto('produce_lot_contributions')
        .values({ ...c, lot_id: id })
        .execute();
  return id;
}

export async function createLot(
  db: Tx,
  actor: Actor,
  input: { organisationId: string; name: string; intakeIds: string[] },
  o: { isDemo?: boolean; at?: string } = {},
): Promise<Result<{ id: string }>> {
  const reach = await produceReach(db, actor);
  const org = reach.managed.includes(input.organisationId)
    ? await organisationPlace(db, input.organisationId)
    : undefined;
  if (!org) return bad('organisation_id', 'produce.err.organisation');
  const ids = [...new Set(input.intakeIds)];
  if (!ids.length) return bad('intake_ids', 'produce.err.no_intakes');
  const at = o.at ?? nowIso();
  return inTransactionResult(db, async (tx) => {
    const intakes = await tx
      .selectFrom('produce_intakes as i')
      .selectAll('i')
      .where('i.id', 'in', ids)
      .where('i.organisation_id', '=', org.id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('produce_intakes as c')
              .select('c.id')
              .whereRef('c.corrects_id', '=', 'i.id'),
          ),
        ),
      )
      .execute();
    if (intakes.length !== ids.length) return bad('intake_ids', 'produce.err.intake_unavailable');
    const commodity = intakes[0].commodity;
    if (intakes.some((i) => i.commodity !== commodity))
      return bad('intake_ids', 'produce.err.lot_mixed_commodity');
    const pools = new Set(intakes.map((i) => gradeOf(i.commodity, i.grade)?.pool));
    if (pools.size !== 1 || pools.has(undefined))
      return bad('intake_ids', 'produce.err.lot_incompatible_grades');
    const weight = intakes.reduce((s, i) => s + i.net_g, 0);
    const id = await insertLot(
      tx,
      {
        organisation_id: org.id,
        region_code: org.village_code,
        commodity,
        pool: [...pools][0] as string,
        is_demo: o.isDemo ? 1 : 0,
      },
      input.name,
      intakes.map((i) => ({
        intake_id: i.id,
        producer_id: i.producer_id,
        grade: i.grade,
        net_g: i.net_g,
      })),
      weight,
      actor,
      at,
    );
    try {
      for (const i of intakes)
        await tx
          .insertInto('produce_intake_pools')
          .values({ intake_id: i.id, lot_id: id })
          .execute();
    } catch (e) {
      // Another lot pooled one of these intakes meanwhile.
      if (isUniqueViolation(e)) return bad('intake_ids', 'produce.err.intake_unavailable');
      throw e;
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_create',
      entityType: 'produce_lot',
      entityId: id,
      data: { intakes: ids.length, weightGrams: weight },
    });
    return ok({ id });
  });
}

export async function recordLoss(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: { stage: LossStage; weightAfterGrams: number; reason: string },
): Promise<Result<void>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (lot.status !== 'open') return fail('PRODUCE_LOT_NOT_OPEN');
  if (input.weightAfterGrams <= 0 || input.weightAfterGrams >= lot.weight_g)
    return bad('weight_after_kg', 'produce.err.loss_weight', { max: lot.weight_g / 1000 });
  return inTransactionResult(db, async (tx) => {
    const r = await tx
      .updateTable('produce_lots')
      .set({ weight_g: input.weightAfterGrams })
      .where('id', '=', lot.id)
      .where('status', '=', 'open')
      .where('weight_g', '=', lot.weight_g)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('PRODUCE_LOT_CHANGED');
    await tx
      .insertInto('produce_lot_losses')
      .values({
        id: newId('lls'),
        lot_id: lot.id,
        stage: input.stage,
        weight_before_g: lot.weight_g,
        weight_after_g: input.weightAfterGrams,
        reason: input.reason,
        recorded_by: actor.userId,
        at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_loss',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { stage: input.stage, before: lot.weight_g, after: input.weightAfterGrams },
    });
    return ok(undefined);
  });
}
