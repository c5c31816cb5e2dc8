// The national and province KPI pages' other blocks precomputed (issue 19), beside the sales
// (sales-summary.ts): at national scale each page read 83,762 villages four times, every
// UMKM, product, parcel and survey answer of the country. A recurring job keeps three tables:
// - impact_regency_summary: villages and their enrolment dates, UMKM (all, active), listed
//   products and village-profile connectivity per regency; a few hundred rows, recomputed
//   whole on every run by grouped counts in the database (listed products and active sellers
//   from the catalog's one row per UMKM, not from every product);
// - impact_poverty_cells: the household survey cells per village and wave (what every
//   poverty figure sums), recomputed for the regencies with answers added since the last run
//   (survey answers are only ever inserted), all of them when the poverty lines change;
// - impact_parcel_summary: parcels per province pair and creation month by outcome, changed
//   by what logistics logged for each parcel write since the last run (its change log, kept by
//   triggers: a month of a national world is ≈ 280,000 parcels to recount).
// Once a day everything is rebuilt (the safety net for bulk loads and new areas). One lease
// (summary-lease.ts) keeps runs apart across app servers; each step is idempotent.
import { createHash, randomUUID } from 'node:crypto';
import { regionWhere } from '../../kernel/auth/index.js';
import { inSnapshot, inTransaction, type Db, type Tx } from '../../kernel/db/index.js';
import { enqueueOnce, inTurns, nextTurn, type JobHandler } from '../../kernel/jobs/index.js';
import { listingActivityBy } from '../catalog/index.js';
import { umkmCountBy } from '../community/index.js';
import {
  dropParcelCountChanges,
  parcelCounts,
  takeParcelCountChanges,
  type ParcelCount,
} from '../logistics/index.js';
import { recentSellerIds } from '../orders/index.js';
import { connectivityBy } from '../regions/index.js';
import { regencyVillages, villageCohorts, type VillageCohort } from './regions.queries.js';
import { villageCells } from './outcomes.queries.js';
import { lineBook, listLines, type LineBook } from './poverty-lines.js';
import { claimSummary, releaseSummary } from './summary-lease.js';
import { AREAS } from './area-summary.queries.js';

export const AREA_SUMMARY_JOB = 'impact.refresh_area_summary';
/** As the sales: the pages say when the figures were last refreshed. */
const REFRESH_EVERY_MS = 60_000;
/** Rows are stamped before their transaction commits: read back this far past the last run. */
const MARGIN_MS = 120_000;
const REBUILD_EVERY_MS = 24 * 3600_000;
const ACTIVE_DAYS = 90;
/**
 * Part of the inputs a summary was built from: a new version rebuilds once. 2: parcels follow
 * logistics' change log, which holds nothing from before the migration that made it.
 */
const SUMMARY_VERSION = 2;

export async function scheduleAreaSummary(
  db: Db,
  at: Date = new Date(Date.now() + REFRESH_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, AREA_SUMMARY_JOB, {}, { runAt: at, maxAttempts: 3 });
}

const regencyOf = (code: string) => code.slice(0, 5);

/** Rewrites every regency's row (a few hundred) from grouped counts. */
async function refreshRegencies(db: Db, now: Date): Promise<void> {
  const since = new Date(now.getTime() - ACTIVE_DAYS * 86400_000).toISOString();
  // Each count in its own event-loop turn: on SQLite they would otherwise be one block (turns.ts).
  const [umkm, listings, profiles, villages] = await inTurns([
    () => umkmCountBy(db, 'all', 5),
    () => listingActivityBy(db, 5, recentSellerIds(db, since)),
    () => connectivityBy(db, 5),
    () => regencyVillages(db),
  ]);
  const byRegency = new Map<string, { villages: number; joined: Record<string, number> }>();
  for (const [k, n] of villages.villages) byRegency.set(k, { villages: n, joined: {} });
  for (const [code, joinedOn] of villages.joined) {
    const r = byRegency.get(regencyOf(code));
    if (r) r.joined[joinedOn] = (r.joined[joinedOn] ?? 0) + 1;
  }
  const codes = new Set([
    ...byRegency.keys(),
    ...umkm.keys(),
    ...listings.keys(),
    ...profiles.keys(),
  ]);
  const rows = [...codes].sort().map((code) => {
    const p = profiles.get(code);
    return {
      regency_code: code,
      villages: byRegency.get(code)?.villages ?? 0,
      joined: JSON.stringify(byRegency.get(code)?.joined ?? {}),
      umkm: umkm.get(code) ?? 0,
      umkm_active: listings.get(code)?.active ?? 0,
      listed: listings.get(code)?.listed ?? 0,
      with_signal: p?.withSignal ?? 0,
      signal_4g: p?.signal4g ?? 0,
      with_electricity: p?.withElectricity ?? 0,
      electricity_sum: p?.electricitySum ?? 0,
    };
  });
  await inTransaction(db, async (tx) => {
    await tx.deleteFrom('impact_regency_summary').execute();
    for (let i = 0; i < rows.length; i += 500)
      await tx
        .insertInto('impact_regency_summary')
        .values(rows.slice(i, i + 500))
        .execute();
  });
}

