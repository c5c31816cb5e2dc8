// placeOrder: the one checkout use case for the storefront, the JSON API, assisted orders at a
// service point and partner platforms. Prices, fees and shipping always come from the server
// and are frozen into the rows. Stock is reserved by catalog's conditional update, so
// concurrent checkouts for the last units can never oversell.
//
// Failures found before anything is written come back as a Result. A reservation lost to a
// concurrent buyer is found after earlier lines were reserved: then a CheckoutFailure is
// thrown, which rolls back our own transaction (and is returned as a Result) or the caller's
// transaction/savepoint when the caller passed one (idempotency wrapper, group commit).
import { AppError, fail, ok, type Result } from '../../../kernel/errors/index.js';
import { inTransaction, nowIso, type Tx } from '../../../kernel/db/index.js';
import { friendlyNumber, isId, newId } from '../../../kernel/ids/index.js';
import { normaliseMobile, scopeIds, type Actor } from '../../../kernel/auth/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { reserveStock } from '../../catalog/index.js';
import type { Channel, OrdersTable, PaymentMethod } from '../orders.tables.js';
import { computeFees } from '../fees.js';
import { quoteShipping } from '../shipping.js';
import { dispatchOrderEvents, runTxListeners, type OrderEvent } from '../events.js';
import { readCheckout } from './checkout-read.js';
import { recordAssistedCash } from './assisted-cash.js';
import '../messages.js';

export const MAX_LINES = 50;
export const MAX_QTY = 999;
/** Unpaid transfer/QRIS orders hold their stock this long, then the sweep releases it. */
export const RESERVATION_MS = 24 * 3600_000;

export type Delivery = { kind: 'pickup'; servicePointId: string } | { kind: 'address'; villageCode: string; address: string };

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
  /** A client-minted group id (`grp_…`), so an offline agent can replay safely. */
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

type Prepared = Omit<PlaceOrderInput, 'lines' | 'buyer'> & {
  lines: { variantId: string; qty: number; expectedUnitPrice?: number }[];
  buyer: { name: string; phone: string | null; userId: string | null };
};

function prepare(input: PlaceOrderInput, actor: Actor | null): Result<Prepared> {
  if (!input.lines?.length) return fail('ORDERS_EMPTY');
  const merged = new Map<string, { variantId: string; qty: number; expectedUnitPrice?: number }>();
  for (const l of input.lines) {
    if (!Number.isInteger(l.qty) || l.qty <= 0 || l.qty > MAX_QTY) return fail('ORDERS_BAD_QTY', { max: MAX_QTY, variant: l.variantId }, { qty: { key: 'orders.err.bad_qty', params: { max: MAX_QTY } } });
    if (typeof l.variantId !== 'string' || l.variantId.length > 40) return fail('ORDERS_UNKNOWN_VARIANT', { variant: String(l.variantId).slice(0, 40) });
    const prev = merged.get(l.variantId);
    if (prev) prev.qty += l.qty;
    else merged.set(l.variantId, { ...l });
  }
  if (merged.size > MAX_LINES) return fail('ORDERS_TOO_MANY_LINES', { max: MAX_LINES });
  for (const l of merged.values()) if (l.qty > MAX_QTY) return fail('ORDERS_BAD_QTY', { max: MAX_QTY, variant: l.variantId });

  const name = (input.buyer?.name ?? '').trim();
  if (name.length < 2 || name.length > 100) return fail('ORDERS_BAD_NAME', {}, { name: { key: 'orders.err.bad_name' } });
  const assisted = input.channel === 'assisted';
  let phone: string | null = null;
  const rawPhone = (input.buyer?.phone ?? '').trim();
  if (rawPhone || !assisted) {
    phone = normaliseMobile(rawPhone);
    if (!phone) return fail('ORDERS_BAD_PHONE', {}, { phone: { key: 'orders.err.bad_phone' } });
  }
  const d = input.delivery;
  if (d?.kind === 'address') {
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(d.villageCode ?? '')) return fail('ORDERS_BAD_REGION', {}, { village: { key: 'orders.err.bad_region' } });
    const address = (d.address ?? '').trim();
    if (address.length < 5 || address.length > 300) return fail('ORDERS_BAD_ADDRESS', {}, { address: { key: 'orders.err.bad_address' } });
  } else if (d?.kind !== 'pickup' || typeof d.servicePointId !== 'string' || !d.servicePointId) {
    return fail('ORDERS_UNKNOWN_SERVICE_POINT', {}, { service_point: { key: 'orders.err.unknown_service_point' } });
  }
  if (!['cod', 'transfer', 'qris'].includes(input.paymentMethod)) return fail('ORDERS_BAD_METHOD');

  let userId: string | null = null;
  if (assisted) {
    // Only an agent of that very point places assisted orders, for pickup and cash at the point.
    const sp = input.agentServicePointId ?? '';
    if (!scopeIds(actor, 'service_point', ['village_agent']).includes(sp)) return fail('FORBIDDEN');
    if (d.kind !== 'pickup' || d.servicePointId !== sp) return fail('ORDERS_UNKNOWN_SERVICE_POINT');
    if (input.paymentMethod !== 'cod') return fail('ORDERS_BAD_METHOD');
    if (input.consent !== true) return fail('ORDERS_CONSENT_REQUIRED', {}, { consent: { key: 'orders.err.consent_required' } });
  } else if (input.channel === 'partner') {
    if (!input.partnerId || !scopeIds(actor, 'partner', ['partner']).includes(input.partnerId)) return fail('FORBIDDEN');
  } else {
    userId = actor?.via === 'session' ? actor.userId : input.buyer?.userId && actor?.userId === input.buyer.userId ? actor.userId : null;
  }
  return ok({ ...input, lines: [...merged.values()], buyer: { name, phone, userId } });
}

