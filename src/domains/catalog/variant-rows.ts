// The base of the catalogue's variant listings for other readers (the partner feed, the agent
// device's offline catalogue): each variant with its product, its live stock (summed over
// points, with the last change) and its first photo, as one statement to select from.
import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/index.js';
import './catalog.tables.js';

/** Variants `v` joined to products `p`, stock `s` (available, stock_at) and first photo `ph` (stem). */
export function variantRows(db: Tx) {
  const stock = db
    .selectFrom('stock')
    .select([
      'variant_id',
      sql<number>`sum(available)`.as('available'),
      sql<string>`max(updated_at)`.as('stock_at'),
    ])
    .groupBy('variant_id');
  const firstPhoto = db
    .selectFrom('photos')
    .select(['product_id', sql<string>`min(path_stem)`.as('stem')])
    .where('position', '=', 0)
    .groupBy('product_id');
  return db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .leftJoin(stock.as('s'), 's.variant_id', 'v.id')
    .leftJoin(firstPhoto.as('ph'), 'ph.product_id', 'p.id');
}
