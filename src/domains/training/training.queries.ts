// Reads across other domains that training needs for recommendations, milestones and KPIs:
// review gaps and market-ready dates (innovation), listed products (catalog), sales (orders),
// certifications (community), staff (accounts), each through the owner's index.ts.
import type { Tx } from '../../kernel/db/index.js';
import { activeHoldersOf } from '../accounts/index.js';
import { listedSince } from '../catalog/index.js';
import { firstMarketReadyAt, reviewGaps } from '../innovation/index.js';

export type ReviewItem =
  | 'photos'
  | 'description'
  | 'price_weight'
  | 'packaging'
  | 'label'
  | 'certification'
  | 'shelf_life';
export interface ReviewGap {
  umkmId: string;
  productId: string;
  item: ReviewItem;
}

const chunks = <T>(xs: T[], n = 500): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

/** Failed checklist items of each not-listed product's latest review round (innovation's export). */
export async function reviewGapsOf(db: Tx, umkmIds: string[]): Promise<ReviewGap[]> {
  const out: ReviewGap[] = [];
  for (const ids of chunks(umkmIds))
    out.push(...(await reviewGaps(db, ids)).map((g) => ({ ...g, item: g.item as ReviewItem })));
  return out;
}

/** When each UMKM first had a product the innovation centre marked market-ready. */
export async function marketReadyAt(db: Tx, umkmIds: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const ids of chunks(umkmIds))
    for (const r of await firstMarketReadyAt(db, ids)) out.set(r.umkmId, r.at);
  // Products listed without a recorded review (catalogues imported from before the centre) count from their last update.
  for (const [id, at] of await listedSince(db, umkmIds)) if (!out.has(id)) out.set(id, at);
  return out;
}

/** Users holding `role` whose grant covers `regionCode` (mentor and trainer choices). */
export async function staffCovering(
  db: Tx,
  role: 'mentor' | 'trainer',
  regionCode: string,
): Promise<{ id: string; display_name: string }[]> {
  const rows = await activeHoldersOf(db, role);
  const seen = new Set<string>();
  return rows
    .filter((r) => {
      const covers =
        r.region_code === null ||
        regionCode === r.region_code ||
        regionCode.startsWith(r.region_code + '.');
      if (!covers || seen.has(r.id)) return false;
      seen.add(r.id);
      return true;
    })
    .map((r) => ({ id: r.id, display_name: r.display_name }));
}
