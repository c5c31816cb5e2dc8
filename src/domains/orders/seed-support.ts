// Thin wrappers the demo seed uses to run the same use cases as the pages (no shortcuts).
import { inTransactionResult, type Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { fail } from '../../kernel/errors/index.js';
import { collectAtPoint } from './assisted/pickup-cash.js';
import { settlePayment } from './payments/settle-payment.js';
import { ensurePayment } from './payments/intent.js';
import { dispatchOrderEvents } from './events.js';

/** The group's QRIS/transfer payment confirmed as a provider callback would (demo only). The
 *  payment row is made on first need (as the pay page does), so it is made here first: without
 *  it nothing was pending and the demo's QRIS order stayed delivered but unpaid. */
export async function payGroupForSeed(db: Tx, groupId: string) {
  const r = await inTransactionResult(db, async (tx) => {
    const p = await ensurePayment(tx, groupId);
    if (!p.ok) return p;
    if (!p.value || p.value.status !== 'pending') return fail('ORDERS_PAYMENT_NOT_FOUND');
    return settlePayment(tx, p.value.id, {
      matchedBy: 'webhook',
      actorId: null,
      providerRef: 'demo',
    });
  });
  if (r.ok) dispatchOrderEvents(r.value);
  return r;
}

export async function collectAtPointForSeed(
  db: Tx,
  orderId: string,
  servicePointId: string,
  agentId: string,
) {
  const agent: Actor = {
    userId: agentId,
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [
      {
        role: 'village_agent',
        scopeType: 'service_point',
        scopeId: servicePointId,
        regionCode: null,
      },
    ],
  };
  return collectAtPoint(db, orderId, servicePointId, agent);
}

/** Marks a seeded order as demo data that happened earlier: placed (and delivered) at these times. */
export async function backdateOrderForSeed(
  db: Tx,
  orderId: string,
  at: { placedAt: string; deliveredAt: string },
): Promise<void> {
  await db
    .updateTable('orders')
    .set({ placed_at: at.placedAt, delivered_at: at.deliveredAt, is_demo: 1 })
    .where('id', '=', orderId)
    .execute();
}
