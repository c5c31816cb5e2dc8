// A market-ready verdict covers the content a reviewer saw. When a seller changes that content
// the verdict no longer holds, so the product leaves the market and a new review round opens
// by itself (the seller does not have to resubmit); trivial edits leave it listed. Runs inside
// the edit's transaction (catalog's productContentChanged topic), so the edit and the new
// round commit together or not at all.
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { setListing, type ContentChange, type ProductContentChange } from '../catalog/index.js';
import type { ChecklistKey } from './checklist.js';
import { transition } from './review-machine.js';
import { productForReview } from './innovation.queries.js';

/**
 * Which checklist item each kind of edit touches; null = not something a reviewer judged.
 * Why each is material or not, as a programme running the review would want it:
 * - title, descriptions: what buyers read about the goods (claims, composition, origin) is
 *   the "description complete and honest" item; the English text is a claim to buyers too.
 * - category: decides the whole checklist and the certifications required (kerajinan → jamu
 *   would skip PIRT/BPOM checks), so every item is open again.
 * - variant price, weight, label, a new variant: the "weight and price consistent" item, and
 *   weight drives shipping cost over rural logistics. Strict on every change, because no
 *   snapshot of the reviewed values is kept: a tolerance would let small edits drift far.
 * - a new photo: not yet seen by anyone ("photos clear and honest").
 * - reordering photos: every photo was reviewed, the cover just becomes another reviewed one.
 * - deleting a photo while others remain: what is left was all reviewed; deleting the last
 *   one leaves a product with no photo, which the photos item never passed.
 * Stock is not content and the catalog does not report it at all.
 */
export const REVIEWED_CONTENT: Record<ContentChange, ChecklistKey | 'all' | null> = {
  title: 'description',
  description: 'description',
  description_en: 'description',
  category: 'all',
  variant_added: 'price_weight',
  variant_label: 'price_weight',
  variant_price: 'price_weight',
  variant_weight: 'price_weight',
  photo_added: 'photos',
  photo_removed: 'photos',
  photo_reordered: null,
};

/** The checklist items an edit re-opens (empty: the verdict still holds). */
export function reopenedItems(
  change: Pick<ProductContentChange, 'changes' | 'photosLeft'>,
): (ChecklistKey | 'all')[] {
  const items = new Set<ChecklistKey | 'all'>();
  for (const c of change.changes) {
    const item = REVIEWED_CONTENT[c];
    if (!item) continue;
    if (c === 'photo_removed' && change.photosLeft > 0) continue;
    items.add(item);
  }
  return [...items];
}

/** Sends an edited market-ready product back to review when the edit touched judged content. */
export async function reopenReviewOnEdit(tx: Tx, change: ProductContentChange): Promise<void> {
  const items = reopenedItems(change);
  if (items.length === 0) return;
  const product = await productForReview(tx, change.productId);
  if (!product) return;
  // Only a verdict that exists can be undone: not yet reviewed, in review, changes requested
  // or withdrawn products are edited freely (the next round sees the new content anyway).
  const next = transition(product.listing_state, 'content_changed');
  if (!next.ok) return;
  const last = await tx
    .selectFrom('reviews')
    .select((eb) => eb.fn.max('round').as('r'))
    .where('product_id', '=', product.id)
    .executeTakeFirst();
  const round = Number(last?.r ?? 0) + 1;
  const reviewId = newId('rev');
  await tx
    .insertInto('reviews')
    .values({
      id: reviewId,
      product_id: product.id,
      umkm_id: product.umkm_id,
      village_code: product.village_code,
      category: product.category,
      round,
      state: 'open',
      submitted_by: change.actorId,
      submitted_at: nowIso(),
      reviewer_id: null,
      score: null,
      completed_at: null,
      reopened_items: items.join(','),
    })
    .execute();
  await setListing(tx, product.id, next.value, change.actorId);
  await audit(tx, {
    actorId: change.actorId,
    action: 'innovation.reopen_after_edit',
    entityType: 'product',
    entityId: product.id,
    data: { reviewId, round, from: product.listing_state, changes: change.changes, items },
  });
}
