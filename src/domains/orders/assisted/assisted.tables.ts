// Tables of the agent's screens. A draft is the neighbour's shopping list the agent builds over
// several searches: one per agent and point, on the server (JavaScript off works), holding the
// villager's name and phone only together with the time they consented. A demand request is
// what a villager wanted that the catalogue does not have, for the BUMDes to source.

export interface AssistedDraftsTable {
  id: string;
  agent_user_id: string;
  service_point_id: string;
  buyer_name: string | null;
  buyer_phone: string | null;
  /** Set when the villager agreed; name and phone are stored only with it. */
  consent_at: string | null;
  /** The order group the list becomes (minted with it: placing twice places once). */
  group_id: string;
  created_at: string;
  updated_at: string;
}

export interface AssistedDraftLinesTable {
  draft_id: string;
  variant_id: string;
  qty: number;
  added_at: string;
}

export type DemandState = 'open' | 'sourced' | 'declined';

export interface DemandRequestsTable {
  id: string;
  /** The BUMDes/koperasi running the point when the request was recorded (null: none). */
  organisation_id: string | null;
  service_point_id: string;
  village_code: string;
  what: string;
  quantity: string;
  requester_name: string | null;
  consent_at: string | null;
  state: DemandState;
  recorded_by: string;
  created_at: string;
  decided_by: string | null;
  decided_at: string | null;
  is_demo: number;
}

declare module '../../../kernel/db/types.js' {
  interface Database {
    assisted_drafts: AssistedDraftsTable;
    assisted_draft_lines: AssistedDraftLinesTable;
    demand_requests: DemandRequestsTable;
  }
}
