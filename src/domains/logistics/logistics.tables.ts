// Tables of the logistics domain: the hub network (kabupaten hub → kecamatan hubs → village
// service points), vehicles, road-distance settings, parcels with their legs and scans,
// manifests and runs with their ordered stops.
export type HubTier = 'kabupaten' | 'kecamatan';
/** A node of a parcel's path: a service point, a hub, or the edge of the network. */
export type NodeKind = 'point' | 'hub' | 'entry' | 'exit';
export type ParcelStatus =
  | 'created'
  | 'at_point'
  | 'at_hub'
  | 'in_transit'
  | 'out_for_delivery'
  | 'ready_for_pickup'
  | 'delivered'
  | 'failed_delivery'
  | 'returned';
export type ScanKind =
  | 'received_at_point'
  | 'left_hub'
  | 'arrived_hub'
  | 'out_for_delivery'
  | 'ready_for_pickup'
  | 'delivered'
  | 'failed_delivery'
  /** Marked for return to the seller (after a failed delivery, or not collected at the point). */
  | 'return_started'
  /** Received back at the seller's service point (or handed back at the network's edge). */
  | 'returned';

export interface HubsTable {
  id: string;
  tier: HubTier;
  /** Kecamatan code for a kecamatan hub, kabupaten code for a kabupaten hub. */
  region_code: string;
  /** A kecamatan hub's kabupaten hub; null for a kabupaten hub. */
  parent_hub_id: string | null;
  name: string;
  lat: number;
  lng: number;
  is_demo: number;
  created_at: string;
}

export interface HubPointsTable {
  /** One hub per service point: the point's parcels go to and come from it. */
  service_point_id: string;
  hub_id: string;
  assigned_at: string;
  assigned_by: string | null;
}

export interface VehiclesTable {
  id: string;
  hub_id: string;
  name: string;
  capacity_kg: number;
  /** Integer rupiah per kilometre driven. */
  cost_per_km: number;
  /** Average speed on rural roads, for ETAs. */
  speed_kmh: number;
  active: number;
  is_demo: number;
  created_at: string;
}

export interface RoutingSettingsTable {
  regency_code: string;
  /** Road kilometres per great-circle kilometre (winding roads, ferries). */
  detour_factor: number;
  updated_at: string;
  updated_by: string | null;
}

export interface DistanceOverridesTable {
  /** Location ids (hub or service point), stored with from_id < to_id: roads are two-way. */
  from_id: string;
  to_id: string;
  km: number;
  imported_at: string;
  imported_by: string | null;
}

export interface ParcelsTable {
  id: string;
  tracking_number: string;
  order_id: string | null;
  direction: 'outbound' | 'inbound' | 'local';
  origin_village_code: string | null;
  destination_village_code: string | null;
  origin_point_id: string | null;
  destination_point_id: string | null;
  weight_grams: number;
  status: ParcelStatus;
  /** Index into parcel_legs of the node where the parcel is (or departed from). */
  node_index: number;
  /** Failed delivery attempts so far (a retry is manifested again). */
  attempts: number;
  /** One-time code the buyer shows at pickup; cleared once used. */
  pickup_code: string | null;
  proof_kind: 'code' | 'photo' | null;
  /** Stored stem of the proof-of-delivery photo (`pod/pod_…`), never served publicly. */
  proof_photo: string | null;
  /** 1 once marked for return: the path after the current node leads back to the sender. */
  returning: number;
  created_at: string;
  updated_at: string;
  delivered_at: string | null;
  is_demo: number;
}

/** The parcel's path as nodes 0..n; node i → i+1 is leg i. */
export interface ParcelNodesTable {
  parcel_id: string;
  idx: number;
  kind: NodeKind;
  /** Hub or service point id; null for entry/exit. */
  ref_id: string | null;
}

