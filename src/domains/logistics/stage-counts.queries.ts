// The logistics KPIs' stage figures counted from the scans themselves, in one statement: the
// stage summary (stage-summary.ts) counts each written parcel again with it, and the KPIs read
// it for what the summary does not hold yet (and for a kecamatan or a village). The parcels in scope are picked once
// (materialized: read for their statuses and for their scans). Each parcel's scans in time
// order, with window functions:
// - its list is the scans before its first `return_started` (the trip home feeds no median);
// - a stage is two consecutive scans of that list (received_at_point → arrived_hub is the
//   first mile, left_hub → arrived_hub the line haul, out_for_delivery → ready_for_pickup or
//   delivered the last mile, ready_for_pickup → delivered the pickup wait); end to end is the
//   first scan to the first delivered one, when that is not the first;
// - failed deliveries are its list's failed_delivery scans, plus one when the first
//   return_started follows ready_for_pickup (sent back uncollected from the buyer's point).
// Each value is counted by its hours to the tenth (the page's precision), so that a summary of
// counts gives the same medians as the scans: a value and its count is all a median needs.
import { sql, type SelectQueryBuilder } from 'kysely';
import { inTransaction, isPostgres, type Database, type Tx } from '../../kernel/db/index.js';

export type Stage = 'first_mile' | 'line_haul' | 'last_mile' | 'pickup_wait';

/** Parcels, stage values or failed attempts: `k` is a stage, 'end_to_end', 'failed' or 'status <s>'. */
export interface StageCount {
  k: string;
  /** Hours in tenths; 0 for a status or failed attempts. */
  tenths: number;
  n: number;
}

/** The parcels a count reads: `select id, status, created_at, origin…, destination… from parcels`. */
export type ScopedParcels = SelectQueryBuilder<
  Database,
  'parcels',
  {
    id: string;
    status: string;
    created_at: string;
    origin_village_code: string | null;
    destination_village_code: string | null;
  }
>;

/** The scoped parcels' columns a count needs. */
export const SCOPED_COLUMNS = [
  'id',
  'status',
  'created_at',
  'origin_village_code',
  'destination_village_code',
] as const;

/**
 * Tenths of an hour from `a` to `b` (ISO-8601 UTC columns), half up, in SQL. Exact on both
 * databases: scans fall on whole minutes, so 3 minutes (half a tenth) is common, and SQLite's
 * floating seconds would put it on either side. Integer milliseconds there; numeric here.
 */
export function tenthsBetween(db: Tx, a: string, b: string): string {
  return isPostgres(db)
    ? `floor((extract(epoch from (${b}::timestamptz - ${a}::timestamptz)) * 1000 + 180000) / 360000)::integer`
    : `((cast(round(unixepoch(${b}, 'subsec') * 1000) as integer)
        - cast(round(unixepoch(${a}, 'subsec') * 1000) as integer) + 180000) / 360000)`;
}

/** The statement's common part: `vals (id, k, tenths)` for every scoped parcel. */
function values(db: Tx, scoped: ScopedParcels) {
  const t = (a: string, b: string) => sql.raw(tenthsBetween(db, a, b));
  return sql`
    with scoped as materialized ${scoped},
    seq as (
      select parcel_id, kind, at,
        lead(kind) over w as next_kind, lead(at) over w as next_at, lag(kind) over w as prev_kind,
        first_value(at) over w as first_at,
        sum(case when kind = 'return_started' then 1 else 0 end) over w as returns,
        sum(case when kind = 'delivered' then 1 else 0 end) over w as delivered
      from parcel_scans
      where parcel_id in (select id from scoped)
      window w as (partition by parcel_id order by at, id)
    ),
    stages as (
      select parcel_id, case
          when kind = 'return_started' then
            case when returns = 1 and prev_kind = 'ready_for_pickup' then 'failed' end
          when returns > 0 then null
          when kind = 'failed_delivery' then 'failed'
          when kind = 'received_at_point' and next_kind = 'arrived_hub' then 'first_mile'
          when kind = 'left_hub' and next_kind = 'arrived_hub' then 'line_haul'
          when kind = 'out_for_delivery' and next_kind in ('ready_for_pickup', 'delivered')
            then 'last_mile'
          when kind = 'ready_for_pickup' and next_kind = 'delivered' then 'pickup_wait'
          when kind = 'delivered' and delivered = 1 and prev_kind is not null then 'end_to_end'
        end as k,
        case when kind = 'delivered' then ${t('first_at', 'at')} else ${t('at', 'next_at')} end as tenths
      from seq
    ),
    vals as (
      select parcel_id as id, k, case when k = 'failed' then 0 else tenths end as tenths
      from stages where k is not null
      union all
      select id, 'status ' || status, 0 from scoped
    )`;
}

/**
 * PostgreSQL would compile the statement (its cost passes jit_above_cost) for longer than it
 * runs: a province's year took 2.7 s with JIT and 1.6 s without (bench/README.md).
 */
async function run<R>(db: Tx, q: { execute(db: Tx): Promise<{ rows: R[] }> }): Promise<R[]> {
  if (!isPostgres(db)) return (await q.execute(db)).rows;
  return inTransaction(db, async (tx) => {
    await sql`set local jit = off`.execute(tx);
    return (await q.execute(tx)).rows;
  });
}

/** The scoped parcels' values counted together. */
export async function liveStageCounts(db: Tx, scoped: ScopedParcels): Promise<StageCount[]> {
  const rows = await run(
    db,
    sql<Record<string, unknown>>`${values(db, scoped)}
      select k, tenths, count(*) as n from vals group by k, tenths`,
  );
  return rows.map((r) => ({ k: String(r.k), tenths: Number(r.tenths), n: Number(r.n) }));
}

/** The values of each scoped parcel, with the keys the summary files it under. */
export interface ParcelCount extends StageCount {
  id: string;
  /** Creation day; origin and destination regencies ('' when unknown). */
  day: string;
  origin: string;
  destination: string;
}

/** The scoped parcels' values counted parcel by parcel. */
export async function liveParcelCounts(db: Tx, scoped: ScopedParcels): Promise<ParcelCount[]> {
  const rows = await run(
    db,
    sql<Record<string, unknown>>`${values(db, scoped)}
    select s.id, substr(s.created_at, 1, 10) as day,
      coalesce(substr(s.origin_village_code, 1, 5), '') as origin,
      coalesce(substr(s.destination_village_code, 1, 5), '') as destination,
      v.k, v.tenths, count(*) as n
    from vals v join scoped s on s.id = v.id
    group by s.id, s.created_at, s.origin_village_code, s.destination_village_code, v.k, v.tenths`,
  );
  return rows.map((r) => ({
    id: String(r.id),
    day: String(r.day),
    origin: String(r.origin),
    destination: String(r.destination),
    k: String(r.k),
    tenths: Number(r.tenths),
    n: Number(r.n),
  }));
}
