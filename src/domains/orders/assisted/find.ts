// Finding products for a neighbour by the words people use ("pupuk", "cangkul", "beras"):
// the catalog's own search (stems, categories, producer and village names, both databases),
// then the buyable variants of the products it found, in its relevance order.
import type { Db } from '../../../kernel/db/index.js';
import { buyableVariantsOf, searchProducts } from '../../catalog/index.js';

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
  const rows = await buyableVariantsOf(db, ids);
  const rank = new Map(ids.map((id, i) => [id, i]));
  return rows
    .map((r) => ({
      variant_id: r.variant_id,
      product_id: r.product_id,
      label: r.label,
      price: r.price,
      title: r.title,
      umkm_name: r.umkm_name,
      available: Number(r.available),
    }))
    .sort((a, b) => rank.get(a.product_id)! - rank.get(b.product_id)!);
}
