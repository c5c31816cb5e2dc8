// Finding products for a neighbour by the words people use ("pupuk", "cangkul", "beras"):
// the catalog's own search (stems, categories, producer and village names, both databases),
// then the buyable variants of the products it found, in its relevance order.
import { sql } from 'kysely';
import type { Db } from '../../../kernel/db/index.js';
import { searchProducts } from '../../catalog/index.js';

export interface Found {
  variant_id: string;
  product_id: string;
  label: string;
  price: number;
  title: string;
  umkm_name: string;
  available: number;
}

export async function findForAgent(db: Db, q: string): Promise<Found[]> {
  const words = q.trim().slice(0, 100);
  if (!words) return [];
  const hits = await searchProducts(db, { q: words, pageSize: 20 });
  const ids = hits.items.map((i) => i.id);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .leftJoin('stock as st', 'st.variant_id', 'v.id')
    .select([
      'v.id as variant_id',
      'p.id as product_id',
      'v.label',
      'v.price',
      'p.title',
      'u.name as umkm_name',
    ])
    .select(sql<number>`coalesce(st.available, 0)`.as('available'))
    .where('p.id', 'in', ids)
    .where('p.listed', '=', 1)
    .where('v.active', '=', 1)
    .orderBy('v.price')
    .orderBy('v.id')
    .execute();
  const rank = new Map(ids.map((id, i) => [id, i]));
  return rows
    .map((r) => ({ ...r, available: Number(r.available) }))
    .sort((a, b) => rank.get(a.product_id)! - rank.get(b.product_id)!);
}
