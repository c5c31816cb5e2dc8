// The logistics KPIs' stage summary (issue 19): a province's year was 3.3 s of scans read at a
// tenth of the national size. `parcel_stage_counts` holds each province's and regency's stage
// hours (to the tenth), statuses and failed attempts, counted by creation day and by creation
// month. A page reads a month's rows for each whole month of its period and a day's rows for
// the rest: a year is a few thousand rows, however many parcels it had.
//
// Kept in step with every write: triggers name the cells (creation day, origin and destination
// regency) a parcel or scan write touched in `parcel_stage_dirty` (migration 0707). The fold
// recounts a touched day cell whole from its parcels' scans, and adds the difference to its
// month's rows, so a late scan from an offline device (which re-pairs its parcel's stages) is
// counted as if it had come in time, and nothing depends on the order the scans arrive in.
// Until a cell is folded, pages count its day from the scans (summaryStageCounts), so the
// figures never lag the scans.
import { sql } from 'kysely';
import { inTransaction, isPostgres, type Db, type Tx } from '../../kernel/db/index.js';
import { enqueueOnce, nextTurn, type JobHandler } from '../../kernel/jobs/index.js';
import {
  liveCellCounts,
  liveStageCounts,
  SCOPED_COLUMNS,
  type StageCount,
} from './stage-counts.queries.js';
import { touching } from './parcel-stats.queries.js';

export const STAGE_SUMMARY_JOB = 'logistics.fold_stage_summary';
const FOLD_EVERY_MS = 60_000;
/** A run stops folding after this long and runs again at once (other jobs get their turn). */
const RUN_BUDGET_MS = 20_000;
/** Days folded in one transaction. */
const DAYS_PER_FOLD = 7;
/** Two folds never add one cell's difference twice (PostgreSQL; SQLite writes one at a time). */
const FOLD_LOCK = 7270707;

const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
const levelsOf = (regency: string) => (regency ? [regency.slice(0, 2), regency] : []);
const keyOf = (c: { region: string; period: string; k: string; tenths: number }) =>
  `${c.region}|${c.period}|${c.k}|${c.tenths}`;

/** Takes the cells written on up to `maxDays` creation days since the last fold. */
async function takeDirty(tx: Tx, maxDays: number): Promise<Map<string, Set<string>>> {
  const days = tx
    .selectFrom('parcel_stage_dirty')
    .select('day')
    .distinct()
    .orderBy('day')
    .limit(maxDays);
  // On PostgreSQL the delete returns exactly the rows it removed (a write committed meanwhile
  // stays for the next fold); SQLite's transaction holds the write lock throughout.
  const rows = isPostgres(tx)
    ? await tx
        .deleteFrom('parcel_stage_dirty')
        .where('day', 'in', days)
        .returning(['day', 'origin', 'destination'])
        .execute()
    : await tx.selectFrom('parcel_stage_dirty').selectAll().where('day', 'in', days).execute();
  if (!isPostgres(tx))
    await tx
      .deleteFrom('parcel_stage_dirty')
      .where(
        'day',
        'in',
        rows.map((r) => r.day),
      )
      .execute();
  const cells = new Map<string, Set<string>>();
  for (const r of rows) {
    const regions = cells.get(r.day) ?? new Set<string>();
    for (const code of [...levelsOf(r.origin), ...levelsOf(r.destination)]) regions.add(code);
    cells.set(r.day, regions);
  }
  return cells;
}

/** One fold of up to `maxDays` days' touched cells; returns how many cells were recounted. */
export async function foldStageSummary(db: Db, maxDays = DAYS_PER_FOLD): Promise<number> {
  return inTransaction(db, async (tx) => {
    if (isPostgres(tx)) await sql`select pg_advisory_xact_lock(${FOLD_LOCK})`.execute(tx);
    const cells = await takeDirty(tx, maxDays);
    let recounted = 0;
    for (const [day, regions] of cells) {
      if (regions.size === 0) continue;
      const wanted = [...regions];
      const provinces = [...new Set(wanted.map((r) => r.slice(0, 2)))];
      const fresh = (
        await liveCellCounts(
          tx,
          tx
            .selectFrom('parcels')
            .select(SCOPED_COLUMNS)
            .where('created_at', '>=', day)
            .where('created_at', '<', dayAfter(day))
            .where((eb) => touching(eb, provinces)),
        )
      ).filter((c) => regions.has(c.region));
      const old = await tx
        .selectFrom('parcel_stage_counts')
        .selectAll()
        .where('period', '=', day)
        .where('region', 'in', wanted)
        .execute();
      // The month's rows change by the day's new counts less its old ones.
      const month = day.slice(0, 7);
      const change = new Map<string, StageCount & { region: string; period: string }>();
      const add = (c: { region: string; k: string; tenths: number }, n: number) => {
        const row = { region: c.region, period: month, k: c.k, tenths: c.tenths };
        const had = change.get(keyOf(row));
        change.set(keyOf(row), { ...row, n: (had?.n ?? 0) + n });
      };
      for (const c of fresh) add(c, c.n);
      for (const c of old) add(c, -c.n);
      await tx
        .deleteFrom('parcel_stage_counts')
        .where('period', '=', day)
        .where('region', 'in', wanted)
        .execute();
      await insertRows(
        tx,
        fresh.map((c) => ({ region: c.region, period: day, k: c.k, tenths: c.tenths, n: c.n })),
      );
      const moved = [...change.values()].filter((c) => c.n !== 0);
      await insertRows(tx, moved, true);
      if (moved.length)
        await tx
          .deleteFrom('parcel_stage_counts')
          .where('period', '=', month)
          .where('region', 'in', wanted)
          .where('n', '=', 0)
          .execute();
      recounted += regions.size;
    }
    return recounted;
  });
}

