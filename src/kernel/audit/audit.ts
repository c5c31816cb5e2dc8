// Append-only, hash-chained audit log: each row's hash covers its content and the previous
// row's hash, so editing or deleting any row breaks every later link (`lumbung audit verify`).
// Callers pass ids and non-personal facts only: never names, phones or incomes in `data`.
import { hash } from 'node:crypto';
import { sql } from 'kysely';
import { inTransaction, nowIso } from '../db/tx.js';
import { isPostgres } from '../db/dialect.js';
import { prepareNamed } from '../db/prepared.js';
import { insertRows } from '../db/insert-rows.js';
import type { Tx } from '../db/types.js';
import type { AuditLogTable } from '../db/kernel-tables.js';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  ip?: string | null;
  data?: Record<string, unknown>;
}

const GENESIS = '0'.repeat(64);

function rowHash(prev: string, r: Omit<AuditLogTable, 'hash' | 'prev_hash'>): string {
  const body = JSON.stringify([
    r.seq,
    r.at,
    r.actor_id,
    r.action,
    r.entity_type,
    r.entity_id,
    r.ip,
    r.data,
  ]);
  // One-shot hash: the same digest as createHash().update(prev).update('\n').update(body), in
  // half the time (pinned by a fixed vector in kernel-db.test.ts).
  return hash('sha256', `${prev}\n${body}`, 'hex');
}

/**
 * The chain's last row, once this transaction is the one writer extending it. SQLite already
 * serialises writers. PostgreSQL takes the chain's lock, held to the commit, and reads the row
 * after it in one round trip (audit_chain_end, kernel migration 0005): the lock is taken last
 * in a checkout batch, and every other change waits for it (bench/README.md, "The audit chain
 * last").
 */
async function chainEnd(tx: Tx): Promise<{ seq: number; hash: string } | undefined> {
  if (isPostgres(tx)) {
    const q = sql<{ seq: number; hash: string }>`select * from audit_chain_end()`.compile(tx);
    prepareNamed(q.sql);
    return (await tx.executeQuery(q)).rows[0];
  }
  return tx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Appends one entry inside the caller's transaction (or a new one). */
export async function audit(db: Tx, e: AuditEntry): Promise<void> {
  await auditMany(db, [e]);
}

/**
 * Appends entries in order inside the caller's transaction (or a new one): one read of the
 * chain's end and one insert per 200 rows, so a checkout batch placing a hundred orders does
 * not read the last row a hundred times.
 */
export async function auditMany(db: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await inTransaction(db, async (tx) => {
    const last = await chainEnd(tx);
    let seq = last?.seq ?? 0;
    let prev = last?.hash ?? GENESIS;
    const at = nowIso();
    const rows = entries.map((e) => {
      const row = {
        seq: ++seq,
        at,
        actor_id: e.actorId,
        action: e.action,
        entity_type: e.entityType,
        entity_id: e.entityId,
        ip: e.ip ?? null,
        data: JSON.stringify(e.data ?? {}),
      };
      const linked = { ...row, prev_hash: prev, hash: rowHash(prev, row) };
      prev = linked.hash;
      return linked;
    });
    await insertRows(tx, 'audit_log', rows);
  });
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  brokenAt?: number;
  reason?: string;
}

/** Walks the chain in order and reports the first row whose link or content does not match. */
export async function verifyAudit(db: Tx): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  let rows = 0;
  const page = 5000;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(page)
      .execute();
    for (const r of batch) {
      if (r.seq !== expectedSeq)
        return { ok: false, rows, brokenAt: expectedSeq, reason: 'missing row' };
      if (r.prev_hash !== prev)
        return { ok: false, rows, brokenAt: r.seq, reason: 'previous hash does not match' };
      if (rowHash(prev, r) !== r.hash)
        return { ok: false, rows, brokenAt: r.seq, reason: 'row content changed' };
      prev = r.hash;
      expectedSeq++;
      rows++;
    }
    if (batch.length < page) return { ok: true, rows };
  }
}

/** Entries about one record, newest first (for history panels). */
export async function auditTrail(db: Tx, entityType: string, entityId: string) {
  return db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('seq', 'desc')
    .execute();
}