export interface ParcelScansTable {
  id: string;
  parcel_id: string;
  /** Minted by the scanning device; the same scan sent twice is one event. */
  client_scan_id: string;
  kind: ScanKind;
  node_index: number;
  location_id: string | null;
  actor_id: string | null;
  note: string | null;
  /** The proof photo of a delivered scan (same stem as the parcel's). */
  proof_photo: string | null;
  at: string;
}

export interface ManifestsTable {
  id: string;
  hub_id: string;
  service_date: string;
  from_kind: NodeKind;
  from_id: string | null;
  to_kind: NodeKind;
  to_id: string | null;
  run_id: string | null;
  created_at: string;
  created_by: string | null;
  is_demo: number;
}

export interface ManifestParcelsTable {
  manifest_id: string;
  parcel_id: string;
  /** The leg (parcel_nodes idx of its start) and attempt: a leg is manifested once per attempt. */
  node_index: number;
  attempt: number;
  weight_grams: number;
}

export interface RunsTable {
  id: string;
  hub_id: string;
  vehicle_id: string;
  service_date: string;
  /** Order of this trip among the vehicle's trips of the day. */
  trip: number;
  status: 'planned' | 'departed' | 'completed';
  distance_km: number;
  cost: number;
  duration_min: number;
  planned_at: string;
  planned_by: string | null;
  solver: string;
  is_demo: number;
}

export interface RunStopsTable {
  run_id: string;
  seq: number;
  service_point_id: string;
  pickup_grams: number;
  delivery_grams: number;
  /** Load on board when leaving the stop. */
  load_after_grams: number;
  km_from_prev: number;
  eta: string;
}

/**
 * How impact's parcel summary cells changed (migration 0706): written by triggers on `parcels`,
 * taken by the summary job. One cell is a creation month, origin and destination province
 * ('' when unknown), status and delivery lead in tenths of a day (null until delivered).
 */
export interface ParcelCountChangesTable {
  /** Creation month, 'YYYY-MM'. */
  month: string;
  /** Province codes ('' when the village is unknown). */
  origin: string;
  destination: string;
  status: string;
  /** Days from creation to delivery in tenths, rounded; null when not delivered. */
  tenths: number | null;
  /** Parcels that entered the cell (negative: left it). */
  n: number;
}

/** An area's parcels of a creation month: one figure's values counted by hours to the tenth. */
export interface ParcelStageMonthsTable {
  /** Province ('53') or regency ('53.09') code. */
  region: string;
  /** Creation month, 'YYYY-MM'. */
  month: string;
  /** A stage, 'end_to_end', 'failed' or 'status <status>'. */
  k: string;
  /** JSON {"<tenths>": count}; tenths 0 for a status or failed attempts. */
  counts: string;
}

/** What one parcel adds to the summary, under the keys it was filed by. */
export interface ParcelStageMarksTable {
  parcel_id: string;
  /** Creation day; origin and destination regencies ('' when unknown). */
  day: string;
  origin: string;
  destination: string;
  /** JSON {"<k>": {"<tenths>": count}}. */
  marks: string;
}

/** A parcel written since the summary last counted it (a parcel may stand several times). */
export interface ParcelStageDirtyTable {
  parcel_id: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    hubs: HubsTable;
    hub_points: HubPointsTable;
    vehicles: VehiclesTable;
    routing_settings: RoutingSettingsTable;
    distance_overrides: DistanceOverridesTable;
    parcels: ParcelsTable;
    parcel_nodes: ParcelNodesTable;
    parcel_scans: ParcelScansTable;
    parcel_count_changes: ParcelCountChangesTable;
    parcel_stage_months: ParcelStageMonthsTable;
    parcel_stage_marks: ParcelStageMarksTable;
    parcel_stage_dirty: ParcelStageDirtyTable;
    manifests: ManifestsTable;
    manifest_parcels: ManifestParcelsTable;
    runs: RunsTable;
    run_stops: RunStopsTable;
  }
}
