// The agent's offline queue arrives here, in the order the actions were taken. Each action is
// applied exactly once: the journal row (agent + idempotency key) commits in the same
// transaction as the effect, so a replay — a duplicated tab, a connection cut after the
// server committed — finds the row and returns the first result. A refusal is journaled too
// (the same action replayed gets the same answer); a transient refusal (rate limit, a racing
// write) is not, so the device keeps the action and tries again.
import type { Db } from '../../kernel/db/index.js';
import { inTransactionResult, isUniqueViolation, nowIso } from '../../kernel/db/index.js';
import { errorSpec, fail, ok, type Result } from '../../kernel/errors/index.js';
import { fingerprint, hitRate } from '../../kernel/http/index.js';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { createHash } from 'node:crypto';
import {
  applyCash,
  applyOrder,
  applyScan,
  cashPayload,
  orderPayload,
  scanPayload,
  type ActionKind,
  type Agent,
} from './actions.js';
import './agentapp.tables.js';

export interface SyncAction {
  clientId: string;
  idempotencyKey: string;
  kind: ActionKind;
  deviceAt: string;
  payload: unknown;
}

export interface ActionResult {
  clientId: string;
  idempotencyKey: string;
  outcome: 'applied' | 'refused' | 'retry';
  /** True when this answer is the stored answer of an earlier delivery of the same action. */
  replayed: boolean;
  code: string | null;
  reason: string | null;
  advice: string | null;
  result: Record<string, unknown> | null;
}

/** Refusals that may pass on a later try: not journaled, the device keeps the action. */
const TRANSIENT = new Set(['RATE_LIMITED', 'CONFLICT', 'IDEMPOTENCY_IN_FLIGHT']);

/** What the agent should do about a refusal, by the owning domain's code. */
function adviceKey(code: string): string {
  if (code === 'ORDERS_INSUFFICIENT_STOCK' || code === 'ORDERS_NOT_LISTED')
    return 'agentapp.advice.sold_out';
  if (code === 'ORDERS_PRICE_CHANGED') return 'agentapp.advice.price';
  if (code === 'LOGISTICS_BAD_PICKUP_CODE' || code === 'LOGISTICS_PROOF_REQUIRED')
    return 'agentapp.advice.code';
  if (code.startsWith('LOGISTICS_')) return 'agentapp.advice.parcel';
  if (code === 'VALIDATION_FAILED') return 'agentapp.advice.cash';
  return 'agentapp.advice.other';
}

type Row = {
  fingerprint: string;
  outcome: 'applied' | 'refused';
  code: string | null;
  result: string | null;
};

