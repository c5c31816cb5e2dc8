// placeOrder: one checkout in one transaction — the use case behind partner platforms, the
// seed, and the group-commit batcher's fallback (the storefront, the JSON API and assisted
// orders go through the batcher in group-commit.ts, which plans with the same `prepare` and
// `planCheckout`). Prices, fees and shipping always come from the server and are frozen into
// the rows. Stock is reserved by catalog's conditional update, so concurrent checkouts for the
// last units can never oversell.
//
// Failures found before anything is written come back as a Result. A reservation lost to a
// concurrent buyer is found after earlier lines were reserved: then a CheckoutFailure is
// thrown, which rolls back our own transaction (and is returned as a Result) or the caller's
// transaction when the caller passed one (the idempotency wrapper).
import { AppError, fail, ok, type Result } from '../../../kernel/errors/index.js';
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { normaliseMobile, scopeIds, type Actor } from '../../../kernel/auth/index.js';
import { reserveStock } from '../../catalog/index.js';
import type { Channel, PaymentMethod } from '../orders.tables.js';
import { isPaymentMethod } from '../payment-methods.js';
import { quoteShipping } from '../shipping.js';
import { dispatchOrderEvents, type OrderEvent } from '../events.js';
import { recordPlacement } from '../lifecycle.js';
import { readCheckout } from './checkout-read.js';
import { recordAssistedCash } from './assisted-cash.js';
import { planCheckout } from './plan.js';
import { claimGroups } from './claim-group.js';

export const MAX_LINES = 50;
export const MAX_QTY = 999;
export { RESERVATION_MS } from './plan.js';

export type Delivery =
  | { kind: 'pickup'; servicePointId: string }
  | { kind: 'address'; villageCode: string; address: string };

export interface PlaceOrderInput {
  lines: { variantId: string; qty: number; expectedUnitPrice?: number }[];
  buyer: { name: string; phone?: string | null; userId?: string | null };
  delivery: Delivery;
  paymentMethod: PaymentMethod;
  channel: Channel;
  partnerId?: string | null;
  agentServicePointId?: string | null;
  /** Assisted orders: the villager agreed to their name (and phone) being recorded. */
  consent?: boolean;
  /** A client-minted id (`grp_…`) for a NEW group; a group another checkout made is refused. */
  groupId?: string;
}

export interface PlacedOrder {
  id: string;
  number: string;
  umkmId: string;
  total: number;
}

export interface Placed {
  groupId: string;
  orders: PlacedOrder[];
  total: number;
  paymentMethod: PaymentMethod;
}

/** Thrown after writes began: the enclosing transaction (or savepoint) must roll back. */
export class CheckoutFailure extends AppError {}

export type Prepared = Omit<PlaceOrderInput, 'lines' | 'buyer'> & {
  lines: { variantId: string; qty: number; expectedUnitPrice?: number }[];
  buyer: { name: string; phone: string | null; userId: string | null };
};

