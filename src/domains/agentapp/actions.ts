// What each kind of offline action does on the server: it calls the owning domain's own use
// case (orders' checkout, logistics' scan, orders' cash hand-over) inside the sync's
// transaction, so the effect, its audit row and outbox event, and the journal row commit
// together. Who and where always come from the signed-in agent's grant, never from the device.
import { z } from 'zod';
import type { Transaction } from 'kysely';
import type { Database } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { isId } from '../../kernel/ids/index.js';
import { ok, type Result } from '../../kernel/errors/index.js';
import { placeOrder, recordHandover } from '../orders/index.js';
import { recordScan, parcelsFromHandedOverOrders } from '../logistics/index.js';

const tracking = z.string().trim().min(4).max(20);

export const orderPayload = z
  .object({
    /** Minted on the device (`grp_…`): the order's group, so the same order is one order. */
    groupId: z.string().refine((s) => isId(s, 'grp'), { message: 'validation.bad_format' }),
    lines: z
      .array(
        z
          .object({
            variantId: z.string().min(1).max(40),
            qty: z.number().int().min(1).max(999),
            /** The price the villager was shown offline; another price today is refused. */
            unitPrice: z.number().int().min(0),
          })
          .strict(),
      )
      .min(1)
      .max(50),
    buyer: z
      .object({ name: z.string().max(100), phone: z.string().max(30).nullable().optional() })
      .strict(),
    consent: z.literal(true),
  })
  .strict();

export const scanPayload = z
  .object({
    tracking,
    /** Scan in from the hub, a seller's drop-off, or the hand-over to the buyer (with the code). */
    kind: z.enum(['ready_for_pickup', 'received_at_point', 'delivered']),
    pickupCode: z.string().trim().max(12).optional(),
  })
  .strict();

export const cashPayload = z
  .object({
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    amount: z.number().int().min(0).max(1_000_000_000_000),
  })
  .strict();

export type ActionKind = 'order' | 'scan' | 'cash';

export interface Agent {
  actor: Actor;
  pointId: string;
  villageCode: string;
}

type Tx = Transaction<Database>;

/** Places the villager's order through orders' one checkout path (cash at the point, pickup here). */
export async function applyOrder(
  tx: Tx,
  a: Agent,
  p: z.infer<typeof orderPayload>,
): Promise<Result<Record<string, unknown>>> {
  const r = await placeOrder(
    tx,
    {
      lines: p.lines.map((l) => ({
        variantId: l.variantId,
        qty: l.qty,
        expectedUnitPrice: l.unitPrice,
      })),
      buyer: { name: p.buyer.name, phone: p.buyer.phone || null },
      delivery: { kind: 'pickup', servicePointId: a.pointId },
      paymentMethod: 'cod',
      channel: 'assisted',
      agentServicePointId: a.pointId,
      consent: true,
      groupId: p.groupId,
    },
    a.actor,
  );
  if (!r.ok) return r;
  return ok({
    groupId: r.value.groupId,
    total: r.value.total,
    orders: r.value.orders.map((o) => o.number),
  });
}

/** Records the scan at the agent's own point; logistics decides whether it is the next legal move. */
export async function applyScan(
  tx: Tx,
  a: Agent,
  clientActionId: string,
  p: z.infer<typeof scanPayload>,
): Promise<Result<Record<string, unknown>>> {
  const input = {
    tracking: p.tracking,
    kind: p.kind,
    locationId: a.pointId,
    clientScanId: clientActionId,
    pickupCode: p.pickupCode || undefined,
  };
  let r = await recordScan(tx, a.actor, input);
  // A seller's hand-over may not be a parcel yet: catch up for this village once (as the page does).
  if (!r.ok && r.code === 'LOGISTICS_UNKNOWN_PARCEL' && p.kind === 'received_at_point')
    if (await parcelsFromHandedOverOrders(tx, a.villageCode))
      r = await recordScan(tx, a.actor, input);
  if (!r.ok) return r;
  return ok({ tracking: r.value.trackingNumber, status: r.value.status });
}

/** Cash entries are always accepted (the treasurer reconciles the declared amounts). */
export async function applyCash(
  tx: Tx,
  a: Agent,
  p: z.infer<typeof cashPayload>,
): Promise<Result<Record<string, unknown>>> {
  const r = await recordHandover(tx, a.actor.userId, a.pointId, p.day, p.amount);
  if (!r.ok) return r;
  return ok({ handoverId: r.value, amount: p.amount, day: p.day });
}
