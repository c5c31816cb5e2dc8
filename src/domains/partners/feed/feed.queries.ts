// The partner's product feed: variants of market-ready products of the UMKM it has an accepted,
// current partnership with (directly or through their BUMDes/koperasi), with live price and
// stock. A full feed lists only what can be bought now; an incremental one (`updated_since`)
// also lists what changed and dropped out (unlisted, out of stock), so the partner removes it.
import { sql } from 'kysely';
import type { Tx } from '../../../kernel/db/index.js';
import '../partners.tables.js';

export interface FeedItem {
  id: string;
  productId: string;
  title: string;
  description: string;
  category: string;
  price: number;
  weightGrams: number;
  sku: string;
  stock: number;
  available: boolean;
  umkm: { id: string; name: string };
  village: { code: string; name: string };
  photo: string | null;
  updatedAt: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** UMKM ids partnered with the partner today (one UMKM, or every UMKM of an organisation). */
export function partneredUmkm(db: Tx, partnerId: string) {
  const current = db
    .selectFrom('partnerships')
    .where('partner_id', '=', partnerId)
    .where('status', '=', 'accepted')
    .where('starts_on', '<=', today())
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today())]));
  return db
    .selectFrom('umkm')
    .select('umkm.id')
    .where((eb) =>
      eb.or([
        eb('umkm.id', 'in', current.select('umkm_id').where('umkm_id', 'is not', null)),
        eb(
          'umkm.organisation_id',
          'in',
          current.select('organisation_id').where('organisation_id', 'is not', null),
        ),
      ]),
    );
}

export async function feedItems(
  db: Tx,
  partnerId: string,
  o: { updatedSince?: string; page: number; perPage: number },
): Promise<{ items: FeedItem[]; hasMore: boolean }> {
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
  let q = db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .innerJoin('umkm as u', 'u.id', 'p.umkm_id')
    .innerJoin('regions as r', 'r.code', 'p.village_code')
    .leftJoin(stock.as('s'), 's.variant_id', 'v.id')
    .leftJoin(firstPhoto.as('ph'), 'ph.product_id', 'p.id')
    .select([
      'v.id',
      'v.product_id',
      'v.label',
      'v.sku',
      'v.price',
      'v.weight_grams',
      'v.active',
      'p.title',
      'p.description',
      'p.category',
      'p.listed',
      'p.updated_at as product_at',
      's.available',
      's.stock_at',
      'u.id as umkm_id',
      'u.name as umkm_name',
      'r.code as village_code',
      'r.name as village_name',
      'ph.stem',
    ])
    .where('p.umkm_id', 'in', partneredUmkm(db, partnerId));
  if (o.updatedSince) {
    const since = o.updatedSince;
    q = q.where((eb) =>
      eb.or([
        eb('p.updated_at', '>', since),
        eb('s.stock_at', '>', since),
        eb('v.created_at', '>', since),
      ]),
    );
  } else {
    q = q.where('p.listed', '=', 1).where('v.active', '=', 1).where('s.available', '>', 0);
  }
  const rows = await q
    .orderBy('v.id')
    .limit(o.perPage + 1)
    .offset((o.page - 1) * o.perPage)
    .execute();
  const items = rows.slice(0, o.perPage).map((r): FeedItem => {
    const stockNow = Number(r.available ?? 0);
    const updatedAt = [r.product_at, r.stock_at]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1)!;
    return {
      id: r.id,
      productId: r.product_id,
      title: `${r.title} — ${r.label}`,
      description: r.description,
      category: r.category,
      price: Number(r.price),
      weightGrams: Number(r.weight_grams),
      sku: r.sku,
      stock: stockNow,
      available: r.listed === 1 && r.active === 1 && stockNow > 0,
      umkm: { id: r.umkm_id, name: r.umkm_name },
      village: { code: r.village_code, name: r.village_name },
      // Same file naming as the catalog's photo store (`/media/<stem>-<width>.webp`).
      photo: r.stem ? `/media/${r.stem}-640.webp` : null,
      updatedAt,
    };
  });
  return { items, hasMore: rows.length > o.perPage };
}

/** Is this variant in the partner's feed right now (partnered, listed, active)? */
export async function variantsInFeed(
  db: Tx,
  partnerId: string,
  variantIds: string[],
): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('variants as v')
    .innerJoin('products as p', 'p.id', 'v.product_id')
    .select('v.id')
    .where('v.id', 'in', variantIds)
    .where('v.active', '=', 1)
    .where('p.listed', '=', 1)
    .where('p.umkm_id', 'in', partneredUmkm(db, partnerId))
    .execute();
  return new Set(rows.map((r) => r.id));
}
