// Village group buys: an agent or coordinator offers a listed product with price tiers by the
// group's total, a minimum to succeed and a deadline; villagers commit quantities (themselves,
// or through the agent with consent). Invariant: `committed_qty` is the sum of the counted
// commitments — each commitment bumps it by a conditional update that also requires the buy
// to be open and before its deadline, and settlement (settle.ts) moves the status by the same
// row, so every commitment is either counted or refused, never half.
import { sql } from 'kysely';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { inTransactionResult, nowIso, type Db, type Tx } from '../../kernel/db/index.js';
import { normaliseMobile, type Actor } from '../../kernel/auth/index.js';
import { newId } from '../../kernel/ids/index.js';
import { enqueue } from '../../kernel/jobs/index.js';
import type { PaymentMethod } from '../orders/index.js';
import { agentPoints, coordinates } from './access.js';
import { pointsByIds, variantsByIds } from './collective.queries.js';
import { checkTiers, priceAt, type Tier } from './tiers.js';
import { recordEvent } from './record.js';

export const SETTLE_JOB = 'collective.settle_group_buy';
export const MAX_COMMIT_QTY = 999;
const MAX_DAYS = 90;

export interface OpenGroupBuyInput {
  servicePointId: string;
  variantId: string;
  minimumQty: number;
  deadline: string;
  tiers: Tier[];
}

/** May the actor run group buys at this point (its agent, or its organisation's coordinator)? */
export async function mayRunAt(db: Tx, actor: Actor | null, pointId: string) {
  const [point] = await pointsByIds(db, [pointId]);
  if (!point) return null;
  const ok = agentPoints(actor).includes(point.id) || coordinates(actor, point.organisation_id);
  return ok ? point : null;
}

const fieldFail = (code: string, field: string, key: string, params?: Record<string, unknown>) =>
  fail(code, params, { [field]: { key, params } });

/** Opens a group buy at a service point; nothing is written on any bad input. */
export async function openGroupBuy(
  db: Db,
  actor: Actor,
  input: OpenGroupBuyInput,
  now = new Date(),
): Promise<Result<string>> {
  const point = await mayRunAt(db, actor, String(input.servicePointId));
  if (!point) return fail('FORBIDDEN');
  const [v] = await variantsByIds(db, [String(input.variantId)]);
  if (!v?.active || !v.listed)
    return fieldFail('COLLECTIVE_NOT_LISTED', 'variant', 'collective.err.not_listed', {
      title: v?.title ?? '',
    });
  if (!Number.isInteger(input.minimumQty) || input.minimumQty <= 0 || input.minimumQty > 1_000_000)
    return fieldFail('COLLECTIVE_BAD_MINIMUM', 'minimum', 'collective.err.bad_minimum');
  const deadline = Date.parse(input.deadline);
  if (Number.isNaN(deadline))
    return fieldFail('COLLECTIVE_BAD_TIME', 'deadline', 'collective.err.bad_time');
  if (deadline <= now.getTime())
    return fieldFail('COLLECTIVE_DEADLINE_PAST', 'deadline', 'collective.err.deadline_past');
  if (deadline > now.getTime() + MAX_DAYS * 86400_000)
    return fieldFail('COLLECTIVE_DEADLINE_FAR', 'deadline', 'collective.err.deadline_far', {
      days: MAX_DAYS,
    });
  const tiers = checkTiers(input.tiers ?? [], v.price);
  if (!tiers.ok)
    return fieldFail('COLLECTIVE_BAD_TIERS', 'tiers', `collective.err.tiers_${tiers.problem}`);
  const id = newId('gby');
  const deadlineIso = new Date(deadline).toISOString();
  return inTransactionResult(db, async (tx) => {
    await tx
      .insertInto('group_buys')
      .values({
        id,
        organisation_id: point.organisation_id,
        service_point_id: point.id,
        village_code: point.village_code,
        variant_id: v.variant_id,
        product_id: v.product_id,
        umkm_id: v.umkm_id,
        title: v.title,
        unit_label: v.label,
        list_price: v.price,
        minimum_qty: input.minimumQty,
        deadline: deadlineIso,
        status: 'open',
        committed_qty: 0,
        final_price: null,
        created_by: actor.userId,
        created_at: nowIso(),
        settled_at: null,
        is_demo: 0,
      })
      .execute();
    await tx
      .insertInto('group_buy_tiers')
      .values(tiers.tiers.map((t) => ({ group_buy_id: id, min_qty: t.minQty, price: t.price })))
      .execute();
    // Settled by a job at the deadline (a sweep also catches any missed one).
    await enqueue(tx, SETTLE_JOB, { id }, { runAt: new Date(deadline), maxAttempts: 10 });
    await recordEvent(tx, {
      actorId: actor.userId,
      kind: 'collective.group_buy_opened',
      entityType: 'group_buy',
      entityId: id,
      data: { minimum: input.minimumQty, tiers: tiers.tiers.length },
    });
    return ok(id);
  });
}

