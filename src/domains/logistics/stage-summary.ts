// The logistics KPIs' stage summary (issue 19): a province's year was 3.3 s of scans read at a
// tenth of the national size. Migration 0707 keeps, per province and regency and creation
// month, each figure's values counted by hours to the tenth (`parcel_stage_months`, a JSON row
// a figure), and what each parcel added (`parcel_stage_marks`). A page reads a month's rows for
// each whole month of its period and the marks of the days at its edges (stage-read.ts).
//
// Kept in step with every write: triggers name each parcel a parcel or scan write touched in
// `parcel_stage_dirty`. The fold counts such a parcel again from its scans and changes the
// months' rows by its new values less its old marks. So a late scan from an offline device
// (which re-pairs its parcel's stages) counts as if it had come in time, and nothing depends
// on the order scans arrive in. Until a parcel is folded, pages count it from its scans.
import { sql } from 'kysely';
import { inTransaction, insertRows, isPostgres, type Db, type Tx } from '../../kernel/db/index.js';
import { enqueueOnce, nextTurn, type JobHandler } from '../../kernel/jobs/index.js';
import { liveParcelCounts, SCOPED_COLUMNS } from './stage-counts.queries.js';

export const STAGE_SUMMARY_JOB = 'logistics.fold_stage_summary';
const FOLD_EVERY_MS = 60_000;
/** A run stops folding after this long and runs again at once (other jobs get their turn). */
const RUN_BUDGET_MS = 20_000;
/**
 * Parcels counted again in one transaction. A fold's JSON merging (and on SQLite its statements)
 * holds the event loop: 6,000 parcels folded 100 / 500 / 2,000 at a time held it at most 31 / 68
 * / 236 ms on SQLite and 22 / 96 / 210 ms on PostgreSQL, for 17 % and 48 % more time in all than
 * 2,000 at a time. A minute's scans are a fold or two; the generator folds 20,000 at a time.
 */
const PARCELS_PER_FOLD = 100;
/** Two folds never apply one parcel's change twice (PostgreSQL; SQLite writes one at a time). */
const FOLD_LOCK = 7270707;

/** Values by figure: k → tenths → count. */
export type Counts = Map<string, Map<number, number>>;

function addTenths(of: Map<number, number>, tenths: number, n: number): void {
  const sum = (of.get(tenths) ?? 0) + n;
  if (sum === 0) of.delete(tenths);
  else of.set(tenths, sum);
}

export function addCount(into: Counts, k: string, tenths: number, n: number): void {
  const of = into.get(k) ?? new Map<number, number>();
  addTenths(of, tenths, n);
  into.set(k, of);
}

const mapOf = (o: Record<string, number>) =>
  new Map(Object.entries(o).map(([t, n]) => [Number(t), n]));

/** A months' row's counts: {"<tenths>": count}. */
export const tenthsOf = (json: string) => mapOf(JSON.parse(json));

/** A parcel's marks: its keys and what it added. */
export interface Mark {
  id: string;
  day: string;
  origin: string;
  destination: string;
  counts: Counts;
}

const marksJson = (c: Counts) =>
  JSON.stringify(Object.fromEntries([...c].map(([k, of]) => [k, Object.fromEntries(of)])));

export function countsOf(json: string): Counts {
  const out: Counts = new Map();
  for (const [k, of] of Object.entries(JSON.parse(json) as Record<string, Record<string, number>>))
    out.set(k, mapOf(of));
  return out;
}

/** The provinces and regencies a parcel is filed under (once where both ends share one). */
export const regionsOf = (m: { origin: string; destination: string }) => [
  ...new Set([m.origin, m.destination].filter(Boolean).flatMap((r) => [r.slice(0, 2), r])),
];

/** Takes up to `max` parcels from the log (each with every time it stands there). */
async function takeDirty(tx: Tx, max: number): Promise<string[]> {
  const pick = tx
    .selectFrom('parcel_stage_dirty')
    .select('parcel_id')
    .distinct()
    .orderBy('parcel_id')
    .limit(max);
  // On PostgreSQL the delete returns exactly the rows it removed (a write committed meanwhile
  // stays for the next fold); SQLite's transaction holds the write lock throughout.
  if (isPostgres(tx)) {
    const rows = await tx
      .deleteFrom('parcel_stage_dirty')
      .where('parcel_id', 'in', pick)
      .returning('parcel_id')
      .execute();
    return [...new Set(rows.map((r) => r.parcel_id))];
  }
  const ids = (await pick.execute()).map((r) => r.parcel_id);
  if (ids.length) await tx.deleteFrom('parcel_stage_dirty').where('parcel_id', 'in', ids).execute();
  return ids;
}

/** The current marks of parcels, counted from their scans (a deleted parcel has none). */
async function freshMarks(tx: Tx, ids: string[]): Promise<Map<string, Mark>> {
  const marks = new Map<string, Mark>();
  if (!ids.length) return marks;
  const rows = await liveParcelCounts(
    tx,
    tx.selectFrom('parcels').select(SCOPED_COLUMNS).where('id', 'in', ids),
  );
  for (const r of rows) {
    const m = marks.get(r.id) ?? { ...r, counts: new Map() };
    addCount(m.counts, r.k, r.tenths, r.n);
    marks.set(r.id, m);
  }
  return marks;
}