/** Recomputes every wave's cells of one regency's villages (`codes`). */
async function refreshCells(
  db: Db,
  regency: string,
  codes: string[],
  areas: Map<string, VillageCohort>,
  book: LineBook,
): Promise<void> {
  const cells = await villageCells(db, codes, areas, book);
  await inTransaction(db, async (tx) => {
    await tx
      .deleteFrom('impact_poverty_cells')
      .where((eb) => regionWhere(eb, 'village_code', [regency]))
      .execute();
    for (let i = 0; i < cells.length; i += 500)
      await tx
        .insertInto('impact_poverty_cells')
        .values(
          cells.slice(i, i + 500).map((c) => ({
            village_code: c.village,
            wave_year: c.year,
            households: c.households,
            persons: c.persons,
            poor_households: c.poorHouseholds,
            poor: c.poor,
            gap: c.gap,
            log_sum: c.logSum,
            log_n: c.logN,
            line_period: c.linePeriod,
          })),
        )
        .execute();
  });
}

/** The regencies with survey answers (all, or those added at or after `since`). */
async function surveyedRegencies(db: Db, since: string | null): Promise<string[]> {
  const all = db.selectFrom('household_surveys').select('village_code');
  // Since a time: the created_at index finds the few new answers (with DISTINCT, SQLite chose to
  // walk the whole survey key instead: 14 ms of a blocked event loop every minute on the demo).
  const rows = await (since === null
    ? all.distinct()
    : all.where('created_at', '>=', since)
  ).execute();
  return [...new Set(rows.map((r) => regencyOf(r.village_code)))];
}

/** A row of impact_parcel_summary being summed: one creation month and province pair. */
interface ParcelRow {
  month: string;
  origin: string;
  destination: string;
  total: number;
  delivered: number;
  failed: number;
  /** Delivered parcels by lead time in tenths of a day. */
  lead: Record<string, number>;
}

const parcelKey = (r: { month: string; origin: string; destination: string }) =>
  `${r.month}|${r.origin}|${r.destination}`;

/** Adds counts (or changes: negative counts) to their rows. */
function addParcelCounts(rows: Map<string, ParcelRow>, counts: ParcelCount[]): void {
  for (const c of counts) {
    const k = parcelKey(c);
    let r = rows.get(k);
    if (!r) {
      r = { ...c, total: 0, delivered: 0, failed: 0, lead: {} };
      rows.set(k, r);
    }
    r.total += c.n;
    if (c.status === 'delivered') r.delivered += c.n;
    if (c.status === 'failed_delivery') r.failed += c.n;
    if (c.tenths !== null) {
      const t = String(c.tenths);
      const v = (r.lead[t] ?? 0) + c.n;
      if (v === 0) delete r.lead[t];
      else r.lead[t] = v;
    }
  }
}

/** Rewrites the rows of `months` (every month when null); rows left with no parcel go. */
async function writeParcelRows(
  tx: Tx,
  months: string[] | null,
  rows: Map<string, ParcelRow>,
): Promise<void> {
  await tx
    .deleteFrom('impact_parcel_summary')
    .$if(months !== null, (q) => q.where('month', 'in', months!))
    .execute();
  const kept = [...rows.values()]
    .filter((r) => r.total !== 0 && (months === null || months.includes(r.month)))
    .map((r) => ({
      origin_province: r.origin,
      destination_province: r.destination,
      month: r.month,
      total: r.total,
      delivered: r.delivered,
      failed: r.failed,
      lead_tenths: JSON.stringify(r.lead),
    }));
  for (let i = 0; i < kept.length; i += 500)
    await tx
      .insertInto('impact_parcel_summary')
      .values(kept.slice(i, i + 500))
      .execute();
}

/**
 * Every parcel row recounted from the parcels. In one snapshot with emptying logistics' change
 * log, so a change is either in the recount or still logged for the next run, never both.
 */
