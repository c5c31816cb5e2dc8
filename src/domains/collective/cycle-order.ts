// Ordering from a cycle's shop page (a buyer, or an agent for a neighbour): the lines must be
// the cycle's products, priced at the cycle's prices, for pickup at one of its points. The
// order itself is orders' ordinary checkout (payment methods, stock reservation, fees); this
// use case adds the cycle fence and the link row in the same transaction.
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { inTransactionResult, nowIso } from '../../kernel/db/index.js';
import type { Db } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { placeOrder, type PaymentMethod, type Placed } from '../orders/index.js';
import { sql } from 'kysely';
import { recordEvent } from './record.js';
import { lateFailure } from './next-cycle.js';

export interface CycleOrderInput {
  cycleId: string;
  lines: { variantId: string; qty: number }[];
  /** userId: the buyer's own account (orders keeps it only when the actor is that account). */
  buyer: { name: string; phone?: string | null; userId?: string | null };
  servicePointId: string;
  paymentMethod: PaymentMethod;
  /** A client-minted `grp_…` id: a resubmitted form finds its first checkout instead of a second. */
  groupId?: string;
  /** An agent ordering for a neighbour at their own point (cash at the point, consent asked). */
  assisted?: { agentServicePointId: string; consent: boolean };
}

/** Places one checkout in an open cycle; refused after close with the next cycle named. */
export async function orderFromCycle(
  db: Db,
  actor: Actor | null,
  input: CycleOrderInput,
  now = new Date(),
): Promise<Result<Placed>> {
  const cycle = await db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', String(input.cycleId))
    .executeTakeFirst();
  if (!cycle) return fail('NOT_FOUND');
  if (now.toISOString() < cycle.opens_at)
    return fail('COLLECTIVE_NOT_YET_OPEN', { name: cycle.name, opens: cycle.opens_at });
  if (cycle.status !== 'open' || now.toISOString() >= cycle.closes_at)
    return lateFailure(db, cycle, now);
  const offered = new Map(
    (
      await db
        .selectFrom('cycle_products')
        .select(['variant_id', 'price'])
        .where('cycle_id', '=', cycle.id)
        .execute()
    ).map((p) => [p.variant_id, p.price]),
  );
  for (const l of input.lines ?? [])
    if (!offered.has(l.variantId)) return fail('COLLECTIVE_NOT_IN_CYCLE');
  const point = await db
    .selectFrom('cycle_points')
    .select('service_point_id')
    .where('cycle_id', '=', cycle.id)
    .where('service_point_id', '=', String(input.servicePointId))
    .executeTakeFirst();
  if (!point)
    return fail(
      'COLLECTIVE_POINT_NOT_IN_CYCLE',
      {},
      { service_point: { key: 'collective.err.point_not_in_cycle' } },
    );
  return await inTransactionResult(db, async (tx) => {
    // The fence: the close moves the same row, so an order either lands before it or is refused.
    const bumped = await tx
      .updateTable('cycles')
      .set({ order_count: sql`order_count + 1` })
      .where('id', '=', cycle.id)
      .where('status', '=', 'open')
      .where('closes_at', '>', now.toISOString())
      .executeTakeFirst();
    if (Number(bumped.numUpdatedRows) !== 1) return lateFailure(tx, cycle, now);
    const placed = await placeOrder(
      tx,
      {
        lines: input.lines,
        buyer: input.buyer,
        delivery: { kind: 'pickup', servicePointId: point.service_point_id },
        paymentMethod: input.paymentMethod,
        channel: input.assisted ? 'assisted' : 'storefront',
        agentServicePointId: input.assisted?.agentServicePointId ?? null,
        consent: input.assisted?.consent,
        groupId: input.groupId,
      },
      actor,
      { unitPrices: offered },
    );
    if (!placed.ok) return placed;
    const at = nowIso();
    await tx
      .insertInto('cycle_orders')
      .values(
        placed.value.orders.map((o) => ({
          order_id: o.id,
          cycle_id: cycle.id,
          group_id: placed.value.groupId,
          service_point_id: point.service_point_id,
          placed_at: at,
        })),
      )
      .execute();
    if (placed.value.orders.length > 1)
      await tx
        .updateTable('cycles')
        .set({ order_count: sql`order_count + ${placed.value.orders.length - 1}` })
        .where('id', '=', cycle.id)
        .execute();
    await recordEvent(tx, {
      actorId: actor?.userId ?? null,
      kind: 'collective.cycle_order',
      entityType: 'cycle',
      entityId: cycle.id,
      data: { group: placed.value.groupId, orders: placed.value.orders.map((o) => o.id) },
    });
    return ok(placed.value);
  });
}
