// Test fixtures of the catalog domain for any domain's tests (imported only by tests and
// access cases). Signatures stay stable; the catalog domain keeps them working.
import { newId } from '../../src/kernel/ids/index.js';
import { inTransaction, nowIso, type DbHandle } from '../../src/kernel/db/index.js';
import { createStock } from '../../src/domains/catalog/stock.js';
import { reindexProduct } from '../../src/domains/catalog/search/document.js';
import '../../src/domains/catalog/catalog.tables.js';

export interface FixtureProduct {
  productId: string;
  variantId: string;
}

/** A product of `umkmId` with one variant and stock; `listed` makes it visible in the storefront. */
export async function makeProduct(
  h: DbHandle,
  o: {
    umkmId: string;
    title?: string;
    category?: string;
    price?: number;
    weightGrams?: number;
    stock?: number;
    listed?: boolean;
    description?: string;
  },
): Promise<FixtureProduct> {
  const umkm = await h.db
    .selectFrom('umkm')
    .select('village_code')
    .where('id', '=', o.umkmId)
    .executeTakeFirstOrThrow();
  const productId = newId('prd');
  const variantId = newId('var');
  const now = nowIso();
  await inTransaction(h.db, async (tx) => {
    await tx
      .insertInto('products')
      .values({
        id: productId,
        umkm_id: o.umkmId,
        village_code: umkm.village_code,
        title: o.title ?? 'Gula Aren Cetak 500 g',
        description: o.description ?? 'Gula aren asli dari desa.',
        description_en: null,
        category: o.category ?? 'gula-aren',
        listed: o.listed === false ? 0 : 1,
        listing_state: o.listed === false ? 'not_reviewed' : 'listed',
        is_demo: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('variants')
      .values({
        id: variantId,
        product_id: productId,
        label: '500 g',
        sku: `SKU-${variantId.slice(-6)}`,
        price: o.price ?? 25000,
        weight_grams: o.weightGrams ?? 500,
        active: 1,
        created_at: now,
      })
      .execute();
    await createStock(tx, variantId, { kind: 'umkm', id: o.umkmId }, o.stock ?? 10);
    await reindexProduct(tx, productId);
  });
  return { productId, variantId };
}
