// Response schemas of the logistics JSON API and the mappers from database rows to them: the API
// speaks camelCase throughout, so no snake_case row leaves the handler as it came from the query.
import { z } from '@hono/zod-openapi';
import type { HubsTable, NodeKind } from './logistics.tables.js';
import type { ManifestSummary } from './consolidation.service.js';
import type { LogisticsKpis } from './kpis.js';

const PARCEL_STATUSES = [
  'created',
  'at_point',
  'at_hub',
  'in_transit',
  'out_for_delivery',
  'ready_for_pickup',
  'delivered',
  'failed_delivery',
  'returned',
] as const;
const NODE_KINDS = ['point', 'hub', 'entry', 'exit'] as const;
const RUN_STATUSES = ['planned', 'departed', 'completed'] as const;

export const Hub = z
  .object({
    id: z.string(),
    tier: z.enum(['kabupaten', 'kecamatan']),
    regionCode: z.string().openapi({
      description: 'Kecamatan code of a kecamatan hub, kabupaten code of a kabupaten hub',
    }),
    parentHubId: z.string().nullable().openapi({ description: "A kecamatan hub's kabupaten hub" }),
    name: z.string(),
    lat: z.number(),
    lng: z.number(),
    createdAt: z.string(),
  })
  .openapi('Hub');
export const HubList = z.object({ items: z.array(Hub) }).openapi('HubList');

export function hubJson(h: HubsTable): z.infer<typeof Hub> {
  return {
    id: h.id,
    tier: h.tier,
    regionCode: h.region_code,
    parentHubId: h.parent_hub_id,
    name: h.name,
    lat: h.lat,
    lng: h.lng,
    createdAt: h.created_at,
  };
}

export const Manifest = z
  .object({
    id: z.string(),
    fromKind: z.enum(NODE_KINDS),
    fromId: z.string().nullable(),
    toKind: z.enum(NODE_KINDS),
    toId: z.string().nullable(),
    runId: z.string().nullable(),
    parcels: z.number().int(),
    grams: z.number().int(),
  })
  .openapi('Manifest');
export const ManifestBuild = z
  .object({
    manifests: z.number().int().openapi({ description: 'Manifests opened by this build' }),
    parcels: z.number().int().openapi({ description: 'Parcels added to manifests by this build' }),
    items: z.array(Manifest).openapi({ description: 'All manifests of the hub and day' }),
  })
  .openapi('ManifestBuild');

export function manifestJson(m: ManifestSummary): z.infer<typeof Manifest> {
  return {
    id: m.id,
    fromKind: m.from_kind as NodeKind,
    fromId: m.from_id,
    toKind: m.to_kind as NodeKind,
    toId: m.to_id,
    runId: m.run_id,
    parcels: m.parcels,
    grams: m.grams,
  };
}

export const RunSummary = z
  .object({
    id: z.string(),
    trip: z.number().int(),
    status: z.enum(RUN_STATUSES),
    distanceKm: z.number(),
    cost: z.number().int().openapi({ description: 'Rupiah' }),
    durationMin: z.number().int(),
    solver: z.string(),
    vehicle: z.string(),
    capacityKg: z.number().int(),
  })
  .openapi('RunSummary');
export const RunList = z.object({ items: z.array(RunSummary) }).openapi('RunList');

type RunRow = {
  id: string;
  trip: number;
  status: (typeof RUN_STATUSES)[number];
  distance_km: number;
  cost: number;
  duration_min: number;
  solver: string;
  vehicle: string;
  capacity_kg: number;
};
export function runJson(r: RunRow): z.infer<typeof RunSummary> {
  return {
    id: r.id,
    trip: r.trip,
    status: r.status,
    distanceKm: r.distance_km,
    cost: r.cost,
    durationMin: r.duration_min,
    solver: r.solver,
    vehicle: r.vehicle,
    capacityKg: r.capacity_kg,
  };
}

const RunStop = z.object({
  seq: z.number().int(),
  servicePointId: z.string(),
  name: z.string(),
  eta: z.string(),
  pickupGrams: z.number().int(),
  deliveryGrams: z.number().int(),
  loadAfterGrams: z.number().int(),
  kmFromPrev: z.number(),
});
export const PlannedRun = RunSummary.extend({
  hubId: z.string(),
  serviceDate: z.string(),
  stops: z.array(RunStop),
}).openapi('PlannedRun');
export const RunPlan = z
  .object({
    runIds: z.array(z.string()),
    km: z.number(),
    cost: z.number().int().openapi({ description: 'Rupiah' }),
    solver: z.string(),
    runs: z.array(PlannedRun),
  })
  .openapi('RunPlan');

type StopRow = {
  seq: number;
  service_point_id: string;
  name: string;
  eta: string;
  pickup_grams: number;
  delivery_grams: number;
  load_after_grams: number;
  km_from_prev: number;
};
export function plannedRunJson(
  run: RunRow & { hub_id: string; service_date: string },
  stops: StopRow[],
): z.infer<typeof PlannedRun> {
  return {
    ...runJson(run),
    hubId: run.hub_id,
    serviceDate: run.service_date,
    stops: stops.map((s) => ({
      seq: s.seq,
      servicePointId: s.service_point_id,
      name: s.name,
      eta: s.eta,
      pickupGrams: s.pickup_grams,
      deliveryGrams: s.delivery_grams,
      loadAfterGrams: s.load_after_grams,
      kmFromPrev: s.km_from_prev,
    })),
  };
}

export const ScanResult = z
  .object({
    scanId: z.string(),
    duplicate: z
      .boolean()
      .openapi({ description: 'True when this clientScanId was recorded before' }),
    status: z.enum(PARCEL_STATUSES),
    trackingNumber: z.string(),
    parcelId: z.string(),
    returning: z.boolean(),
  })
  .openapi('ScanResult');

const hours = z.number().nullable();
export const LogisticsKpisSchema = z
  .object({
    region: z.string(),
    from: z.string(),
    to: z.string(),
    parcels: z.number().int(),
    delivered: z.number().int(),
    failedDeliveries: z.number().int(),
    returned: z
      .number()
      .int()
      .openapi({ description: "Parcels received back by the seller's service point" }),
    medianHours: z
      .object({
        firstMile: hours,
        lineHaul: hours,
        lastMile: hours,
        pickupWait: hours,
        endToEnd: hours,
      })
      .openapi({
        description: 'Median hours per stage; null when no parcel completed it in the period',
      }),
    runs: z.number().int(),
    parcelsPerRun: z.number().nullable(),
    costPerParcel: z.number().nullable(),
    coverage: z.object({
      villages: z.number().int(),
      within5km: z.number().int(),
      share: z.number().nullable(),
    }),
  })
  .openapi('LogisticsKpis');

export function kpisJson(k: LogisticsKpis): z.infer<typeof LogisticsKpisSchema> {
  const m = k.medianHours;
  return {
    ...k,
    medianHours: {
      firstMile: m.first_mile,
      lineHaul: m.line_haul,
      lastMile: m.last_mile,
      pickupWait: m.pickup_wait,
      endToEnd: m.end_to_end,
    },
  };
}
