// CSV import of survey answers. The whole file is checked first and every problem is reported
// by CSV line and column; only a file without any problem is written, in one transaction, so a
// file is never half imported. Each row must state consent ('ya'/'yes').
import type { Tx } from '../../kernel/db/index.js';
import { inTransactionResult } from '../../kernel/db/index.js';
import { fail, ok } from '../../kernel/errors/index.js';
import { audit } from '../../kernel/audit/index.js';
import { canInRegion, type Actor } from '../../kernel/auth/index.js';
import { zodFieldErrors } from '../../kernel/http/index.js';
import type { TableInput } from '../../kernel/xlsx/index.js';
import { readImportTable, type ImportProblem } from './import-table.js';
import {
  CSV_COLUMNS,
  householdFormSchema,
  salesFormSchema,
  type SurveyKind,
} from './surveys.schema.js';
import { ensureConsent, householdRow, salesRow, SURVEY_ROLES } from './surveys.service.js';
import { existingVillages } from './regions.queries.js';

export type ImportReport =
  | { ok: true; imported: number }
  | {
      ok: false;
      problems: ImportProblem[];
      /** The worksheet read when the file was XLSX (lines are then its rows). */
      sheet?: string | null;
    };

const MAX_ROWS = 20000;
const YES = new Set(['ya', 'y', 'yes', '1', 'true', 'setuju']);

/** Checks a CSV file and, only when every row is valid, imports all of it. */
export async function importSurveyCsv(
  db: Tx,
  actor: Actor,
  kind: SurveyKind,
  text: TableInput,
  ip?: string,
): Promise<ImportReport> {
  const read = await readImportTable(text);
  if (!read.ok) return read;
  const { table, sheet } = read;
  const expected = CSV_COLUMNS[kind];
  const header = table.header.map((h) => h.trim().toLowerCase());
  const problems: ImportProblem[] = [];
  for (const h of header)
    if (!expected.includes(h))
      problems.push({
        line: 1,
        column: h,
        key: 'impact.err.unknown_column',
        params: { expected: expected.join(', ') },
      });
  for (const e of expected)
    if (!header.includes(e))
      problems.push({ line: 1, column: e, key: 'impact.err.missing_column' });
  if (table.rows.length === 0) problems.push({ line: 0, column: '', key: 'impact.err.csv_empty' });
  if (table.rows.length > MAX_ROWS)
    problems.push({
      line: 0,
      column: '',
      key: 'impact.err.csv_too_long',
      params: { max: MAX_ROWS },
    });
  if (problems.length) return { ok: false, problems, sheet };

  const schema = kind === 'household' ? householdFormSchema : salesFormSchema;
  const parsed: { line: number; data: any }[] = [];
  const seen = new Map<string, number>();
  table.rows.forEach((cells, i) => {
    // The line (sheet row) the record starts on: blank lines before it do not shift it.
    const line = table.lines[i] ?? i + 2;
    const obj: Record<string, string> = {};
    header.forEach((h, k) => {
      obj[h] = cells[k] ?? '';
    });
    obj.consent = YES.has((obj.consent ?? '').trim().toLowerCase()) ? 'yes' : '';
    const r = schema.safeParse(obj);
    if (!r.success) {
      for (const [column, f] of Object.entries(zodFieldErrors(r.error)))
        problems.push({ line, column, key: f.key, params: f.params });
      return;
    }
    const d: any = r.data;
    if (!canInRegion(actor, SURVEY_ROLES, d.village_code))
      problems.push({ line, column: 'village_code', key: 'impact.err.outside_scope' });
    const key =
      kind === 'household'
        ? `${d.village_code}|${d.wave_year}|${d.household_code}`
        : `${d.village_code}|${d.year}|${d.month}|${d.umkm_code}`;
    const before = seen.get(key);
    if (before)
      problems.push({
        line,
        column: kind === 'household' ? 'household_code' : 'umkm_code',
        key: 'impact.err.duplicate_in_file',
        params: { other: before },
      });
    else seen.set(key, line);
    parsed.push({ line, data: d });
  });
  const villages = await existingVillages(
    db,
    parsed.map((p) => p.data.village_code),
  );
  for (const p of parsed)
    if (!villages.has(p.data.village_code))
      problems.push({
        line: p.line,
        column: 'village_code',
        key: 'impact.err.unknown_village',
        params: { code: p.data.village_code },
      });
  if (problems.length === 0) await findExisting(db, kind, parsed, problems);
  if (problems.length)
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line), sheet };

  // A withdrawn consent found while writing rolls everything back: nothing stays.
  const r = await inTransactionResult(db, async (tx) => {
    const rows: any[] = [];
    for (const p of parsed) {
      const d = p.data;
      const consent = await ensureConsent(
        tx,
        actor.userId,
        kind,
        d.village_code,
        kind === 'household' ? d.household_code : d.umkm_code,
      );
      if (!consent.ok) {
        problems.push({ line: p.line, column: 'consent', key: 'impact.err.consent_withdrawn' });
        continue;
      }
      rows.push(
        kind === 'household'
          ? householdRow(d, consent.value, 'csv', actor.userId)
          : salesRow(d, consent.value, 'csv', actor.userId),
      );
    }
    if (problems.length) return fail('VALIDATION_FAILED');
    for (let i = 0; i < rows.length; i += 400) {
      if (kind === 'household')
        await tx
          .insertInto('household_surveys')
          .values(rows.slice(i, i + 400))
          .execute();
      else
        await tx
          .insertInto('umkm_sales_surveys')
          .values(rows.slice(i, i + 400))
          .execute();
    }
    await audit(tx, {
      actorId: actor.userId,
      action: `impact.${kind}_survey.imported`,
      entityType: 'survey_import',
      entityId: rows[0].id,
      ip,
      data: { rows: rows.length },
    });
    return ok(rows.length);
  });
  return r.ok ? { ok: true as const, imported: r.value } : { ok: false as const, problems, sheet };
}

/** Rows already in the database are reported as duplicates (re-importing a file changes nothing). */
async function findExisting(
  db: Tx,
  kind: SurveyKind,
  parsed: { line: number; data: any }[],
  problems: ImportProblem[],
) {
  const byVillage = new Map<string, { line: number; data: any }[]>();
  for (const p of parsed)
    byVillage.set(p.data.village_code, [...(byVillage.get(p.data.village_code) ?? []), p]);
  for (const [village, list] of byVillage) {
    if (kind === 'household') {
      const have = await db
        .selectFrom('household_surveys')
        .select(['wave_year', 'household_code'])
        .where('village_code', '=', village)
        .execute();
      const set = new Set(have.map((h) => `${h.wave_year}|${h.household_code}`));
      for (const p of list)
        if (set.has(`${p.data.wave_year}|${p.data.household_code}`))
          problems.push({ line: p.line, column: 'household_code', key: 'impact.err.duplicate' });
    } else {
      const have = await db
        .selectFrom('umkm_sales_surveys')
        .select(['year', 'month', 'umkm_code'])
        .where('village_code', '=', village)
        .execute();
      const set = new Set(have.map((h) => `${h.year}|${h.month}|${h.umkm_code}`));
      for (const p of list)
        if (set.has(`${p.data.year}|${p.data.month}|${p.data.umkm_code}`))
          problems.push({ line: p.line, column: 'umkm_code', key: 'impact.err.duplicate' });
    }
  }
}
