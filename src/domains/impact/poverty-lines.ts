// BPS poverty lines (garis kemiskinan, rupiah per capita per month) by period, province and
// area, and the rule that picks the line for a survey wave. The platform ships only the
// national March 2025 lines (migration 1001); officers import BPS's per-province table as CSV.
// No figure is ever made up: a wave without a line of its own uses the nearest published
// line, and the page says which one.
import type { Tx } from '../../kernel/db/index.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, type Actor } from '../../kernel/auth/index.js';
import type { TableInput } from '../../kernel/xlsx/index.js';
import { readImportTable } from './import-table.js';
import { parseWhole } from './surveys.schema.js';
import type { ImportReport } from './survey-import.js';
import type { ImportProblem } from './import-table.js';
import { provinceNames } from './regions.queries.js';

export type Area = 'urban' | 'rural';
export interface Line {
  period: string;
  province_code: string;
  area: string;
  amount: number;
  source: string;
}

export const LINE_COLUMNS = ['period', 'province_code', 'area', 'amount', 'source'];
const AREAS = new Set(['total', 'urban', 'rural']);

export async function listLines(db: Tx): Promise<Line[]> {
  return db
    .selectFrom('poverty_lines')
    .select(['period', 'province_code', 'area', 'amount', 'source'])
    .orderBy('period', 'desc')
    .orderBy('province_code')
    .orderBy('area')
    .execute();
}

/** Picks lines for (wave year, province, area): province+area, then national+area, then totals. */
export class LineBook {
  private byKey = new Map<string, Line[]>();
  constructor(lines: Line[]) {
    for (const l of lines) {
      const k = `${l.province_code}|${l.area}`;
      this.byKey.set(
        k,
        [...(this.byKey.get(k) ?? []), l].sort((a, b) => a.period.localeCompare(b.period)),
      );
    }
  }
  /** The line used for a wave of `year`: the latest published in or before that year, else the earliest after it. */
  lineFor(year: number, provinceCode: string, area: Area): Line | null {
    for (const k of [
      `${provinceCode}|${area}`,
      `ID|${area}`,
      `${provinceCode}|total`,
      'ID|total',
    ]) {
      const list = this.byKey.get(k);
      if (!list?.length) continue;
      const before = list.filter((l) => l.period <= `${year}-12`);
      return before.length ? before[before.length - 1] : list[0];
    }
    return null;
  }
  get empty(): boolean {
    return this.byKey.size === 0;
  }
}

export async function lineBook(db: Tx): Promise<LineBook> {
  return new LineBook(await listLines(db));
}

/**
 * Imports BPS's per-province lines (columns period, province_code, area, amount, source). A
 * national admin may import any province; a regional officer only provinces its grant covers.
 * Existing lines for the same key are replaced (BPS revises figures).
 */
export async function importLinesCsv(
  db: Tx,
  actor: Actor,
  text: TableInput,
  ip?: string,
): Promise<ImportReport> {
  const problems: ImportProblem[] = [];
  // CSV text or an uploaded CSV/XLSX file; an XLSX sheet's rows are the lines reported.
  const read = await readImportTable(text);
  if (!read.ok) return read;
  const { table, sheet } = read;
  const header = table.header.map((h) => h.trim().toLowerCase());
  for (const h of header)
    if (!LINE_COLUMNS.includes(h))
      problems.push({
        line: 1,
        column: h,
        key: 'impact.err.unknown_column',
        params: { expected: LINE_COLUMNS.join(', ') },
      });
  for (const e of LINE_COLUMNS)
    if (!header.includes(e))
      problems.push({ line: 1, column: e, key: 'impact.err.missing_column' });
  if (table.rows.length === 0) problems.push({ line: 0, column: '', key: 'impact.err.csv_empty' });
  if (problems.length) return { ok: false, problems, sheet };
  const provinces = new Set((await provinceNames(db)).keys());
  const rows: Line[] = [];
  const seen = new Set<string>();
  table.rows.forEach((cells, i) => {
    const line = table.lines[i] ?? i + 2;
    const o: Record<string, string> = {};
    header.forEach((h, k) => {
      o[h] = (cells[k] ?? '').trim();
    });
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(o.period))
      problems.push({ line, column: 'period', key: 'impact.err.period_format' });
    if (o.province_code !== 'ID' && !provinces.has(o.province_code))
      problems.push({
        line,
        column: 'province_code',
        key: 'impact.err.unknown_province',
        params: { code: o.province_code },
      });
    else if (
      o.province_code === 'ID'
        ? !canInRegion(actor, ['national_admin'], '00')
        : !canInRegion(actor, ['national_admin', 'regional_officer'], o.province_code)
    )
      problems.push({ line, column: 'province_code', key: 'impact.err.outside_scope' });
    if (!AREAS.has(o.area)) problems.push({ line, column: 'area', key: 'impact.err.area' });
    const amount = parseWhole(o.amount);
    if (amount === undefined) problems.push({ line, column: 'amount', key: 'validation.required' });
    else if (typeof amount !== 'number' || !Number.isInteger(amount))
      problems.push({ line, column: 'amount', key: 'impact.err.not_number' });
    else if (amount <= 0) problems.push({ line, column: 'amount', key: 'impact.err.positive' });
    if (!o.source) problems.push({ line, column: 'source', key: 'impact.err.source_required' });
    const key = `${o.period}|${o.province_code}|${o.area}`;
    if (seen.has(key))
      problems.push({
        line,
        column: 'area',
        key: 'impact.err.duplicate_in_file',
        params: { other: '' },
      });
    seen.add(key);
    rows.push({
      period: o.period,
      province_code: o.province_code,
      area: o.area,
      amount: amount as number,
      source: o.source.slice(0, 200),
    });
  });
  if (problems.length) return { ok: false, problems, sheet };
  await inTransaction(db, async (tx) => {
    const now = nowIso();
    for (const r of rows) {
      await tx
        .deleteFrom('poverty_lines')
        .where('period', '=', r.period)
        .where('province_code', '=', r.province_code)
        .where('area', '=', r.area)
        .execute();
      await tx
        .insertInto('poverty_lines')
        .values({ ...r, created_at: now, created_by: actor.userId })
        .execute();
    }
    await audit(tx, {
      actorId: actor.userId,
      action: 'impact.poverty_lines.imported',
      entityType: 'poverty_lines',
      entityId: rows[0].period,
      ip,
      data: { rows: rows.length },
    });
  });
  return { ok: true, imported: rows.length };
}