const journalRow = (db: Db, agentId: string, key: string) =>
  db
    .selectFrom('agent_sync_actions')
    .select(['fingerprint', 'outcome', 'code', 'result'])
    .where('agent_user_id', '=', agentId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst() as Promise<Row | undefined>;

function answer(
  act: SyncAction,
  locale: Locale,
  outcome: ActionResult['outcome'],
  replayed: boolean,
  code: string | null,
  data: Record<string, unknown> | null,
): ActionResult {
  const refused = outcome !== 'applied' && code;
  return {
    clientId: act.clientId,
    idempotencyKey: act.idempotencyKey,
    outcome,
    replayed,
    code,
    reason: refused ? t(locale, errorSpec(code).message, data ?? {}) : null,
    advice: refused && outcome === 'refused' ? t(locale, adviceKey(code)) : null,
    result: outcome === 'applied' ? data : null,
  };
}

const fromRow = (act: SyncAction, locale: Locale, row: Row) =>
  answer(act, locale, row.outcome, true, row.code, row.result ? JSON.parse(row.result) : null);

/** A scan id unique to this agent's action, so one agent's ids can never name another's scan. */
const scanIdOf = (agentId: string, key: string) =>
  `sync_${createHash('sha256').update(`${agentId}\u0000${key}`).digest('hex').slice(0, 40)}`;

function parsed(act: SyncAction) {
  const schema =
    act.kind === 'order' ? orderPayload : act.kind === 'scan' ? scanPayload : cashPayload;
  return schema.safeParse(act.payload);
}

/** Applies one action exactly once (see the file comment). */
export async function applyAction(
  db: Db,
  a: Agent,
  deviceId: string,
  act: SyncAction,
  locale: Locale,
): Promise<ActionResult> {
  const agentId = a.actor.userId;
  const fp = fingerprint({ kind: act.kind, payload: act.payload });
  const prior = await journalRow(db, agentId, act.idempotencyKey);
  if (prior) {
    if (prior.fingerprint !== fp)
      return answer(act, locale, 'refused', false, 'AGENTAPP_KEY_REUSED', null);
    return fromRow(act, locale, prior);
  }
  const journal = (outcome: 'applied' | 'refused', code: string | null, data: unknown) => ({
    agent_user_id: agentId,
    idempotency_key: act.idempotencyKey,
    client_action_id: act.clientId,
    device_id: deviceId,
    service_point_id: a.pointId,
    kind: act.kind,
    fingerprint: fp,
    device_at: act.deviceAt,
    received_at: nowIso(),
    outcome,
    code,
    result: data === null ? null : JSON.stringify(data),
  });
  const input = parsed(act);
  let r: Result<Record<string, unknown>>;
  if (!input.success) r = fail('AGENTAPP_BAD_ACTION');
  else {
    const p = input.data;
    // Every hand-over attempt counts (the scan's own wrong-code count rolls back with a refusal).
    if (act.kind === 'scan' && 'pickupCode' in p && p.pickupCode) {
      const rate = await hitRate(db, `agentsync-pickup:${p.tracking.toUpperCase()}`, 5, 3600_000);
      if (!rate.allowed) return answer(act, locale, 'retry', false, 'RATE_LIMITED', null);
    }
    try {
      r = await inTransactionResult(db, async (tx) => {
        const e =
          act.kind === 'order'
            ? await applyOrder(tx, a, p as never)
            : act.kind === 'scan'
              ? await applyScan(tx, a, scanIdOf(agentId, act.idempotencyKey), p as never)
              : await applyCash(tx, a, p as never);
        if (!e.ok) return e;
        await tx
          .insertInto('agent_sync_actions')
          .values(journal('applied', null, e.value))
          .execute();
        return e;
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // The same action, delivered twice at once: the other delivery committed first.
      const row = await journalRow(db, agentId, act.idempotencyKey);
      if (row) return fromRow(act, locale, row);
      throw e;
    }
  }
  if (r.ok) return answer(act, locale, 'applied', false, null, r.value);
  if (r.code === 'ORDERS_GROUP_TAKEN') {
    // Taken by this very action in a delivery that committed meanwhile, or by someone else's order.
    const row = await journalRow(db, agentId, act.idempotencyKey);
    if (row) return fromRow(act, locale, row);
  }
  if (TRANSIENT.has(r.code)) return answer(act, locale, 'retry', false, r.code, null);
  const stored = await db
    .insertInto('agent_sync_actions')
    .values(journal('refused', r.code, r.params ?? null))
    .onConflict((oc) => oc.columns(['agent_user_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (Number(stored.numInsertedOrUpdatedRows ?? 0) === 1)
    return answer(act, locale, 'refused', false, r.code, r.params ?? null);
  const row = await journalRow(db, agentId, act.idempotencyKey);
  return row ? fromRow(act, locale, row) : answer(act, locale, 'retry', false, 'CONFLICT', null);
}

/** Applies a batch in order; each action stands alone (a refusal does not stop the rest). */
export async function applyBatch(
  db: Db,
  a: Agent,
  deviceId: string,
  actions: SyncAction[],
  locale: Locale,
): Promise<Result<ActionResult[]>> {
  const out: ActionResult[] = [];
  for (const act of actions) out.push(await applyAction(db, a, deviceId, act, locale));
  return ok(out);
}