/** Validates and normalises a checkout before anything is read or written. */
export function prepare(input: PlaceOrderInput, actor: Actor | null): Result<Prepared> {
  if (!input.lines?.length) return fail('ORDERS_EMPTY');
  const merged = new Map<string, { variantId: string; qty: number; expectedUnitPrice?: number }>();
  for (const l of input.lines) {
    if (!Number.isInteger(l.qty) || l.qty <= 0 || l.qty > MAX_QTY)
      return fail(
        'ORDERS_BAD_QTY',
        { max: MAX_QTY, variant: l.variantId },
        { qty: { key: 'orders.err.bad_qty', params: { max: MAX_QTY } } },
      );
    if (typeof l.variantId !== 'string' || l.variantId.length > 40)
      return fail('ORDERS_UNKNOWN_VARIANT', { variant: String(l.variantId).slice(0, 40) });
    const prev = merged.get(l.variantId);
    if (prev) prev.qty += l.qty;
    else merged.set(l.variantId, { ...l });
  }
  if (merged.size > MAX_LINES) return fail('ORDERS_TOO_MANY_LINES', { max: MAX_LINES });
  for (const l of merged.values())
    if (l.qty > MAX_QTY) return fail('ORDERS_BAD_QTY', { max: MAX_QTY, variant: l.variantId });

  const name = (input.buyer?.name ?? '').trim();
  if (name.length < 2 || name.length > 100)
    return fail('ORDERS_BAD_NAME', {}, { name: { key: 'orders.err.bad_name' } });
  const assisted = input.channel === 'assisted';
  let phone: string | null = null;
  const rawPhone = (input.buyer?.phone ?? '').trim();
  if (rawPhone || !assisted) {
    phone = normaliseMobile(rawPhone);
    if (!phone) return fail('ORDERS_BAD_PHONE', {}, { phone: { key: 'orders.err.bad_phone' } });
  }
  const d = input.delivery;
  if (d?.kind === 'address') {
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(d.villageCode ?? ''))
      return fail('ORDERS_BAD_REGION', {}, { village: { key: 'orders.err.bad_region' } });
    const address = (d.address ?? '').trim();
    if (address.length < 5 || address.length > 300)
      return fail('ORDERS_BAD_ADDRESS', {}, { address: { key: 'orders.err.bad_address' } });
  } else if (d?.kind !== 'pickup' || typeof d.servicePointId !== 'string' || !d.servicePointId) {
    return fail(
      'ORDERS_UNKNOWN_SERVICE_POINT',
      {},
      { service_point: { key: 'orders.err.unknown_service_point' } },
    );
  }
  if (!isPaymentMethod(input.paymentMethod)) return fail('ORDERS_BAD_METHOD');

  let userId: string | null = null;
  if (assisted) {
    // Only an agent of that very point places assisted orders, for pickup and cash at the point.
    const sp = input.agentServicePointId ?? '';
    if (!scopeIds(actor, 'service_point', ['village_agent']).includes(sp)) return fail('FORBIDDEN');
    if (d.kind !== 'pickup' || d.servicePointId !== sp) return fail('ORDERS_UNKNOWN_SERVICE_POINT');
    if (input.paymentMethod !== 'cod') return fail('ORDERS_BAD_METHOD');
    if (input.consent !== true)
      return fail(
        'ORDERS_CONSENT_REQUIRED',
        {},
        { consent: { key: 'orders.err.consent_required' } },
      );
  } else if (input.channel === 'partner') {
    if (!input.partnerId || !scopeIds(actor, 'partner', ['partner']).includes(input.partnerId))
      return fail('FORBIDDEN');
  } else {
    userId =
      actor?.via === 'session'
        ? actor.userId
        : input.buyer?.userId && actor?.userId === input.buyer.userId
          ? actor.userId
          : null;
  }
  return ok({ ...input, lines: [...merged.values()], buyer: { name, phone, userId } });
}

/** Places one checkout: one group, one order per UMKM. See the file comment for failure modes. */
export async function placeOrder(
  db: Tx,
  input: PlaceOrderInput,
  actor: Actor | null,
): Promise<Result<Placed>> {
  const pre = prepare(input, actor);
  if (!pre.ok) return pre;
  const own = !(db as { isTransaction?: boolean }).isTransaction;
  const events: OrderEvent[] = [];
  try {
    const r = await inTransaction(db, (tx) => placeIn(tx, pre.value, actor, events));
    if (r.ok) dispatchOrderEvents(events);
    return r;
  } catch (e) {
    if (own && e instanceof CheckoutFailure) return fail(e.code, e.params);
    throw e;
  }
}

async function placeIn(
  tx: Tx,
  input: Prepared,
  actor: Actor | null,
  events: OrderEvent[],
): Promise<Result<Placed>> {
  const delivery = input.delivery;
  const rows = await readCheckout(
    tx,
    input.lines.map((l) => l.variantId),
    delivery.kind === 'pickup' ? delivery : { kind: 'address', villageCode: delivery.villageCode },
  );
  let i = 0;
  const planned = await planCheckout(input, actor, {
    variants: new Map(rows.map((r) => [r.variant_id, r])),
    destVillage: rows[0]?.dest_village ?? null,
    nextSeq: () => Number(rows[0].seqs ? rows[0].seqs[i++] : (rows[0].max_seq ?? 0) + ++i),
    quote: (q) => quoteShipping(tx, q),
    now: nowIso(),
  });
  if (!planned.ok) return planned;
  const plan = planned.value;
  if ((await claimGroups(tx, [plan.placed.groupId], plan.now)) !== 1)
    throw new CheckoutFailure('ORDERS_GROUP_TAKEN');
  // Conditional update per line: a lost race for the last units rolls the whole checkout back.
  for (const l of plan.lineRows) {
    if (!(await reserveStock(tx, l.variant_id, l.qty, l.order_id, actor?.userId ?? null))) {
      throw new CheckoutFailure('ORDERS_INSUFFICIENT_STOCK', { title: l.title, available: 0 });
    }
  }
  await tx.insertInto('orders').values(plan.orderRows).execute();
  await tx.insertInto('order_lines').values(plan.lineRows).execute();
  events.push(...(await recordPlacement(tx, plan.orderRows, actor?.userId ?? null)));
  if (plan.assisted)
    await recordAssistedCash(
      tx,
      plan.placed.groupId,
      plan.orderRows,
      actor!.userId,
      input.agentServicePointId!,
      plan.now,
      events,
    );
  return ok(plan.placed);
}