/** Writes rows in slices; `adding` adds their counts to the rows already there. */
async function insertRows(
  tx: Tx,
  rows: { region: string; period: string; k: string; tenths: number; n: number }[],
  adding = false,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('parcel_stage_counts')
      .values(rows.slice(i, i + 500))
      .$if(adding, (q) =>
        q.onConflict((oc) =>
          oc
            .columns(['region', 'period', 'k', 'tenths'])
            .doUpdateSet((eb) => ({ n: eb('parcel_stage_counts.n', '+', eb.ref('excluded.n')) })),
        ),
      )
      .execute();
}

/** Folds until nothing is left or `budgetMs` has passed; returns the cells recounted. */
export async function foldAllStageSummary(
  db: Db,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<{ cells: number; done: boolean }> {
  const t0 = Date.now();
  let cells = 0;
  for (;;) {
    const n = await foldStageSummary(db);
    cells += n;
    const left = await db.selectFrom('parcel_stage_dirty').select('day').limit(1).execute();
    if (left.length === 0) return { cells, done: true };
    if (Date.now() - t0 >= budgetMs) return { cells, done: false };
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
  const r = await foldAllStageSummary(ctx.db, RUN_BUDGET_MS);
  await scheduleStageSummary(ctx.db, r.done ? undefined : new Date());
  return r;
};

/**
 * An area's stage counts for parcels created in [from, end) (days): from the summary where it
 * is in step, from the scans for the days it is not (and for a kecamatan or a village, which it
 * does not hold). Read in this order, a fold between two reads can only make a day fresher.
 */
export async function stageCountsOf(
  db: Tx,
  prefix: string,
  from: string,
  end: string,
): Promise<StageCount[]> {
  const scoped = () =>
    db
      .selectFrom('parcels')
      .select(SCOPED_COLUMNS)
      .where((eb) => touching(eb, [prefix]));
  if (prefix.length !== 2 && prefix.length !== 5)
    return liveStageCounts(
      db,
      scoped().where('created_at', '>=', from).where('created_at', '<', end),
    );
  const len = prefix.length;
  const dirty = new Set(
    (
      await db
        .selectFrom('parcel_stage_dirty')
        .select('day')
        .distinct()
        .where('day', '>=', from)
        .where('day', '<', end)
        .where((eb) =>
          eb.or([
            eb(eb.fn('substr', ['origin', sql.lit(1), sql.lit(len)]), '=', prefix),
            eb(eb.fn('substr', ['destination', sql.lit(1), sql.lit(len)]), '=', prefix),
          ]),
        )
        .execute()
    ).map((r) => r.day),
  );
  const periods: string[] = [];
  const live: string[] = [];
  for (let day = from; day < end; ) {
    const month = day.slice(0, 7);
    const next = `${month}-01` === day ? firstOfNextMonth(month) : null;
    const days: string[] = [];
    for (let d = day; d < end && d.slice(0, 7) === month; d = dayAfter(d)) days.push(d);
    if (next && next <= end && !days.some((d) => dirty.has(d))) periods.push(month);
    else for (const d of days) (dirty.has(d) ? live : periods).push(d);
    day = next ?? dayAfter(days[days.length - 1]!);
  }
  const out: StageCount[] = [];
  for (let i = 0; i < periods.length; i += 500) {
    const rows = await db
      .selectFrom('parcel_stage_counts')
      .select(['k', 'tenths', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('region', '=', prefix)
      .where('period', 'in', periods.slice(i, i + 500))
      .groupBy(['k', 'tenths'])
      .execute();
    for (const r of rows) out.push({ k: r.k, tenths: Number(r.tenths), n: Number(r.n) });
  }
  // The unfolded days, as runs of consecutive days.
  const runs: [string, string][] = [];
  for (const d of live) {
    const last = runs[runs.length - 1];
    if (last && last[1] === d) last[1] = dayAfter(d);
    else runs.push([d, dayAfter(d)]);
  }
  if (runs.length)
    out.push(
      ...(await liveStageCounts(
        db,
        scoped().where((eb) =>
          eb.or(
            runs.map(([a, b]) => eb.and([eb('created_at', '>=', a), eb('created_at', '<', b)])),
          ),
        ),
      )),
    );
  return out;
}

function firstOfNextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
}
