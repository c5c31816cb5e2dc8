// Tables of the impact domain: survey consents (UU PDP 27/2022), household income and UMKM
// sales survey records, BPS poverty lines, and evaluation runs. Impact writes only these; it
// reads every other domain's tables in its `*.queries.ts`.

/** One person's (or household's / business's) consent to the survey, recorded before any answer. */
export interface SurveyConsentsTable {
  id: string;
  /** 'household' | 'umkm' */
  subject_kind: string;
  village_code: string;
  /** The enumerator's code for the household or business (no names are stored). */
  subject_code: string;
  purpose: string;
  text_version: string;
  given_at: string;
  recorded_by: string | null;
  withdrawn_at: string | null;
  is_demo: number;
}

/** One household's answer in one yearly income survey wave. */
export interface HouseholdSurveysTable {
  id: string;
  village_code: string;
  wave_year: number;
  household_code: string;
  household_size: number;
  /** Household income in rupiah per month. */
  income_monthly: number;
  /** income_monthly / household_size, rounded to whole rupiah. */
  per_capita_monthly: number;
  consent_id: string;
  source: string;
  entered_by: string | null;
  created_at: string;
  is_demo: number;
}

/** One business's sales in one month (monthly UMKM sales survey). */
export interface UmkmSalesSurveysTable {
  id: string;
  village_code: string;
  year: number;
  month: number;
  umkm_code: string;
  /** Sales in rupiah in that month. */
  sales_monthly: number;
  consent_id: string;
  source: string;
  entered_by: string | null;
  created_at: string;
  is_demo: number;
}

/** A BPS poverty line: rupiah per capita per month, for a period, province and area. */
export interface PovertyLinesTable {
  /** 'YYYY-MM' (BPS publishes March and September lines). */
  period: string;
  /** Province code, or 'ID' for the national line. */
  province_code: string;
  /** 'total' | 'urban' | 'rural' */
  area: string;
  amount: number;
  source: string;
  created_at: string;
  created_by: string | null;
}

/** One run of the impact evaluation: its settings, its job and, when done, the result. */
export interface EvaluationRunsTable {
  id: string;
  job_id: string;
  actor_id: string;
  /** Region prefix evaluated, or 'all'. */
  scope_code: string;
  settings: string;
  status: string;
  result: string | null;
  error: string | null;
  created_at: string;
  finished_at: string | null;
}

/**
 * Sales of one regency in one placement month, precomputed from orders for the national and
 * province KPI pages (sales-summary.ts keeps it current).
 */
export interface ImpactSalesSummaryTable {
  regency_code: string;
  /** 'YYYY-MM' of placement. */
  month: string;
  orders: number;
  items_total: number;
  gmv: number;
  seller_share: number;
  delivered: number;
  /** JSON {tenths of a day: delivered orders}: the lead times, to the pages' precision. */
  lead_tenths: string;
}

/** The state of a precomputed summary: when it was refreshed, and who holds the refresh. */
export interface ImpactSummaryStateTable {
  name: string;
  /** Events at or after this time are still to be read (null: never refreshed, rebuild all). */
  watermark: string | null;
  refreshed_at: string | null;
  rebuilt_at: string | null;
  /** A refresh in progress holds the lease until this time (claim by conditional update). */
  lease_until: string | null;
  lease_owner: string | null;
  /**
   * What the summary was computed from besides its rows (areas: a hash of the poverty lines;
   * sales: the last window of events added and how many there were, JSON).
   */
  inputs: string | null;
}

/** Per regency, the village, UMKM, listing and profile counts of the national and province pages. */
export interface ImpactRegencySummaryTable {
  regency_code: string;
  villages: number;
  /** JSON {ISO date joined: villages}: enrolment on any date is the sum up to it. */
  joined: string;
  umkm: number;
  /** UMKM with a listed product or a sale in the 90 days before the refresh. */
  umkm_active: number;
  listed: number;
  with_signal: number;
  signal_4g: number;
  with_electricity: number;
  electricity_sum: number;
}

/** One village's household survey cell in one wave (outcomes.queries' VillageYear). */
export interface ImpactPovertyCellsTable {
  village_code: string;
  wave_year: number;
  households: number;
  persons: number;
  poor_households: number;
  poor: number;
  gap: number;
  log_sum: number;
  log_n: number;
  line_period: string | null;
}

/** Parcels created in one month between two provinces ('' when unknown), by outcome. */
export interface ImpactParcelSummaryTable {
  origin_province: string;
  destination_province: string;
  month: string;
  total: number;
  delivered: number;
  failed: number;
  /** JSON {tenths of a day: delivered parcels}. */
  lead_tenths: string;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    survey_consents: SurveyConsentsTable;
    household_surveys: HouseholdSurveysTable;
    umkm_sales_surveys: UmkmSalesSurveysTable;
    poverty_lines: PovertyLinesTable;
    evaluation_runs: EvaluationRunsTable;
    impact_sales_summary: ImpactSalesSummaryTable;
    impact_summary_state: ImpactSummaryStateTable;
    impact_regency_summary: ImpactRegencySummaryTable;
    impact_poverty_cells: ImpactPovertyCellsTable;
    impact_parcel_summary: ImpactParcelSummaryTable;
  }
}
