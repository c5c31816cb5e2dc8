// Reading the audit trail. Audit rows carry no region, so a regional reader's scope is decided
// at read time: each domain declares, per entity type it audits, a batch resolver from entity
// ids to region codes (its manifest's `auditScopes`); rows of other entity types are
// national-only. The registry is filled by installDomains, never at import time.
import type { Tx } from '../db/types.js';

/** Entity ids of one type → the region code each lies in (ids it cannot place are left out). */
export type AuditScopeResolver = (db: Tx, ids: string[]) => Promise<Map<string, string>>;

const resolvers = new Map<string, { by: string; resolve: AuditScopeResolver }>();

/** Connects the resolver of one entity type; `by` names the declaring domain. */
export function registerAuditScope(
  entityType: string,
  by: string,
  resolve: AuditScopeResolver,
): void {
  const had = resolvers.get(entityType);
  if (had && had.by !== by)
    throw new Error(`audit scope of ${entityType} declared by ${had.by} and ${by}`);
  resolvers.set(entityType, { by, resolve });
}

/** Entity types whose rows can be placed in a region, sorted. */
export function auditScopedTypes(): string[] {
  return [...resolvers.keys()].sort();
}

export function auditScopeResolver(entityType: string): AuditScopeResolver | undefined {
  return resolvers.get(entityType)?.resolve;
}

export interface AuditFilter {
  entityTypes?: string[];
  entityId?: string;
  actorId?: string;
  /** ISO instants: from inclusive, to exclusive. */
  from?: string;
  to?: string;
  /** Keyset paging: only rows with a smaller seq (newer pages come first). */
  before?: number;
}

/** Rows matching the filter, newest first, at most `limit`. */
export async function readAudit(db: Tx, f: AuditFilter, limit: number) {
  let q = db
    .selectFrom('audit_log')
    .select(['seq', 'at', 'actor_id', 'action', 'entity_type', 'entity_id', 'data']);
  if (f.entityTypes)
    q = f.entityTypes.length ? q.where('entity_type', 'in', f.entityTypes) : q.where('seq', '<', 0);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('actor_id', '=', f.actorId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.before !== undefined) q = q.where('seq', '<', f.before);
  return q.orderBy('seq', 'desc').limit(limit).execute();
}

/** Distinct entity types in the log (for a national reader's filter). */
export async function auditEntityTypes(db: Tx): Promise<string[]> {
  return (
    await db
      .selectFrom('audit_log')
      .select('entity_type')
      .distinct()
      .orderBy('entity_type')
      .execute()
  ).map((r) => r.entity_type);
}
