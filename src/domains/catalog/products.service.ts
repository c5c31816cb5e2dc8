// Use cases of the seller side: create and edit products and variants, change stock. Each
// write checks the actor's write scope (its own UMKM) in SQL, runs in one transaction with
// its audit entry and search re-index, and returns a Result: a refusal writes nothing.
import { randomBytes } from 'node:crypto';
import { inTransaction, nowIso, type Db } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';
import { audit } from '../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { adjustStock, createStock, stockOf } from './stock.js';
import { reindexProduct } from './search/index.js';
import { ownedProduct, ownedVariant, sellerUmkmIds, skuTaken } from './products.repo.js';
import type { ProductDetailsInput, VariantInput } from './products.schema.js';
import './catalog.tables.js';

export interface CatalogCtx {
  db: Db;
  actor: Actor;
  ip?: string | null;
}

const skuFor = (category: string) => `${category.replace(/-/g, '').slice(0, 4).toUpperCase()}-${randomBytes(4).toString('hex').toUpperCase()}`;

const skuField = { sku: { key: 'catalog.err.sku_taken' } };

/** Adds a product with its first variant and stock to one of the actor's UMKM; it starts `not_reviewed`. */
export async function createProduct(ctx: CatalogCtx, input: { umkmId?: string | null; details: ProductDetailsInput; variant: VariantInput; id?: string; isDemo?: boolean }): Promise<Result<{ productId: string; variantId: string }>> {
  const own = sellerUmkmIds(ctx.actor);
  const umkmId = input.umkmId || (own.length === 1 ? own[0] : '');
  if (!umkmId || !own.includes(umkmId)) return fail('CATALOG_UMKM_NOT_IN_SCOPE', {}, { umkm_id: { key: 'catalog.err.umkm_not_in_scope' } });
  return inTransaction(ctx.db, async (tx) => {
    const umkm = await tx.selectFrom('umkm').select('village_code').where('id', '=', umkmId).where('id', 'in', own).executeTakeFirst();
    if (!umkm) return fail('CATALOG_UMKM_NOT_IN_SCOPE', {}, { umkm_id: { key: 'catalog.err.umkm_not_in_scope' } });
    const sku = input.variant.sku ?? skuFor(input.details.category);
    if (await skuTaken(tx, sku)) return fail('CATALOG_SKU_TAKEN', {}, skuField);
    const productId = input.id ?? newId('prd');
    const variantId = newId('var');
    const now = nowIso();
    await tx.insertInto('products').values({
      id: productId, umkm_id: umkmId, village_code: umkm.village_code, title: input.details.title, description: input.details.description,
      description_en: input.details.description_en, category: input.details.category, listed: 0, listing_state: 'not_reviewed', is_demo: input.isDemo ? 1 : 0, created_at: now, updated_at: now,
    }).execute();
    await tx.insertInto('variants').values({ id: variantId, product_id: productId, label: input.variant.label, sku, price: input.variant.price, weight_grams: input.variant.weight_grams, active: 1, created_at: now }).execute();
    await createStock(tx, variantId, { kind: 'umkm', id: umkmId }, input.variant.stock, ctx.actor.userId);
    await reindexProduct(tx, productId);
    await audit(tx, { actorId: ctx.actor.userId, action: 'catalog.product.create', entityType: 'product', entityId: productId, ip: ctx.ip, data: { umkmId, category: input.details.category, variantId } });
    return ok({ productId, variantId });
  });
}

