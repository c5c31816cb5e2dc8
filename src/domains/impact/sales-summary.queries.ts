// Reads of the precomputed sales (sales-summary.ts) for the national and province KPI views:
// a few thousand regency-month rows instead of every order of the country.
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import type { Focus } from './focus.js';

/** Whether a focus reads the summary (the nation and provinces; smaller areas read orders live). */
export function readsSummary(focus: Focus): boolean {
  return focus === 'all' || focus.length === 2;
}

/** When the summary was last refreshed; null when it never was (the pages read live). */
export async function salesRefreshedAt(db: Db): Promise<string | null> {
  const s = await db
    .selectFrom('impact_summary_state')
    .select('refreshed_at')
    .where('name', '=', 'sales')
    .executeTakeFirst();
  return s?.refreshed_at ?? null;
}

/** Tenths of a day → count: lead times to the precision the page shows (summaries keep these). */
export function tenthsHistogram(leadDays: number[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const d of leadDays) {
    const k = String(Math.round(d * 10));
    h[k] = (h[k] ?? 0) + 1;
  }
  return h;
}

/** The median of a histogram {tenths of a day: count}, as lib/stats' median of the list. */
export function medianOfTenths(h: Map<number, number>): number | null {
  const n = [...h.values()].reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const keys = [...h.keys()].sort((a, b) => a - b);
  // The value at 0-based rank r of the sorted list.
  const at = (r: number) => {
    let seen = 0;
    for (const k of keys) {
      seen += h.get(k)!;
      if (r < seen) return k / 10;
    }
    return keys[keys.length - 1]! / 10;
  };
  const m = n >> 1;
  return n % 2 ? at(m) : (at(m - 1) + at(m)) / 2;
}

export interface SummarySales {
  count: number;
  gmv: number;
  itemsTotal: number;
  sellerShare: number;
  delivered: number;
  leadDays: number | null;
}

// The national figures merge every regency-month's lead-time histogram (≈ 18,000 JSON rows at
// national scale, tens of ms of CPU): they change only when a refresh does, so each database
// handle keeps the last few by refresh time and scope.
const merged = new WeakMap<Db, Map<string, SummarySales>>();

/**
 * Sales of an area from the summary (the KPI page's orders block). `refreshedAt`: the
 * summary's refresh time, when known; the result is then kept until the next refresh.
 */
export async function summarySales(
  db: Db,
  scope: 'all' | string[],
  refreshedAt?: string,
): Promise<SummarySales> {
  if (refreshedAt === undefined) return sumSales(db, scope);
  const key = `${refreshedAt}|${String(scope)}`;
  let kept = merged.get(db);
  if (!kept) merged.set(db, (kept = new Map()));
  const known = kept.get(key);
  if (known) return { ...known };
  const s = await sumSales(db, scope);
  if (kept.size >= 64) kept.clear();
  kept.set(key, s);
  return { ...s };
}

async function sumSales(db: Db, scope: 'all' | string[]): Promise<SummarySales> {
  const rows = await db
    .selectFrom('impact_sales_summary')
    .select(['orders', 'items_total', 'gmv', 'seller_share', 'delivered', 'lead_tenths'])
    .where((eb) => regionWhere(eb, 'regency_code', scope))
    .execute();
  const out = { count: 0, gmv: 0, itemsTotal: 0, sellerShare: 0, delivered: 0 };
  const h = new Map<number, number>();
  for (const r of rows) {
    out.count += Number(r.orders);
    out.gmv += Number(r.gmv);
    out.itemsTotal += Number(r.items_total);
    out.sellerShare += Number(r.seller_share);
    out.delivered += Number(r.delivered);
    for (const [k, v] of Object.entries(JSON.parse(r.lead_tenths) as Record<string, number>))
      h.set(Number(k), (h.get(Number(k)) ?? 0) + v);
  }
  return { ...out, leadDays: medianOfTenths(h) };
}

/** Sales value per area code of length `len` (2 or 5) from the summary (breakdown tables). */
export async function summaryGmvBy(
  db: Db,
  scope: 'all' | string[],
  len: number,
): Promise<Map<string, number>> {
  const area = sql<string>`substr(regency_code, 1, ${sql.lit(len)})`;
  const rows = await db
    .selectFrom('impact_sales_summary')
    .select([area.as('k'), (eb) => eb.fn.sum('gmv').as('v')])
    .where((eb) => regionWhere(eb, 'regency_code', scope))
    .groupBy(area)
    .execute();
  return new Map(rows.map((r) => [String(r.k), Number(r.v ?? 0)]));
}
