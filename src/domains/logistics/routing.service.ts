// Route planning for a hub's day: the service points on the day's unplanned manifests are
// visited by the hub's vehicles, solved with lib/vrp (hybrid genetic search, with the
// Clarke–Wright construction as a floor) over road-distance estimates. Planning again
// replaces the day's still-planned runs, so nothing is ever half-planned.
import { buildInstance, clarkeWright, runHgs, type VrpInstance } from '../../lib/vrp/index.js';
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { zoneForRegion } from '../../kernel/i18n/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { roadMatrix, type Located } from './geo.js';
import { detourFor, distanceOverrides, getHub, vehiclesOf } from './network.service.js';
import { servicePoints } from './logistics.queries.js';
import { manifestsOf } from './consolidation.service.js';

/** Minutes spent at each stop (loading, signatures). */
export const STOP_MINUTES = 10;
const ZONE_OFFSET = { WIB: 7, WITA: 8, WIT: 9 } as const;

export interface Stop {
  pointId: string;
  pickupGrams: number;
  deliveryGrams: number;
}

export interface PlannedTrip {
  vehicleIndex: number;
  trip: number;
  stops: number[];
  km: number;
  loadGrams: number;
}

/** Solves the routing instance: the better of HGS and savings (HGS is never worse in practice). */
export function solveRoutes(
  inst: VrpInstance,
  opts: { seconds?: number; iterations?: number; seed?: number } = {},
): { routes: number[][]; cost: number; solver: string } {
  const quick = clarkeWright(inst);
  if (inst.size <= 3) return { routes: quick.routes, cost: quick.cost, solver: 'savings' };
  // A day's run over a handful of points converges in a few hundred iterations: stop once 1,000
  // in a row find nothing better instead of spending the whole budget (the page answers sooner).
  const hgs = runHgs(inst, {
    seconds: opts.seconds ?? 1,
    iterations: opts.iterations ?? 3000,
    stopAfter: 1000,
    seed: opts.seed ?? 1,
  });
  return hgs.feasible && hgs.cost <= quick.cost + 1e-9
    ? { routes: hgs.routes, cost: hgs.cost, solver: 'hgs' }
    : { routes: quick.routes, cost: quick.cost, solver: 'savings' };
}

/** Departure at 08:00 local time of the hub's zone on the service date, as a UTC instant. */
export function departureUtc(serviceDate: string, regionCode: string): number {
  const [y, m, d] = serviceDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d, 8 - ZONE_OFFSET[zoneForRegion(regionCode)]);
}

export interface PlanOptions {
  vehicleIds?: string[];
  seconds?: number;
  iterations?: number;
  isDemo?: boolean;
}

