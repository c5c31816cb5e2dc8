// Retried writes (checkout, payment and partner webhooks, agent sync) carry an Idempotency-Key.
// The key is reserved first (a concurrent duplicate sees 409), then the write and the stored
// response commit in ONE transaction, so a crash can never leave an order without its key
// or a key without its order. Same key + other payload → 422; replay → the first response.
import { hash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { nowIso } from '../db/tx.js';
import type { Database, Db } from '../db/types.js';
import { AppError } from '../errors/errors.js';

export interface StoredResponse {
  status: number;
  body: unknown;
}

export function fingerprint(value: unknown): string {
  // One-shot hash: half the time of createHash().update().digest() for a request body.
  return hash('sha256', JSON.stringify(value), 'hex');
}

const KEY_RE = /^[A-Za-z0-9_\-:.]{8,128}$/;

/** Validates the header value; throws a 400 problem when missing or malformed. */
export function requireIdempotencyKey(header: string | undefined): string {
  if (!header || !KEY_RE.test(header)) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
  return header;
}

/** Reservations older than this belong to a crashed request and may be taken over. */
const STALE_MS = 60_000;

export type KeyVerdict =
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'refused'; code: 'IDEMPOTENCY_KEY_REUSED' | 'IDEMPOTENCY_IN_FLIGHT' }
  | { kind: 'stale'; createdAt: string };

/** What a stored key means for a request with fingerprint `fp` (the one rule, also used by batched checkout). */
export function keyVerdict(
  row: {
    fingerprint: string;
    state: string;
    response_status: number | null;
    response_body: string | null;
    created_at: string;
  },
  fp: string,
  now = Date.now(),
): KeyVerdict {
  if (row.fingerprint !== fp) return { kind: 'refused', code: 'IDEMPOTENCY_KEY_REUSED' };
  if (row.state === 'done')
    return {
      kind: 'replay',
      response: {
        status: row.response_status ?? 200,
        body: JSON.parse(row.response_body ?? 'null'),
      },
    };
  if (now - Date.parse(row.created_at) > STALE_MS)
    return { kind: 'stale', createdAt: row.created_at };
  return { kind: 'refused', code: 'IDEMPOTENCY_IN_FLIGHT' };
}

export async function idempotent(
  db: Db,
  scope: string,
  key: string,
  fp: string,
  run: (tx: Transaction<Database>) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const reserved = await db
    .insertInto('idempotency_keys')
    .values({
      scope,
      key,
      fingerprint: fp,
      state: 'in_flight',
      response_status: null,
      response_body: null,
      created_at: nowIso(),
    })
    .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(reserved.numInsertedOrUpdatedRows ?? 0) === 0) {
    const row = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const verdict = keyVerdict(row, fp);
    if (verdict.kind === 'refused') throw new AppError(verdict.code);
    if (verdict.kind === 'replay') return { ...verdict.response, replayed: true };
    const taken = await db
      .updateTable('idempotency_keys')
      .set({ created_at: nowIso() })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('state', '=', 'in_flight')
      .where('created_at', '=', row.created_at)
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) throw new AppError('IDEMPOTENCY_IN_FLIGHT');
  }
  try {
    const res = await db.transaction().execute(async (tx) => {
      const r = await run(tx);
      await tx
        .updateTable('idempotency_keys')
        .set({ state: 'done', response_status: r.status, response_body: JSON.stringify(r.body) })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      return r;
    });
    return { ...res, replayed: false };
  } catch (err) {
    // Nothing was written: free the key so the client's retry can run.
    await db
      .deleteFrom('idempotency_keys')
      .where('scope', '=', scope)
      .where('key', '=', key)
      .where('state', '=', 'in_flight')
      .execute();
    throw err;
  }
}
