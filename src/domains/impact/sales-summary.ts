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
import { inTransaction } from '../../kernel/db/index.js';
import { enqueueOnce, type JobHandler } from '../../kernel/jobs/index.js';
import { salesByMonth, salesMonthsChangedSince, salesValueBy } from '../orders/index.js';
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

/** Recomputes one regency's months (every month when `months` is null). */
async function recompute(db: Db, regency: string, months: string[] | null): Promise<void> {
  const rows = await salesByMonth(db, regency, months);
  await inTransaction(db, async (tx) => {
    await tx
      .deleteFrom('impact_sales_summary')
      .where('regency_code', '=', regency)
      .$if(months !== null, (q) => q.where('month', 'in', months!))
      .execute();
    if (rows.length === 0) return;
    await tx
      .insertInto('impact_sales_summary')
      .values(
        rows.map((r) => ({
          regency_code: regency,
          month: r.month,
          orders: r.count,
          items_total: r.itemsTotal,
          gmv: r.gmv,
          seller_share: r.sellerShare,
          delivered: r.leadDays.length,
          lead_tenths: JSON.stringify(tenthsHistogram(r.leadDays)),
        })),
      )
      .execute();
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
        await recompute(db, regency, null);
        regencyMonths++;
      }
    } else {
      const byRegency = new Map<string, string[]>();
      for (const k of await salesMonthsChangedSince(db, state.watermark!)) {
        const list = byRegency.get(k.regency);
        if (list) list.push(k.month);
        else byRegency.set(k.regency, [k.month]);
      }
      for (const [regency, months] of byRegency) {
        await recompute(db, regency, months);
        regencyMonths += months.length;
      }
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
