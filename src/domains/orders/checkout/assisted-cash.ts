// An assisted order is paid in cash at the point when it is placed: the agent's cash for the
// day grows by the group total, and the agent's commission goes into its ledger.
import type { Tx } from '../../../kernel/db/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { unwrap } from '../../../kernel/errors/index.js';
import type { OrdersTable } from '../orders.tables.js';
import type { OrderEvent } from '../events.js';
import { settlePayment } from '../payments/settle-payment.js';

export async function recordAssistedCash(
  tx: Tx,
  groupId: string,
  orders: OrdersTable[],
  agentId: string,
  servicePointId: string,
  at: string,
  events: OrderEvent[],
): Promise<void> {
  const paymentId = newId('pay');
  const amount = orders.reduce((s, o) => s + o.total, 0);
  await tx
    .insertInto('payments')
    .values({
      id: paymentId,
      group_id: groupId,
      method: 'cod',
      amount,
      unique_code: 0,
      status: 'pending',
      matched_by: null,
      provider: null,
      provider_ref: null,
      collected_by: null,
      service_point_id: servicePointId,
      paid_at: null,
      created_at: at,
    })
    .execute();
  events.push(
    ...unwrap(
      await settlePayment(tx, paymentId, {
        matchedBy: 'agent_cash',
        actorId: agentId,
        collectedBy: agentId,
        servicePointId,
      }),
    ),
  );
  const commissions = orders
    .filter((o) => o.agent_commission > 0)
    .map((o) => ({
      id: newId('agc'),
      service_point_id: servicePointId,
      agent_user_id: agentId,
      order_id: o.id,
      amount: o.agent_commission,
      kind: 'earning' as const,
      at,
    }));
  if (commissions.length) await tx.insertInto('agent_commissions').values(commissions).execute();
}
