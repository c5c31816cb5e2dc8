// Whether a product is listed (visible in the storefront, search and partner feeds). The
// decision belongs to the innovation centre (review outcome, certification validity); the
// write belongs here, because only the catalog writes its tables.
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { reindexProduct } from './search/document.js';
import './catalog.tables.js';

export const LISTING_STATES = [
  'not_reviewed',
  'in_review',
  'changes_requested',
  'listed',
  'certification_expired',
  'withdrawn',
] as const;
export type ListingState = (typeof LISTING_STATES)[number];

/**
 * Sets a product's listing state; `listed` is 1 exactly when the state is `listed`. False when
 * the product does not exist, or (with `from`) when its state is no longer `from`: the check
 * is in the update itself, so two racing callers cannot both move it.
 */
export async function setListing(
  tx: Tx,
  productId: string,
  state: ListingState,
  actorId: string | null,
  o: { from?: string } = {},
): Promise<boolean> {
  let q = tx
    .updateTable('products')
    .set({ listing_state: state, listed: state === 'listed' ? 1 : 0, updated_at: nowIso() })
    .where('id', '=', productId);
  if (o.from !== undefined) q = q.where('listing_state', '=', o.from);
  const r = await q.executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) return false;
  // Search shows exactly the listed products: the document follows in the same transaction.
  await reindexProduct(tx, productId);
  await audit(tx, {
    actorId,
    action: 'catalog.listing',
    entityType: 'product',
    entityId: productId,
    data: { state },
  });
  return true;
}
