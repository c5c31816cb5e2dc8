// Road distances from a table officers keep (CSV or the first sheet of an XLSX, header
// `from,to,km`): every cell is checked before anything is written, and every bad cell is
// reported by sheet, row and column with its reason, so a file is stored whole or not at all.
// A checked table is stored through importDistances (network.service.ts), the one writer.
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import type { Result } from '../../kernel/errors/index.js';
import { readTable, type TableInput } from '../../kernel/xlsx/index.js';
import { servicePointPlaces } from '../community/index.js';
import { canShapeNetwork } from './logistics.access.js';
import { importDistances } from './network.service.js';
import './logistics.tables.js';

export const DISTANCE_HEADER = ['from', 'to', 'km'] as const;
/** Column letters as a spreadsheet shows them. */
const COLUMN = ['A', 'B', 'C'] as const;
const MAX_KM = 2000;
const MAX_ROWS = 5000;

export interface CellProblem {
  /** 0 when the whole file is unreadable. */
  row: number;
  /** Spreadsheet column letter, or null for the whole row or file. */
  column: string | null;
  /** Message key (logistics.distances.err.*) and its parameters. */
  key: string;
  params?: Record<string, string | number>;
}

export type DistanceImport =
  | { ok: true; rows: number; sheet: string | null }
  | { ok: false; problems: CellProblem[]; sheet: string | null };

const problem = (
  row: number,
  column: string | null,
  reason: string,
  params?: CellProblem['params'],
): CellProblem => ({ row, column, key: `logistics.distances.err.${reason}`, params });

/** Checks every cell of the table, then stores it whole; nothing is written on any problem. */
export async function importDistanceTable(
  db: Tx,
  actor: Actor,
  input: TableInput,
): Promise<DistanceImport> {
  const read = await readTable(input);
  if (!read.ok && read.problem === 'control_chars')
    return {
      ok: false,
      sheet: read.sheet,
      problems: [{ row: read.line, column: read.column, key: 'validation.control_chars' }],
    };
  if (!read.ok)
    return {
      ok: false,
      sheet: null,
      problems: [
        problem(read.line, null, read.problem === 'unreadable_xlsx' ? 'unreadable' : 'quote'),
      ],
    };
  const sheet = read.sheet;
  const [head, ...body] = read.records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = (head?.cells ?? []).map((s) => s.trim().toLowerCase());
  if (head?.line !== 1 || header.join(',') !== DISTANCE_HEADER.join(','))
    return { ok: false, sheet, problems: [problem(1, null, 'header')] };
  if (body.length === 0) return { ok: false, sheet, problems: [problem(2, null, 'no_rows')] };
  if (body.length > MAX_ROWS)
    return {
      ok: false,
      sheet,
      problems: [problem(body[MAX_ROWS].line, null, 'too_many', { max: MAX_ROWS })],
    };

  const problems: CellProblem[] = [];
  const rows: { from: string; to: string; km: number; line: number }[] = [];
  for (const { line, cells: raw } of body) {
    const cells = raw.map((s) => s.trim());
    if (cells.length > 3 && cells.slice(3).some((c) => c !== '')) {
      problems.push(problem(line, 'D', 'extra'));
      continue;
    }
    const [from = '', to = '', kmText = ''] = cells;
    const before = problems.length;
    if (!from) problems.push(problem(line, COLUMN[0], 'required'));
    if (!to) problems.push(problem(line, COLUMN[1], 'required'));
    else if (to === from) problems.push(problem(line, COLUMN[1], 'same'));
    // A decimal comma (Indonesian spreadsheets) is read as a decimal point.
    const km = Number(kmText.replace(',', '.'));
    if (!kmText) problems.push(problem(line, COLUMN[2], 'required'));
    else if (!Number.isFinite(km) || km <= 0 || km > MAX_KM)
      problems.push(problem(line, COLUMN[2], 'km', { max: MAX_KM }));
    if (problems.length === before) rows.push({ from, to, km, line });
  }

  // Every id must be a hub or service point the officer shapes the network of.
  const ids = [...new Set(rows.flatMap((r) => [r.from, r.to]))];
  const region = new Map<string, string>();
  if (ids.length) {
    const hubs = await db
      .selectFrom('hubs')
      .select(['id', 'region_code'])
      .where('id', 'in', ids)
      .execute();
    for (const h of hubs) region.set(h.id, h.region_code);
    for (const p of await servicePointPlaces(db, ids)) region.set(p.id, p.village_code);
  }
  for (const r of rows)
    for (const [i, id] of [r.from, r.to].entries()) {
      const code = region.get(id);
      if (!code) problems.push(problem(r.line, COLUMN[i], 'unknown'));
      else if (!canShapeNetwork(actor, code)) problems.push(problem(r.line, COLUMN[i], 'scope'));
    }
  if (problems.length) {
    problems.sort((a, b) => a.row - b.row || String(a.column).localeCompare(String(b.column)));
    return { ok: false, sheet, problems };
  }
  const csv = [DISTANCE_HEADER.join(','), ...rows.map((r) => `${r.from},${r.to},${r.km}`)].join(
    '\n',
  );
  const stored: Result<{ rows: number }> = await importDistances(db, actor, csv);
  // Checked above: a refusal here is a race (a point removed meanwhile); report it on the file.
  if (!stored.ok) return { ok: false, sheet, problems: [problem(0, null, 'changed')] };
  return { ok: true, rows: stored.value.rows, sheet };
}
