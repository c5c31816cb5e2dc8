// Use cases of the seller side: create and edit products and variants, change stock. Each
// write checks the actor's write scope (its own UMKM) in SQL, runs in one transaction with
// its audit entry and search re-index, and returns a Result: a refusal writes nothing.
import { randomBytes } from 'node:crypto';
import { inTransaction, nowIso, type Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { audit } from '../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { umkmFactsByIds } from '../community/index.js';
import { adjustStock, createStock, stockOf } from './stock.js';
import { reindexProduct } from './search/index.js';
import {
  ownedProduct,
  ownedVariant,
  photoCount,
  sellerUmkmIds,
  skuTaken,
} from './seller.queries.js';
import { reportContentChange, type ContentChange, type EditOutcome } from './content-events.js';
import type { ProductDetailsInput, VariantInput } from './products.schema.js';
import './catalog.tables.js';

export interface CatalogCtx {
  db: Db;
  actor: Actor;
  ip?: string | null;
}

const skuFor = (category: string) =>
  `${category.replace(/-/g, '').slice(0, 4).toUpperCase()}-${randomBytes(4).toString('hex').toUpperCase()}`;

const skuField = { sku: { key: 'catalog.err.sku_taken' } };

/** Adds a product with its first variant and stock to one of the actor's UMKM; it starts `not_reviewed`. */
export async function createProduct(
  ctx: CatalogCtx,
  input: {
    umkmId?: string | null;
    details: ProductDetailsInput;
    variant: VariantInput;
    id?: string;
    isDemo?: boolean;
  },
): Promise<Result<{ productId: string; variantId: string }>> {
  const own = sellerUmkmIds(ctx.actor);
  const umkmId = input.umkmId || (own.length === 1 ? own[0] : '');
  if (!umkmId || !own.includes(umkmId))
    return fail(
      'CATALOG_UMKM_NOT_IN_SCOPE',
      {},
      { umkm_id: { key: 'catalog.err.umkm_not_in_scope' } },
    );
  return inTransaction(ctx.db, async (tx) => {
    const umkm = (await umkmFactsByIds(tx, [umkmId])).get(umkmId);
    if (!umkm)
      return fail(
        'CATALOG_UMKM_NOT_IN_SCOPE',
        {},
        { umkm_id: { key: 'catalog.err.umkm_not_in_scope' } },
      );
    const sku = input.variant.sku ?? skuFor(input.details.category);
    if (await skuTaken(tx, sku)) return fail('CATALOG_SKU_TAKEN', {}, skuField);
    const productId = input.id ?? newId('prd');
    const variantId = newId('var');
    const now = nowIso();
    await tx
      .insertInto('products')
      .values({
        id: productId,
        umkm_id: umkmId,
        village_code: umkm.village_code,
        title: input.details.title,
        description: input.details.description,
        description_en: input.details.description_en,
        category: input.details.category,
        listed: 0,
        listing_state: 'not_reviewed',
        is_demo: input.isDemo ? 1 : 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('variants')
      .values({
        id: variantId,
        product_id: productId,
        label: input.variant.label,
        sku,
        price: input.variant.price,
        weight_grams: input.variant.weight_grams,
        active: 1,
        created_at: now,
      })
      .execute();
    await createStock(
      tx,
      variantId,
      { kind: 'umkm', id: umkmId },
      input.variant.stock,
      ctx.actor.userId,
    );
    await reindexProduct(tx, productId);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.product.create',
      entityType: 'product',
      entityId: productId,
      ip: ctx.ip,
      data: { umkmId, category: input.details.category, variantId },
    });
    return ok({ productId, variantId });
  });
}

/** Edits title, descriptions and category; an edit of reviewed content may send the product back to review. */
export async function updateProduct(
  ctx: CatalogCtx,
  productId: string,
  details: ProductDetailsInput,
): Promise<Result<{ productId: string } & EditOutcome>> {
  return inTransaction(ctx.db, async (tx) => {
    const p = await ownedProduct(tx, ctx.actor, productId);
    if (!p) return fail('CATALOG_PRODUCT_NOT_FOUND');
    // Only fields that really differ count: the edit form re-sends every field.
    const changes = (['title', 'description', 'description_en', 'category'] as const).filter(
      (k) => (p[k] ?? null) !== (details[k] ?? null),
    );
    await tx
      .updateTable('products')
      .set({
        title: details.title,
        description: details.description,
        description_en: details.description_en,
        category: details.category,
        updated_at: nowIso(),
      })
      .where('id', '=', productId)
      .execute();
    await reindexProduct(tx, productId);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.product.update',
      entityType: 'product',
      entityId: productId,
      ip: ctx.ip,
      data: { category: details.category, changes },
    });
    const outcome = await reportContentChange(
      tx,
      {
        productId,
        umkmId: p.umkm_id,
        actorId: ctx.actor.userId,
        changes,
        photosLeft: await photoCount(tx, productId),
      },
      p.listing_state,
    );
    return ok({ productId, ...outcome });
  });
}

