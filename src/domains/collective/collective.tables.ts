// Tables of the collective domain: order cycles (market days) with their products, prices and
// pickup windows per service point; the orders placed in a cycle; one consolidated run per
// point at close; group buys with price tiers and commitments; and the domain's outbox.
export type CycleStatus = 'open' | 'closed';
/** none: one market day; weekly: +7 days; pasaran: +5 days (the Javanese market week). */
export type CycleRepeat = 'none' | 'weekly' | 'pasaran';

export interface CyclesTable {
  id: string;
  organisation_id: string;
  /** The organisation's village (scope filters). */
  village_code: string;
  name: string;
  opens_at: string;
  closes_at: string;
  repeat: CycleRepeat;
  status: CycleStatus;
  /** Orders accepted so far; bumped by a conditional update that also fences the close. */
  order_count: number;
  /** The cycle this one repeats (null for the first of a series). */
  previous_id: string | null;
  /** The first cycle of the series (standing orders follow a series). */
  series_id: string | null;
  /** Where the producers bring the cycle's goods; each run's parcel leaves from here (null: the
   *  organisation had no point when the cycle opened; the close then takes the run's own point). */
  collection_point_id: string | null;
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
  is_demo: number;
}

export interface CycleProductsTable {
  cycle_id: string;
  variant_id: string;
  product_id: string;
  umkm_id: string;
  /** Rupiah per unit for this cycle (defaults to the listing's price when opened). */
  price: number;
  /** The listing's price when the cycle was opened (savings KPI). */
  list_price: number;
}

export interface CyclePointsTable {
  cycle_id: string;
  service_point_id: string;
  /** Pickup day (YYYY-MM-DD, in the point's zone) and window (HH:MM). */
  pickup_date: string;
  pickup_from: string;
  pickup_to: string;
}

export interface CycleOrdersTable {
  order_id: string;
  cycle_id: string;
  group_id: string;
  service_point_id: string;
  placed_at: string;
}

/** One consolidated run per pickup point, made at close (a manifest, not one parcel per order). */
export interface CycleRunsTable {
  id: string;
  cycle_id: string;
  service_point_id: string;
  orders: number;
  items: number;
  weight_grams: number;
  /** The run's one logistics parcel (null when the network could not route it at close). */
  parcel_id: string | null;
  tracking_number: string | null;
  created_at: string;
}

export type GroupBuyStatus = 'open' | 'succeeded' | 'failed';

export interface GroupBuysTable {
  id: string;
  organisation_id: string | null;
  /** The point that collects commitments and receives the consolidated delivery. */
  service_point_id: string;
  village_code: string;
  variant_id: string;
  product_id: string;
  umkm_id: string;
  title: string;
  unit_label: string;
  list_price: number;
  /** Units needed for success. */
  minimum_qty: number;
  deadline: string;
  status: GroupBuyStatus;
  /** Sum of counted commitments (bumped by conditional update while open). */
  committed_qty: number;
  /** Price per unit reached at settlement (null until then or when failed). */
  final_price: number | null;
  created_by: string | null;
  created_at: string;
  settled_at: string | null;
  is_demo: number;
}

export interface GroupBuyTiersTable {
  group_buy_id: string;
  min_qty: number;
  price: number;
}

export type CommitmentStatus = 'committed' | 'ordered' | 'released';

export interface GroupBuyCommitmentsTable {
  id: string;
  group_buy_id: string;
  qty: number;
  buyer_name: string;
  buyer_phone: string | null;
  buyer_user_id: string | null;
  /** Set when an agent recorded it for a villager (with their consent). */
  agent_user_id: string | null;
  consent_at: string | null;
  payment_method: 'cod' | 'transfer' | 'qris';
  /** The price per unit shown when committing: the order never charges more. */
  seen_price: number;
  status: CommitmentStatus;
  order_id: string | null;
  created_at: string;
}

export type StandingStatus = 'active' | 'paused' | 'cancelled';

/** A buyer's (or an agent's, for a household) order repeated at every opening of a series. */
export interface StandingOrdersTable {
  id: string;
  series_id: string;
  organisation_id: string;
  service_point_id: string;
  buyer_name: string;
  buyer_phone: string | null;
  /** The signed-in buyer who subscribed (null when an agent recorded it for a household). */
  buyer_user_id: string | null;
  /** The agent who recorded it at their point with the household's consent. */
  agent_user_id: string | null;
  consent_at: string | null;
  payment_method: 'cod' | 'transfer' | 'qris';
  status: StandingStatus;
  /** 1: the next opening is skipped (the buyer asked), then it resets. */
  skip_next: number;
  created_at: string;
  updated_at: string;
}

export interface StandingOrderLinesTable {
  standing_order_id: string;
  variant_id: string;
  qty: number;
}

/** placed: an order was made; partial: made without some items; skipped: no order this cycle. */
export type StandingOutcome = 'placed' | 'partial' | 'skipped';

export interface StandingOrderRunsTable {
  standing_order_id: string;
  cycle_id: string;
  outcome: StandingOutcome;
  group_id: string | null;
  /** JSON list of notices: `{ reason, variantId?, title? }` (not listed, out of stock, …). */
  notices: string;
  at: string;
}

export interface CollectiveOutboxTable {
  id: string;
  entity_type: string;
  entity_id: string;
  kind: string;
  actor_id: string | null;
  data: string;
  at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    cycles: CyclesTable;
    cycle_products: CycleProductsTable;
    cycle_points: CyclePointsTable;
    cycle_orders: CycleOrdersTable;
    cycle_runs: CycleRunsTable;
    group_buys: GroupBuysTable;
    group_buy_tiers: GroupBuyTiersTable;
    group_buy_commitments: GroupBuyCommitmentsTable;
    standing_orders: StandingOrdersTable;
    standing_order_lines: StandingOrderLinesTable;
    standing_order_runs: StandingOrderRunsTable;
    collective_outbox: CollectiveOutboxTable;
  }
}
