// The seam to orders: logistics provides orders' shipping quoter port, turns a
// hand-over into a parcel inside the same transaction as the order change (orders'
// orderChanged topic inside the transaction, so a parcel exists exactly when the hand-over
// does), and reports
// parcel milestones back as fulfilment changes. A catch-up sweep
// (`parcelsFromHandedOverOrders`) covers orders handed over before their village's service
// point was assigned to a hub.
//
// A parcel creation that fails as a value (the seller's point has no hub yet, a bad weight)
// leaves the hand-over standing and the sweep makes the parcel later; one that throws (the
// database refused a write) rolls the hand-over back with it, so the seller is told and hands
// over again rather than goods leaving without a parcel (orders-bridge.test.ts).
import {
  dispatchOrderEvents,
  handedOverOrderIds,
  orderShipment,
  pickUpAtPoint,
  recordFulfilment,
  type OrderEvent,
  type ShippingQuoter,
} from '../orders/index.js';
import type { Tx } from '../../kernel/db/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import { createParcel } from './parcels.service.js';
import { pointForVillage } from './logistics.queries.js';
import { quoteNetwork } from './quote.js';
import { consolidatedRuns } from './consolidated-runs.js';
import type { ParcelStatus, ScanKind } from './logistics.tables.js';

/** Orders' shipping quoter: the network's price, or null (orders then uses its flat table). */
export const quoteForOrders: ShippingQuoter = async (d, q) =>
  (await quoteNetwork(d, q))?.amount ?? null;

/** A hand-over becomes a parcel inside the order change's own transaction. */
export async function parcelOnHandOver(tx: Tx, e: OrderEvent): Promise<void> {
  if (e.kind === 'fulfilment' && e.to === 'handed_over') await parcelFromOrder(tx, e.orderId, e.at);
}

/** Creates the parcel of a handed-over order (once): seller's point → buyer's point or address. */
export async function parcelFromOrder(db: Tx, orderId: string, at?: string) {
  const o = await orderShipment(db, orderId);
  if (!o) return null;
  // A cycle order leaves in its point's consolidated run (one parcel per run, made at close).
  if ((await consolidatedRuns.get()(db, [orderId])).has(orderId)) return null;
  const origin = await pointForVillage(db, o.villageCode);
  if (!origin) return null;
  const dest =
    o.deliveryKind === 'pickup' && o.servicePointId
      ? o.servicePointId
      : await pointForVillage(db, o.deliveryVillageCode);
  const r = await createParcel(db, null, {
    orderId,
    originPointId: origin,
    destinationPointId: o.deliveryKind === 'pickup' ? (dest ?? null) : null,
    destinationVillageCode: o.deliveryVillageCode,
    weightGrams: Math.max(1, Number(o.weightGrams ?? 0) || 1000),
    at,
    isDemo: o.isDemo,
  });
  return r.ok ? r.value : null;
}

const SWEEP_LIMIT = 500;

/**
 * Up to one sweep's worth of handed-over orders of sellers in `prefix` without a parcel. Orders'
 * handed-over orders are the ones not yet moving, so the list stays short; the parcels already
 * made are left out a chunk at a time.
 */
async function ordersWithoutParcel(db: Tx, prefix: string): Promise<string[]> {
  const waiting = await handedOverOrderIds(db, prefix);
  const bare: string[] = [];
  for (let i = 0; i < waiting.length && bare.length < SWEEP_LIMIT; i += SWEEP_LIMIT) {
    const chunk = waiting.slice(i, i + SWEEP_LIMIT);
    const made = new Set(
      (
        await db.selectFrom('parcels').select('order_id').where('order_id', 'in', chunk).execute()
      ).map((p) => p.order_id),
    );
    bare.push(...chunk.filter((id) => !made.has(id)));
  }
  return bare.slice(0, SWEEP_LIMIT);
}

/** Parcels for handed-over orders of sellers in `prefix` that have none yet (catch-up). */
export async function parcelsFromHandedOverOrders(db: Tx, prefix: string): Promise<number> {
  const ids = await ordersWithoutParcel(db, prefix).catch(() => []);
  let n = 0;
  for (const id of ids) if (await parcelFromOrder(db, id)) n++;
  return n;
}

const FULFILMENT_OF: Partial<Record<ScanKind, string>> = {
  ready_for_pickup: 'ready_for_pickup',
  delivered: 'delivered',
};

/** Reports a parcel milestone to orders; orders' refusal never undoes a recorded scan. */
export async function notifyFulfilment(
  db: Tx,
  orderId: string,
  before: ParcelStatus,
  kind: ScanKind,
  actor: Actor | null,
): Promise<void> {
  const to =
    kind === 'arrived_hub' && (before === 'at_point' || before === 'created')
      ? 'in_transit'
      : FULFILMENT_OF[kind];
  if (!to) return;
  // Orders keeps its own state machine: a refused move (an order cancelled meanwhile, an
  // actor orders does not let move it) leaves the recorded scan standing.
  await recordFulfilment(db, orderId, to as 'in_transit', actor);
}

/**
 * The parcel is back at the seller's point: the order becomes `returned` (orders restocks
 * through the stock ledger and reverses the earning), inside the scan's transaction.
 * Logistics already authorised the scanner at that point, so the move is made as the
 * logistics system (the scan's audit row names the person); orders' refusal (the order was
 * already marked returned by hand) leaves the scan standing: the goods are back either way.
 */
export async function returnOrder(tx: Tx, orderId: string): Promise<void> {
  await recordFulfilment(tx, orderId, 'returned', null);
}

/**
 * The buyer collects the parcel at the point (inside the scan's transaction): orders takes a
 * COD buyer's cash for the scanning agent, marks the order paid and delivered. An unpaid
 * transfer/QRIS order is refused and the scan with it. An order that cannot move any more
 * (cancelled, returned, not at this point) lets the scan stand, as every other milestone does;
 * orders refuses those before writing anything.
 */
export async function collectOnPickup(
  tx: Tx,
  orderId: string,
  pointId: string,
  actor: Actor | null,
): Promise<Result<OrderEvent[]>> {
  const r = await pickUpAtPoint(tx, orderId, pointId, actor);
  if (r.ok) return ok(r.value.events);
  if (r.code === 'ORDERS_NOT_FOUND' || r.code === 'ORDERS_PICKUP_NOT_READY') return ok([]);
  return fail(r.code, r.params);
}

/** After the scan committed: the pickup's order events to orders' after-commit listeners. */
export function dispatchPickup(events: OrderEvent[]): void {
  dispatchOrderEvents(events);
}
