// Parcel facts impact's KPIs read: only logistics names its tables; exported from index.ts.
import { regionWhere } from '../../kernel/auth/index.js';
import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
} from 'kysely';
import { isPostgres, type Database, type Tx } from '../../kernel/db/index.js';
import type { ParcelCountChangesTable } from './logistics.tables.js';

/** Parcels leaving or reaching region prefixes ('all' = the country). */
export function touching(
  eb: ExpressionBuilder<Database, 'parcels'>,
  scope: 'all' | string[],
): Expression<SqlBool> {
  return eb.or([
    regionWhere(eb, 'origin_village_code', scope),
    regionWhere(eb, 'destination_village_code', scope),
  ]);
}

/**
 * Rows `k, v` counting the parcels of the statement's `scoped` CTE by status, k being
 * 'status <status>', beside other figures of the same statement; statusOf reads k back.
 */
export const STATUS_COUNTS = `select 'status ' || status as k, count(*) as v from scoped group by status`;

/** The status a STATUS_COUNTS row counts, or null for a row of another figure. */
export const statusOf = (k: string): string | null => (k.startsWith('status ') ? k.slice(7) : null);

/** Parcels leaving or reaching an area, by outcome, and the median days to delivery. */
export interface ParcelOutcomes {
  total: number;
  delivered: number;
  failed: number;
  inProgress: number;
  /** Median days from creation to delivery of the delivered ones; null when none. */
  leadDays: number | null;
}

/**
 * The outcomes of the parcels leaving or reaching region prefixes ('all' = the country), summed
 * in the database: a regency of a national world is tens of thousands of parcels, which the KPI
 * page used to read whole into the event loop.
 */
export async function parcelOutcomes(db: Tx, scope: 'all' | string[]): Promise<ParcelOutcomes> {
  const scoped = db
    .selectFrom('parcels')
    .select(['status', 'created_at', 'delivered_at'])
    .where((eb) => touching(eb, scope));
  const leads = `select 'lead' as k, ${secondsBetween(db, 'created_at', 'delivered_at')} / 86400.0 as v
    from scoped where status = 'delivered' and delivered_at is not null`;
  const rows = await sql<{ k: string; v: number | string | null }>`
    with scoped as materialized ${scoped}
    ${sql.raw(STATUS_COUNTS)}
    union all ${sql.raw(mediansBy(db, leads))}`.execute(db);
  const out: ParcelOutcomes = { total: 0, delivered: 0, failed: 0, inProgress: 0, leadDays: null };
  for (const r of rows.rows) {
    const status = statusOf(r.k);
    if (status === null) out.leadDays = r.v === null ? null : Number(r.v);
    else {
      const n = Number(r.v);
      out.total += n;
      if (status === 'delivered') out.delivered += n;
      else if (status === 'failed_delivery') out.failed += n;
      else out.inProgress += n;
    }
  }
  return out;
}

/**
 * `select k, <median of v> group by k` over the rows of `source` (columns k and v) in SQL: the
 * middle value, or the mean of the two middle ones, as lib/stats' median. PostgreSQL has it
 * (percentile_cont: one sort, 0.53 s for a province's 198,864 parcels where numbering them took
 * 0.76 s); SQLite numbers each k's values in order and averages the middle one or two.
 */
export function mediansBy(db: Tx, source: string): string {
  return isPostgres(db)
    ? `select k, percentile_cont(0.5) within group (order by v) as v from (${source}) m group by k`
    : `select k, avg(v) as v from (
        select k, v, row_number() over (partition by k order by v) as r,
          count(*) over (partition by k) as c
        from (${source}) m
      ) n where r in ((c + 1) / 2, (c + 2) / 2) group by k`;
}

/**
 * Seconds from `a` to `b` (ISO-8601 UTC columns) in SQL, to the millisecond: SQLite's julianday
 * would give 5.000000004 hours for 5.
 */
export function secondsBetween(db: Tx, a: string, b: string): string {
  return isPostgres(db)
    ? `extract(epoch from (${b}::timestamptz - ${a}::timestamptz))`
    : `(unixepoch(${b}, 'subsec') - unixepoch(${a}, 'subsec'))`;
}

/** Parcels of one cell: a count, or a change taken from the log (negative: parcels that left). */
export type ParcelCount = ParcelCountChangesTable;

/**
 * Every parcel counted by creation month, origin and destination province, status and delivery
 * lead in tenths of a day: the figures of the KPI page's parcel block, summed in the database so
 * a national world stays a few rows a month. Impact's summary rebuilds from it once a day.
 */
export async function parcelCounts(db: Tx): Promise<ParcelCount[]> {
  const lead = isPostgres(db)
    ? sql<number>`round(extract(epoch from (delivered_at::timestamptz - created_at::timestamptz)) / 8640)`
    : sql<number>`round((julianday(delivered_at) - julianday(created_at)) * 10)`;
  const tenths = sql<
    number | null
  >`case when status = 'delivered' and delivered_at is not null then ${lead} end`;
  const m = sql<string>`substr(created_at, 1, 7)`;
  const o = sql<string>`coalesce(substr(origin_village_code, 1, 2), '')`;
  const d = sql<string>`coalesce(substr(destination_village_code, 1, 2), '')`;
  const rows = await db
    .selectFrom('parcels')
    .select([
      m.as('month'),
      o.as('origin'),
      d.as('destination'),
      'status',
      tenths.as('tenths'),
      (eb) => eb.fn.countAll().as('n'),
    ])
    .groupBy([m, o, d, 'status', tenths])
    .execute();
  return rows.map(countOf);
}

/**
 * Takes the parcel counts' changes logged since the last take (migration 0706), summed by cell:
 * what was taken is gone from the log in the same transaction, so each change is added to
 * impact's summary once. On PostgreSQL the delete returns exactly the rows it removed (a change
 * committed meanwhile stays for the next take); SQLite's transaction holds the write lock
 * throughout (connect.ts), so nothing is logged between the read and the delete.
 */
export async function takeParcelCountChanges(tx: Transaction<Database>): Promise<ParcelCount[]> {
  const summed = <T extends 'parcel_count_changes' | 'taken'>(q: SelectQueryBuilder<any, T, {}>) =>
    q
      .select([
        'month',
        'origin',
        'destination',
        'status',
        'tenths',
        (eb) => eb.fn.sum('n').as('n'),
      ])
      .groupBy(['month', 'origin', 'destination', 'status', 'tenths'])
      .having((eb) => eb.fn.sum('n'), '<>', 0);
  if (isPostgres(tx)) {
    const rows = await summed(
      tx
        .with('taken', (q) => q.deleteFrom('parcel_count_changes').returningAll())
        .selectFrom('taken'),
    ).execute();
    return rows.map(countOf);
  }
  const rows = await summed(tx.selectFrom('parcel_count_changes')).execute();
  await tx.deleteFrom('parcel_count_changes').execute();
  return rows.map(countOf);
}

/** Empties the log: a rebuild from parcelCounts in the same snapshot includes every change. */
export async function dropParcelCountChanges(tx: Transaction<Database>): Promise<void> {
  await tx.deleteFrom('parcel_count_changes').execute();
}

function countOf(r: Record<string, unknown>): ParcelCount {
  return {
    month: String(r.month),
    origin: String(r.origin),
    destination: String(r.destination),
    status: String(r.status),
    tenths: r.tenths === null ? null : Number(r.tenths),
    n: Number(r.n),
  };
}
