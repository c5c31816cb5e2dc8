// Accounts tables, merged into the kernel's Database interface.
import type { Role, ScopeType } from '../../kernel/auth/index.js';

export interface UsersTable {
  id: string;
  phone: string | null;
  email: string | null;
  display_name: string;
  password_hash: string | null;
  locale: 'id' | 'en' | null;
  status: 'invited' | 'active' | 'disabled';
  is_demo: number;
  created_at: string;
}

export interface GrantsTable {
  id: string;
  user_id: string;
  role: Role;
  scope_type: ScopeType;
  scope_id: string | null;
  region_code: string | null;
  granted_by: string | null;
  created_at: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a leaked table cannot be replayed as cookies. */
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  idle_ms: number;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  grant_id: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface InvitationsTable {
  code_hash: string;
  user_id: string;
  created_by: string | null;
  expires_at: string;
  used_at: string | null;
}

declare module '../../kernel/db/types.js' {
  interface Database {
    users: UsersTable;
    grants: GrantsTable;
    sessions: SessionsTable;
    api_tokens: ApiTokensTable;
    invitations: InvitationsTable;
  }
}
