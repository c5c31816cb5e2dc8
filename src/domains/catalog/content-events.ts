// The seam between the catalog and whoever judges product content (the innovation centre).
// The catalog reports *what* a seller changed, inside the write's transaction; a listener
// decides what it means (a new review round, unlisting) and writes through catalog's
// setListing in the same transaction, so an edit and its consequence commit together. The
// catalog never imports the innovation domain: app.ts subscribes innovation to this topic.
import type { Tx } from '../../kernel/db/index.js';
import { Topic } from '../../kernel/domain/index.js';
import './catalog.tables.js';

/**
 * Facts about an edit, one per kind of content. Stock changes are not content and are never
 * reported: they change how many units exist, not what a buyer is told about them.
 */
export const CONTENT_CHANGES = [
  'title',
  'description',
  'description_en',
  'category',
  'variant_added',
  'variant_label',
  'variant_price',
  'variant_weight',
  'photo_added',
  'photo_removed',
  'photo_reordered',
] as const;
export type ContentChange = (typeof CONTENT_CHANGES)[number];

export interface ProductContentChange {
  productId: string;
  umkmId: string;
  actorId: string | null;
  changes: ContentChange[];
  /** Photos the product has after the edit (a removal that leaves none differs from one that leaves some). */
  photosLeft: number;
}

/** Published inside the edit's transaction: a subscriber's writes commit or roll back with the edit. */
export const productContentChanged = new Topic<ProductContentChange>(
  'catalog.product_content_changed',
);

/** What the seller learns about an edit's effect on listing. */
export interface EditOutcome {
  listingState: string;
  /** True when this edit took the product off the market (or out of its certified wait) into a new review round. */
  backToReview: boolean;
}

/**
 * Runs the listeners for an edit (none when nothing changed) and reports the listing state
 * after them; `before` is the state read at the start of the same transaction.
 */
export async function reportContentChange(
  tx: Tx,
  change: ProductContentChange,
  before: string,
): Promise<EditOutcome> {
  if (change.changes.length === 0) return { listingState: before, backToReview: false };
  await productContentChanged.publish(tx, change);
  const after = await tx
    .selectFrom('products')
    .select('listing_state')
    .where('id', '=', change.productId)
    .executeTakeFirst();
  const listingState = after?.listing_state ?? before;
  return { listingState, backToReview: listingState === 'in_review' && before !== 'in_review' };
}
