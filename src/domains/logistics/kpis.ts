// Logistics KPIs for a regency officer: median lead time per stage and end to end, cost per
// parcel and parcels per run, the share of villages with a service point within 5 km of the
// village centre (where both have coordinates), failed deliveries and returns. Medians are
// taken in JavaScript so both databases give the same answer.
//
// Failed deliveries count attempts to reach the buyer that failed: each `failed_delivery`
// scan on the way to the buyer, plus a parcel sent back uncollected from the buyer's point
// (`return_started` right after `ready_for_pickup`). A failed attempt on the way back to the
// seller is not a failed delivery to a buyer, and the trip home feeds no lead-time median.
import type { Tx } from '../../kernel/db/index.js';
import { greatCircleKm } from './geo.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { servicePointSitesIn } from '../community/index.js';
import { villageCentres } from '../regions/index.js';
import { median } from '../../lib/stats/index.js';

export type Stage = 'first_mile' | 'line_haul' | 'last_mile' | 'pickup_wait';
export const STAGES: Stage[] = ['first_mile', 'line_haul', 'last_mile', 'pickup_wait'];

export interface LogisticsKpis {
  region: string;
  from: string;
  to: string;
  parcels: number;
  delivered: number;
  failedDeliveries: number;
  /** Parcels received back by the seller's service point. */
  returned: number;
  /** Hours; null when no parcel completed that stage in the period. */
  medianHours: Record<Stage | 'end_to_end', number | null>;
  runs: number;
  parcelsPerRun: number | null;
  costPerParcel: number | null;
  coverage: { villages: number; within5km: number; share: number | null };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);
}

/** KPIs of parcels created and runs driven in [from, to] (dates, inclusive) inside `regionPrefix`. */
export async function logisticsKpis(
  db: Tx,
  regionPrefix: string,
  from: string,
  to: string,
): Promise<LogisticsKpis> {
  const end = nextDay(to);
  const parcels = await db
    .selectFrom('parcels')
    .select(['id', 'status'])
    .where((eb) =>
      eb.or([
        regionWhere(eb, 'origin_village_code', [regionPrefix]),
        regionWhere(eb, 'destination_village_code', [regionPrefix]),
      ]),
    )
    .where('created_at', '>=', from)
    .where('created_at', '<', end)
    .execute();
  const ids = parcels.map((p) => p.id);
  const scans: { parcel_id: string; kind: string; at: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    scans.push(
      ...(await db
        .selectFrom('parcel_scans')
        .select(['parcel_id', 'kind', 'at'])
        .where('parcel_id', 'in', ids.slice(i, i + 500))
        .orderBy('at')
        .orderBy('id')
        .execute()),
    );
  }
  const byParcel = new Map<string, typeof scans>();
  for (const s of scans) byParcel.set(s.parcel_id, [...(byParcel.get(s.parcel_id) ?? []), s]);
  const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3600_000;
  const stage: Record<Stage | 'end_to_end', number[]> = {
    first_mile: [],
    line_haul: [],
    last_mile: [],
    pickup_wait: [],
    end_to_end: [],
  };
  let failed = 0;
  for (const all of byParcel.values()) {
    const turn = all.findIndex((s) => s.kind === 'return_started');
    if (turn > 0 && all[turn - 1].kind === 'ready_for_pickup') failed++;
    const list = turn < 0 ? all : all.slice(0, turn);
    for (let i = 0; i < list.length; i++) {
      const s = list[i];
      const n = list[i + 1];
      if (s.kind === 'failed_delivery') failed++;
      if (!n) continue;
      if (s.kind === 'received_at_point' && n.kind === 'arrived_hub')
        stage.first_mile.push(hours(s.at, n.at));
      if (s.kind === 'left_hub' && n.kind === 'arrived_hub')
        stage.line_haul.push(hours(s.at, n.at));
      if (
        s.kind === 'out_for_delivery' &&
        (n.kind === 'ready_for_pickup' || n.kind === 'delivered')
      )
        stage.last_mile.push(hours(s.at, n.at));
      if (s.kind === 'ready_for_pickup' && n.kind === 'delivered')
        stage.pickup_wait.push(hours(s.at, n.at));
    }
    const done = list.find((s) => s.kind === 'delivered');
    if (done && list[0] !== done) stage.end_to_end.push(hours(list[0].at, done.at));
  }
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  const runs = await db
    .selectFrom('runs as r')
    .innerJoin('hubs as h', 'h.id', 'r.hub_id')
    .select(['r.id', 'r.cost'])
    .where((eb) => regionWhere(eb, 'h.region_code', [regionPrefix]))
    .where('r.service_date', '>=', from)
    .where('r.service_date', '<=', to)
    .execute();
  let carried = 0;
  if (runs.length) {
    const c = await db
      .selectFrom('manifest_parcels as mp')
      .innerJoin('manifests as m', 'm.id', 'mp.manifest_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(
        'm.run_id',
        'in',
        runs.map((r) => r.id),
      )
      .executeTakeFirst();
    carried = Number(c?.n ?? 0);
  }
  const cost = runs.reduce((a, r) => a + r.cost, 0);
  const centres = await villageCentres(db, regionPrefix);
  const points = (await servicePointSitesIn(db, regionPrefix)).filter(
    (p) => p.lat != null && p.lng != null,
  );
  const within = centres.filter((v) =>
    points.some((p) => greatCircleKm(v, { lat: p.lat!, lng: p.lng! }) <= 5),
  ).length;
  return {
    region: regionPrefix,
    from,
    to,
    parcels: parcels.length,
    delivered: parcels.filter((p) => p.status === 'delivered').length,
    failedDeliveries: failed,
    returned: parcels.filter((p) => p.status === 'returned').length,
    medianHours: {
      first_mile: round(median(stage.first_mile)),
      line_haul: round(median(stage.line_haul)),
      last_mile: round(median(stage.last_mile)),
      pickup_wait: round(median(stage.pickup_wait)),
      end_to_end: round(median(stage.end_to_end)),
    },
    runs: runs.length,
    parcelsPerRun: runs.length ? Math.round((carried / runs.length) * 10) / 10 : null,
    costPerParcel: carried ? Math.round(cost / carried) : null,
    coverage: {
      villages: centres.length,
      within5km: within,
      share: centres.length ? within / centres.length : null,
    },
  };
}
