// The produce domain's money events. Each is published inside the transaction of the change
// that moves the money (so the ledger, subscribing through the manifest, posts it or nothing
// commits), and written to `produce_outbox` by the same one function.
import { Topic } from '../../kernel/domain/index.js';
import { nowIso, type Tx } from '../../kernel/db/index.js';
import { newId } from '../../kernel/ids/index.js';

/** Cash advanced to a farmer at intake (koperasi cash → farmer). */
export interface AdvancePaid {
  intakeId: string;
  producerId: string;
  organisationId: string;
  amount: number;
  at: string;
}

/**
 * A lot's sale settled: proceeds received and how they divide (costs and the farmers' pool).
 * `trader`: the trader paid the koperasi's cash. `catalogue`: the proceeds are what the
 * koperasi's UMKM is owed for the lot's completed orders (`orders`, summing to `proceeds`), so
 * the ledger takes them out of that UMKM's payable instead of counting the money again.
 */
export interface LotSaleSettled {
  lotId: string;
  organisationId: string;
  source: 'trader' | 'catalogue';
  /** The seller of record of the catalogue orders (null for a trader sale). */
  umkmId: string | null;
  orders: { orderId: string; amount: number }[];
  proceeds: number;
  marginAmount: number;
  processingCost: number;
  logisticsCost: number;
  platformFee: number;
  distributable: number;
  at: string;
}

/**
 * A farmer paid from a lot's pool: `share` earned (a correction's difference, maybe negative),
 * `advanceDeducted` recovered, `amount` handed over (never negative).
 */
export interface FarmerPaid {
  statementId: string;
  lotId: string;
  producerId: string;
  organisationId: string;
  share: number;
  advanceDeducted: number;
  amount: number;
  kind: 'original' | 'correction';
  at: string;
}

export const advancePaid = new Topic<AdvancePaid>('produce.advance_paid');
export const lotSaleSettled = new Topic<LotSaleSettled>('produce.lot_sale_settled');
export const farmerPaid = new Topic<FarmerPaid>('produce.farmer_paid');

/** Writes the outbox row and publishes to the in-transaction subscribers. */
export async function publishMoneyEvent<E>(
  tx: Tx,
  topic: Topic<E>,
  entityId: string,
  event: E,
): Promise<void> {
  await tx
    .insertInto('produce_outbox')
    .values({
      id: newId('pev'),
      topic: topic.name,
      entity_id: entityId,
      payload: JSON.stringify(event),
      at: nowIso(),
    })
    .execute();
  await topic.publish(tx, event);
}
