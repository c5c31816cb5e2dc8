// Settling a group buy at its deadline, atomically and exactly once. One transaction moves the
// status open → succeeded|failed by a conditional update on the row every commitment bumps
// (so the counted commitments are fixed from that moment), then either turns every commitment
// into an order at the tier price reached — never above the price its buyer saw — through
// orders' checkout (stock reserved, payment requested), or releases every commitment. Each
// committer gets an outbox notice of which. A second run finds no open row and does nothing;
// a crash rolls everything back and the job's retry settles it once.
import { sql } from 'kysely';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { inTransactionResult, nowIso, type Db, type Tx } from '../../kernel/db/index.js';
import type { GroupBuyCommitmentsTable, GroupBuysTable } from './collective.tables.js';
import type { Actor } from '../../kernel/auth/index.js';
import { placeOrder, type PaymentMethod } from '../orders/index.js';
import { stockOf } from '../catalog/index.js';
import { priceAt } from './tiers.js';
import { tiersOf } from './group-buys.service.js';
import { recordEvent } from './record.js';
import { groupBuySettled } from './events.js';

export interface Settled {
  status: 'succeeded' | 'failed';
  committedQty: number;
  finalPrice: number | null;
  orders: number;
  released: number;
}

/** The agent who recorded a commitment, acting again for that villager at that point. */
const agentActor = (userId: string, pointId: string): Actor => ({
  userId,
  displayName: '',
  locale: null,
  via: 'session',
  grants: [
    { role: 'village_agent', scopeType: 'service_point', scopeId: pointId, regionCode: null },
  ],
});

/** Tells the subscribers (committers' notices) in the settlement's transaction. */
const publishSettled = (
  tx: Tx,
  gb: GroupBuysTable,
  status: 'succeeded' | 'failed',
  commitments: GroupBuyCommitmentsTable[],
) =>
  groupBuySettled.publish(tx, {
    groupBuyId: gb.id,
    status,
    title: gb.title,
    villageCode: gb.village_code,
    organisationId: gb.organisation_id,
    committers: commitments.map((c) => ({
      buyerUserId: c.buyer_user_id,
      agentUserId: c.agent_user_id,
    })),
  });

export async function settleGroupBuy(
  db: Db,
  groupBuyId: string,
  now = new Date(),
): Promise<Result<Settled>> {
  const gb = await db
    .selectFrom('group_buys')
    .selectAll()
    .where('id', '=', groupBuyId)
    .executeTakeFirst();
  if (!gb) return fail('NOT_FOUND');
  if (gb.status !== 'open') return fail('COLLECTIVE_ALREADY_SETTLED');
  if (now.toISOString() < gb.deadline) return fail('COLLECTIVE_NOT_DUE');
  const tiers = await tiersOf(db, gb.id);
  return await inTransactionResult(db, async (tx): Promise<Result<Settled>> => {
    const at = nowIso();
    // Not enough stock to fill the group is a failure too: nobody is charged for goods
    // the producer cannot supply.
    const stock = await stockOf(tx, gb.variant_id);
    const moved = await tx
      .updateTable('group_buys')
      .set({
        status: sql`case when committed_qty >= minimum_qty and committed_qty <= ${stock?.available ?? 0} then 'succeeded' else 'failed' end`,
        settled_at: at,
      })
      .where('id', '=', gb.id)
      .where('status', '=', 'open')
      .where('deadline', '<=', now.toISOString())
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return fail('COLLECTIVE_ALREADY_SETTLED');
    const row = await tx
      .selectFrom('group_buys')
      .select(['status', 'committed_qty'])
      .where('id', '=', gb.id)
      .executeTakeFirstOrThrow();
    const commitments = await tx
      .selectFrom('group_buy_commitments')
      .selectAll()
      .where('group_buy_id', '=', gb.id)
      .where('status', '=', 'committed')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const total = commitments.reduce((s, c) => s + c.qty, 0);
    // The invariant every commitment keeps; a mismatch is a bug, never settled around.
    if (total !== Number(row.committed_qty))
      throw new Error(`group buy ${gb.id}: commitments ${total} ≠ counted ${row.committed_qty}`);
    if (row.status === 'failed') {
      await tx
        .updateTable('group_buy_commitments')
        .set({ status: 'released' })
        .where('group_buy_id', '=', gb.id)
        .where('status', '=', 'committed')
        .execute();
      for (const c of commitments)
        await recordEvent(tx, {
          actorId: null,
          kind: 'collective.commitment_released',
          entityType: 'commitment',
          entityId: c.id,
          data: { groupBuy: gb.id },
        });
      await recordEvent(tx, {
        actorId: null,
        kind: 'collective.group_buy_failed',
        entityType: 'group_buy',
        entityId: gb.id,
        data: {
          committed: total,
          minimum: gb.minimum_qty,
          reason: total >= gb.minimum_qty ? 'stock' : 'minimum',
        },
      });
      await publishSettled(tx, gb, 'failed', commitments);
      return ok({
        status: 'failed' as const,
        committedQty: total,
        finalPrice: null,
        orders: 0,
        released: commitments.length,
      });
    }
    const finalPrice = priceAt(tiers, gb.list_price, total);
    await tx
      .updateTable('group_buys')
      .set({ final_price: finalPrice })
      .where('id', '=', gb.id)
      .execute();
    for (const c of commitments) {
      const unit = Math.min(finalPrice, c.seen_price);
      const placed = await placeOrder(
        tx,
        {
          lines: [{ variantId: gb.variant_id, qty: c.qty }],
          buyer: { name: c.buyer_name, phone: c.buyer_phone },
          delivery: { kind: 'pickup', servicePointId: gb.service_point_id },
          paymentMethod: c.payment_method as PaymentMethod,
          channel: c.agent_user_id ? 'assisted' : 'storefront',
          agentServicePointId: c.agent_user_id ? gb.service_point_id : null,
          consent: c.agent_user_id ? true : undefined,
        },
        c.agent_user_id ? agentActor(c.agent_user_id, gb.service_point_id) : null,
        { unitPrices: new Map([[gb.variant_id, unit]]) },
      );
      // Any refusal here (a point closed, a product delisted) rolls the whole settlement back
      // and the job retries; a half-settled group would charge some and not others.
      // A failure rolls the whole settlement back (inTransactionResult), then it is reported.
      if (!placed.ok) return fail(placed.code, placed.params);
      const orderId = placed.value.orders[0].id;
      await tx
        .updateTable('group_buy_commitments')
        .set({ status: 'ordered', order_id: orderId })
        .where('id', '=', c.id)
        .where('status', '=', 'committed')
        .execute();
      await recordEvent(tx, {
        actorId: null,
        kind: 'collective.commitment_ordered',
        entityType: 'commitment',
        entityId: c.id,
        data: { groupBuy: gb.id, order: orderId, unitPrice: unit },
      });
    }
    await recordEvent(tx, {
      actorId: null,
      kind: 'collective.group_buy_succeeded',
      entityType: 'group_buy',
      entityId: gb.id,
      data: { committed: total, finalPrice, orders: commitments.length },
    });
    await publishSettled(tx, gb, 'succeeded', commitments);
    return ok({
      status: 'succeeded' as const,
      committedQty: total,
      finalPrice,
      orders: commitments.length,
      released: 0,
    });
  });
}