/** One fold of up to `max` parcels; returns how many were counted again. */
export async function foldStageSummary(db: Db, max = PARCELS_PER_FOLD): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(${FOLD_LOCK})`.execute(tx);
    const ids = await takeDirty(tx, max);
    if (!ids.length) return 0;
    const old = await tx
      .selectFrom('parcel_stage_marks')
      .selectAll()
      .where('parcel_id', 'in', ids)
      .execute();
    const fresh = await freshMarks(tx, ids);
    // region|month → figure → change.
    const change = new Map<string, Counts>();
    const file = (m: Omit<Mark, 'id'>, sign: 1 | -1) => {
      for (const region of regionsOf(m)) {
        const key = `${region}|${m.day.slice(0, 7)}`;
        const into = change.get(key) ?? new Map();
        for (const [k, of] of m.counts) for (const [t, n] of of) addCount(into, k, t, sign * n);
        change.set(key, into);
      }
    };
    for (const o of old) file({ ...o, counts: countsOf(o.marks) }, -1);
    for (const m of fresh.values()) file(m, 1);
    await applyChange(tx, change);
    await tx.deleteFrom('parcel_stage_marks').where('parcel_id', 'in', ids).execute();
    const rows = [...fresh.values()].map((m) => ({
      parcel_id: m.id,
      day: m.day,
      origin: m.origin,
      destination: m.destination,
      marks: marksJson(m.counts),
    }));
    await insertRows(tx, 'parcel_stage_marks', rows);
    return ids.length;
  });
}

/** Adds changes (region|month → figure → values) to the months' rows. */
async function applyChange(tx: Tx, change: Map<string, Counts>): Promise<void> {
  const keys = [...change.keys()].map((key) => key.split('|') as [string, string]);
  if (!keys.length) return;
  const regions = [...new Set(keys.map(([r]) => r))];
  const months = [...new Set(keys.map(([, m]) => m))];
  const had = new Map<string, string>();
  for (let i = 0; i < regions.length; i += 500)
    for (const r of await tx
      .selectFrom('parcel_stage_months')
      .selectAll()
      .where('region', 'in', regions.slice(i, i + 500))
      .where('month', 'in', months)
      .execute())
      had.set(`${r.region}|${r.month}|${r.k}`, r.counts);
  const kept: { region: string; month: string; k: string; counts: string }[] = [];
  const emptied: [string, string, string][] = [];
  for (const [key, figures] of change) {
    const [region, month] = key.split('|') as [string, string];
    for (const [k, delta] of figures) {
      if (delta.size === 0) continue;
      const before = had.get(`${key}|${k}`);
      const sum = before ? tenthsOf(before) : new Map<number, number>();
      for (const [t, n] of delta) addTenths(sum, t, n);
      if (sum.size)
        kept.push({ region, month, k, counts: JSON.stringify(Object.fromEntries(sum)) });
      else if (before) emptied.push([region, month, k]);
    }
  }
  for (let i = 0; i < kept.length; i += 500)
    await tx
      .insertInto('parcel_stage_months')
      .values(kept.slice(i, i + 500))
      .onConflict((oc) =>
        oc
          .columns(['region', 'month', 'k'])
          .doUpdateSet((eb) => ({ counts: eb.ref('excluded.counts') })),
      )
      .execute();
  for (let i = 0; i < emptied.length; i += 500)
    await tx
      .deleteFrom('parcel_stage_months')
      .where((eb) =>
        eb.or(
          emptied
            .slice(i, i + 500)
            .map(([region, month, k]) =>
              eb.and([eb('region', '=', region), eb('month', '=', month), eb('k', '=', k)]),
            ),
        ),
      )
      .execute();
}

/** Folds until nothing is left or `budgetMs` has passed. */
export async function foldAllStageSummary(
  db: Db,
  o: { budgetMs?: number; perFold?: number } = {},
): Promise<{ parcels: number; done: boolean }> {
  const t0 = Date.now();
  let parcels = 0;
  for (;;) {
    const n = await foldStageSummary(db, o.perFold);
    parcels += n;
    if (n === 0) return { parcels, done: true };
    if (Date.now() - t0 >= (o.budgetMs ?? Number.POSITIVE_INFINITY))
      return { parcels, done: false };
    await nextTurn();
  }
}

export async function scheduleStageSummary(
  db: Db,
  at: Date = new Date(Date.now() + FOLD_EVERY_MS),
): Promise<void> {
  await enqueueOnce(db, STAGE_SUMMARY_JOB, {}, { runAt: at, maxAttempts: 3 });
}

export const runStageSummaryJob: JobHandler = async (ctx) => {
  const r = await foldAllStageSummary(ctx.db, { budgetMs: RUN_BUDGET_MS });
  await scheduleStageSummary(ctx.db, r.done ? undefined : new Date());
  return r;
};
