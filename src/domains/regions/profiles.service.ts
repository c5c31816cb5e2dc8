// Village profiles: the CSV import (PODES-like, one row per village code) with its validation
// report, the single-village edit, and the read other domains use. Writers act only on
// villages inside their scope; the CLI acts as the system (national).
import { sql } from 'kysely';
import { canInRegion, regionWhere, type Actor } from '../../kernel/auth/index.js';
import { audit } from '../../kernel/audit/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { readTable, type TableInput } from '../../kernel/xlsx/index.js';
import { isRegionCode } from './regions.queries.js';
import {
  parseProfile,
  PROFILE_FIELDS,
  type FieldError,
  type ProfileField,
  type ProfileValues,
} from './profile-fields.js';

/** Who writes: a signed-in user (scope-checked) or the CLI acting for the whole system. */
export type Writer = Actor | 'system';
export const PROFILE_WRITERS = ['national_admin', 'regional_officer'] as const;

export function canWriteRegion(w: Writer, code: string): boolean {
  return w === 'system' || canInRegion(w, PROFILE_WRITERS, code);
}
const writerId = (w: Writer) => (w === 'system' ? null : w.userId);

export interface RowError {
  line: number;
  column: string;
  key: string;
  params?: Record<string, unknown>;
}
export interface ImportReport {
  mode: 'all' | 'valid';
  /** Data rows in the file (header excluded). */
  rows: number;
  valid: number;
  imported: number;
  skipped: number;
  errors: RowError[];
  /** The worksheet read when the file was XLSX (its rows are the report's lines). */
  sheet: string | null;
}

export const MAX_CSV_ROWS = 100_000;
const COLUMNS = ['village_code', ...PROFILE_FIELDS] as const;

/**
 * Validates a whole file and imports it: all rows or none (mode 'all'), or only the valid
 * rows (mode 'valid', an explicit choice the report states). Only the columns present in the
 * file are written; other stored values of a village are kept. The report lists every bad
 * row with its line (the header is line 1; a row is named by the line it starts on), column
 * and reason. A quote never closed stops the file at the line of its row. The file may be
 * CSV text or the bytes of a CSV or XLSX upload (first sheet; lines are then sheet rows).
 */