async function rebuildParcels(db: Db): Promise<void> {
  await inSnapshot(db, async (tx) => {
    await dropParcelCountChanges(tx);
    const rows = new Map<string, ParcelRow>();
    addParcelCounts(rows, await parcelCounts(tx));
    await writeParcelRows(tx, null, rows);
  });
}

/** Adds the parcel changes logged since the last run to their rows; returns how many months. */
async function applyParcelChanges(db: Db): Promise<number> {
  return inTransaction(db, async (tx) => {
    const changes = await takeParcelCountChanges(tx);
    if (changes.length === 0) return 0;
    const months = [...new Set(changes.map((c) => c.month))];
    const rows = new Map<string, ParcelRow>();
    const kept = await tx
      .selectFrom('impact_parcel_summary')
      .selectAll()
      .where('month', 'in', months)
      .execute();
    for (const r of kept) {
      const row: ParcelRow = {
        month: r.month,
        origin: r.origin_province,
        destination: r.destination_province,
        total: Number(r.total),
        delivered: Number(r.delivered),
        failed: Number(r.failed),
        lead: JSON.parse(r.lead_tenths) as Record<string, number>,
      };
      rows.set(parcelKey(row), row);
    }
    addParcelCounts(rows, changes);
    await writeParcelRows(tx, months, rows);
    return months.length;
  });
}

export interface AreaRefreshResult {
  /** False when another runner held the lease: nothing was done. */
  ran: boolean;
  rebuilt: boolean;
  /** Regencies whose survey cells were recomputed, and parcel months changed (0 on a rebuild). */
  regencies: number;
  months: number;
}

/** One refresh: the regency rows, then cells and parcels incrementally or rebuilt when due. */
export async function refreshAreaSummary(
  db: Db,
  now = new Date(),
  o: { rebuild?: boolean } = {},
): Promise<AreaRefreshResult> {
  const owner = randomUUID();
  const state = await claimSummary(db, AREAS, owner, now);
  if (!state) return { ran: false, rebuilt: false, regencies: 0, months: 0 };
  const started = now.toISOString();
  try {
    const lines = createHash('sha256')
      .update(JSON.stringify({ lines: await listLines(db), version: SUMMARY_VERSION }))
      .digest('hex');
    const rebuild =
      o.rebuild === true ||
      state.watermark === null ||
      state.rebuilt_at === null ||
      state.inputs !== lines ||
      now.getTime() - Date.parse(state.rebuilt_at) >= REBUILD_EVERY_MS;
    const since = rebuild ? null : state.watermark;
    await refreshRegencies(db, now);
    await nextTurn();
    const cellRegencies = await surveyedRegencies(db, since);
    if (rebuild) {
      // Regencies whose answers are gone must lose their cells too.
      const kept = await db
        .selectFrom('impact_poverty_cells')
        .select('village_code')
        .distinct()
        .execute();
      for (const k of kept) cellRegencies.push(regencyOf(k.village_code));
    }
    const regencies = [...new Set(cellRegencies)];
    if (regencies.length > 0) {
      // Only the villages of the regencies to recompute (all of them on a rebuild, once a day).
      const villages = await villageCohorts(db, rebuild ? 'all' : regencies);
      const areas = new Map(villages.map((v) => [v.code, v]));
      const codesOf = new Map<string, string[]>();
      for (const v of villages) {
        const list = codesOf.get(regencyOf(v.code));
        if (list) list.push(v.code);
        else codesOf.set(regencyOf(v.code), [v.code]);
      }
      const book = await lineBook(db);
      for (const r of regencies) {
        await nextTurn();
        await refreshCells(db, r, codesOf.get(r) ?? [], areas, book);
      }
    }

    await nextTurn();
    const months = rebuild ? (await rebuildParcels(db), 0) : await applyParcelChanges(db);
    await nextTurn();

    await releaseSummary(db, AREAS, owner, {
      watermark: new Date(now.getTime() - MARGIN_MS).toISOString(),
      refreshed_at: started,
      rebuilt_at: rebuild ? started : state.rebuilt_at,
      inputs: lines,
    });
    return { ran: true, rebuilt: rebuild, regencies: regencies.length, months };
  } catch (e) {
    await releaseSummary(db, AREAS, owner);
    throw e;
  }
}

/** The recurring job: refreshes, then queues its next run. */
export const runAreaSummaryJob: JobHandler = async (ctx) => {
  const r = await refreshAreaSummary(ctx.db);
  await scheduleAreaSummary(ctx.db);
  return r;
};
