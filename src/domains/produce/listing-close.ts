// Closing a lot's catalogue listing: once the lot is split, merged, sold to a trader or settled,
// the packs it offered no longer exist as listed, so buyers must not order them. The variant's
// available stock goes to 0 (catalog's stock ledger keeps the correction), so checkout refuses
// with its ordinary "only 0 left" message; units already reserved by unpaid orders stay with
// those orders. Runs inside the caller's transaction; a lot without an open listing is a no-op.
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { adjustStock, stockOf } from '../catalog/index.js';
import type { ListingCloseReason } from './produce.tables.js';

export async function closeLotListing(
  tx: Tx,
  lotId: string,
  reason: ListingCloseReason,
  actorId: string | null,
): Promise<void> {
  const listing = await tx
    .selectFrom('produce_lot_listings')
    .select(['variant_id'])
    .where('lot_id', '=', lotId)
    .where('closed_at', 'is', null)
    .executeTakeFirst();
  if (!listing) return;
  await tx
    .updateTable('produce_lot_listings')
    .set({ closed_at: nowIso(), closed_reason: reason })
    .where('lot_id', '=', lotId)
    .where('closed_at', 'is', null)
    .execute();
  const stock = await stockOf(tx, listing.variant_id);
  const available = Number(stock?.available ?? 0);
  if (available > 0)
    await adjustStock(
      tx,
      listing.variant_id,
      -available,
      'correction',
      `produce_lot:${lotId}:${reason}`,
      actorId,
    );
}
