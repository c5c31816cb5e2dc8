// The audit trail as its readers may see it. National admins read every row. Regional officers
// read rows about entities inside their regions: rows carry no region, so each batch of rows
// is placed through the resolvers the owning domains declared (kernel audit scopes); rows of
// entity types without a resolver are national-only. Scoped reading scans newest first in
// batches and stops after a bounded number of rows, handing back a cursor to continue.
import {
  auditScopeResolver,
  auditScopedTypes,
  readAudit,
  type AuditFilter,
} from '../../kernel/audit/index.js';
import {
  hasRole,
  regionContains,
  regionScope,
  type Actor,
  type Role,
} from '../../kernel/auth/index.js';
import type { Tx } from '../../kernel/db/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { displayNames } from '../accounts/index.js';

export const AUDIT_READERS: Role[] = ['national_admin', 'regional_officer'];
export const PAGE_SIZE = 50;
const BATCH = 500;
/** Rows a scoped read looks at per request before handing back a cursor. */
export const SCAN_LIMIT = 20_000;

export interface AuditRow {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data: Record<string, unknown>;
  /** The region the row was placed in (regional readers only). */
  region: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  next: number | null;
  national: boolean;
}

/** 'all' for national readers, else the region prefixes the actor may read. */
export function readerScope(actor: Actor): 'all' | string[] {
  if (hasRole(actor, 'national_admin')) return 'all';
  return regionScope(actor, ['regional_officer']);
}

export async function auditFeed(
  db: Tx,
  actor: Actor,
  filter: Omit<AuditFilter, 'entityTypes'> & { entityType?: string },
  limit = PAGE_SIZE,
): Promise<Result<AuditPage>> {
  const scope = readerScope(actor);
  if (scope !== 'all' && scope.length === 0) return fail('FORBIDDEN');
  const { entityType, ...rest } = filter;
  if (scope === 'all') {
    const rows = await readAudit(
      db,
      { ...rest, entityTypes: entityType ? [entityType] : undefined },
      limit + 1,
    );
    const page = rows.slice(0, limit);
    return ok({
      rows: await withNames(
        db,
        page.map((r) => toRow(r, null)),
      ),
      next: rows.length > limit ? page[page.length - 1].seq : null,
      national: true,
    });
  }
  const types = auditScopedTypes().filter((t) => !entityType || t === entityType);
  const out: AuditRow[] = [];
  let cursor = rest.before;
  let scanned = 0;
  for (;;) {
    const batch = await readAudit(db, { ...rest, entityTypes: types, before: cursor }, BATCH);
    const regions = await placeRows(db, batch);
    for (const r of batch) {
      const region = regions.get(`${r.entity_type}\u0000${r.entity_id}`);
      if (region && scope.some((p) => regionContains(p, region))) {
        if (out.length === limit)
          return ok({
            rows: await withNames(db, out),
            next: out[out.length - 1].seq,
            national: false,
          });
        out.push(toRow(r, region));
      }
    }
    scanned += batch.length;
    if (batch.length < BATCH)
      return ok({ rows: await withNames(db, out), next: null, national: false });
    cursor = batch[batch.length - 1].seq;
    // A long run of other regions' rows: show what was found and let the reader continue.
    if (scanned >= SCAN_LIMIT)
      return ok({ rows: await withNames(db, out), next: cursor, national: false });
  }
}

type Raw = Awaited<ReturnType<typeof readAudit>>[number];

function toRow(r: Raw, region: string | null): AuditRow {
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(r.data);
  } catch {
    data = {};
  }
  return {
    seq: Number(r.seq),
    at: r.at,
    actorId: r.actor_id,
    actorName: null,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    data,
    region,
  };
}

/** One resolver call per entity type in the batch. */
async function placeRows(db: Tx, rows: Raw[]): Promise<Map<string, string>> {
  const byType = new Map<string, Set<string>>();
  for (const r of rows)
    (byType.get(r.entity_type) ?? byType.set(r.entity_type, new Set()).get(r.entity_type)!).add(
      r.entity_id,
    );
  const out = new Map<string, string>();
  for (const [type, ids] of byType) {
    const resolve = auditScopeResolver(type);
    if (!resolve) continue;
    for (const [id, region] of await resolve(db, [...ids])) out.set(`${type}\u0000${id}`, region);
  }
  return out;
}

/** Display names of the actors (readers see only rows they may, so they may see who acted). */
async function withNames(db: Tx, rows: AuditRow[]): Promise<AuditRow[]> {
  const ids = [...new Set(rows.map((r) => r.actorId).filter((x): x is string => !!x))];
  if (!ids.length) return rows;
  // Accounts owns the users: their names come through its index.ts.
  const names = await displayNames(db, ids);
  return rows.map((r) => ({ ...r, actorName: r.actorId ? (names.get(r.actorId) ?? null) : null }));
}
