// The outbox tests' world (issue 13): a village with a service point, an UMKM and a partner with
// a webhook endpoint, the paths' shared steps, and the invariant every order must keep: one audit
// row per outbox event, one by one, the outbox replaying to the order's statuses, and one partner
// webhook per transition. Used by src/domains/orders/outbox-*.test.ts.
import assert from 'node:assert/strict';
import { createWorld, type World } from './world.js';
import { anyVillage, makeServicePoint, makeUmkm } from './community.js';
import { makeProduct, type FixtureProduct } from './catalog.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { newId } from '../../src/kernel/ids/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import { placeOrder } from '../../src/domains/orders/checkout/place-order.js';
import type { Placed } from '../../src/domains/orders/checkout/request.js';
import { ensurePayment } from '../../src/domains/orders/payments/intent.js';
import { signQris, webhookSecret } from '../../src/domains/orders/payments/provider.js';
import { flushOrderEvents } from '../../src/domains/orders/events.js';

export const ADMIN: Actor = {
  userId: 'usr_outbox_admin',
  displayName: 'Admin',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};
export const PHONE = '081234567001';

export interface OutboxWorld {
  w: World;
  village: string;
  sp: string;
  umkm: string;
  partnerId: string;
  /** A product of the world's UMKM. */
  product(stock?: number, price?: number): Promise<FixtureProduct>;
  pickup(): { kind: 'pickup'; servicePointId: string };
  /** A storefront order of one line, picked up at the world's point. */
  place(method: 'cod' | 'transfer' | 'qris', variantId: string, qty?: number): Promise<Placed>;
  /** Makes orders a partner's, as if they had come in through the partner API. */
  asPartnerOrder(orderIds: string[]): Promise<void>;
  /** The payment provider's signed QRIS webhook pays the group; returns the HTTP status. */
  payByQris(groupId: string, eventId: string): Promise<number>;
  /** The invariant for one order; `expectKinds` pins its events as `kind:to_status`. */
  assertEventsComplete(orderId: string, expectKinds?: string[]): Promise<void>;
  /** The invariant over every order of the world, which must hold more than `minEvents` events. */
  assertEveryOrderComplete(minEvents: number): Promise<void>;
}

type Row = { kind: string; from_status: string | null; to_status: string };

/** The invariant for one order: audit == outbox, one by one, and the outbox replays to the row. */
async function assertEventsComplete(w: World, orderId: string, expectKinds?: string[]) {
  await flushOrderEvents();
  const db = w.h.db;
  const outbox: Row[] = await db
    .selectFrom('order_outbox')
    .select(['kind', 'from_status', 'to_status'])
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute();
  const audits = await db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_type', '=', 'order')
    .where('entity_id', '=', orderId)
    .where('action', 'like', 'orders.%')
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    audits.map((a) => {
      const d = JSON.parse(a.data);
      return `${a.action}:${d.from}>${d.to}`;
    }),
    outbox.map((e) => `orders.${e.kind}:${e.from_status}>${e.to_status}`),
    `audit rows match outbox events one by one (${orderId})`,
  );
  assert.equal(outbox[0]?.kind, 'placed', 'the placement is the first event');
  const state: Record<string, string> = {
    status: 'placed',
    payment: 'unpaid',
    fulfilment: 'unfulfilled',
  };
  for (const e of outbox.slice(1)) {
    assert.equal(
      state[e.kind],
      e.from_status,
      `event ${e.kind} ${e.from_status}>${e.to_status} follows the previous state`,
    );
    state[e.kind] = e.to_status;
  }
  const o = await db
    .selectFrom('orders')
    .selectAll()
    .where('id', '=', orderId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [o.status, o.payment_status, o.fulfilment_status],
    [state.status, state.payment, state.fulfilment],
    'the outbox replays to the order',
  );
  if (o.partner_id) {
    const hooks = await db
      .selectFrom('webhook_deliveries')
      .select('event')
      .where('order_id', '=', orderId)
      .execute();
    assert.deepEqual(
      hooks.map((h) => h.event).sort(),
      outbox
        .slice(1)
        .map((e) => `order.${e.kind}`)
        .sort(),
      'one partner webhook per transition',
    );
  }
  if (expectKinds)
    assert.deepEqual(
      outbox.map((e) => `${e.kind}:${e.to_status}`),
      expectKinds,
    );
}

export async function outboxWorld(): Promise<OutboxWorld> {
  const w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09');
  const sp = await makeServicePoint(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  const partnerId = newId('ptn');
  // A partner with a webhook endpoint (never called here: deliveries stay queued).
  await w.h.db
    .insertInto('partners')
    .values({
      id: partnerId,
      name: 'Mitra Uji',
      kind: 'marketplace',
      webhook_url: 'http://127.0.0.1:9/hook',
      webhook_secret: 'whsec_test',
      is_demo: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  const pickup = () => ({ kind: 'pickup' as const, servicePointId: sp });
  return {
    w,
    village,
    sp,
    umkm,
    partnerId,
    product: (stock = 20, price = 20000) => makeProduct(w.h, { umkmId: umkm, price, stock }),
    pickup,
    async place(method, variantId, qty = 1) {
      return unwrap(
        await placeOrder(
          w.h.db,
          {
            lines: [{ variantId, qty }],
            buyer: { name: 'Rina', phone: PHONE },
            delivery: pickup(),
            paymentMethod: method,
            channel: 'storefront',
          },
          null,
        ),
      );
    },
    async asPartnerOrder(orderIds) {
      await w.h.db
        .updateTable('orders')
        .set({ partner_id: partnerId })
        .where('id', 'in', orderIds)
        .execute();
    },
    async payByQris(groupId, eventId) {
      const pay = unwrap(await ensurePayment(w.h.db, groupId))!;
      const body = JSON.stringify({
        event_id: eventId,
        reference: pay.reference,
        amount: pay.amount,
        status: 'paid',
      });
      const res = await w.client().fetch('/api/v1/webhooks/payments/qris', {
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/json',
          ...signQris(webhookSecret('test-secret', 'qris'), body),
        },
      });
      return res.status;
    },
    assertEventsComplete: (orderId, expectKinds) => assertEventsComplete(w, orderId, expectKinds),
    async assertEveryOrderComplete(minEvents) {
      await flushOrderEvents();
      const outbox = Number(
        (
          await w.h.db
            .selectFrom('order_outbox')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
      const audits = Number(
        (
          await w.h.db
            .selectFrom('audit_log')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('entity_type', '=', 'order')
            .where('action', 'like', 'orders.%')
            .executeTakeFirstOrThrow()
        ).n,
      );
      assert.ok(outbox > minEvents);
      assert.equal(audits, outbox);
      const orders = await w.h.db.selectFrom('orders').select('id').execute();
      for (const o of orders) await assertEventsComplete(w, o.id);
    },
  };
}
