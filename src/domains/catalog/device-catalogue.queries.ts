// The catalogue an offline device keeps (the village agent's console, issue 18): the buyable
// variants of listed products in an area, with price, stock as now and the first photo's stem.
// Incremental reads (`changedSince`) also return what dropped out (unlisted, inactive, sold
// out), so the device can remove it; the stamp is the newest product or stock change.
import type { Tx } from '../../kernel/db/index.js';
import './catalog.tables.js';
import { variantRows } from './variant-rows.js';

export interface DeviceCatalogueItem {
  variantId: string;
  productId: string;
  title: string;
  label: string;
  price: number;
  stock: number;
  /** Photo stem (catalog's photoUrl makes the 160 px URL), or null. */
  photo: string | null;
  buyable: boolean;
  changedAt: string;
}

/** Variants of products whose village code starts with `areaPrefix`, changed after `changedSince` when given. */
export async function deviceCatalogue(
  db: Tx,
  areaPrefix: string,
  changedSince?: string,
): Promise<DeviceCatalogueItem[]> {
  let q = variantRows(db)
    .select([
      'v.id',
      'v.product_id',
      'v.label',
      'v.price',
      'v.active',
      'v.created_at',
      'p.title',
      'p.listed',
      'p.updated_at as product_at',
      's.available',
      's.stock_at',
      'ph.stem',
    ])
    .where('p.village_code', 'like', `${areaPrefix}%`);
  if (changedSince) {
    const since = changedSince;
    q = q.where((eb) =>
      eb.or([
        eb('p.updated_at', '>', since),
        eb('s.stock_at', '>', since),
        eb('v.created_at', '>', since),
      ]),
    );
  } else q = q.where('p.listed', '=', 1).where('v.active', '=', 1);
  const rows = await q.orderBy('v.id').limit(5000).execute();
  return rows.map((r) => {
    const stockNow = Number(r.available ?? 0);
    return {
      variantId: r.id,
      productId: r.product_id,
      title: r.title,
      label: r.label,
      price: Number(r.price),
      stock: stockNow,
      photo: r.stem ?? null,
      buyable: r.listed === 1 && r.active === 1 && stockNow > 0,
      changedAt: [r.product_at, r.stock_at, r.created_at]
        .filter((x): x is string => !!x)
        .sort()
        .at(-1)!,
    };
  });
}
