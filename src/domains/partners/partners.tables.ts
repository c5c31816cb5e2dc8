// Tables of the partners domain: partner platforms, partnership agreements with UMKM or whole
// organisations, webhook deliveries, incentive rules and issued (frozen) incentive statements.
export type PartnerKind = 'marketplace' | 'social_commerce' | 'retailer' | 'aggregator';
export type PartnershipStatus = 'offered' | 'accepted' | 'declined' | 'ended';
export type IncentiveRuleKind =
  | 'gmv_percent'
  | 'first_sales_bonus'
  | 'poverty_multiplier'
  | 'monthly_cap';

export interface PartnersTable {
  id: string;
  name: string;
  kind: PartnerKind;
  /** Where status webhooks go; null = no webhooks. */
  webhook_url: string | null;
  /** HMAC-SHA256 key for webhook signatures; shown to the partner on its page. */
  webhook_secret: string;
  is_demo: number;
  created_at: string;
}

export interface PartnershipsTable {
  id: string;
  partner_id: string;
  /** Exactly one of umkm_id / organisation_id: one UMKM, or every UMKM of a BUMDes/koperasi. */
  umkm_id: string | null;
  organisation_id: string | null;
  /** Village of the UMKM or organisation, for scoped queries without a join. */
  village_code: string;
  /** Commission the partner takes, in basis points of the item total. */
  commission_bps: number;
  ships_by: 'lumbung' | 'partner';
  terms: string;
  status: PartnershipStatus;
  offered_at: string;
  offered_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  starts_on: string;
  ends_on: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  partner_id: string;
  order_id: string;
  event: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface IncentiveRulesTable {
  id: string;
  /** Month the rule applies to, `2026-11`. */
  period: string;
  /** Region prefix the rule covers (a province or regency code), or '' for national. */
  scope_code: string;
  kind: IncentiveRuleKind;
  /** gmv_percent: basis points; first_sales_bonus: rupiah per sale; poverty_multiplier: per mille (1500 = ×1.5); monthly_cap: rupiah. */
  amount: number;
  /** first_sales_bonus: how many first sales per UMKM count. */
  count: number | null;
  created_by: string | null;
  created_at: string;
}

export interface IncentiveStatementsTable {
  id: string;
  /** Friendly number, `INS-2026-11-0001`. */
  number: string;
  partner_id: string;
  period: string;
  scope_code: string;
  /** The statement this one corrects; corrections never edit issued lines. */
  corrects_id: string | null;
  total: number;
  issued_at: string;
  issued_by: string | null;
}

export interface IncentiveLinesTable {
  id: string;
  statement_id: string;
  /** The order this line is for; null for a whole-statement line such as the cap. */
  order_id: string | null;
  rule_id: string;
  kind: IncentiveRuleKind;
  /** The base the rule applied to (GMV of the order, or the previous lines for multipliers). */
  base: number;
  amount: number;
  note: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    partners: PartnersTable;
    partnerships: PartnershipsTable;
    webhook_deliveries: WebhookDeliveriesTable;
    incentive_rules: IncentiveRulesTable;
    incentive_statements: IncentiveStatementsTable;
    incentive_lines: IncentiveLinesTable;
  }
}
