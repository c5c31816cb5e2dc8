// Tables of the agent console (issue 18): the sync journal of actions taken offline.
export interface AgentSyncActionsTable {
  agent_user_id: string;
  /** Minted on the device when the action happened; unique per agent. */
  idempotency_key: string;
  client_action_id: string;
  device_id: string;
  service_point_id: string;
  /** order | scan | cash */
  kind: string;
  /** sha256 of the action's kind and payload: the same key with another payload is refused. */
  fingerprint: string;
  /** The phone's clock when the action was taken (kept for the record; the server orders by arrival). */
  device_at: string;
  received_at: string;
  /** applied | refused */
  outcome: 'applied' | 'refused';
  code: string | null;
  /** JSON of what the effect returned (order group, parcel status, handover id). */
  result: string | null;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    agent_sync_actions: AgentSyncActionsTable;
  }
}
