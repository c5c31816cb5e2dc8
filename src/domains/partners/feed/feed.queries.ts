// The partner's product feed: variants of market-ready products of the UMKM it has an accepted,
// current partnership with (directly or through their BUMDes/koperasi), with live price and
// stock. A full feed lists only what can be bought now; an incremental one (`updated_since`)
// also lists what changed and dropped out (unlisted, out of stock), so the partner removes it.
import type { Tx } from '../../../kernel/db/index.js';
import { offeredVariantIds, photoUrl, variantOffers } from '../../catalog/index.js';
import { umkmByIdOrOrganisation, umkmFactsByIds } from '../../community/index.js';
import { regionNames } from '../../regions/index.js';
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

/** UMKM ids partnered with the partner today (one UMKM, or every UMKM of an organisation), as a subquery. */
export function partneredUmkm(db: Tx, partnerId: string) {
  const current = db
    .selectFrom('partnerships')
    .where('partner_id', '=', partnerId)
    .where('status', '=', 'accepted')
    .where('starts_on', '<=', today())
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today())]));
  return umkmByIdOrOrganisation(
    db,
    current.select('umkm_id').where('umkm_id', 'is not', null),
    current.select('organisation_id').where('organisation_id', 'is not', null),
  );
}

/**
 * One page of the feed in three statements whatever the page or region size: the catalog's page
 * of variants (the partnered UMKM as a subquery), then the page's UMKM and village names.
 */
export async function feedItems(
  db: Tx,
  partnerId: string,
  o: { updatedSince?: string; page: number; perPage: number },
): Promise<{ items: FeedItem[]; hasMore: boolean }> {
  const rows = await variantOffers(db, partneredUmkm(db, partnerId), {
    changedSince: o.updatedSince,
    limit: o.perPage + 1,
    offset: (o.page - 1) * o.perPage,
  });
  const page = rows.slice(0, o.perPage);
  const [umkm, villages] = await Promise.all([
    umkmFactsByIds(
      db,
      page.map((r) => r.umkmId),
    ),
    regionNames(
      db,
      page.map((r) => r.villageCode),
    ),
  ]);
  const items = page.map(
    (r): FeedItem => ({
      id: r.id,
      productId: r.productId,
      title: `${r.title} — ${r.label}`,
      description: r.description,
      category: r.category,
      price: r.price,
      weightGrams: r.weightGrams,
      sku: r.sku,
      stock: r.stock,
      available: r.listed && r.active && r.stock > 0,
      umkm: { id: r.umkmId, name: umkm.get(r.umkmId)?.name ?? '' },
      village: { code: r.villageCode, name: villages.get(r.villageCode) ?? r.villageCode },
      // The catalog's photo store names its sizes; the feed offers the 640 px one.
      photo: r.photoStem ? photoUrl(r.photoStem, 640) : null,
      updatedAt: r.updatedAt,
    }),
  );
  return { items, hasMore: rows.length > o.perPage };
}

/** Is this variant in the partner's feed right now (partnered, listed, active)? */
export async function variantsInFeed(
  db: Tx,
  partnerId: string,
  variantIds: string[],
): Promise<Set<string>> {
  return offeredVariantIds(db, variantIds, partneredUmkm(db, partnerId));
}
