// The agent's day at a service point: cash taken (assisted orders and COD pickups), what was
// handed over to the treasurer, the shortfall, commission earned, parcels in and out.
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { zoneForRegion } from '../../../kernel/i18n/index.js';
import { newId } from '../../../kernel/ids/index.js';
import { audit } from '../../../kernel/audit/index.js';
import { fail, ok, type Result } from '../../../kernel/errors/index.js';

const OFFSET_H = { WIB: 7, WITA: 8, WIT: 9 } as const;

/** The UTC interval of a local calendar day in the zone of `regionCode`. */
export function dayRange(day: string, regionCode: string): { from: string; to: string } {
  const start = Date.parse(`${day}T00:00:00Z`) - OFFSET_H[zoneForRegion(regionCode)] * 3600_000;
  return { from: new Date(start).toISOString(), to: new Date(start + 86400_000).toISOString() };
}

export function localDay(at: Date, regionCode: string): string {
  return new Date(at.getTime() + OFFSET_H[zoneForRegion(regionCode)] * 3600_000)
    .toISOString()
    .slice(0, 10);
}

export interface AgentDay {
  day: string;
  cashCollected: number;
  /** Part of `cashCollected` taken from COD buyers collecting parcels (one payment per order). */
  cashFromPickups: number;
  payments: number;
  handedOver: number;
  shortfall: number;
  commission: number;
  assistedOrders: number;
  parcelsWaiting: number;
  parcelsOut: number;
}

export async function agentDay(
  db: Tx,
  agentId: string,
  servicePointId: string,
  villageCode: string,
  day: string,
): Promise<AgentDay> {
  const { from, to } = dayRange(day, villageCode);
  const [cash, handed, comm, assisted, waiting, out] = await Promise.all([
    db
      .selectFrom('payments')
      .select((eb) => [
        eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('n'),
        eb.fn.countAll<number>().as('c'),
        // A pickup's payment is for one order: its group is `<group>:<order>` (pickup-cash.ts).
        eb.fn
          .coalesce(
            eb.fn.sum<number>(
              eb.case().when('group_id', 'like', '%:%').then(eb.ref('amount')).else(0).end(),
            ),
            eb.lit(0),
          )
          .as('p'),
      ])
      .where('collected_by', '=', agentId)
      .where('service_point_id', '=', servicePointId)
      .where('status', '=', 'paid')
      .where('paid_at', '>=', from)
      .where('paid_at', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cash_handovers')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('declared_amount'), eb.lit(0)).as('n'))
      .where('agent_user_id', '=', agentId)
      .where('service_point_id', '=', servicePointId)
      .where('day', '=', day)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agent_commissions')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount'), eb.lit(0)).as('n'))
      .where('agent_user_id', '=', agentId)
      .where('at', '>=', from)
      .where('at', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agent_user_id', '=', agentId)
      .where('placed_at', '>=', from)
      .where('placed_at', '<', to)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_point_id', '=', servicePointId)
      .where('status', '=', 'placed')
      .where('fulfilment_status', '=', 'ready_for_pickup')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('service_point_id', '=', servicePointId)
      .where('status', '=', 'placed')
      .where('fulfilment_status', '=', 'handed_over')
      .executeTakeFirstOrThrow(),
  ]);
  const collected = Number(cash.n);
  const handedOver = Number(handed.n);
  return {
    day,
    cashCollected: collected,
    cashFromPickups: Number(cash.p),
    payments: Number(cash.c),
    handedOver,
    shortfall: Math.max(0, collected - handedOver),
    commission: Number(comm.n),
    assistedOrders: Number(assisted.n),
    parcelsWaiting: Number(waiting.n),
    parcelsOut: Number(out.n),
  };
}

/** The agent hands the day's cash to the treasurer; the declared amount is what reconciles. */
export async function recordHandover(
  db: Tx,
  agentId: string,
  servicePointId: string,
  day: string,
  amount: number,
): Promise<Result<string>> {
  if (!Number.isSafeInteger(amount) || amount < 0) return fail('VALIDATION_FAILED');
  return inTransaction(db, async (tx) => {
    const id = newId('cho');
    await tx
      .insertInto('cash_handovers')
      .values({
        id,
        service_point_id: servicePointId,
        agent_user_id: agentId,
        day,
        declared_amount: amount,
        recorded_by: agentId,
        recorded_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: agentId,
      action: 'orders.cash_handover',
      entityType: 'service_point',
      entityId: servicePointId,
      data: { day, amount },
    });
    return ok(id);
  });
}
