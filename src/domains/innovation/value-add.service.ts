// Value-add records: what a unit cost in raw material and sold for before and after an
// improvement, so the programme can show the value it added (per unit, and per kg when the
// unit's weight is known).
import { inTransaction, nowIso, type Db } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { canInRegion, type Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { productForReview } from './innovation.queries.js';
import { firstActiveVariant } from '../catalog/index.js';
import { ownUmkmIds } from './scope.js';

export interface ValueAddInput {
  rawCostBefore: number;
  priceBefore: number;
  rawCostAfter: number;
  priceAfter: number;
  /** Grams per unit; the product's first variant's weight when not given. */
  weightGrams?: number | null;
  note?: string | null;
}

/** Integer rupiah of margin gained per unit. */
export function valueAddedPerUnit(i: ValueAddInput): number {
  return i.priceAfter - i.rawCostAfter - (i.priceBefore - i.rawCostBefore);
}

/** Integer rupiah of margin gained per kilogram, or null without a weight. */
export function valueAddedPerKg(i: ValueAddInput, weightGrams: number | null): number | null {
  if (!weightGrams || weightGrams <= 0) return null;
  return Math.round((valueAddedPerUnit(i) * 1000) / weightGrams);
}

/** May the actor see and record value-add for this product: its UMKM, manager, or a reviewer of its region. */
export async function canActOnProduct(
  db: Db,
  actor: Actor,
  product: { umkm_id: string; village_code: string },
): Promise<boolean> {
  return (
    (await ownUmkmIds(db, actor)).includes(product.umkm_id) ||
    canInRegion(actor, ['reviewer', 'national_admin'], product.village_code)
  );
}

export async function recordValueAdd(
  db: Db,
  actor: Actor,
  productId: string,
  input: ValueAddInput,
  o: { isDemo?: boolean; at?: string } = {},
): Promise<Result<{ id: string; valueAddedPerKg: number | null }>> {
  const product = await productForReview(db, productId);
  if (!product || !(await canActOnProduct(db, actor, product))) return fail('INNOVATION_NOT_FOUND');
  for (const [k, v] of Object.entries({
    raw_cost_before: input.rawCostBefore,
    price_before: input.priceBefore,
    raw_cost_after: input.rawCostAfter,
    price_after: input.priceAfter,
  })) {
    if (!Number.isSafeInteger(v))
      return fail('VALIDATION_FAILED', {}, { [k]: { key: 'innovation.err.whole_rupiah' } });
    if (v < 0) return fail('VALIDATION_FAILED', {}, { [k]: { key: 'innovation.err.negative' } });
  }
  const weight =
    input.weightGrams ?? (await firstActiveVariant(db, productId))?.weight_grams ?? null;
  const perKg = valueAddedPerKg(input, weight);
  const id = newId('vad');
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('value_add_records')
      .values({
        id,
        product_id: productId,
        umkm_id: product.umkm_id,
        village_code: product.village_code,
        weight_grams: weight,
        raw_cost_before: input.rawCostBefore,
        price_before: input.priceBefore,
        raw_cost_after: input.rawCostAfter,
        price_after: input.priceAfter,
        value_added_per_kg: perKg,
        note: input.note?.trim() || null,
        recorded_by: actor.userId,
        recorded_at: o.at ?? nowIso(),
        is_demo: o.isDemo ? 1 : 0,
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'innovation.value_add',
      entityType: 'product',
      entityId: productId,
      data: { id, valueAddedPerKg: perKg },
    });
  });
  return ok({ id, valueAddedPerKg: perKg });
}

export async function valueAddHistory(db: Db, productId: string) {
  return db
    .selectFrom('value_add_records')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('recorded_at', 'desc')
    .execute();
}