/** Adds a variant (size, weight, colour) with its stock to one of the actor's products. */
export async function addVariant(
  ctx: CatalogCtx,
  productId: string,
  v: VariantInput,
): Promise<Result<{ variantId: string } & EditOutcome>> {
  return inTransaction(ctx.db, async (tx) => {
    const p = await ownedProduct(tx, ctx.actor, productId);
    if (!p) return fail('CATALOG_PRODUCT_NOT_FOUND');
    const sku = v.sku ?? skuFor(p.category);
    if (await skuTaken(tx, sku)) return fail('CATALOG_SKU_TAKEN', {}, skuField);
    const variantId = newId('var');
    await tx
      .insertInto('variants')
      .values({
        id: variantId,
        product_id: productId,
        label: v.label,
        sku,
        price: v.price,
        weight_grams: v.weight_grams,
        active: 1,
        created_at: nowIso(),
      })
      .execute();
    await createStock(tx, variantId, { kind: 'umkm', id: p.umkm_id }, v.stock, ctx.actor.userId);
    await reindexProduct(tx, productId);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.variant.create',
      entityType: 'product',
      entityId: productId,
      ip: ctx.ip,
      data: { variantId, price: v.price },
    });
    const outcome = await reportContentChange(
      tx,
      {
        productId,
        umkmId: p.umkm_id,
        actorId: ctx.actor.userId,
        changes: ['variant_added'],
        photosLeft: await photoCount(tx, productId),
      },
      p.listing_state,
    );
    return ok({ variantId, ...outcome });
  });
}

/** Changes a variant's label, price and weight; a real change may send the product back to review. */
export async function updateVariant(
  ctx: CatalogCtx,
  variantId: string,
  v: { label: string; price: number; weight_grams: number },
): Promise<Result<{ variantId: string; productId: string } & EditOutcome>> {
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownedVariant(tx, ctx.actor, variantId);
    if (!own) return fail('CATALOG_VARIANT_NOT_FOUND');
    const changes: ContentChange[] = [];
    if (own.label !== v.label) changes.push('variant_label');
    if (own.price !== v.price) changes.push('variant_price');
    if (own.weight_grams !== v.weight_grams) changes.push('variant_weight');
    await tx
      .updateTable('variants')
      .set({ label: v.label, price: v.price, weight_grams: v.weight_grams })
      .where('id', '=', variantId)
      .execute();
    await tx
      .updateTable('products')
      .set({ updated_at: nowIso() })
      .where('id', '=', own.product_id)
      .execute();
    await reindexProduct(tx, own.product_id);
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.variant.update',
      entityType: 'product',
      entityId: own.product_id,
      ip: ctx.ip,
      data: { variantId, price: v.price, weightGrams: v.weight_grams, changes },
    });
    const outcome = await reportContentChange(
      tx,
      {
        productId: own.product_id,
        umkmId: own.umkm_id,
        actorId: ctx.actor.userId,
        changes,
        photosLeft: await photoCount(tx, own.product_id),
      },
      own.listing_state,
    );
    return ok({ variantId, productId: own.product_id, ...outcome });
  });
}

/**
 * Quick stock +/− by the seller through the ledger (restock, correction, return). A change
 * that would take stock below zero writes nothing and says how much there is.
 */
export async function changeStock(
  ctx: CatalogCtx,
  variantId: string,
  delta: number,
  reason: 'restock' | 'correction' | 'return',
): Promise<Result<{ available: number }>> {
  // Restocks and returns add; only a correction may remove units.
  if (reason !== 'correction' && delta < 0)
    return fail('VALIDATION_FAILED', {}, { delta: { key: 'catalog.v.delta' } });
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownedVariant(tx, ctx.actor, variantId);
    if (!own) return fail('CATALOG_VARIANT_NOT_FOUND');
    const changed = await adjustStock(tx, variantId, delta, reason, null, ctx.actor.userId);
    const s = await stockOf(tx, variantId);
    if (!changed) return fail('CATALOG_STOCK_NEGATIVE', { available: s?.available ?? 0 });
    await audit(tx, {
      actorId: ctx.actor.userId,
      action: 'catalog.stock.adjust',
      entityType: 'variant',
      entityId: variantId,
      ip: ctx.ip,
      data: { delta, reason },
    });
    return ok({ available: s?.available ?? 0 });
  });
}
