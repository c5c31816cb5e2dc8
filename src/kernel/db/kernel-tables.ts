// Row types of the kernel's tables, merged into the Database interface.

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  ip: string | null;
  data: string;
  prev_hash: string;
  hash: string;
}

export interface JobsTable {
  id: string;
  type: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  attempts: number;
  max_attempts: number;
  run_at: string;
  locked_at: string | null;
  progress: number;
  progress_total: number;
  result: string | null;
  error: string | null;
  owner_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeysTable {
  scope: string;
  key: string;
  fingerprint: string;
  state: 'in_flight' | 'done';
  response_status: number | null;
  response_body: string | null;
  created_at: string;
}

export interface RateLimitsTable {
  bucket: string;
  count: number;
  reset_at: string;
}

declare module './types.js' {
  interface Database {
    audit_log: AuditLogTable;
    jobs: JobsTable;
    idempotency_keys: IdempotencyKeysTable;
    rate_limits: RateLimitsTable;
  }
}
