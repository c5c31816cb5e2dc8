// The pseudonymised village panel for analysts: one row per village and survey year, no names
// or phones (none are stored), village and district codes replaced by an HMAC with a secret
// salt (stable within one deployment, not reversible without it), and every cell resting on
// fewer than 5 respondents left empty so no household can be singled out.
import { createHmac } from 'node:crypto';
import type { Db } from '../../kernel/db/index.js';
import { sheetCsv, type SheetSpec } from '../../kernel/xlsx/index.js';
import { villageCohorts } from './regions.queries.js';
import { householdCells, salesCells } from './outcomes.queries.js';
import { lineBook } from './poverty-lines.js';
import { cohortYear } from './evaluation.panel.js';
import { areaAt, regionGroup } from './region-groups.js';

export const MIN_CELL = 5;
export const EXPORT_COLUMNS = [
  'village_id',
  'district_id',
  'region_group',
  'area',
  'cohort',
  'year',
  'households',
  'mean_log_pc_income',
  'poverty_headcount',
  'poverty_gap',
  'umkm_businesses',
  'mean_log_umkm_sales',
];

/** A stable pseudonym for an id: HMAC-SHA256 with the deployment's secret salt, 16 hex digits. */
export function pseudonym(salt: string, id: string): string {
  return createHmac('sha256', salt).update(`impact-export:${id}`).digest('hex').slice(0, 16);
}

/** The CSV text of the panel of a scope ('all' or region prefixes). */
export async function exportPanelCsv(
  db: Db,
  scope: 'all' | string[],
  salt: string,
): Promise<string> {
  return sheetCsv(await exportPanelSheet(db, scope, salt));
}

/** The panel of a scope as a sheet (CSV or XLSX). */
export async function exportPanelSheet(
  db: Db,
  scope: 'all' | string[],
  salt: string,
): Promise<SheetSpec> {
  const villages = await villageCohorts(db, scope);
  const byCode = new Map(villages.map((v) => [v.code, v]));
  const hh = await householdCells(db, scope, byCode, await lineBook(db));
  const sales = new Map((await salesCells(db, scope)).map((s) => [`${s.village}|${s.year}`, s]));
  const keys = new Map<string, { village: string; year: number }>();
  for (const c of hh) keys.set(`${c.village}|${c.year}`, { village: c.village, year: c.year });
  for (const s of sales.values())
    keys.set(`${s.village}|${s.year}`, { village: s.village, year: s.year });
  const hhBy = new Map(hh.map((c) => [`${c.village}|${c.year}`, c]));
  const lines: (string | number | null)[][] = [];
  const rows = [...keys.entries()]
    .map(([k, v]) => ({ k, ...v, pid: pseudonym(salt, v.village) }))
    // Sorted by pseudonym, not by code, so row order does not give the codes away.
    .sort((a, b) => a.pid.localeCompare(b.pid) || a.year - b.year);
  for (const r of rows) {
    const v = byCode.get(r.village);
    const h = hhBy.get(r.k);
    const s = sales.get(r.k);
    const hOk = !!h && h.households >= MIN_CELL;
    const sOk = !!s && s.businesses >= MIN_CELL;
    lines.push([
      r.pid,
      pseudonym(salt, areaAt(r.village, 'district')),
      regionGroup(r.village),
      v?.area ?? '',
      cohortYear(v?.joinedOn ?? null),
      r.year,
      hOk ? h!.households : null,
      hOk && h!.logN >= MIN_CELL ? h!.logSum / h!.logN : null,
      hOk && h!.linePeriod ? h!.poor / h!.persons : null,
      hOk && h!.linePeriod ? h!.gap / h!.persons : null,
      sOk ? s!.businesses : null,
      sOk && s!.logN >= MIN_CELL ? s!.logSum / s!.logN : null,
    ]);
  }
  // LF line ends and six decimals: the panel format the estimator CLI and R read.
  return {
    name: 'panel',
    columns: [...EXPORT_COLUMNS],
    rows: lines,
    csv: { newline: '\n', decimals: 6 },
  };
}
