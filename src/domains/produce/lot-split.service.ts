// Splitting and merging open lots, the trace kept: a split closes the lot and opens two with
// each intake's grams divided exactly (largest remainder), a merge closes two and opens one
// holding both. A lot offered in the catalogue stops selling there (its listing closes) when it
// is split or merged: its packs no longer exist as listed.
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { closeLotListing } from './listing-close.js';
import { splitByContribution } from './payout-split.js';
import type { ProduceLotContributionsTable } from './produce.tables.js';
import { contributionsOf, insertLot, managedLot, moveLot } from './lots.service.js';

type Contribution = ProduceLotContributionsTable;
const bad = (field: string, key: string, params?: Record<string, unknown>) =>
  fail('VALIDATION_FAILED', {}, { [field]: { key, params } });

/** Splits `weightGrams` off an open lot: two new lots, each intake's grams divided exactly. */
export async function splitLot(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: { weightGrams: number; name: string },
): Promise<Result<{ ids: [string, string] }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (lot.status !== 'open') return fail('PRODUCE_LOT_NOT_OPEN');
  if (input.weightGrams <= 0 || input.weightGrams >= lot.weight_g)
    return bad('weight_kg', 'produce.err.split_weight', { max: lot.weight_g / 1000 });
  return inTransactionResult(db, async (tx) => {
    if (!(await moveLot(tx, lot.id, ['open'], 'split'))) return fail('PRODUCE_LOT_CHANGED');
    await closeLotListing(tx, lot.id, 'split', actor.userId);
    const cs = await contributionsOf(tx, lot.id);
    const input_g = cs.reduce((s, c) => s + c.net_g, 0);
    // The part's share of intake grams follows its share of the lot's current weight.
    const partInput = splitByContribution(input_g, [
      { key: 'a', weight: input.weightGrams },
      { key: 'b', weight: lot.weight_g - input.weightGrams },
    ]).get('a') as number;
    const parts = splitByContribution(
      partInput,
      cs.map((c) => ({ key: c.intake_id, weight: c.net_g })),
    );
    const at = nowIso();
    const a = await insertLot(
      tx,
      lot,
      input.name,
      cs.map((c) => ({ ...c, net_g: parts.get(c.intake_id) ?? 0 })),
      input.weightGrams,
      actor,
      at,
    );
    const b = await insertLot(
      tx,
      lot,
      lot.name,
      cs.map((c) => ({ ...c, net_g: c.net_g - (parts.get(c.intake_id) ?? 0) })),
      lot.weight_g - input.weightGrams,
      actor,
      at,
    );
    await tx
      .insertInto('produce_lot_links')
      .values([
        { from_lot_id: lot.id, to_lot_id: a, kind: 'split', at },
        { from_lot_id: lot.id, to_lot_id: b, kind: 'split', at },
      ])
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_split',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { into: [a, b], weightGrams: input.weightGrams },
    });
    return ok({ ids: [a, b] as [string, string] });
  });
}

/** Merges two open lots of the same commodity and grade pool into a new lot. */
export async function mergeLots(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: { otherLotId: string; name: string },
): Promise<Result<{ id: string }>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  const other = await managedLot(db, actor, input.otherLotId);
  if (!other || other.id === lot.id || other.organisation_id !== lot.organisation_id)
    return bad('other_lot_id', 'produce.err.merge_other');
  if (lot.status !== 'open' || other.status !== 'open') return fail('PRODUCE_LOT_NOT_OPEN');
  if (other.commodity !== lot.commodity || other.pool !== lot.pool)
    return bad('other_lot_id', 'produce.err.lot_incompatible_grades');
  return inTransactionResult(db, async (tx) => {
    if (!(await moveLot(tx, lot.id, ['open'], 'merged'))) return fail('PRODUCE_LOT_CHANGED');
    if (!(await moveLot(tx, other.id, ['open'], 'merged'))) return fail('PRODUCE_LOT_CHANGED');
    await closeLotListing(tx, lot.id, 'merged', actor.userId);
    await closeLotListing(tx, other.id, 'merged', actor.userId);
    const byIntake = new Map<string, Omit<Contribution, 'lot_id'>>();
    for (const c of [
      ...(await contributionsOf(tx, lot.id)),
      ...(await contributionsOf(tx, other.id)),
    ]) {
      const seen = byIntake.get(c.intake_id);
      if (seen) seen.net_g += c.net_g;
      else
        byIntake.set(c.intake_id, {
          intake_id: c.intake_id,
          producer_id: c.producer_id,
          grade: c.grade,
          net_g: c.net_g,
        });
    }
    const at = nowIso();
    const id = await insertLot(
      tx,
      lot,
      input.name,
      [...byIntake.values()],
      lot.weight_g + other.weight_g,
      actor,
      at,
    );
    await tx
      .insertInto('produce_lot_links')
      .values([
        { from_lot_id: lot.id, to_lot_id: id, kind: 'merge', at },
        { from_lot_id: other.id, to_lot_id: id, kind: 'merge', at },
      ])
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_merge',
      entityType: 'produce_lot',
      entityId: id,
      data: { from: [lot.id, other.id] },
    });
    return ok({ id });
  });
}
