// The village-by-year panel the evaluation runs on: one outcome per village and survey wave,
// the village's cohort (first wave after it joined the programme) and its district. Only
// villages observed in every wave enter (the estimators need a balanced panel); how many were
// left out is reported, never hidden.
import type { Db } from '../../kernel/db/index.js';
import { villageCohorts, type VillageCohort } from './regions.queries.js';
import { householdCells, salesCells } from './outcomes.queries.js';
import { lineBook } from './poverty-lines.js';
import { areaAt, regionGroup, type RegionGroup } from './region-groups.js';

export type Outcome = 'log_pc_income' | 'poverty_headcount' | 'umkm_sales';
export const OUTCOMES: Outcome[] = ['log_pc_income', 'poverty_headcount', 'umkm_sales'];

/** Waves are collected in March: a village that joined after 31 March is first treated the next year. */
export function cohortYear(joinedOn: string | null): number | null {
  if (!joinedOn) return null;
  const y = Number(joinedOn.slice(0, 4));
  return joinedOn.slice(5, 10) > '03-31' ? y + 1 : y;
}

export interface PanelRow {
  village: string;
  district: string;
  group: RegionGroup;
  year: number;
  cohort: number | null;
  y: number;
  /** Households (or businesses) behind the cell, for suppression in exports. */
  n: number;
}

export interface VillagePanel {
  rows: PanelRow[];
  years: number[];
  villages: number;
  /** Villages with data in some but not all waves, left out. */
  droppedUnbalanced: number;
  /** First-wave poverty headcount per village (for the initial-poverty split). */
  initialP0: Map<string, number>;
  linePeriods: string[];
}

/** Builds the panel of one outcome for the villages of a scope. */
export async function buildPanel(
  db: Db,
  scope: 'all' | string[],
  outcome: Outcome,
): Promise<VillagePanel> {
  const villages = await villageCohorts(db, scope);
  const byCode = new Map<string, VillageCohort>(villages.map((v) => [v.code, v]));
  const book = await lineBook(db);
  const hh = await householdCells(db, scope, byCode, book);
  const initialP0 = new Map<string, number>();
  const firstYear = new Map<string, number>();
  for (const c of hh) {
    if (c.persons && (!firstYear.has(c.village) || c.year < firstYear.get(c.village)!)) {
      firstYear.set(c.village, c.year);
      initialP0.set(c.village, c.poor / c.persons);
    }
  }
  let cells: { village: string; year: number; y: number; n: number }[];
  if (outcome === 'umkm_sales') {
    cells = (await salesCells(db, scope))
      .filter((c) => c.logN > 0)
      .map((c) => ({ village: c.village, year: c.year, y: c.logSum / c.logN, n: c.businesses }));
  } else if (outcome === 'log_pc_income') {
    cells = hh
      .filter((c) => c.logN > 0)
      .map((c) => ({ village: c.village, year: c.year, y: c.logSum / c.logN, n: c.households }));
  } else {
    cells = hh
      .filter((c) => c.persons > 0 && c.linePeriod !== null)
      .map((c) => ({ village: c.village, year: c.year, y: c.poor / c.persons, n: c.households }));
  }
  const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
  const perVillage = new Map<string, typeof cells>();
  for (const c of cells) {
    const list = perVillage.get(c.village);
    if (list) list.push(c);
    else perVillage.set(c.village, [c]);
  }
  const rows: PanelRow[] = [];
  let dropped = 0;
  let kept = 0;
  for (const [village, list] of [...perVillage].sort(([a], [b]) => a.localeCompare(b))) {
    if (list.length !== years.length || !byCode.has(village)) {
      dropped++;
      continue;
    }
    kept++;
    const cohort = cohortYear(byCode.get(village)!.joinedOn);
    for (const c of list.sort((a, b) => a.year - b.year)) {
      rows.push({
        village,
        district: areaAt(village, 'district'),
        group: regionGroup(village),
        year: c.year,
        cohort,
        y: c.y,
        n: c.n,
      });
    }
  }
  const linePeriods = [
    ...new Set(hh.map((c) => c.linePeriod).filter((p): p is string => !!p)),
  ].sort();
  return { rows, years, villages: kept, droppedUnbalanced: dropped, initialP0, linePeriods };
}
