// Precomputed sales per regency and placement month (issue 19): at national scale the KPI page
// summed ten million orders per request. A recurring job keeps `impact_sales_summary` current:
// each run reads the order events since its watermark (through orders' exports), recomputes
// only the regency-months they touch, and once a day rebuilds everything (the safety net for
// anything the watermark missed, such as bulk-loaded orders that publish no events).
//
// Runs once across app servers: the run first takes the summary's lease (summary-lease.ts);
// recomputing a regency-month is idempotent, so a run that repeats one after a crash changes
// nothing.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../kernel/db/index.js';
import { inTransaction, insertRows } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import {
  salesByMonth,
  salesByRegencyMonth,
  salesMonthsChangedSince,
  salesValueBy,
  type MonthSales,
} from '../orders/index.js';
import { claimSummary, releaseSummary } from './summary-lease.js';
import { tenthsHistogram } from './sales-summary.queries.js';

export const SUMMARY_JOB = 'impact.refresh_sales_summary';
const NAME = 'sales';
/** How often the figures are refreshed; the page says when they last were. */
export const REFRESH_EVERY_MS = 60_000;
/** Events are stamped before their transaction commits: read back this far past the last run. */
const MARGIN_MS = 120_000;
const REBUILD_EVERY_MS = 24 * 3600_000;

export async function scheduleSalesSummary(
  db: Db,
  at: Date = new Date(Date.now() + REFRESH_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, SUMMARY_JOB, {}, { runAt: at, maxAttempts: 3 });
}

const summaryRow = (r: MonthSales) => ({
  regency_code: r.regency,
  month: r.month,
  orders: r.count,
  items_total: r.itemsTotal,
  gmv: r.gmv,
  seller_share: r.sellerShare,
  delivered: r.leadDays.length,
  lead_tenths: JSON.stringify(tenthsHistogram(r.leadDays)),
});

/** Recomputes one regency's every month (the rebuild). */
async function recompute(db: Db, regency: string): Promise<void> {
  const rows = await salesByMonth(db, regency);
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('impact_sales_summary').where('regency_code', '=', regency).execute();
    await insertRows(tx, 'impact_sales_summary', rows.map(summaryRow));
  });
}

/**
 * Recomputes the touched regency-months together: one read of their sales, then one delete per
 * month and one insert in a transaction (see salesByRegencyMonth for why not one by one).
 */
async function recomputePairs(db: Db, pairs: { regency: string; month: string }[]) {
  if (pairs.length === 0) return;
  const rows = await salesByRegencyMonth(db, pairs);
  const byMonth = new Map<string, string[]>();
  for (const p of pairs) {
    const list = byMonth.get(p.month);
    if (list) list.push(p.regency);
    else byMonth.set(p.month, [p.regency]);
  }
  await inTransaction(db, async (tx) => {
    for (const [month, regencies] of byMonth)
      await tx
        .deleteFrom('impact_sales_summary')
        .where('month', '=', month)
        .where('regency_code', 'in', regencies)
        .execute();
    await insertRows(tx, 'impact_sales_summary', rows.map(summaryRow));
  });
}

export interface RefreshResult {
  /** False when another runner held the lease: nothing was done. */
  ran: boolean;
  rebuilt: boolean;
  regencyMonths: number;
}

/** One refresh: incremental from the watermark, or a full rebuild when due. */
export async function refreshSalesSummary(
  db: Db,
  now = new Date(),
  o: { rebuild?: boolean } = {},
): Promise<RefreshResult> {
  const owner = randomUUID();
  const state = await claimSummary(db, NAME, owner, now);
  if (!state) return { ran: false, rebuilt: false, regencyMonths: 0 };
  const started = now.toISOString();
  const rebuild =
    o.rebuild === true ||
    state.watermark === null ||
    state.rebuilt_at === null ||
    now.getTime() - Date.parse(state.rebuilt_at) >= REBUILD_EVERY_MS;
  let regencyMonths = 0;
  try {
    if (rebuild) {
      const withSales = [...(await salesValueBy(db, 'all', 5)).keys()];
      const kept = await db
        .selectFrom('impact_sales_summary')
        .select('regency_code')
        .distinct()
        .execute();
      const all = new Set([...withSales, ...kept.map((k) => k.regency_code)]);
      for (const regency of all) {
        await recompute(db, regency);
        regencyMonths++;
      }
    } else {
      const pairs = await salesMonthsChangedSince(db, state.watermark!);
      await recomputePairs(db, pairs);
      regencyMonths = pairs.length;
    }
    await releaseSummary(db, NAME, owner, {
      watermark: new Date(now.getTime() - MARGIN_MS).toISOString(),
      refreshed_at: started,
      rebuilt_at: rebuild ? started : state.rebuilt_at,
    });
  } catch (e) {
    await releaseSummary(db, NAME, owner);
    throw e;
  }
  return { ran: true, rebuilt: rebuild, regencyMonths };
}

/** The recurring job: refreshes, then queues its next run. */
export const runSalesSummaryJob: JobHandler = async (ctx) => {
  const r = await refreshSalesSummary(ctx.db);
  await scheduleSalesSummary(ctx.db);
  return r;
};