/** Plans the day's runs of a hub and stores them with their ordered stops and ETAs. */
export async function planRuns(
  db: Tx,
  actor: Actor | null,
  hubId: string,
  serviceDate: string,
  opts: PlanOptions = {},
): Promise<Result<{ runIds: string[]; km: number; cost: number; solver: string }>> {
  const hub = await getHub(db, hubId);
  if (!hub) return fail('LOGISTICS_UNKNOWN_HUB', { id: hubId });
  let vehicles = await vehiclesOf(db, hubId);
  if (opts.vehicleIds?.length) vehicles = vehicles.filter((v) => opts.vehicleIds!.includes(v.id));
  if (vehicles.length === 0) return fail('LOGISTICS_NO_VEHICLES');
  // Manifests not yet on a run, or on a run that is only planned (planning again replaces it).
  const planned = await db
    .selectFrom('runs')
    .select('id')
    .where('hub_id', '=', hubId)
    .where('service_date', '=', serviceDate)
    .where('status', '=', 'planned')
    .execute();
  const replace = new Set(planned.map((r) => r.id));
  const manifests = (await manifestsOf(db, hubId, serviceDate)).filter(
    (m) => m.run_id === null || replace.has(m.run_id),
  );
  const byPoint = new Map<string, Stop>();
  for (const m of manifests) {
    const pointId = m.from_kind === 'point' ? m.from_id : m.to_kind === 'point' ? m.to_id : null;
    if (!pointId || m.parcels === 0) continue;
    const s = byPoint.get(pointId) ?? { pointId, pickupGrams: 0, deliveryGrams: 0 };
    if (m.from_kind === 'point') s.pickupGrams += m.grams;
    else s.deliveryGrams += m.grams;
    byPoint.set(pointId, s);
  }
  const stops = [...byPoint.values()].sort((a, b) => a.pointId.localeCompare(b.pointId));
  if (stops.length === 0) return fail('LOGISTICS_NOTHING_TO_PLAN');
  const points = await servicePoints(
    db,
    stops.map((s) => s.pointId),
  );
  for (const s of stops) {
    const p = points.get(s.pointId);
    if (!p) return fail('LOGISTICS_UNKNOWN_POINT', { id: s.pointId });
    if (p.lat == null || p.lng == null) return fail('LOGISTICS_NO_COORDINATES', { name: p.name });
  }
  const maxCap = Math.max(...vehicles.map((v) => v.capacity_kg));
  // Deliveries ride from the hub and pickups ride back, so a stop needs room for both at worst.
  for (const s of stops) {
    const kg = (s.pickupGrams + s.deliveryGrams) / 1000;
    if (kg > maxCap)
      return fail('LOGISTICS_DEMAND_EXCEEDS_CAPACITY', {
        name: points.get(s.pointId)!.name,
        kg: Math.ceil(kg),
        capacity: maxCap,
      });
  }
  const nodes: Located[] = [
    { id: hub.id, lat: hub.lat, lng: hub.lng },
    ...stops.map((s) => ({
      id: s.pointId,
      lat: points.get(s.pointId)!.lat!,
      lng: points.get(s.pointId)!.lng!,
    })),
  ];
  const detour = await detourFor(db, hub.region_code);
  const dist = roadMatrix(
    nodes,
    detour,
    await distanceOverrides(
      db,
      nodes.map((n) => n.id),
    ),
  );
  const inst = buildInstance({
    name: `${hub.id}-${serviceDate}`,
    distances: dist,
    demands: [0, ...stops.map((s) => (s.pickupGrams + s.deliveryGrams) / 1000)],
    capacity: maxCap,
    coordinates: nodes.map((n) => [n.lng, n.lat] as const),
  });
  const solved = solveRoutes(inst, opts);
  // Biggest loads first, each to the vehicle free earliest that can carry it; a vehicle
  // that comes back goes out again (a second trip) rather than leaving stops unserved.
  // Runs already under way today keep their vehicle busy: new trips start after them.
  const kept = await db
    .selectFrom('runs')
    .select(['vehicle_id', 'duration_min'])
    .where('hub_id', '=', hubId)
    .where('service_date', '=', serviceDate)
    .where('status', '!=', 'planned')
    .execute();
  const freeAt = vehicles.map((v) =>
    kept.filter((k) => k.vehicle_id === v.id).reduce((a, k) => a + k.duration_min, 0),
  );
  const trips = vehicles.map((v) => kept.filter((k) => k.vehicle_id === v.id).length);
  // Planned before 08:00 (or for a later day) the vans leave at 08:00; planned later on the
  // service day itself, they leave at the next quarter hour.
  const eight = departureUtc(serviceDate, hub.region_code);
  const now = Date.now();
  const depart =
    now > eight && now < eight + 16 * 3600_000 ? Math.ceil(now / 900_000) * 900_000 : eight;
  const routes = solved.routes
    .map((r) => ({ r, kg: r.reduce((a, c) => a + inst.demand[c], 0) }))
    .sort((a, b) => b.kg - a.kg);
  const runIds: string[] = [];
  let totalKm = 0;
  let totalCost = 0;
  await inTransaction(db, async (tx) => {
    if (replace.size) {
      await tx
        .updateTable('manifests')
        .set({ run_id: null })
        .where('run_id', 'in', [...replace])
        .execute();
      await tx
        .deleteFrom('run_stops')
        .where('run_id', 'in', [...replace])
        .execute();
      await tx
        .deleteFrom('runs')
        .where('id', 'in', [...replace])
        .execute();
    }
    for (const { r, kg } of routes) {
      let vi = -1;
      for (let i = 0; i < vehicles.length; i++)
        if (vehicles[i].capacity_kg >= kg && (vi < 0 || freeAt[i] < freeAt[vi])) vi = i;
      const v = vehicles[vi];
      const runId = newId('run');
      let t = depart + freeAt[vi] * 60_000;
      let prev = 0;
      let km = 0;
      let load = r.reduce((a, c) => a + stops[c - 1].deliveryGrams, 0);
      const rows = r.map((c, seq) => {
        const leg = dist[prev][c];
        km += leg;
        t += (leg / v.speed_kmh) * 3600_000;
        const s = stops[c - 1];
        load += s.pickupGrams - s.deliveryGrams;
        const row = {
          run_id: runId,
          seq: seq + 1,
          service_point_id: s.pointId,
          pickup_grams: s.pickupGrams,
          delivery_grams: s.deliveryGrams,
          load_after_grams: load,
          km_from_prev: Math.round(leg * 10) / 10,
          eta: new Date(t).toISOString(),
        };
        t += STOP_MINUTES * 60_000;
        prev = c;
        return row;
      });
      km += dist[prev][0];
      t += (dist[prev][0] / v.speed_kmh) * 3600_000;
      const minutes = Math.round((t - depart) / 60_000) - freeAt[vi];
      freeAt[vi] += minutes;
      trips[vi] += 1;
      const cost = Math.round(km * v.cost_per_km);
      totalKm += km;
      totalCost += cost;
      await tx
        .insertInto('runs')
        .values({
          id: runId,
          hub_id: hub.id,
          vehicle_id: v.id,
          service_date: serviceDate,
          trip: trips[vi],
          status: 'planned',
          distance_km: Math.round(km * 10) / 10,
          cost,
          duration_min: minutes,
          planned_at: nowIso(),
          planned_by: actor?.userId ?? null,
          solver: solved.solver,
          is_demo: opts.isDemo ? 1 : 0,
        })
        .execute();
      await tx.insertInto('run_stops').values(rows).execute();
      const ids = manifests
        .filter((m) =>
          r.some((c) => stops[c - 1].pointId === (m.from_kind === 'point' ? m.from_id : m.to_id)),
        )
        .map((m) => m.id);
      if (ids.length)
        await tx.updateTable('manifests').set({ run_id: runId }).where('id', 'in', ids).execute();
      runIds.push(runId);
    }
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'run.plan',
      entityType: 'hub',
      entityId: hub.id,
      data: {
        date: serviceDate,
        runs: runIds.length,
        stops: stops.length,
        km: Math.round(totalKm),
      },
    });
  });
  return ok({ runIds, km: Math.round(totalKm * 10) / 10, cost: totalCost, solver: solved.solver });
}

