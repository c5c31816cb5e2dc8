// Reads of the precomputed areas (area-summary.ts) for the national and province KPI and
// poverty views: a few hundred regency rows, the survey cells of one wave and the parcel
// months instead of every village, UMKM, product, parcel and answer of the country. Each
// returns what its live counterpart in kpi.queries / outcomes.queries returns.
import { sql } from 'kysely';
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import type { VillageYear } from './outcomes.queries.js';
import { medianOfTenths } from './sales-summary.queries.js';
import type { ImpactRegencySummaryTable } from './impact.tables.js';

/** The name of the areas' row in impact_summary_state. */
export const AREAS = 'areas';

/** When the areas were last refreshed; null when they never were (the pages read live). */
export async function areasRefreshedAt(db: Db): Promise<string | null> {
  const s = await db
    .selectFrom('impact_summary_state')
    .select('refreshed_at')
    .where('name', '=', AREAS)
    .executeTakeFirst();
  return s?.refreshed_at ?? null;
}

/** Keeps the cells of villages inside the scope (the cells are a small table: a scan is cheap). */
function inScope<T extends { where: (...a: any[]) => T }>(q: T, scope: 'all' | string[]): T {
  return q.where((eb: any) => regionWhere(eb, 'village_code', scope));
}

export type RegencyRow = Omit<ImpactRegencySummaryTable, 'joined'> & {
  joined: Record<string, number>;
};

/** The regency rows inside the scope. */
export async function summaryRegencies(db: Db, scope: 'all' | string[]): Promise<RegencyRow[]> {
  const rows = await db
    .selectFrom('impact_regency_summary')
    .selectAll()
    .where((eb) => regionWhere(eb, 'regency_code', scope))
    .execute();
  return rows.map((r) => ({
    regency_code: r.regency_code,
    villages: Number(r.villages),
    joined: JSON.parse(r.joined) as Record<string, number>,
    umkm: Number(r.umkm),
    umkm_active: Number(r.umkm_active),
    listed: Number(r.listed),
    with_signal: Number(r.with_signal),
    signal_4g: Number(r.signal_4g),
    with_electricity: Number(r.with_electricity),
    electricity_sum: Number(r.electricity_sum),
  }));
}

/** Villages enrolled on or before `asOf` (ISO date) among a regency row's villages. */
export function enrolledOn(r: RegencyRow, asOf: string): number {
  let n = 0;
  for (const [date, k] of Object.entries(r.joined)) if (date <= asOf) n += k;
  return n;
}

/** The latest survey wave inside the scope, or null. */
export async function summaryLatestWave(db: Db, scope: 'all' | string[]): Promise<number | null> {
  const r = await inScope(
    db.selectFrom('impact_poverty_cells').select((eb) => eb.fn.max('wave_year').as('y')),
    scope,
  ).executeTakeFirst();
  return r?.y ? Number(r.y) : null;
}

/** The survey waves inside the scope, latest first (the poverty page's choice). */
export async function summaryWaves(db: Db, scope: 'all' | string[]): Promise<number[]> {
  const rows = await inScope(
    db.selectFrom('impact_poverty_cells').select('wave_year').distinct(),
    scope,
  )
    .orderBy('wave_year', 'desc')
    .execute();
  return rows.map((r) => Number(r.wave_year));
}

/** The regencies with survey cells inside the scope (the area picker). */
export async function summarySurveyedRegencies(db: Db, scope: 'all' | string[]): Promise<string[]> {
  const sub = sql<string>`substr(village_code, 1, 5)`;
  const rows = await db
    .selectFrom('impact_poverty_cells')
    .select(sub.as('code'))
    .distinct()
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .execute();
  return rows.map((r) => String(r.code));
}

/** One wave's village cells inside the scope, as householdCells computes them. */
export async function summaryCells(
  db: Db,
  scope: 'all' | string[],
  year: number,
): Promise<VillageYear[]> {
  const rows = await inScope(
    db.selectFrom('impact_poverty_cells').selectAll().where('wave_year', '=', year),
    scope,
  ).execute();
  return rows.map((r) => ({
    village: r.village_code,
    year: Number(r.wave_year),
    households: Number(r.households),
    persons: Number(r.persons),
    poorHouseholds: Number(r.poor_households),
    poor: Number(r.poor),
    gap: Number(r.gap),
    logSum: Number(r.log_sum),
    logN: Number(r.log_n),
    linePeriod: r.line_period,
  }));
}

/** The KPI page's parcel block: parcels leaving or reaching the scope, by outcome. */
export async function summaryParcels(db: Db, scope: 'all' | string[]) {
  const rows = await db
    .selectFrom('impact_parcel_summary')
    .select(['total', 'delivered', 'failed', 'lead_tenths'])
    .$if(scope !== 'all', (q) =>
      q.where((eb) =>
        eb.or([
          eb('origin_province', 'in', scope as string[]),
          eb('destination_province', 'in', scope as string[]),
        ]),
      ),
    )
    .execute();
  const out = { total: 0, delivered: 0, failed: 0 };
  const h = new Map<number, number>();
  for (const r of rows) {
    out.total += Number(r.total);
    out.delivered += Number(r.delivered);
    out.failed += Number(r.failed);
    for (const [k, v] of Object.entries(JSON.parse(r.lead_tenths) as Record<string, number>))
      h.set(Number(k), (h.get(Number(k)) ?? 0) + v);
  }
  return {
    ...out,
    inProgress: out.total - out.delivered - out.failed,
    leadDays: medianOfTenths(h),
  };
}
