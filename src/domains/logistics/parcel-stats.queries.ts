// Parcel facts impact's KPIs read: only logistics names its tables; exported from index.ts.
import { regionWhere } from '../../kernel/auth/index.js';
import { sql, type SelectQueryBuilder, type Transaction } from 'kysely';
import { isPostgres, type Database, type Tx } from '../../kernel/db/index.js';
import type { ParcelCountChangesTable } from './logistics.tables.js';

/** Status and times of every parcel leaving or reaching region prefixes ('all' = the country). */
export async function parcelsTouching(
  db: Tx,
  scope: 'all' | string[],
): Promise<{ status: string; created_at: string; delivered_at: string | null }[]> {
  return db
    .selectFrom('parcels')
    .select(['status', 'created_at', 'delivered_at'])
    .where((eb) =>
      eb.or([
        regionWhere(eb, 'origin_village_code', scope),
        regionWhere(eb, 'destination_village_code', scope),
      ]),
    )
    .execute();
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
