// The logistics KPIs' parcel and scan figures summed in the database in one statement (issue
// 19: a province's year is hundreds of thousands of parcels and millions of scans, which the
// page read into JavaScript 500 parcels at a time). The parcels in scope are picked once
// (materialized: read for the counts by status and for their scans). Each parcel's scans in
// time order, with window functions:
// - its list is the scans before its first `return_started` (the trip home feeds no median);
// - a stage is two consecutive scans of that list (received_at_point → arrived_hub is the
//   first mile, left_hub → arrived_hub the line haul, out_for_delivery → ready_for_pickup or
//   delivered the last mile, ready_for_pickup → delivered the pickup wait); end to end is the
//   first scan to the first delivered one, when that is not the first;
// - failed deliveries are its list's failed_delivery scans, plus one when the first
//   return_started follows ready_for_pickup (sent back uncollected from the buyer's point).
// Medians are the middle value, or the mean of the two middle ones, as lib/stats' median
// (parcel-stats.queries.ts, mediansBy).
import { sql } from 'kysely';
import { inTransaction, isPostgres, type Tx } from '../../kernel/db/index.js';
import {
  mediansBy,
  secondsBetween,
  STATUS_COUNTS,
  statusOf,
  touching,
} from './parcel-stats.queries.js';

export type Stage = 'first_mile' | 'line_haul' | 'last_mile' | 'pickup_wait';

export interface KpiFigures {
  /** The parcels by status. */
  byStatus: Record<string, number>;
  /** Median hours of each stage and end to end; absent when no parcel completed it. */
  medians: Partial<Record<Stage | 'end_to_end', number>>;
  failedDeliveries: number;
}

/** Figures of the parcels created in [from, end) leaving or reaching `regionPrefix`. */
export async function kpiFigures(
  db: Tx,
  regionPrefix: string,
  from: string,
  end: string,
): Promise<KpiFigures> {
  const scoped = db
    .selectFrom('parcels')
    .select(['id', 'status'])
    .where((eb) => touching(eb, [regionPrefix]))
    .where('created_at', '>=', from)
    .where('created_at', '<', end);
  const h = (a: string, b: string) => sql.raw(`${secondsBetween(db, a, b)} / 3600.0`);
  // Each scan once: the stage it starts (or the delivery that ends the trip, or a failed
  // attempt), in one pass over the window's rows. Five passes, one a stage, over the window's
  // rows written out (on PostgreSQL to disk past work_mem) took 1.2 s of a province's year.
  const figures = sql<{ k: string; v: number | string | null }>`
    with scoped as materialized ${scoped},
    seq as (
      select kind, at,
        lead(kind) over w as next_kind, lead(at) over w as next_at, lag(kind) over w as prev_kind,
        first_value(at) over w as first_at,
        sum(case when kind = 'return_started' then 1 else 0 end) over w as returns,
        sum(case when kind = 'delivered' then 1 else 0 end) over w as delivered
      from parcel_scans
      where parcel_id in (select id from scoped)
      window w as (partition by parcel_id order by at, id)
    ),
    stages as (
      select case
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
        case when kind = 'delivered' then ${h('first_at', 'at')} else ${h('at', 'next_at')} end as v
      from seq
    )
    ${sql.raw(mediansBy(db, 'select k, v from stages where k is not null', 'failed'))}
    union all
    ${sql.raw(STATUS_COUNTS)}`;
  // PostgreSQL would compile this statement (its cost passes jit_above_cost) for longer than
  // it runs: a province's year took 2.7 s with JIT and 1.6 s without (bench/README.md).
  const rows = isPostgres(db)
    ? await inTransaction(db, async (tx) => {
        await sql`set local jit = off`.execute(tx);
        return figures.execute(tx);
      })
    : await figures.execute(db);
  const out: KpiFigures = { byStatus: {}, medians: {}, failedDeliveries: 0 };
  for (const r of rows.rows) {
    const status = statusOf(r.k);
    if (status !== null) out.byStatus[status] = Number(r.v);
    else if (r.k === 'failed') out.failedDeliveries = Number(r.v ?? 0);
    else out.medians[r.k as Stage | 'end_to_end'] = Number(r.v);
  }
  return out;
}