export async function importProfilesCsv(
  db: Tx,
  who: Writer,
  text: TableInput,
  opts: { mode?: 'all' | 'valid'; isDemo?: boolean } = {},
): Promise<ImportReport> {
  const mode = opts.mode ?? 'all';
  const report: ImportReport = {
    mode,
    rows: 0,
    valid: 0,
    imported: 0,
    skipped: 0,
    errors: [],
    sheet: null,
  };
  // Spreadsheets set to Indonesian write ';' between cells: 'auto' follows the header line.
  // An XLSX upload is read from its first sheet; its rows are the lines of the report.
  const read = await readTable(text, { delimiter: 'auto' });
  if (!read.ok && read.problem === 'control_chars') {
    report.sheet = read.sheet;
    report.errors = [{ line: read.line, column: read.column, key: 'validation.control_chars' }];
    return report;
  }
  if (!read.ok) {
    const key =
      read.problem === 'unclosed_quote'
        ? 'regions.csv.unclosed_quote'
        : 'regions.csv.unreadable_xlsx';
    report.errors = [{ line: read.line, column: '-', key }];
    return report;
  }
  report.sheet = read.sheet;
  const [headerRecord, ...dataRecords] = read.records;
  const header = (headerRecord?.cells ?? ['']).map((h) => h.trim().toLowerCase());
  const at = headerRecord?.line ?? 1;
  const headerErrors: RowError[] = [];
  header.forEach((h, i) => {
    if (!(COLUMNS as readonly string[]).includes(h))
      headerErrors.push({
        line: at,
        column: h || `#${i + 1}`,
        key: 'regions.csv.unknown_column',
        params: { columns: COLUMNS.join(', ') },
      });
    else if (header.indexOf(h) !== i)
      headerErrors.push({ line: at, column: h, key: 'regions.csv.duplicate_column' });
  });
  if (!header.includes('village_code'))
    headerErrors.push({ line: at, column: 'village_code', key: 'regions.csv.missing_code_column' });
  report.rows = dataRecords.length;
  if (dataRecords.length > MAX_CSV_ROWS)
    headerErrors.push({
      line: at,
      column: '-',
      key: 'regions.csv.too_many_rows',
      params: { max: MAX_CSV_ROWS },
    });
  if (headerErrors.length) {
    report.errors = headerErrors;
    report.skipped = report.rows;
    return report;
  }
  const fields = header.filter((h) => h !== 'village_code') as ProfileField[];

  type Row = { line: number; code: string; values: ProfileValues };
  const candidates: Row[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of dataRecords) {
    if (cells.length !== header.length) {
      report.errors.push({
        line,
        column: '-',
        key: 'regions.csv.cell_count',
        params: { expected: header.length, got: cells.length },
      });
      continue;
    }
    const cell = (name: string) => cells[header.indexOf(name)]?.trim() ?? '';
    const code = cell('village_code');
    const rowErrors: RowError[] = [];
    if (!isRegionCode(code) || code.split('.').length !== 4)
      rowErrors.push({ line, column: 'village_code', key: 'regions.csv.bad_village_code' });
    else if (seen.has(code))
      rowErrors.push({
        line,
        column: 'village_code',
        key: 'regions.csv.duplicate_code',
        params: { first: seen.get(code) },
      });
    else if (!canWriteRegion(who, code))
      rowErrors.push({ line, column: 'village_code', key: 'regions.csv.outside_scope' });
    if (isRegionCode(code) && !seen.has(code)) seen.set(code, line);
    const parsed = parseProfile(Object.fromEntries(fields.map((f) => [f, cell(f)])));
    if (!parsed.ok)
      for (const [col, e] of Object.entries(parsed.errors) as [string, FieldError][])
        rowErrors.push({ line, column: col, ...e });
    if (rowErrors.length) report.errors.push(...rowErrors);
    else if (parsed.ok) candidates.push({ line, code, values: parsed.values });
  }
  // Codes must name stored villages: one query per 500 codes.
  const known = new Set<string>();
  for (let i = 0; i < candidates.length; i += 500) {
    const codes = candidates.slice(i, i + 500).map((r) => r.code);
    for (const r of await db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 4)
      .where('code', 'in', codes)
      .execute())
      known.add(r.code);
  }
  const good = candidates.filter((r) => {
    if (known.has(r.code)) return true;
    report.errors.push({
      line: r.line,
      column: 'village_code',
      key: 'regions.csv.unknown_village',
    });
    return false;
  });
  report.errors.sort((a, b) => a.line - b.line);
  report.valid = good.length;
  const write = report.errors.length === 0 || mode === 'valid';
  if (!write || good.length === 0) {
    report.skipped = report.rows - (write ? good.length : 0);
    return report;
  }
  const now = nowIso();
  const by = writerId(who);
  await inTransaction(db, async (tx) => {
    for (let i = 0; i < good.length; i += 200) {
      const chunk = good.slice(i, i + 200);
      const update = Object.fromEntries(
        fields.map((f) => [f, (eb: any) => eb.ref(`excluded.${f}`)]),
      );
      await tx
        .insertInto('village_profiles')
        .values(
          chunk.map((r) => ({
            village_code: r.code,
            ...emptyProfile(),
            ...pick(r.values, fields),
            is_demo: opts.isDemo ? 1 : 0,
            updated_at: now,
            updated_by: by,
          })),
        )
        .onConflict((oc) =>
          oc.column('village_code').doUpdateSet((eb) => ({
            ...Object.fromEntries(Object.entries(update).map(([k, f]) => [k, f(eb)])),
            updated_at: now,
            updated_by: by,
            is_demo: opts.isDemo ? 1 : 0,
          })),
        )
        .execute();
    }
    await audit(tx, {
      actorId: by,
      action: 'regions.profiles_imported',
      entityType: 'village_profiles',
      entityId: 'csv',
      data: {
        rows: report.rows,
        imported: good.length,
        skipped: report.rows - good.length,
        mode,
        columns: fields,
      },
    });
  });
  report.imported = good.length;
  report.skipped = report.rows - good.length;
  return report;
}

function emptyProfile(): ProfileValues {
  return Object.fromEntries(PROFILE_FIELDS.map((f) => [f, null])) as ProfileValues;
}
function pick(v: ProfileValues, fields: ProfileField[]): Partial<ProfileValues> {
  return Object.fromEntries(fields.map((f) => [f, v[f]]));
}

