// Precomputed sales per regency and placement month (issue 19): at national scale the KPI page
// summed ten million orders per request. A recurring job keeps `impact_sales_summary` current:
// each run adds what changed the sales since the last one (orders placed, cancelled, delivered,
// read through orders' exports), each change exactly once, and once a day rebuilds everything
// from the orders (the safety net for anything missed). Recomputing every touched regency-month
// instead cost seconds a minute under a national checkout load, growing with the month
// (bench/README.md, "The sales summary adds each change once").
//
// Exactly once: changes are stamped (their ids minted) just before their transaction commits, so a
// run adds only those stamped before `now - SETTLE_MS`, from the last run's watermark, and moves
// the watermark in the transaction that writes the rows, under the summary's lease
// (summary-lease.ts). The next run counts the previous window's changes again: one more means a
// commit later than the settling time, and the run rebuilds (one later still, past the next run,
// waits for the daily rebuild, as the margin of the refresh before did). A rebuild reads each
// regency's orders and takes back out, in the same snapshot, the changes stamped since its cutoff,
// which the next run then adds.
import { randomUUID } from 'node:crypto';
import type { Db, Tx } from '../../kernel/db/index.js';
import { inSnapshot, inTransaction, insertRows, isPostgres } from '../../kernel/db/index.js';
import { enqueueOnce, nextTurn, type JobHandler } from '../../kernel/jobs/index.js';
import {
  regencySalesChangesSince,
  salesByMonth,
  salesChangesBetween,
  salesChangeCount,
  salesValueBy,
  type MonthSales,
} from '../orders/index.js';
import { claimSummary, holdSummary, releaseSummary } from './summary-lease.js';
import { tenthsHistogram } from './sales-summary.queries.js';

export const SUMMARY_JOB = 'impact.refresh_sales_summary';
const NAME = 'sales';
/** How often the figures are refreshed; the page says when they last were. */
export const REFRESH_EVERY_MS = 60_000;
/** How long before a refresh a change must be stamped to be added: by then it has committed. */
export const SETTLE_MS = 15_000;
const REBUILD_EVERY_MS = 24 * 3600_000;
/** How much of a window one read takes, by database (see changesInSteps). */
const STEP_MS = { sqlite: 1_000, postgres: 60_000 } as const;

export async function scheduleSalesSummary(
  db: Db,
  at: Date = new Date(Date.now() + REFRESH_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, SUMMARY_JOB, {}, { runAt: at, maxAttempts: 3 });
}

/** One summary row being computed: its lead times as a histogram {tenths of a day: orders}. */
interface Figures {
  regency: string;
  month: string;
  orders: number;
  itemsTotal: number;
  gmv: number;
  sellerShare: number;
  lead: Map<string, number>;
}

type Rows = Map<string, Figures>;

function figuresOf(rows: Rows, regency: string, month: string): Figures {
  const key = `${regency}|${month}`;
  let f = rows.get(key);
  if (!f) {
    f = { regency, month, orders: 0, itemsTotal: 0, gmv: 0, sellerShare: 0, lead: new Map() };
    rows.set(key, f);
  }
  return f;
}

/** Adds a histogram {tenths of a day: orders} to the figures' lead times, `sign` times. */
function addLead(f: Figures, h: Record<string, number>, sign: 1 | -1): void {
  for (const [k, n] of Object.entries(h)) f.lead.set(k, (f.lead.get(k) ?? 0) + sign * n);
}

/** Adds (sign 1) or takes out (-1) sales or their changes. */
function add(rows: Rows, sales: MonthSales[], sign: 1 | -1): void {
  for (const s of sales) {
    const f = figuresOf(rows, s.regency, s.month);
    f.orders += sign * s.count;
    f.itemsTotal += sign * s.itemsTotal;
    f.gmv += sign * s.gmv;
    f.sellerShare += sign * s.sellerShare;
    addLead(f, tenthsHistogram(s.leadDays), sign);
  }
}

/** Adds the stored rows of these regency-months to the figures and deletes them (see writeRows). */
async function takeStored(tx: Tx, rows: Rows): Promise<void> {
  const byMonth = new Map<string, string[]>();
  for (const f of rows.values()) {
    const list = byMonth.get(f.month);
    if (list) list.push(f.regency);
    else byMonth.set(f.month, [f.regency]);
  }
  for (const [month, regencies] of byMonth) {
    const stored = await tx
      .selectFrom('impact_sales_summary')
      .selectAll()
      .where('month', '=', month)
      .where('regency_code', 'in', regencies)
      .execute();
    for (const r of stored) {
      const f = figuresOf(rows, r.regency_code, r.month);
      f.orders += Number(r.orders);
      f.itemsTotal += Number(r.items_total);
      f.gmv += Number(r.gmv);
      f.sellerShare += Number(r.seller_share);
      addLead(f, JSON.parse(r.lead_tenths) as Record<string, number>, 1);
    }
    await tx
      .deleteFrom('impact_sales_summary')
      .where('month', '=', month)
      .where('regency_code', 'in', regencies)
      .execute();
  }
}

/** Writes the figures (their old rows are deleted); a regency-month with nothing left has none. */
async function writeRows(tx: Tx, rows: Rows): Promise<void> {
  const out = [];
  for (const f of rows.values()) {
    const lead = [...f.lead].filter(([, n]) => n !== 0);
    const delivered = lead.reduce((a, [, n]) => a + n, 0);
    if (f.orders === 0 && delivered === 0) continue;
    out.push({
      regency_code: f.regency,
      month: f.month,
      orders: f.orders,
      items_total: f.itemsTotal,
      gmv: f.gmv,
      seller_share: f.sellerShare,
      delivered,
      lead_tenths: JSON.stringify(Object.fromEntries(lead)),
    });
  }
  await insertRows(tx, 'impact_sales_summary', out);
}

