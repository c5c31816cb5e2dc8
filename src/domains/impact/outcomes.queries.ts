// Village-by-year outcomes from the survey answers: households, persons, the poverty sums of
// FGT P0/P1 against the BPS line of the village's province and area, the mean log per-capita
// income, and the mean log UMKM sales. Everything above a village (district, regency,
// province, KBI/KTI) is a sum of these village cells.
import type { Db } from '../../kernel/db/index.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { areaAt, type Level } from './region-groups.js';
import type { LineBook } from './poverty-lines.js';
import type { VillageCohort } from './regions.queries.js';

export interface VillageYear {
  village: string;
  year: number;
  households: number;
  persons: number;
  /** Households with per-capita income below the line. */
  poorHouseholds: number;
  /** Σ size · 1[per capita < line] */
  poor: number;
  /** Σ size · (line − per capita)/line · 1[per capita < line] */
  gap: number;
  /** Σ ln(per capita) over households with income > 0, and their count. */
  logSum: number;
  logN: number;
  /** Period of the line used (for the note on the page). */
  linePeriod: string | null;
}

export interface SalesYear {
  village: string;
  year: number;
  businesses: number;
  logSum: number;
  logN: number;
}

type SurveyRow = {
  village_code: string;
  wave_year: number;
  household_size: number;
  per_capita_monthly: number;
};
type Areas = Map<string, Pick<VillageCohort, 'area'>>;

/** Household survey cells per village and wave year inside the scope. */
export async function householdCells(
  db: Db,
  scope: 'all' | string[],
  villages: Areas,
  book: LineBook,
  year?: number,
): Promise<VillageYear[]> {
  let q = db
    .selectFrom('household_surveys')
    .select(['village_code', 'wave_year', 'household_size', 'per_capita_monthly'])
    .where((eb) => regionWhere(eb, 'village_code', scope));
  if (year !== undefined) q = q.where('wave_year', '=', year);
  return cellsOf(await q.execute(), villages, book);
}

/**
 * Every wave's cells of the given villages (one regency's, for impact's summary refresh): by
 * equality on the codes, which the survey key's index serves in any collation (a LIKE prefix
 * does not on PostgreSQL outside the C collation, and scanned every answer per regency).
 */
export async function villageCells(
  db: Db,
  codes: string[],
  villages: Areas,
  book: LineBook,
): Promise<VillageYear[]> {
  const rows = [];
  for (let i = 0; i < codes.length; i += 500)
    rows.push(
      ...(await db
        .selectFrom('household_surveys')
        .select(['village_code', 'wave_year', 'household_size', 'per_capita_monthly'])
        .where('village_code', 'in', codes.slice(i, i + 500))
        .execute()),
    );
  return cellsOf(rows, villages, book);
}

function cellsOf(rows: SurveyRow[], villages: Areas, book: LineBook): VillageYear[] {
  const cells = new Map<string, VillageYear>();
  for (const r of rows) {
    const key = `${r.village_code}|${r.wave_year}`;
    let c = cells.get(key);
    if (!c) {
      const area = villages.get(r.village_code)?.area ?? 'rural';
      const line = book.lineFor(r.wave_year, r.village_code.slice(0, 2), area);
      c = {
        village: r.village_code,
        year: r.wave_year,
        households: 0,
        persons: 0,
        poorHouseholds: 0,
        poor: 0,
        gap: 0,
        logSum: 0,
        logN: 0,
        linePeriod: line?.period ?? null,
      };
      (c as any).z = line?.amount ?? NaN;
      cells.set(key, c);
    }
    const z = (c as any).z as number;
    const pc = Number(r.per_capita_monthly);
    const size = Number(r.household_size);
    c.households++;
    c.persons += size;
    if (pc < z) {
      c.poor += size;
      c.poorHouseholds++;
      c.gap += (size * (z - pc)) / z;
    }
    if (pc > 0) {
      c.logSum += Math.log(pc);
      c.logN++;
    }
  }
  return [...cells.values()].map(({ ...c }) => {
    delete (c as any).z;
    return c;
  });
}

/** UMKM sales cells per village and year (all surveyed months pooled). */
export async function salesCells(db: Db, scope: 'all' | string[]): Promise<SalesYear[]> {
  const rows = await db
    .selectFrom('umkm_sales_surveys')
    .select(['village_code', 'year', 'sales_monthly'])
    .where((eb) => regionWhere(eb, 'village_code', scope))
    .execute();
  const cells = new Map<string, SalesYear>();
  for (const r of rows) {
    const key = `${r.village_code}|${r.year}`;
    const c = cells.get(key) ?? {
      village: r.village_code,
      year: r.year,
      businesses: 0,
      logSum: 0,
      logN: 0,
    };
    c.businesses++;
    const s = Number(r.sales_monthly);
    if (s > 0) {
      c.logSum += Math.log(s);
      c.logN++;
    }
    cells.set(key, c);
  }
  return [...cells.values()];
}

export interface PovertyRow {
  code: string;
  households: number;
  persons: number;
  /** FGT P0 (headcount ratio) and P1 (poverty gap index), person-weighted. */
  p0: number;
  p1: number;
  /** Households with per-capita income below the line. */
  poorHouseholds: number;
  linePeriod: string | null;
}

/** Poverty headcount and gap at one level (village, district, regency, province) from village cells. */
export function povertyBy(cells: VillageYear[], level: Level): PovertyRow[] {
  const acc = new Map<
    string,
    {
      households: number;
      persons: number;
      poorHouseholds: number;
      poor: number;
      gap: number;
      linePeriod: string | null;
    }
  >();
  for (const c of cells) {
    const code = areaAt(c.village, level);
    const a = acc.get(code) ?? {
      households: 0,
      persons: 0,
      poorHouseholds: 0,
      poor: 0,
      gap: 0,
      linePeriod: c.linePeriod,
    };
    a.poorHouseholds += c.poorHouseholds;
    a.households += c.households;
    a.persons += c.persons;
    a.poor += c.poor;
    a.gap += c.gap;
    acc.set(code, a);
  }
  return [...acc.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, a]) => ({
      code,
      households: a.households,
      persons: a.persons,
      poorHouseholds: a.poorHouseholds,
      p0: a.persons ? a.poor / a.persons : NaN,
      p1: a.persons ? a.gap / a.persons : NaN,
      linePeriod: a.linePeriod,
    }));
}
