// Deleting and reordering a product's photos. Positions are kept 0..n-1 without gaps, because
// the photo at position 0 is the product's cover everywhere (storefront card, product page,
// partner feeds read `position = 0`). Every write first touches the product row, which
// serialises photo edits of one product (a row lock on PostgreSQL) so two taps at once cannot
// leave two photos at the same position.
import { inTransactionResult, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { ownedProduct, photosOf } from './seller.queries.js';
import { removePhotoFiles } from './photos.service.js';
import { reportContentChange, type EditOutcome } from './content-events.js';
import type { CatalogCtx } from './products.service.js';
import type { PhotosTable, ProductsTable } from './catalog.tables.js';
import './catalog.tables.js';

/** The product (fresh, under its lock) and its photos, or the refusal; a refusal has written nothing. */
type Locked =
  | { error: Result<never> }
  | { product: ProductsTable; photos: PhotosTable[]; index: number };

async function lockOwned(
  tx: Tx,
  ctx: CatalogCtx,
  productId: string,
  photoId: string,
): Promise<Locked> {
  if (!(await ownedProduct(tx, ctx.actor, productId)))
    return { error: fail('CATALOG_PRODUCT_NOT_FOUND') };
  const exists = await tx
    .selectFrom('photos')
    .select('id')
    .where('id', '=', photoId)
    .where('product_id', '=', productId)
    .executeTakeFirst();
  if (!exists) return { error: fail('CATALOG_PHOTO_NOT_FOUND') };
  await tx
    .updateTable('products')
    .set({ updated_at: nowIso() })
    .where('id', '=', productId)
    .execute();
  // Read again under the lock: the listing state and the order may have moved meanwhile.
  const product = (await ownedProduct(tx, ctx.actor, productId))!;
  const photos = await photosOf(tx, productId);
  const index = photos.findIndex((ph) => ph.id === photoId);
  // A concurrent delete won the race after our checks: the failure rolls back the touch.
  if (index < 0) return { error: fail('CATALOG_PHOTO_NOT_FOUND') };
  return { product, photos, index };
}

/** Rewrites positions to the given order (only rows whose position moved). */
async function writeOrder(tx: Tx, order: { id: string; position: number }[]): Promise<void> {
  for (const [i, ph] of order.entries()) {
    if (ph.position !== i)
      await tx.updateTable('photos').set({ position: i }).where('id', '=', ph.id).execute();
  }
}

/**
 * Deletes one photo of one of the actor's products, closes the gap in the order, and removes
 * the stored files of every size once the row is gone (after commit: a rolled-back delete
 * must not lose the files). Files another row still uses (the demo seed shares tiles) stay.
 */
export async function deletePhoto(
  ctx: CatalogCtx & { uploadDir: string },
  productId: string,
  photoId: string,
): Promise<Result<{ photosLeft: number } & EditOutcome>> {
  const r = await inTransactionResult(ctx.db, async (tx) => {
    const l = await lockOwned(tx, ctx, productId, photoId);
    if ('error' in l) return l.error;
    const gone = l.photos[l.index];
    await tx.deleteFrom('photos').where('id', '=', photoId).execute();
    const rest = l.photos.filter((ph) => ph.id !== photoId);
    await writeOrder(tx, rest);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.photo.delete',
      entityType: 'product',
      entityId: productId,
      ip: ctx.ip,
      data: { photoId, stem: gone.path_stem, wasCover: l.index === 0 },
    });
    const outcome = await reportContentChange(
      tx,
      {
        productId,
        umkmId: l.product.umkm_id,
        actorId: ctx.actor.userId,
        changes: ['photo_removed'],
        photosLeft: rest.length,
      },
      l.product.listing_state,
    );
    return ok({ photosLeft: rest.length, stem: gone.path_stem, ...outcome });
  });
  if (!r.ok) return r;
  const stillUsed = await ctx.db
    .selectFrom('photos')
    .select('id')
    .where('path_stem', '=', r.value.stem)
    .executeTakeFirst();
  if (!stillUsed) await removePhotoFiles(ctx.uploadDir, r.value.stem);
  return ok({
    photosLeft: r.value.photosLeft,
    listingState: r.value.listingState,
    backToReview: r.value.backToReview,
  });
}

/**
 * Moves one photo to `position` (0-based; 0 makes it the cover); the others keep their
 * relative order. A position past the end is refused, not clamped, so an API client learns
 * its view of the photos is stale.
 */
export async function movePhoto(
  ctx: CatalogCtx,
  productId: string,
  photoId: string,
  position: number,
): Promise<Result<{ order: string[] } & EditOutcome>> {
  if (!(await ownedProduct(ctx.db, ctx.actor, productId))) return fail('CATALOG_PRODUCT_NOT_FOUND');
  const count = (await photosOf(ctx.db, productId)).length;
  if (!Number.isInteger(position) || position < 0 || position >= count) {
    return fail(
      'VALIDATION_FAILED',
      { max: Math.max(count - 1, 0) },
      { position: { key: 'catalog.v.position', params: { max: Math.max(count - 1, 0) } } },
    );
  }
  return inTransactionResult(ctx.db, async (tx) => {
    const l = await lockOwned(tx, ctx, productId, photoId);
    if ('error' in l) return l.error;
    // Re-checked under the lock: a photo deleted meanwhile may have shortened the list.
    if (position >= l.photos.length) return fail('CATALOG_PHOTO_NOT_FOUND');
    const order = l.photos.filter((ph) => ph.id !== photoId);
    order.splice(position, 0, l.photos[l.index]);
    await writeOrder(tx, order);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.photo.move',
      entityType: 'product',
      entityId: productId,
      ip: ctx.ip,
      data: { photoId, from: l.index, to: position },
    });
    const changes = l.index === position ? [] : (['photo_reordered'] as const);
    const outcome = await reportContentChange(
      tx,
      {
        productId,
        umkmId: l.product.umkm_id,
        actorId: ctx.actor.userId,
        changes: [...changes],
        photosLeft: order.length,
      },
      l.product.listing_state,
    );
    return ok({ order: order.map((ph) => ph.id), ...outcome });
  });
}
