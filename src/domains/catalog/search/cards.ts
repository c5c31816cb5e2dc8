// Product cards: what the storefront, village pages and search results show for a product.
// One statement for any number of ids; only listed products come back. The producer's and the
// village's names are community's and regions' scalar subqueries inside that statement.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { umkmColumn } from '../../community/index.js';
import { areaNameOf } from '../../regions/index.js';
import '../catalog.tables.js';

export interface ProductCard {
  id: string;
  href: string;
  title: string;
  category: string;
  umkmId: string;
  umkmName: string;
  villageCode: string;
  villageName: string | null;
  priceMin: number;
  priceMax: number;
  /** Units available over all active variants (0 = sold out). */
  available: number;
  /** First photo: its stored stem (see photo-urls.ts) and alt text. */
  photo: { stem: string; alt: string } | null;
}

/** Cards of the listed products among `ids`, in the order of `ids`. */
export async function productCards(db: Db, ids: readonly string[]): Promise<ProductCard[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('product_search as d', 'd.product_id', 'p.id')
    .select((eb) => [
      'p.id',
      'p.title',
      'p.category',
      'p.umkm_id',
      umkmColumn('p.umkm_id', 'name').as('umkm_name'),
      'p.village_code',
      areaNameOf('p.village_code').as('village_name'),
      // Prices come from the search document, which every price change re-indexes.
      'd.price_min',
      'd.price_max',
      eb
        .selectFrom('variants as va')
        .innerJoin('stock as s', 's.variant_id', 'va.id')
        .select(sql<number>`coalesce(sum(s.available), 0)`.as('x'))
        .whereRef('va.product_id', '=', 'p.id')
        .where('va.active', '=', 1)
        .as('available'),
      eb
        .selectFrom('photos')
        .select('path_stem')
        .whereRef('product_id', '=', 'p.id')
        .orderBy('position')
        .limit(1)
        .as('photo_stem'),
      eb
        .selectFrom('photos')
        .select('alt')
        .whereRef('product_id', '=', 'p.id')
        .orderBy('position')
        .limit(1)
        .as('photo_alt'),
    ])
    .where('p.id', 'in', [...ids])
    .where('p.listed', '=', 1)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    return [
      {
        id: r.id,
        href: `/produk/${r.id}`,
        title: r.title,
        category: r.category,
        umkmId: r.umkm_id,
        umkmName: r.umkm_name ?? '',
        villageCode: r.village_code,
        villageName: r.village_name,
        priceMin: Number(r.price_min ?? 0),
        priceMax: Number(r.price_max ?? 0),
        available: Number(r.available ?? 0),
        photo: r.photo_stem ? { stem: r.photo_stem, alt: r.photo_alt ?? r.title } : null,
      },
    ];
  });
}