/** Saves one village's whole profile from form text; errors by field, nothing written on error. */
export async function saveProfile(
  db: Tx,
  who: Writer,
  code: string,
  input: Partial<Record<ProfileField, string>>,
): Promise<Result<ProfileValues>> {
  const village = await db
    .selectFrom('regions')
    .select(['code', 'level'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!village || Number(village.level) !== 4) return fail('REGIONS_NOT_A_VILLAGE', { code });
  if (!canWriteRegion(who, code)) return fail('FORBIDDEN');
  const parsed = parseProfile(input);
  if (!parsed.ok) return fail('VALIDATION_FAILED', {}, parsed.errors);
  const now = nowIso();
  const by = writerId(who);
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('village_profiles')
      .values({ village_code: code, ...parsed.values, is_demo: 0, updated_at: now, updated_by: by })
      .onConflict((oc) =>
        oc
          .column('village_code')
          .doUpdateSet({ ...parsed.values, is_demo: 0, updated_at: now, updated_by: by }),
      )
      .execute();
    await audit(tx, {
      actorId: by,
      action: 'regions.profile_updated',
      entityType: 'village_profile',
      entityId: code,
      data: { fields: PROFILE_FIELDS.filter((f) => parsed.values[f] !== null) },
    });
  });
  return ok(parsed.values);
}

export interface VillageProfile extends ProfileValues {
  villageCode: string;
  isDemo: boolean;
  updatedAt: string;
}

/** Stored profiles of the given villages (missing ones are absent from the map). */
export async function villageProfiles(
  db: Tx,
  codes: string[],
): Promise<Map<string, VillageProfile>> {
  const out = new Map<string, VillageProfile>();
  for (let i = 0; i < codes.length; i += 500) {
    const rows = await db
      .selectFrom('village_profiles')
      .selectAll()
      .where('village_code', 'in', codes.slice(i, i + 500))
      .execute();
    for (const r of rows) {
      const { village_code, is_demo, updated_at, updated_by: _u, ...values } = r;
      out.set(village_code, {
        ...(values as ProfileValues),
        villageCode: village_code,
        isDemo: Number(is_demo) === 1,
        updatedAt: updated_at,
      });
    }
  }
  return out;
}

/** Mobile signal and electricity share of every profiled village (the west/east comparison). */
export async function connectivityOfProfiles(
  db: Tx,
): Promise<{ village_code: string; signal: string | null; electricity_share: number | null }[]> {
  return db
    .selectFrom('village_profiles')
    .select(['village_code', 'signal', 'electricity_share'])
    .execute();
}

/** Village profiles' connectivity summed per area code of length `len` (impact's summary). */
export async function connectivityBy(
  db: Tx,
  len: number,
): Promise<
  Map<
    string,
    { withSignal: number; signal4g: number; withElectricity: number; electricitySum: number }
  >
> {
  const area = sql<string>`substr(village_code, 1, ${sql.lit(len)})`;
  const rows = await db
    .selectFrom('village_profiles')
    .select((eb) => [
      area.as('k'),
      eb.fn.count('signal').as('s'),
      eb.fn.sum(eb.case().when('signal', '=', '4g').then(1).else(0).end()).as('g'),
      eb.fn.count('electricity_share').as('e'),
      eb.fn.sum('electricity_share').as('es'),
    ])
    .groupBy(area)
    .execute();
  return new Map(
    rows.map((r) => [
      String(r.k),
      {
        withSignal: Number(r.s),
        signal4g: Number(r.g ?? 0),
        withElectricity: Number(r.e),
        electricitySum: Number(r.es ?? 0),
      },
    ]),
  );
}

/** Centres of the profiled villages inside a region prefix, where both coordinates are known. */
export async function villageCentres(
  db: Tx,
  prefix: string,
): Promise<{ code: string; lat: number; lng: number }[]> {
  const rows = await db
    .selectFrom('village_profiles as vp')
    .innerJoin('regions as r', 'r.code', 'vp.village_code')
    .select(['vp.village_code as code', 'vp.lat', 'vp.lng'])
    .where('r.level', '=', 4)
    .where((eb) => regionWhere(eb, 'r.code', [prefix]))
    .where('vp.lat', 'is not', null)
    .where('vp.lng', 'is not', null)
    .execute();
  return rows.map((r) => ({ code: r.code, lat: Number(r.lat), lng: Number(r.lng) }));
}
