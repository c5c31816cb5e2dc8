// The logistics KPIs' parcel and scan figures of an area and period, from its stage counts
// (stage-summary.ts: the summary where it is in step, the scans elsewhere; the rules that make
// a stage or a failed delivery are in stage-counts.queries.ts). A median is the middle value,
// or the mean of the two middle ones, as lib/stats' median, of the hours to the tenth.
import type { Tx } from '../../kernel/db/index.js';
import { statusOf } from './parcel-stats.queries.js';
import type { Stage, StageCount } from './stage-counts.queries.js';
import { stageCountsOf } from './stage-read.js';

export type { Stage };

export interface KpiFigures {
  /** The parcels by status. */
  byStatus: Record<string, number>;
  /** Median hours of each stage and end to end; absent when no parcel completed it. */
  medians: Partial<Record<Stage | 'end_to_end', number>>;
  failedDeliveries: number;
}

/** Figures of the parcels created in [from, end) leaving or reaching `regionPrefix`. */
export async function kpiFigures(
  db: Tx,
  regionPrefix: string,
  from: string,
  end: string,
): Promise<KpiFigures> {
  return figuresOf(await stageCountsOf(db, regionPrefix, from, end));
}

/** Counts (of several parts of a period, in any order) summed into the figures. */
export function figuresOf(counts: StageCount[]): KpiFigures {
  const out: KpiFigures = { byStatus: {}, medians: {}, failedDeliveries: 0 };
  const values = new Map<string, Map<number, number>>();
  for (const c of counts) {
    const status = statusOf(c.k);
    if (status !== null) out.byStatus[status] = (out.byStatus[status] ?? 0) + c.n;
    else if (c.k === 'failed') out.failedDeliveries += c.n;
    else {
      const of = values.get(c.k) ?? new Map<number, number>();
      of.set(c.tenths, (of.get(c.tenths) ?? 0) + c.n);
      values.set(c.k, of);
    }
  }
  for (const [k, of] of values) {
    const m = medianTenths(of);
    if (m !== null) out.medians[k as Stage | 'end_to_end'] = m / 10;
  }
  for (const [s, n] of Object.entries(out.byStatus)) if (n === 0) delete out.byStatus[s];
  return out;
}

/** The median of values given as value → count: the middle one, or the mean of the two. */
export function medianTenths(counts: Map<number, number>): number | null {
  const sorted = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return null;
  // 1-based positions of the middle value(s), as lib/stats' median.
  const lo = Math.floor((total + 1) / 2);
  const hi = Math.floor((total + 2) / 2);
  let seen = 0;
  let a: number | null = null;
  for (const [v, n] of sorted) {
    seen += n;
    if (a === null && seen >= lo) a = v;
    if (seen >= hi) return (a! + v) / 2;
  }
  return a;
}
