// A lot sold off-platform to a trader, with the price, buyer and documents recorded. A lot
// offered in the catalogue stops selling there (its listing closes) in the same transaction.
import { audit } from '../../kernel/audit/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { closeLotListing } from './listing-close.js';
import { managedLot, moveLot } from './lots.service.js';

const bad = (field: string, key: string) => fail('VALIDATION_FAILED', {}, { [field]: { key } });

/** Records the sale of an open lot to a trader off-platform (price, buyer, documents). */
export async function recordSale(
  db: Tx,
  actor: Actor,
  lotId: string,
  input: { buyerName: string; priceTotal: number; soldOn: string; documents: string | null },
): Promise<Result<void>> {
  const lot = await managedLot(db, actor, lotId);
  if (!lot) return fail('NOT_FOUND');
  if (!Number.isSafeInteger(input.priceTotal) || input.priceTotal <= 0)
    return bad('price_total', 'produce.err.positive');
  return inTransactionResult(db, async (tx) => {
    if (!(await moveLot(tx, lot.id, ['open'], 'sold'))) return fail('PRODUCE_LOT_NOT_OPEN');
    await closeLotListing(tx, lot.id, 'sold', actor.userId);
    await tx
      .insertInto('produce_lot_sales')
      .values({
        lot_id: lot.id,
        channel: 'trader',
        buyer_name: input.buyerName,
        price_total: input.priceTotal,
        documents: input.documents,
        sold_on: input.soldOn,
        recorded_by: actor.userId,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor.userId,
      action: 'produce.lot_sale',
      entityType: 'produce_lot',
      entityId: lot.id,
      data: { priceTotal: input.priceTotal, channel: 'trader' },
    });
    return ok(undefined);
  });
}