/** Edits title, descriptions and category of one of the actor's products. */
export async function updateProduct(ctx: CatalogCtx, productId: string, details: ProductDetailsInput): Promise<Result<{ productId: string }>> {
  const own = sellerUmkmIds(ctx.actor);
  if (own.length === 0) return fail('CATALOG_PRODUCT_NOT_FOUND');
  return inTransaction(ctx.db, async (tx) => {
    const r = await tx.updateTable('products')
      .set({ title: details.title, description: details.description, description_en: details.description_en, category: details.category, updated_at: nowIso() })
      .where('id', '=', productId).where('umkm_id', 'in', own)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) return fail('CATALOG_PRODUCT_NOT_FOUND');
    await reindexProduct(tx, productId);
    await audit(tx, { actorId: ctx.actor.userId, action: 'catalog.product.update', entityType: 'product', entityId: productId, ip: ctx.ip, data: { category: details.category } });
    return ok({ productId });
  });
}

/** Adds a variant (size, weight, colour) with its stock to one of the actor's products. */
export async function addVariant(ctx: CatalogCtx, productId: string, v: VariantInput): Promise<Result<{ variantId: string }>> {
  return inTransaction(ctx.db, async (tx) => {
    const p = await ownedProduct(tx, ctx.actor, productId);
    if (!p) return fail('CATALOG_PRODUCT_NOT_FOUND');
    const sku = v.sku ?? skuFor(p.category);
    if (await skuTaken(tx, sku)) return fail('CATALOG_SKU_TAKEN', {}, skuField);
    const variantId = newId('var');
    await tx.insertInto('variants').values({ id: variantId, product_id: productId, label: v.label, sku, price: v.price, weight_grams: v.weight_grams, active: 1, created_at: nowIso() }).execute();
    await createStock(tx, variantId, { kind: 'umkm', id: p.umkm_id }, v.stock, ctx.actor.userId);
    await reindexProduct(tx, productId);
    await audit(tx, { actorId: ctx.actor.userId, action: 'catalog.variant.create', entityType: 'product', entityId: productId, ip: ctx.ip, data: { variantId, price: v.price } });
    return ok({ variantId });
  });
}

/** Changes a variant's label, price and weight. */
export async function updateVariant(ctx: CatalogCtx, variantId: string, v: { label: string; price: number; weight_grams: number }): Promise<Result<{ variantId: string }>> {
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownedVariant(tx, ctx.actor, variantId);
    if (!own) return fail('CATALOG_VARIANT_NOT_FOUND');
    await tx.updateTable('variants').set({ label: v.label, price: v.price, weight_grams: v.weight_grams }).where('id', '=', variantId).execute();
    await tx.updateTable('products').set({ updated_at: nowIso() }).where('id', '=', own.product_id).execute();
    await reindexProduct(tx, own.product_id);
    await audit(tx, { actorId: ctx.actor.userId, action: 'catalog.variant.update', entityType: 'product', entityId: own.product_id, ip: ctx.ip, data: { variantId, price: v.price, weightGrams: v.weight_grams } });
    return ok({ variantId });
  });
}

/**
 * Quick stock +/− by the seller through the ledger (restock, correction, return). A change
 * that would take stock below zero writes nothing and says how much there is.
 */
export async function changeStock(ctx: CatalogCtx, variantId: string, delta: number, reason: 'restock' | 'correction' | 'return'): Promise<Result<{ available: number }>> {
  // Restocks and returns add; only a correction may remove units.
  if (reason !== 'correction' && delta < 0) return fail('VALIDATION_FAILED', {}, { delta: { key: 'catalog.v.delta' } });
  return inTransaction(ctx.db, async (tx) => {
    const own = await ownedVariant(tx, ctx.actor, variantId);
    if (!own) return fail('CATALOG_VARIANT_NOT_FOUND');
    const changed = await adjustStock(tx, variantId, delta, reason, null, ctx.actor.userId);
    const s = await stockOf(tx, variantId);
    if (!changed) return fail('CATALOG_STOCK_NEGATIVE', { available: s?.available ?? 0 });
    await audit(tx, { actorId: ctx.actor.userId, action: 'catalog.stock.adjust', entityType: 'variant', entityId: variantId, ip: ctx.ip, data: { delta, reason } });
    return ok({ available: s?.available ?? 0 });
  });
}
