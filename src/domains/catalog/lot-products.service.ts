// A draft product for a pooled produce lot (issue 17): the koperasi/BUMDes's own UMKM is the
// seller of record, one variant per pack size. Catalog does not decide who may do this: the
// caller (produce) has already checked that the actor manages the lot's organisation and that
// the UMKM belongs to it. The product starts `not_reviewed` and unlisted like any other, so it
// is visible only after the innovation centre's review.
import { randomBytes } from 'node:crypto';
import { audit } from '../../kernel/audit/index.js';
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { umkmFactsByIds } from '../community/index.js';
import { reindexProduct } from './search/index.js';
import { createStock } from './stock.js';
import './catalog.tables.js';

export interface LotProductInput {
  umkmId: string;
  actorId: string;
  title: string;
  description: string;
  category: string;
  /** One variant per pack size: label, price per pack, weight and the packs the lot holds. */
  packs: { label: string; price: number; weightGrams: number; stock: number }[];
}

/** Creates the unlisted product and its variants with stock, inside the caller's transaction. */
export async function createLotProduct(
  tx: Tx,
  input: LotProductInput,
): Promise<Result<{ productId: string; variantIds: string[] }>> {
  const umkm = (await umkmFactsByIds(tx, [input.umkmId])).get(input.umkmId);
  if (!umkm) return fail('CATALOG_UMKM_NOT_IN_SCOPE');
  const productId = newId('prd');
  const now = nowIso();
  await tx
    .insertInto('products')
    .values({
      id: productId,
      umkm_id: input.umkmId,
      village_code: umkm.village_code,
      title: input.title,
      description: input.description,
      description_en: null,
      category: input.category,
      listed: 0,
      listing_state: 'not_reviewed',
      is_demo: 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const variantIds: string[] = [];
  for (const pack of input.packs) {
    const id = newId('var');
    await tx
      .insertInto('variants')
      .values({
        id,
        product_id: productId,
        label: pack.label,
        sku: `LOT-${randomBytes(4).toString('hex').toUpperCase()}`,
        price: pack.price,
        weight_grams: pack.weightGrams,
        active: 1,
        created_at: now,
      })
      .execute();
    await createStock(tx, id, { kind: 'umkm', id: input.umkmId }, pack.stock, input.actorId);
    variantIds.push(id);
  }
  await reindexProduct(tx, productId);
  await audit(tx, {
    actorId: input.actorId,
    action: 'catalog.product.create',
    entityType: 'product',
    entityId: productId,
    data: { umkmId: input.umkmId, category: input.category, variantIds, from: 'produce_lot' },
  });
  return ok({ productId, variantIds });
}
