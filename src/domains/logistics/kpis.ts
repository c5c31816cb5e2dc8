// Logistics KPIs for a regency officer: median lead time per stage and end to end, cost per
// parcel and parcels per run, the share of villages with a service point within 5 km of the
// village centre (where both have coordinates), failed deliveries and returns. The scan
// figures (and what counts as a failed delivery) come from the stage summary, counted in the
// database (kpi-figures.queries.ts, stage-summary.ts), so a province's year stays a few
// thousand rows; pages call it through `logisticsKpisRead`, off the event loop where the app
// has read workers.
import type { Tx } from '../../kernel/db/index.js';
import { countWithinKm } from './geo.js';
import { regionWhere } from '../../kernel/auth/index.js';
import { servicePointSitesIn } from '../community/index.js';
import { villageCentres } from '../regions/index.js';
import { readModel } from '../../kernel/offloop/index.js';
import { kpiFigures, type Stage } from './kpi-figures.queries.js';

export type { Stage };
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
  const figures = await kpiFigures(db, regionPrefix, from, end);
  const count = (status?: string) =>
    Object.entries(figures.byStatus)
      .filter(([s]) => !status || s === status)
      .reduce((a, [, n]) => a + n, 0);
  const round = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10) / 10);
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
  const within = countWithinKm(
    centres,
    points.map((p) => ({ lat: p.lat!, lng: p.lng! })),
    5,
  );
  return {
    region: regionPrefix,
    from,
    to,
    parcels: count(),
    delivered: count('delivered'),
    failedDeliveries: figures.failedDeliveries,
    returned: count('returned'),
    medianHours: {
      first_mile: round(figures.medians.first_mile),
      line_haul: round(figures.medians.line_haul),
      last_mile: round(figures.medians.last_mile),
      pickup_wait: round(figures.medians.pickup_wait),
      end_to_end: round(figures.medians.end_to_end),
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

/** The KPIs as a read the pages run off the event loop (read workers on a SQLite file). */
export const logisticsKpisRead = readModel('logistics.kpis', logisticsKpis);
