// Parcel facts impact's KPIs read: only logistics names its tables; exported from index.ts.
import { regionWhere } from '../../kernel/auth/index.js';
import { sql } from 'kysely';
import { isPostgres, type Tx } from '../../kernel/db/index.js';
import './logistics.tables.js';

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

/** The creation months ('YYYY-MM') of the parcels changed at or after `since` (impact's summary). */
export async function parcelMonthsChangedSince(db: Tx, since: string): Promise<string[]> {
  const rows = await db
    .selectFrom('parcels')
    .select(sql<string>`substr(created_at, 1, 7)`.as('m'))
    .distinct()
    .where('updated_at', '>=', since)
    .execute();
  return rows.map((r) => String(r.m));
}

/** Parcels of one creation month by origin and destination province, status and lead time. */
export interface ParcelCount {
  month: string;
  /** Province codes ('' when the village is unknown). */
  origin: string;
  destination: string;
  status: string;
  /** Days from creation to delivery in tenths, rounded; null when not delivered. */
  tenths: number | null;
  n: number;
}

/**
 * Parcels created in `month` ('YYYY-MM'; every month when null) counted by origin and
 * destination province, status and delivery lead in tenths of a day: the figures of the KPI
 * page's parcel block, summed in the database so a month of a national world stays a few rows.
 */
export async function parcelCountsByMonth(db: Tx, month: string | null): Promise<ParcelCount[]> {
  const lead = isPostgres(db)
    ? sql<number>`round(extract(epoch from (delivered_at::timestamptz - created_at::timestamptz)) / 8640)`
    : sql<number>`round((julianday(delivered_at) - julianday(created_at)) * 10)`;
  const tenths = sql<
    number | null
  >`case when status = 'delivered' and delivered_at is not null then ${lead} end`;
  const m = sql<string>`substr(created_at, 1, 7)`;
  const o = sql<string>`coalesce(substr(origin_village_code, 1, 2), '')`;
  const d = sql<string>`coalesce(substr(destination_village_code, 1, 2), '')`;
  let q = db
    .selectFrom('parcels')
    .select([
      m.as('month'),
      o.as('origin'),
      d.as('destination'),
      'status',
      tenths.as('tenths'),
      (eb) => eb.fn.countAll().as('n'),
    ])
    .groupBy([m, o, d, 'status', tenths]);
  if (month !== null)
    q = q.where('created_at', '>=', month).where('created_at', '<', nextMonth(month));
  const rows = await q.execute();
  return rows.map((r) => ({
    month: String(r.month),
    origin: String(r.origin),
    destination: String(r.destination),
    status: String(r.status),
    tenths: r.tenths === null ? null : Number(r.tenths),
    n: Number(r.n),
  }));
}

/** '2026-12' → '2027-01'. */
function nextMonth(m: string): string {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
}
