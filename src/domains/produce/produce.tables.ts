// Tables of the produce domain: smallholder producers (with consent), their plots, intakes at
// collection points, price bases, pooled lots with their trace, sales, settlements and the
// per-farmer payout statements. Weights are integer grams, money integer rupiah, moisture in
// per mille, so nothing is rounded on the way in.
export type LotStatus = 'open' | 'sold' | 'settled' | 'paid' | 'split' | 'merged';
export type LossStage = 'drying' | 'hulling' | 'sorting' | 'other';
export type SaleSource = 'trader' | 'catalogue';
export type StatementKind = 'original' | 'correction';
export type StatementLineKind = 'share' | 'advance' | 'correction';

export interface ProduceProducersTable {
  id: string;
  organisation_id: string;
  /** The organisation's village: the region readers' scope. */
  region_code: string;
  /** The producer's own village. */
  village_code: string;
  /** Null after erasure; intakes and statements keep their numbers without a name. */
  full_name: string | null;
  phone: string | null;
  consent_id: string;
  erased_at: string | null;
  created_by: string | null;
  is_demo: number;
  created_at: string;
}

export interface ProducePlotsTable {
  id: string;
  producer_id: string;
  commodity: string;
  area_m2: number | null;
  created_at: string;
}

export interface ProducePriceBasesTable {
  id: string;
  organisation_id: string;
  region_code: string;
  commodity: string;
  grade: string;
  valid_from: string;
  valid_to: string;
  price_per_kg: number;
  /** What the local trader (tengkulak) pays per kg in the same period, for the premium KPI. */
  trader_price_per_kg: number | null;
  set_by: string | null;
  created_at: string;
}

export interface ProduceIntakesTable {
  id: string;
  number: string;
  organisation_id: string;
  region_code: string;
  service_point_id: string | null;
  producer_id: string;
  commodity: string;
  grade: string;
  gross_g: number;
  tare_g: number;
  net_g: number;
  moisture_permille: number;
  /** Defect count or bean count, when the commodity's grade table uses one. */
  measure: number | null;
  received_on: string;
  received_by: string | null;
  /** Cash advance paid at intake (a correction carries the original's, it is not paid again). */
  advance: number;
  /** The intake this one corrects; the corrected row is then superseded, never edited. */
  corrects_id: string | null;
  correction_reason: string | null;
  is_demo: number;
  created_at: string;
}

export interface ProduceLotsTable {
  id: string;
  number: string;
  organisation_id: string;
  region_code: string;
  commodity: string;
  /** The group of compatible grades the lot pools. */
  pool: string;
  name: string;
  status: LotStatus;
  /** Current weight after recorded losses. */
  weight_g: number;
  created_by: string | null;
  is_demo: number;
  created_at: string;
}

/** Which grams of which intake a lot holds: the trace from lot to farmer (never edited). */
export interface ProduceLotContributionsTable {
  lot_id: string;
  intake_id: string;
  producer_id: string;
  grade: string;
  net_g: number;
}

/** The lot that first pooled an intake (one claim per intake). */
export interface ProduceIntakePoolsTable {
  intake_id: string;
  lot_id: string;
}

/** Lots made from others: a split's children, a merge's result. */
export interface ProduceLotLinksTable {
  from_lot_id: string;
  to_lot_id: string;
  kind: 'split' | 'merge';
  at: string;
}

export interface ProduceLotLossesTable {
  id: string;
  lot_id: string;
  stage: LossStage;
  weight_before_g: number;
  weight_after_g: number;
  reason: string;
  recorded_by: string | null;
  at: string;
}

export interface ProduceLotSalesTable {
  lot_id: string;
  channel: 'trader';
  buyer_name: string;
  price_total: number;
  documents: string | null;
  sold_on: string;
  recorded_by: string | null;
  created_at: string;
}

/** A lot offered through the catalogue (one product, one variant of `pack_g` grams). */
export interface ProduceLotListingsTable {
  lot_id: string;
  organisation_id: string;
  region_code: string;
  umkm_id: string;
  product_id: string;
  variant_id: string;
  pack_g: number;
  price_per_pack: number;
  packs: number;
  created_by: string | null;
  created_at: string;
  /** When buyers could no longer order it (stock set to 0) and why. */
  closed_at: string | null;
  closed_reason: ListingCloseReason | null;
}

export type ListingCloseReason = 'split' | 'merged' | 'sold' | 'settled';

/** A catalogue order line of a listed lot: recorded when paid, reversed on cancel or refund. */
export interface ProduceLotOrderSalesTable {
  order_id: string;
  variant_id: string;
  lot_id: string;
  umkm_id: string;
  packs: number;
  grams: number;
  /** What the buyer paid for the line. */
  amount: number;
  /** The part of the order's seller share the line earns (what the UMKM is owed for it). */
  umkm_share: number;
  recorded_at: string;
  /** When the order completed: the UMKM is owed the share from then on (the ledger's rule). */
  completed_at: string | null;
  reversed_at: string | null;
}

export interface ProduceSettlementsTable {
  lot_id: string;
  proceeds: number;
  margin_bp: number;
  margin_amount: number;
  processing_cost: number;
  logistics_cost: number;
  platform_fee: number;
  /** Proceeds minus every cost: what is shared among the farmers by kg × grade factor. */
  distributable: number;
  /** Where the proceeds came from: a trader, or what the UMKM is owed for catalogue orders. */
  source: SaleSource;
  settled_by: string | null;
  settled_at: string;
}

export interface ProduceStatementsTable {
  id: string;
  number: string;
  lot_id: string;
  producer_id: string;
  organisation_id: string;
  region_code: string;
  kind: StatementKind;
  /** Sum of the lines: what this statement pays (never below zero; see payout). */
  total: number;
  paid_amount: number;
  issued_by: string | null;
  issued_at: string;
}

export interface ProduceStatementLinesTable {
  statement_id: string;
  line_no: number;
  kind: StatementLineKind;
  grade: string | null;
  net_g: number | null;
  factor_permille: number | null;
  price_per_kg: number | null;
  amount: number;
  note: string | null;
}

/** The outbox of money events, written with the change (the ledger reads the same events live). */
export interface ProduceOutboxTable {
  id: string;
  topic: string;
  entity_id: string;
  payload: string;
  at: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    produce_producers: ProduceProducersTable;
    produce_plots: ProducePlotsTable;
    produce_price_bases: ProducePriceBasesTable;
    produce_intakes: ProduceIntakesTable;
    produce_lots: ProduceLotsTable;
    produce_lot_contributions: ProduceLotContributionsTable;
    produce_intake_pools: ProduceIntakePoolsTable;
    produce_lot_links: ProduceLotLinksTable;
    produce_lot_losses: ProduceLotLossesTable;
    produce_lot_sales: ProduceLotSalesTable;
    produce_lot_listings: ProduceLotListingsTable;
    produce_lot_order_sales: ProduceLotOrderSalesTable;
    produce_settlements: ProduceSettlementsTable;
    produce_statements: ProduceStatementsTable;
    produce_statement_lines: ProduceStatementLinesTable;
    produce_outbox: ProduceOutboxTable;
  }
}