export async function runsOf(db: Tx, hubId: string, serviceDate: string) {
  return db
    .selectFrom('runs as r')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .select([
      'r.id',
      'r.trip',
      'r.status',
      'r.distance_km',
      'r.cost',
      'r.duration_min',
      'r.solver',
      'v.name as vehicle',
      'v.capacity_kg',
    ])
    .where('r.hub_id', '=', hubId)
    .where('r.service_date', '=', serviceDate)
    .orderBy('v.name')
    .orderBy('r.trip')
    .execute();
}

export async function runDetail(db: Tx, runId: string) {
  const run = await db
    .selectFrom('runs as r')
    .innerJoin('vehicles as v', 'v.id', 'r.vehicle_id')
    .innerJoin('hubs as h', 'h.id', 'r.hub_id')
    .select([
      'r.id',
      'r.hub_id',
      'r.service_date',
      'r.trip',
      'r.status',
      'r.distance_km',
      'r.cost',
      'r.duration_min',
      'r.solver',
      'v.name as vehicle',
      'v.capacity_kg',
      'h.name as hub_name',
      'h.lat as hub_lat',
      'h.lng as hub_lng',
      'h.region_code',
    ])
    .where('r.id', '=', runId)
    .executeTakeFirst();
  if (!run) return undefined;
  const rows = await db
    .selectFrom('run_stops as s')
    .select([
      's.seq',
      's.service_point_id',
      's.pickup_grams',
      's.delivery_grams',
      's.load_after_grams',
      's.km_from_prev',
      's.eta',
    ])
    .where('s.run_id', '=', runId)
    .orderBy('s.seq')
    .execute();
  const points = await servicePoints(db, [...new Set(rows.map((s) => s.service_point_id))]);
  const stops = rows.flatMap((s) => {
    const p = points.get(s.service_point_id);
    return p ? [{ ...s, name: p.name, lat: p.lat, lng: p.lng, village_code: p.village_code }] : [];
  });
  const manifests = await db
    .selectFrom('manifests')
    .select(['id', 'from_kind', 'from_id', 'to_kind', 'to_id'])
    .where('run_id', '=', runId)
    .execute();
  return { run, stops, manifests };
}