/** Places one checkout: one group, one order per UMKM. See the file comment for failure modes. */
export async function placeOrder(db: Tx, input: PlaceOrderInput, actor: Actor | null): Promise<Result<Placed>> {
  const pre = prepare(input, actor);
  if (!pre.ok) return pre;
  const own = !(db as { isTransaction?: boolean }).isTransaction;
  const events: OrderEvent[] = [];
  try {
    const r = await inTransaction(db, async (tx) => {
      const x = await placeIn(tx, pre.value, actor, events);
      if (x.ok) await runTxListeners(tx, events);
      return x;
    });
    if (r.ok) dispatchOrderEvents(events);
    return r;
  } catch (e) {
    if (own && e instanceof CheckoutFailure) return fail(e.code, e.params);
    throw e;
  }
}

async function placeIn(tx: Tx, input: Prepared, actor: Actor | null, events: OrderEvent[]): Promise<Result<Placed>> {
  const delivery = input.delivery;
  const rows = await readCheckout(tx, input.lines.map((l) => l.variantId), delivery.kind === 'pickup' ? delivery : { kind: 'address', villageCode: delivery.villageCode });
  const byId = new Map(rows.map((r) => [r.variant_id, r]));
  for (const l of input.lines) {
    const r = byId.get(l.variantId);
    if (!r || !r.active) return fail('ORDERS_UNKNOWN_VARIANT', { variant: l.variantId });
    if (!r.listed) return fail('ORDERS_NOT_LISTED', { title: r.title });
    if (l.expectedUnitPrice !== undefined && l.expectedUnitPrice !== r.price) return fail('ORDERS_PRICE_CHANGED', { title: r.title, price: formatRupiah(r.price) });
    if ((r.available ?? 0) < l.qty) return fail('ORDERS_INSUFFICIENT_STOCK', { title: r.title, available: r.available ?? 0 });
  }
  const destVillage = rows[0].dest_village;
  if (!destVillage) {
    return delivery.kind === 'pickup'
      ? fail('ORDERS_UNKNOWN_SERVICE_POINT', {}, { service_point: { key: 'orders.err.unknown_service_point' } })
      : fail('ORDERS_BAD_REGION', {}, { village: { key: 'orders.err.bad_region' } });
  }

  // One order per UMKM, in the order the buyer added them.
  const groups = new Map<string, { umkmId: string; village: string; lines: typeof input.lines }>();
  for (const l of input.lines) {
    const r = byId.get(l.variantId)!;
    const g = groups.get(r.umkm_id) ?? { umkmId: r.umkm_id, village: r.umkm_village, lines: [] };
    g.lines.push(l);
    groups.set(r.umkm_id, g);
  }

  const now = nowIso();
  const year = Number(now.slice(0, 4));
  const groupId = input.groupId && isId(input.groupId, 'grp') ? input.groupId : newId('grp');
  const assisted = input.channel === 'assisted';
  const reservedUntil = input.paymentMethod === 'cod' ? null : new Date(Date.now() + RESERVATION_MS).toISOString();
  const orderRows: OrdersTable[] = [];
  const lineRows: { id: string; order_id: string; variant_id: string; product_id: string; title: string; variant_label: string; qty: number; unit_price: number; weight_grams: number; line_total: number }[] = [];
  let i = 0;
  for (const g of groups.values()) {
    const seqRaw = rows[0].seqs ? rows[0].seqs[i] : (rows[0].max_seq ?? 0) + i + 1;
    const seq = Number(seqRaw);
    i++;
    const id = newId('ord');
    let items = 0;
    let grams = 0;
    for (const l of g.lines) {
      const r = byId.get(l.variantId)!;
      items += r.price * l.qty;
      grams += r.weight_grams * l.qty;
      lineRows.push({ id: newId('orl'), order_id: id, variant_id: r.variant_id, product_id: r.product_id, title: r.title, variant_label: r.label, qty: l.qty, unit_price: r.price, weight_grams: r.weight_grams, line_total: r.price * l.qty });
    }
    const shipping = await quoteShipping(tx, { fromVillageCode: g.village, toVillageCode: destVillage, weightGrams: grams });
    const fees = computeFees(items, shipping, assisted);
    orderRows.push({
      id, number: friendlyNumber('LMB', year, seq), seq, group_id: groupId, umkm_id: g.umkmId, village_code: g.village,
      buyer_name: input.buyer.name, buyer_phone: input.buyer.phone, buyer_user_id: input.buyer.userId,
      delivery_kind: delivery.kind, delivery_village_code: destVillage, delivery_address: delivery.kind === 'address' ? delivery.address.trim() : null,
      service_point_id: delivery.kind === 'pickup' ? delivery.servicePointId : null, channel: input.channel, partner_id: input.partnerId ?? null,
      agent_user_id: assisted ? actor!.userId : null, agent_service_point_id: assisted ? input.agentServicePointId! : null, consent_at: assisted ? now : null,
      status: 'placed', payment_status: 'unpaid', fulfilment_status: 'unfulfilled', payment_method: input.paymentMethod,
      items_total: fees.itemsTotal, shipping: fees.shipping, platform_fee: fees.platformFee, agent_commission: fees.agentCommission,
      total: fees.total, seller_share: fees.sellerShare, reserved_until: reservedUntil, placed_at: now, delivered_at: null, updated_at: now, is_demo: 0,
    });
  }

  for (const l of lineRows) {
    if (!(await reserveStock(tx, l.variant_id, l.qty, l.order_id, actor?.userId ?? null))) {
      const r = byId.get(l.variant_id)!;
      throw new CheckoutFailure('ORDERS_INSUFFICIENT_STOCK', { title: r.title, available: 0 });
    }
  }
  await tx.insertInto('orders').values(orderRows).execute();
  await tx.insertInto('order_lines').values(lineRows).execute();
  if (assisted) await recordAssistedCash(tx, groupId, orderRows, actor!.userId, input.agentServicePointId!, now, events);

  return ok({
    groupId,
    orders: orderRows.map((o) => ({ id: o.id, number: o.number, umkmId: o.umkm_id, total: o.total })),
    total: orderRows.reduce((s, o) => s + o.total, 0),
    paymentMethod: input.paymentMethod,
  });
}
