import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';
import { isPostgres } from '../../../kernel/db/index.js';
import { placeOrder, type PlaceOrderInput } from './place-order.js';
import { flatRate } from '../shipping.js';

let w: World;
let village: string;
let farVillage: string;
let sp: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  farVillage = await anyVillage(w.h.db, '35.10');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
});
after(() => w.close());

const base = (
  lines: PlaceOrderInput['lines'],
  over: Partial<PlaceOrderInput> = {},
): PlaceOrderInput => ({
  lines,
  buyer: { name: 'Rina', phone: '0812-3456-7890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
  channel: 'storefront',
  ...over,
});

async function counts() {
  const o = await w.h.db
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const l = await w.h.db
    .selectFrom('stock_ledger')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { orders: Number(o.n), ledger: Number(l.n) };
}

test('two UMKM in one checkout: one group, two orders, fees frozen, stock reserved, numbers increase', async () => {
  const u1 = await makeUmkm(w.h.db, { villageCode: village });
  const u2 = await makeUmkm(w.h.db, { villageCode: farVillage });
  const p1 = await makeProduct(w.h, { umkmId: u1, price: 25000, weightGrams: 500, stock: 5 });
  const p2 = await makeProduct(w.h, { umkmId: u2, price: 60000, weightGrams: 1200, stock: 3 });
  const r = await placeOrder(
    w.h.db,
    base(
      [
        { variantId: p1.variantId, qty: 2 },
        { variantId: p2.variantId, qty: 1 },
      ],
      { delivery: { kind: 'address', villageCode: farVillage, address: 'Jl. Raya 1, RT 02' } },
    ),
    null,
  );
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.orders.length, 2);
  const rows = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('group_id', '=', r.value.groupId)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((o) => o.umkm_id),
    [u1, u2],
  );
  assert.match(rows[0].number, /^LMB-20\d\d-\d{6}$/);
  assert.ok(rows[1].seq > rows[0].seq);
  assert.equal(rows[0].items_total, 50000);
  assert.equal(
    rows[0].shipping,
    flatRate({ fromVillageCode: village, toVillageCode: farVillage, weightGrams: 1000 }),
  );
  assert.equal(rows[0].platform_fee, 2500);
  assert.equal(rows[0].seller_share, 47500);
  assert.equal(rows[0].total, 50000 + rows[0].shipping);
  assert.equal(rows[0].buyer_phone, '+6281234567890');
  assert.equal((await stockOf(w.h.db, p1.variantId))!.available, 3);
  assert.equal((await stockOf(w.h.db, p1.variantId))!.reserved, 2);
  assert.equal(r.value.total, rows[0].total + rows[1].total);
});

test('bad input changes nothing and names the problem', async () => {
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const p = await makeProduct(w.h, { umkmId: u, price: 10000, stock: 2 });
  const hidden = await makeProduct(w.h, { umkmId: u, listed: false });
  const before = await counts();
  const cases: [PlaceOrderInput, string][] = [
    [base([]), 'ORDERS_EMPTY'],
    [base([{ variantId: p.variantId, qty: 0 }]), 'ORDERS_BAD_QTY'],
    [base([{ variantId: p.variantId, qty: -1 }]), 'ORDERS_BAD_QTY'],
    [base([{ variantId: p.variantId, qty: 1.5 }]), 'ORDERS_BAD_QTY'],
    [base([{ variantId: p.variantId, qty: 3 }]), 'ORDERS_INSUFFICIENT_STOCK'],
    [base([{ variantId: 'var_01JUNKNOWN000000000000000', qty: 1 }]), 'ORDERS_UNKNOWN_VARIANT'],
    [base([{ variantId: p.variantId, qty: 1, expectedUnitPrice: 1 }]), 'ORDERS_PRICE_CHANGED'],
    [
      base([
        { variantId: p.variantId, qty: 1 },
        { variantId: hidden.variantId, qty: 1 },
      ]),
      'ORDERS_NOT_LISTED',
    ],
    [
      base([{ variantId: p.variantId, qty: 1 }], { buyer: { name: 'Rina', phone: '12345' } }),
      'ORDERS_BAD_PHONE',
    ],
    [
      base([{ variantId: p.variantId, qty: 1 }], {
        delivery: { kind: 'address', villageCode: '99.99.99.9999', address: 'Jl. Mawar 1' },
      }),
      'ORDERS_BAD_REGION',
    ],
    [
      base([{ variantId: p.variantId, qty: 1 }], {
        delivery: { kind: 'address', villageCode: 'x', address: 'Jl. Mawar 1' },
      }),
      'ORDERS_BAD_REGION',
    ],
    [
      base([{ variantId: p.variantId, qty: 1 }], {
        delivery: { kind: 'pickup', servicePointId: 'svp_nope' },
      }),
      'ORDERS_UNKNOWN_SERVICE_POINT',
    ],
    [
      base([{ variantId: p.variantId, qty: 1 }], {
        channel: 'assisted',
        agentServicePointId: sp,
        consent: true,
      }),
      'FORBIDDEN',
    ],
  ];
  for (const [input, code] of cases) {
    const r = await placeOrder(w.h.db, input, null);
    assert.equal(r.ok, false, code);
    if (!r.ok) assert.equal(r.code, code);
  }
  assert.deepEqual(await counts(), before);
  assert.equal((await stockOf(w.h.db, p.variantId))!.available, 2);
});

// The budget is 3 + 2 × lines (on PostgreSQL one more: the stock rows locked in variant order
// before the reservation), plus 2 for claiming the group and appending the outbox events,
// plus 3 per order for its audit row (chain lock on PostgreSQL, read the last link, append),
// plus 3 per order for telling its sellers (notifications, subscribed to the order event in the
// same transaction: the order's facts, its UMKM, the UMKM's sellers; these UMKM have none, so no
// inbox row is written).
// The shipping quoter's reads of the hub network (5–10 statements per seller on a cold start)
// are cached per route for a minute, so the budget holds for every checkout after the first on
// a route; the first pays them once.
test('checkout costs at most 5 + 2 × lines + 6 × orders statements once the route is known (+1 on PostgreSQL)', async () => {
  const u1 = await makeUmkm(w.h.db, { villageCode: village });
  const u2 = await makeUmkm(w.h.db, { villageCode: village });
  const a = await makeProduct(w.h, { umkmId: u1, stock: 6 });
  const b = await makeProduct(w.h, { umkmId: u2, stock: 5 });
  const c = await makeProduct(w.h, { umkmId: u2, stock: 5 });
  assert.ok(
    (await placeOrder(w.h.db, base([{ variantId: a.variantId, qty: 1 }]), null)).ok,
    'first checkout on the route',
  );
  for (const [lines, orders] of [
    [[a], 1],
    [[a, b], 2],
    [[a, b, c], 2],
  ] as const) {
    const r = await w.h.db.transaction().execute(async (tx) => {
      const n0 = w.h.queryCount();
      const r = await placeOrder(
        tx,
        base(lines.map((p) => ({ variantId: p.variantId, qty: 1 }))),
        null,
      );
      return { r, n: w.h.queryCount() - n0 };
    });
    assert.ok(r.r.ok);
    assert.ok(
      r.n <= 5 + (isPostgres(w.h.db) ? 1 : 0) + 2 * lines.length + 6 * orders,
      `${lines.length} lines took ${r.n} statements`,
    );
  }
});
