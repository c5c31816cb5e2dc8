// What the storefront, the cart, the agent's list and checkout read of the catalogue: variants
// with their product, seller and stock, listed products and the villages that sell them. Only
// the catalog names its tables; orders reads them through these functions (exported from
// index.ts), and the seller's name and village come from community's subqueries, so each read
// stays one statement.
import { sql, type NotNull, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import { umkmColumn } from '../community/index.js';
import { areaNameOf } from '../regions/index.js';
import './catalog.tables.js';

/** A variant as a buyer's cart or an agent's list shows it. */
export interface SaleVariant {
  variant_id: string;
  label: string;
  price: number;
  weight_grams: number;
  active: number;
  product_id: string;
  title: string;
  listed: number;
  umkm_id: string;
  umkm_name: string;
  umkm_village: string;
  /** Units available now (0 when the variant has no stock row). */
  available: number;
}

function saleVariants(db: Tx) {
  return (
    db
      .selectFrom('variants as v')
      .innerJoin('products as p', 'p.id', 'v.product_id')
      .leftJoin('stock as s', 's.variant_id', 'v.id')
      .select([
        'v.id as variant_id',
        'v.label',
        'v.price',
        'v.weight_grams',
        'v.active',
        'p.id as product_id',
        'p.title',
        'p.listed',
        'p.umkm_id',
      ])
      .select([
        umkmColumn('p.umkm_id', 'name').as('umkm_name'),
        umkmColumn('p.umkm_id', 'village_code').as('umkm_village'),
        sql<number>`coalesce(s.available, 0)`.as('available'),
      ])
      // A product's UMKM is a foreign key: it always has a name and a village.
      .$narrowType<{ umkm_name: NotNull; umkm_village: NotNull }>()
  );
}

/** These variants (any state: the caller decides what inactive or unlisted means), by id. */
export async function saleVariantsByIds(
  db: Tx,
  ids: readonly string[],
): Promise<Map<string, SaleVariant>> {
  const out = new Map<string, SaleVariant>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await saleVariants(db)
      .where('v.id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.variant_id, r);
  }
  return out;
}

/** The buyable (active, listed) variants of these products, cheapest first. */
export async function buyableVariantsOf(
  db: Tx,
  productIds: readonly string[],
): Promise<SaleVariant[]> {
  if (productIds.length === 0) return [];
  return saleVariants(db)
    .where('p.id', 'in', [...productIds])
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1)
    .orderBy('v.price')
    .orderBy('v.id')
    .execute();
}

/** A variant as checkout plans it; `available` is null when it has no stock row. */
export interface CheckoutVariant extends Omit<SaleVariant, 'umkm_name' | 'available'> {
  available: number | null;
}

/**
 * The variants of a batch of checkouts with their product, seller village and available stock,
 * as one SELECT that checkout embeds in its one batch read (orders/checkout/batch-read.ts).
 *
 * The stock is read without a lock: the batch plans against it, and `reserveStockMany` locks
 * the rows (in variant-id order) and takes the stock conditionally near the batch's end, so a
 * batch holds its stock rows only for its last statements and the commit.
 */
export function variantsForCheckout(
  tx: Tx,
  variantIds: readonly string[],
): RawBuilder<CheckoutVariant> {
  const ids = [...new Set(variantIds)].sort();
  const village = umkmColumn('p.umkm_id', 'village_code');
  return sql<CheckoutVariant>`select v.id as variant_id, v.label, v.price, v.weight_grams, v.active, p.id as product_id, p.title, p.listed,
           p.umkm_id, ${village} as umkm_village, s.available
    from variants v
    join products p on p.id = v.product_id
    left join stock s on s.variant_id = v.id
    where v.id in (${sql.join(ids)})`;
}

/** Market-ready products with their lowest price and first variant, newest first. */
export async function listedProductSummaries(
  db: Tx,
  o: { villageCode?: string; limit?: number } = {},
) {
  let q = db
    .selectFrom('products as p')
    .innerJoin('variants as v', 'v.product_id', 'p.id')
    .select(['p.id', 'p.title', 'p.village_code'])
    .select((eb) => [
      eb.fn.min('v.price').as('price'),
      eb.fn.min('v.id').as('variant_id'),
      eb.fn.countAll<number>().as('variants'),
    ])
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1);
  if (o.villageCode) q = q.where('p.village_code', '=', o.villageCode);
  return q
    .groupBy(['p.id', 'p.title', 'p.village_code', 'p.created_at'])
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .limit(o.limit ?? 12)
    .execute();
}

/** Villages (known to the registry) with listed products, most products first. */
export async function villagesWithListedProducts(db: Tx, limit: number) {
  const name = areaNameOf('p.village_code');
  const rows = await db
    .selectFrom('products as p')
    .select(['p.village_code as code', name.as('name')])
    .select((eb) => eb.fn.countAll<number>().as('products'))
    .where('p.listed', '=', 1)
    .where((eb) => eb(name, 'is not', null))
    .groupBy('p.village_code')
    .orderBy('products', 'desc')
    .orderBy('p.village_code')
    .limit(limit)
    .execute();
  return rows as { code: string; name: string; products: number }[];
}
