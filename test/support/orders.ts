// Test fixtures of the orders domain for any domain's tests. Orders are real: they go through
// placeOrder (stock reserved, fees frozen) and, when asked, through the real transitions.
import type { DbHandle } from '../../src/kernel/db/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import { anyVillage, makeServicePoint, makeUmkm } from './community.js';
import { makeProduct } from './catalog.js';
import { placeOrder } from '../../src/domains/orders/checkout/place-order.js';
import { recordFulfilment } from '../../src/domains/orders/orders.service.js';
import { flushOrderEvents } from '../../src/domains/orders/events.js';
import { ensurePayment } from '../../src/domains/orders/payments/intent.js';
import { settlePayment } from '../../src/domains/orders/payments/settle-payment.js';
import type { FulfilmentStatus, PaymentMethod } from '../../src/domains/orders/orders.tables.js';

const ADMIN: Actor = {
  userId: 'usr_fixture_admin',
  displayName: 'Fixture admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

export interface FixtureOrder {
  orderId: string;
  number: string;
  groupId: string;
  umkmId: string;
  variantId: string;
  productId: string;
  servicePointId: string;
  total: number;
  phone: string;
}

/**
 * A real order placed through placeOrder (pickup at a service point by default), optionally
 * advanced along the fulfilment path up to `advanceTo` (e.g. 'handed_over', 'delivered').
 */
export async function makeOrder(
  h: DbHandle,
  o: {
    umkmId?: string;
    variantId?: string;
    productId?: string;
    servicePointId?: string;
    villageCode?: string;
    qty?: number;
    price?: number;
    paymentMethod?: PaymentMethod;
    phone?: string;
    advanceTo?: FulfilmentStatus;
    channel?: 'storefront' | 'api';
  } = {},
): Promise<FixtureOrder> {
  const village = o.villageCode ?? (await anyVillage(h.db));
  const umkmId = o.umkmId ?? (await makeUmkm(h.db, { villageCode: village }));
  const product = o.variantId
    ? { variantId: o.variantId, productId: o.productId ?? '' }
    : await makeProduct(h, { umkmId, price: o.price, stock: Math.max(10, (o.qty ?? 1) * 2) });
  const servicePointId =
    o.servicePointId ?? (await makeServicePoint(h.db, { villageCode: village }));
  const phone = o.phone ?? '081234567890';
  const placed = unwrap(
    await placeOrder(
      h.db,
      {
        lines: [{ variantId: product.variantId, qty: o.qty ?? 1 }],
        buyer: { name: 'Pembeli Uji', phone },
        delivery: { kind: 'pickup', servicePointId },
        paymentMethod: o.paymentMethod ?? 'cod',
        channel: o.channel ?? 'storefront',
      },
      null,
    ),
  );
  const order = placed.orders[0];
  if (o.advanceTo && o.advanceTo !== 'unfulfilled') {
    const path: FulfilmentStatus[] = [
      'packed',
      'handed_over',
      'in_transit',
      'ready_for_pickup',
      'delivered',
    ];
    const end = o.advanceTo === 'returned' ? path.indexOf('in_transit') : path.indexOf(o.advanceTo);
    for (const step of path.slice(0, end + 1))
      unwrap(await recordFulfilment(h.db, order.id, step, ADMIN));
    if (o.advanceTo === 'returned')
      unwrap(await recordFulfilment(h.db, order.id, 'returned', ADMIN));
    await flushOrderEvents();
  }
  return {
    orderId: order.id,
    number: order.number,
    groupId: placed.groupId,
    umkmId,
    variantId: product.variantId,
    productId: product.productId,
    servicePointId,
    total: order.total,
    phone: '+62' + phone.replace(/^0/, ''),
  };
}

type PageClient = {
  form(path: string, data: Record<string, string>): Promise<Response>;
  get(path: string): Promise<Response>;
};

/** The total the agent's list shows before the cash button (what the villager is asked to pay). */
export async function assistedTotalShown(agent: PageClient): Promise<number | null> {
  const html = await (await agent.get('/agen/pesan')).text();
  const m = html.match(/name="expected_total" value="(\d+)"/);
  return m ? Number(m[1]) : null;
}

/**
 * An assisted order as the agent makes it on `/agen/pesan`: items added to the list, the total
 * read from the page, then placed with the villager's name and consent. Returns the last response.
 */
export async function placeAssisted(
  agent: PageClient,
  lines: Record<string, number>,
  buyer: { name: string; phone?: string; consent?: boolean } = { name: 'Mama Yuli' },
): Promise<Response> {
  const add = await agent.form(
    '/agen/pesan/daftar',
    Object.fromEntries(Object.entries(lines).map(([v, q]) => [`qty_${v}`, String(q)])),
  );
  if (add.status !== 303) return add;
  const total = await assistedTotalShown(agent);
  return agent.form('/agen/pesan', {
    expected_total: String(total ?? ''),
    name: buyer.name,
    phone: buyer.phone ?? '',
    ...(buyer.consent === false ? {} : { consent: '1' }),
  });
}

/** The buyer's transfer/QRIS payment of a group arrives (matched from the bank statement). */
export async function payGroup(h: DbHandle, groupId: string): Promise<void> {
  const pay = unwrap(await ensurePayment(h.db, groupId));
  if (!pay) throw new Error(`group ${groupId} has no transfer/QRIS payment`);
  unwrap(await settlePayment(h.db, pay.id, { matchedBy: 'statement', actorId: null }));
  await flushOrderEvents();
}