export interface CommitInput {
  groupBuyId: string;
  qty: number;
  buyer: { name: string; phone?: string | null };
  paymentMethod: PaymentMethod;
  /** Recorded by the point's agent for a villager, who agreed to it (cash at the point). */
  viaAgent?: { consent: boolean };
  /** A client-minted `gbc_…` id: a replayed commitment (an agent's offline sync) counts once. */
  id?: string;
}

export interface Committed {
  id: string;
  seenPrice: number;
  committedQty: number;
}

export async function tiersOf(db: Tx, groupBuyId: string): Promise<Tier[]> {
  return (
    await db
      .selectFrom('group_buy_tiers')
      .select(['min_qty', 'price'])
      .where('group_buy_id', '=', groupBuyId)
      .orderBy('min_qty')
      .execute()
  ).map((t) => ({ minQty: t.min_qty, price: t.price }));
}

/** Commits a quantity to an open group buy; binding only if the group succeeds. */
export async function commitToGroupBuy(
  db: Db,
  actor: Actor | null,
  input: CommitInput,
  now = new Date(),
): Promise<Result<Committed>> {
  const gb = await db
    .selectFrom('group_buys')
    .selectAll()
    .where('id', '=', String(input.groupBuyId))
    .executeTakeFirst();
  if (!gb) return fail('NOT_FOUND');
  if (!Number.isInteger(input.qty) || input.qty <= 0 || input.qty > MAX_COMMIT_QTY)
    return fieldFail('COLLECTIVE_BAD_COMMIT_QTY', 'qty', 'collective.err.bad_commit_qty', {
      max: MAX_COMMIT_QTY,
    });
  const name = (input.buyer?.name ?? '').trim();
  if (name.length < 2 || name.length > 100)
    return fieldFail('ORDERS_BAD_NAME', 'name', 'orders.err.bad_name');
  const viaAgent = !!input.viaAgent;
  if (viaAgent && !agentPoints(actor).includes(gb.service_point_id)) return fail('FORBIDDEN');
  if (viaAgent && input.viaAgent?.consent !== true)
    return fieldFail('ORDERS_CONSENT_REQUIRED', 'consent', 'orders.err.consent_required');
  const rawPhone = (input.buyer?.phone ?? '').trim();
  const phone = rawPhone ? normaliseMobile(rawPhone) : null;
  if ((rawPhone || !viaAgent) && !phone)
    return fieldFail('ORDERS_BAD_PHONE', 'phone', 'orders.err.bad_phone');
  const method: PaymentMethod = viaAgent ? 'cod' : input.paymentMethod;
  if (!['cod', 'transfer', 'qris'].includes(method)) return fail('ORDERS_BAD_METHOD');
  const id = input.id && /^gbc_[0-9A-Za-z_-]{10,40}$/.test(input.id) ? input.id : newId('gbc');
  const replay = await db
    .selectFrom('group_buy_commitments')
    .select(['id', 'group_buy_id', 'seen_price'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (replay) {
    if (replay.group_buy_id !== gb.id) return fail('CONFLICT');
    return ok({ id, seenPrice: replay.seen_price, committedQty: gb.committed_qty });
  }
  const tiers = await tiersOf(db, gb.id);
  return inTransactionResult(db, async (tx) => {
    const bumped = await tx
      .updateTable('group_buys')
      .set({ committed_qty: sql`committed_qty + ${input.qty}` })
      .where('id', '=', gb.id)
      .where('status', '=', 'open')
      .where('deadline', '>', now.toISOString())
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1)
      return fail('COLLECTIVE_GROUP_BUY_CLOSED', { title: gb.title });
    const { committed_qty } = await tx
      .selectFrom('group_buys')
      .select('committed_qty')
      .where('id', '=', gb.id)
      .executeTakeFirstOrThrow();
    const seenPrice = priceAt(tiers, gb.list_price, committed_qty);
    await tx
      .insertInto('group_buy_commitments')
      .values({
        id,
        group_buy_id: gb.id,
        qty: input.qty,
        buyer_name: name,
        buyer_phone: phone,
        buyer_user_id: !viaAgent && actor?.via === 'session' ? actor.userId : null,
        agent_user_id: viaAgent ? actor!.userId : null,
        consent_at: viaAgent ? nowIso() : null,
        payment_method: method,
        seen_price: seenPrice,
        status: 'committed',
        order_id: null,
        created_at: nowIso(),
      })
      .execute();
    await recordEvent(tx, {
      actorId: actor?.userId ?? null,
      kind: 'collective.committed',
      entityType: 'commitment',
      entityId: id,
      data: { groupBuy: gb.id, qty: input.qty, seenPrice },
    });
    return ok({ id, seenPrice, committedQty: Number(committed_qty) });
  });
}