/** Rebuilds one regency's every month as it was before `cutoff` (ms), in one snapshot. */
async function rebuildRegency(db: Db, owner: string, regency: string, cutoff: number) {
  await inSnapshot(db, async (tx) => {
    await holdSummary(tx, NAME, owner);
    const rows: Rows = new Map();
    add(rows, await salesByMonth(tx, regency), 1);
    add(rows, await regencySalesChangesSince(tx, regency, cutoff), -1);
    await tx.deleteFrom('impact_sales_summary').where('regency_code', '=', regency).execute();
    await writeRows(tx, rows);
  });
}

/**
 * The changes of [from, to), read a step at a time with a turn of the event loop between.
 * On SQLite each read blocks the loop. A minute of a 3,000/s checkout load in one read held it
 * 350 ms; 10-s steps still held it ≈ 100 ms each, and a server that busy took the paced
 * checkout's p99 to 221–307 ms. 1-s steps hold it ≈ 10 ms (p99 62–90 ms). PostgreSQL's reads
 * leave the loop free, and there a minute in one read is cheaper: the national refresh took
 * 0.26–0.86 s under the checkout load, against 0.58–1.08 s in 1-s steps (bench/README.md,
 * "One write a turn for the request log, and the summary's steps").
 */
async function changesInSteps(db: Db, from: number, to: number) {
  const rows: Rows = new Map();
  let changeCount = 0;
  const stepMs = STEP_MS[isPostgres(db) ? 'postgres' : 'sqlite'];
  for (let t = from; t < to; t += stepMs) {
    await nextTurn();
    const step = await salesChangesBetween(db, t, Math.min(to, t + stepMs));
    changeCount += step.changeCount;
    add(rows, step.changes, 1);
  }
  return { changeCount, rows };
}

/** The previous run's window and how many changes it added (kept in the state's inputs). */
interface Window {
  from: number;
  to: number;
  changes: number;
}

export interface RefreshResult {
  /** False when another runner held the lease: nothing was done. */
  ran: boolean;
  rebuilt: boolean;
  regencyMonths: number;
}

/** One refresh: the changes since the last one, or a full rebuild when due. */
export async function refreshSalesSummary(
  db: Db,
  now = new Date(),
  o: { rebuild?: boolean } = {},
): Promise<RefreshResult> {
  const owner = randomUUID();
  const state = await claimSummary(db, NAME, owner, now);
  if (!state) return { ran: false, rebuilt: false, regencyMonths: 0 };
  const started = now.toISOString();
  const cutoff = now.getTime() - SETTLE_MS;
  try {
    // No window recorded: never built, or built by the refresh before this one, which
    // recomputed months and left its watermark 2 minutes behind what it had counted.
    let rebuild =
      o.rebuild === true ||
      state.watermark === null ||
      state.inputs === null ||
      state.rebuilt_at === null ||
      now.getTime() - Date.parse(state.rebuilt_at) >= REBUILD_EVERY_MS;
    // A change in the last window that committed after it was read: it was never added.
    if (!rebuild) {
      const last = JSON.parse(state.inputs!) as Window;
      rebuild = (await salesChangeCount(db, last.from, last.to)) !== last.changes;
    }
    if (rebuild) return await rebuildAll(db, owner, cutoff, started);
    const from = Date.parse(state.watermark!);
    const to = Math.max(from, cutoff);
    const { changeCount, rows } = await changesInSteps(db, from, to);
    await inTransaction(db, async (tx) => {
      await holdSummary(tx, NAME, owner);
      await takeStored(tx, rows);
      await writeRows(tx, rows);
      const window: Window = { from, to, changes: changeCount };
      await releaseSummary(tx, NAME, owner, {
        watermark: new Date(to).toISOString(),
        refreshed_at: started,
        inputs: JSON.stringify(window),
      });
    });
    return { ran: true, rebuilt: false, regencyMonths: rows.size };
  } catch (e) {
    await releaseSummary(db, NAME, owner);
    throw e;
  }
}

async function rebuildAll(
  db: Db,
  owner: string,
  cutoff: number,
  started: string,
): Promise<RefreshResult> {
  // Regencies rebuilt as of this cutoff while the watermark still says the last one: a run that
  // stopped half-way must not add changes to them. Without a window the next run rebuilds.
  await holdSummary(db, NAME, owner, { inputs: null });
  const withSales = [...(await salesValueBy(db, 'all', 5)).keys()];
  const kept = await db
    .selectFrom('impact_sales_summary')
    .select('regency_code')
    .distinct()
    .execute();
  const all = new Set([...withSales, ...kept.map((k) => k.regency_code)]);
  for (const regency of all) {
    // On SQLite each statement blocks the event loop: requests go between regencies (turns.ts).
    await nextTurn();
    await rebuildRegency(db, owner, regency, cutoff);
  }
  const window: Window = { from: cutoff, to: cutoff, changes: 0 };
  await releaseSummary(db, NAME, owner, {
    watermark: new Date(cutoff).toISOString(),
    refreshed_at: started,
    rebuilt_at: started,
    inputs: JSON.stringify(window),
  });
  return { ran: true, rebuilt: true, regencyMonths: all.size };
}

/** The recurring job: refreshes, then queues its next run. */
export const runSalesSummaryJob: JobHandler = async (ctx) => {
  const r = await refreshSalesSummary(ctx.db);
  await scheduleSalesSummary(ctx.db);
  return r;
};
