// Figures other domains read: review gaps and first market-ready dates for training and
// mentoring, and the innovation dashboard's numbers for impact/KPIs.
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { daysBetween } from './dates.js';
import { median } from '../../lib/stats/index.js';
import { listedAmong } from '../catalog/index.js';

export interface ReviewGap {
  umkmId: string;
  productId: string;
  item: string;
}

/** Failed items of the latest round of each not-listed product of these UMKM. */
export async function reviewGaps(db: Db, umkmIds: string[]): Promise<ReviewGap[]> {
  if (umkmIds.length === 0) return [];
  const rows = await db
    .selectFrom('reviews as r')
    .innerJoin('review_items as i', 'i.review_id', 'r.id')
    .select(['r.umkm_id', 'r.product_id', 'i.item_key'])
    .where('r.umkm_id', 'in', umkmIds)
    .where('i.passed', '=', 0)
    .where('r.round', '=', (eb) =>
      eb
        .selectFrom('reviews as r2')
        .select((e) => e.fn.max('r2.round').as('m'))
        .whereRef('r2.product_id', '=', 'r.product_id')
        .where('r2.state', 'in', ['passed', 'changes_requested']),
    )
    .orderBy('r.umkm_id')
    .orderBy('r.product_id')
    .orderBy('i.item_key')
    .execute();
  // Gaps of products not (or no longer) listed: a listed product has nothing left to mend.
  const listed = await listedAmong(
    db,
    rows.map((r) => r.product_id),
  );
  return rows
    .filter((r) => !listed.has(r.product_id))
    .map((r) => ({ umkmId: r.umkm_id, productId: r.product_id, item: r.item_key }));
}

/** When each UMKM first had a product marked market-ready (UMKM without one are absent). */
export async function firstMarketReadyAt(
  db: Db,
  umkmIds: string[],
): Promise<{ umkmId: string; at: string }[]> {
  if (umkmIds.length === 0) return [];
  const rows = await db
    .selectFrom('reviews')
    .select(['umkm_id', (eb) => eb.fn.min('completed_at').as('at')])
    .where('umkm_id', 'in', umkmIds)
    .where('state', '=', 'passed')
    .groupBy('umkm_id')
    .orderBy('umkm_id')
    .execute();
  return rows.map((r) => ({ umkmId: r.umkm_id, at: String(r.at) }));
}

export interface InnovationStats {
  regionPrefix: string;
  productsSubmitted: number;
  productsMarketReady: number;
  /** marketReady / submitted, 0 when nothing was submitted. */
  marketReadyShare: number;
  /** Median days from a product's first submission to its first passed round; null without any. */
  medianDaysToMarketReady: number | null;
  openTasksByType: { item: string; open: number }[];
}

/** Dashboard figures for a region prefix ('' or 'all' = the whole country). */
export async function innovationStats(db: Db, regionPrefix: string): Promise<InnovationStats> {
  const scope = regionPrefix && regionPrefix !== 'all' ? [regionPrefix] : 'all';
  const perProduct = await db
    .selectFrom('reviews')
    .select([
      'product_id',
      (eb) => eb.fn.min('submitted_at').as('first_submitted'),
      sql<string | null>`min(case when state = 'passed' then completed_at end)`.as('first_passed'),
    ])
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .groupBy('product_id')
    .execute();
  const durations = perProduct
    .filter((p) => p.first_passed)
    .map((p) => daysBetween(String(p.first_submitted), String(p.first_passed)));
  const tasks = await db
    .selectFrom('improvement_tasks')
    .select(['item_key', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'open')
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .groupBy('item_key')
    .orderBy('item_key')
    .execute();
  const submitted = perProduct.length;
  return {
    regionPrefix: scope === 'all' ? '' : regionPrefix,
    productsSubmitted: submitted,
    productsMarketReady: durations.length,
    marketReadyShare: submitted ? durations.length / submitted : 0,
    medianDaysToMarketReady: oneDecimal(median(durations)),
    openTasksByType: tasks.map((t) => ({ item: t.item_key, open: Number(t.n) })),
  };
}

const oneDecimal = (v: number | null): number | null =>
  v === null ? null : Math.round(v * 10) / 10;
