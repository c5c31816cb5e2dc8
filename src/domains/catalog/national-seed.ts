// Bulk writes of the synthetic national world (`lumbung demo national`, issue 19): listed
// products with one variant, their stock and their search document (written as
// reindexProduct would, so search at national scale measures the real index). Only the
// generator calls this; every row is demo data.
import type { Db } from '../../kernel/db/index.js';
import { CATEGORIES } from './taxonomy.js';
import { indexText } from './search/normalise.js';

export interface SyntheticProduct {
  id: string;
  variantId: string;
  umkmId: string;
  villageCode: string;
  title: string;
  description: string;
  category: string;
  price: number;
  weightGrams: number;
  available: number;
  createdAt: string;
}

/** Rows per INSERT (products have the most columns: 12 × 400 parameters). */
const CHUNK = 400;

/** Inserts listed synthetic products with their variant, stock and search document. */
export async function insertSyntheticProducts(
  db: Db,
  rows: readonly SyntheticProduct[],
): Promise<void> {
  const names = new Map(CATEGORIES.map((c) => [c.slug, `${c.name.id} ${c.name.en}`]));
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('products')
        .values(
          part.map((p) => ({
            id: p.id,
            umkm_id: p.umkmId,
            village_code: p.villageCode,
            title: p.title,
            description: p.description,
            description_en: null,
            category: p.category,
            listed: 1,
            listing_state: 'listed' as const,
            is_demo: 1,
            created_at: p.createdAt,
            updated_at: p.createdAt,
          })),
        )
        .execute();
      await tx
        .insertInto('variants')
        .values(
          part.map((p) => ({
            id: p.variantId,
            product_id: p.id,
            label: `${p.weightGrams} g`,
            sku: `NAT-${p.variantId.slice(-8)}`,
            price: p.price,
            weight_grams: p.weightGrams,
            active: 1,
            created_at: p.createdAt,
          })),
        )
        .execute();
      await tx
        .insertInto('stock')
        .values(
          part.map((p) => ({
            variant_id: p.variantId,
            location_kind: 'umkm' as const,
            location_id: p.umkmId,
            available: p.available,
            reserved: 0,
            updated_at: p.createdAt,
          })),
        )
        .execute();
      await tx
        .insertInto('product_search')
        .values(
          part.map((p) => ({
            product_id: p.id,
            umkm_id: p.umkmId,
            village_code: p.villageCode,
            category: p.category,
            listed: 1,
            price_min: p.price,
            price_max: p.price,
            title: indexText(p.title),
            names: indexText(`${names.get(p.category) ?? p.category} ${p.villageCode}`),
            body: indexText(p.description),
            created_at: p.createdAt,
          })),
        )
        .execute();
    });
  }
}
