// Standing orders: a buyer or an agent (for a household, with consent) subscribes on a
// repeating cycle; each later opening of the series places the order through the cycle's
// checkout exactly once (a sweep run twice places nothing more); unlisted, unoffered and
// out-of-stock items are dropped with a notice; skip, pause, resume and cancel; bad input and
// strangers change nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import type { Actor } from '../../kernel/auth/index.js';
import { unwrap, type Result } from '../../kernel/errors/index.js';
import { adjustStock, setListing, stockOf } from '../catalog/index.js';
import { closeCycle, sweepDue } from './index.js';
import { changeStanding, subscribe } from './standing.service.js';
import { placeStandingOrders } from './standing-place.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 3, points: 2, stock: 50 });
});
after(() => w.close());

const buyer = (n: string): Actor => ({
  userId: `usr_buyer_${n}`,
  displayName: 'Ibu Maria',
  locale: null,
  via: 'session',
  grants: [{ role: 'buyer', scopeType: 'self', scopeId: null, regionCode: null }],
});
const agentAt = (point: string): Actor => ({
  userId: `usr_agent_${point.slice(-6)}`,
  displayName: 'Agen',
  locale: null,
  via: 'session',
  grants: [{ role: 'village_agent', scopeType: 'service_point', scopeId: point, regionCode: null }],
});

const codeOf = (r: Result<unknown>) => (r.ok ? 'ok' : r.code);

const count = async (table: 'standing_orders' | 'standing_order_runs' | 'orders') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Closes the cycle and returns its successor with the moment just after it opens. */
async function nextOpening(cycleId: string) {
  const closed = unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  const next = await w.h.db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', closed.nextCycleId!)
    .executeTakeFirstOrThrow();
  return { id: next.id, at: new Date(Date.parse(next.opens_at) + 60_000), next };
}

const ordersOfGroup = (groupId: string) =>
  w.h.db
    .selectFrom('order_lines as l')
    .innerJoin('orders as o', 'o.id', 'l.order_id')
    .select(['l.variant_id', 'l.qty', 'l.unit_price', 'o.buyer_user_id', 'o.channel'])
    .where('o.group_id', '=', groupId)
    .execute();

test('each opening of the series places the order once, at the cycle price, for the buyer', async () => {
  const [a, b] = cw.variants;
  const cycleId = await makeCycle(w.h, cw, {
    products: [{ variantId: a.variantId, price: 17000 }, { variantId: b.variantId }],
  });
  const me = buyer('one');
  const soId = unwrap(
    await subscribe(w.h.db, me, {
      cycleId,
      lines: [
        { variantId: a.variantId, qty: 2 },
        { variantId: b.variantId, qty: 1 },
      ],
      buyer: { name: 'Ibu Maria', phone: '081234567001' },
      servicePointId: cw.points[0],
      paymentMethod: 'cod',
    }),
  );
  // The cycle it was made in is not ordered from: it starts with the next opening.
  assert.deepEqual(await placeStandingOrders(w.h.db, cycleId), {
    placed: 0,
    partial: 0,
    skipped: 0,
  });
  const { id: nextId, at } = await nextOpening(cycleId);
  const stockBefore = (await stockOf(w.h.db, a.variantId))!.available;
  const ordersBefore = await count('orders');
  const first = await sweepDue(w.h.db, at);
  assert.equal(first.standing.placed, 1);
  // The job runs again (a retry, a second worker): nothing more.
  const again = await sweepDue(w.h.db, at);
  assert.equal(again.standing.placed + again.standing.skipped, 0);
  assert.deepEqual(await placeStandingOrders(w.h.db, nextId, at), {
    placed: 0,
    partial: 0,
    skipped: 0,
  });
  assert.equal(await count('orders'), ordersBefore + 2, 'one order per producer, once');
  const run = await w.h.db
    .selectFrom('standing_order_runs')
    .selectAll()
    .where('standing_order_id', '=', soId)
    .executeTakeFirstOrThrow();
  assert.equal(run.cycle_id, nextId);
  assert.equal(run.outcome, 'placed');
  const lines = await ordersOfGroup(run.group_id!);
  assert.equal(lines.find((l) => l.variant_id === a.variantId)!.unit_price, 17000);
  assert.ok(
    lines.every((l) => l.buyer_user_id === me.userId),
    "on the buyer's account",
  );
  assert.equal((await stockOf(w.h.db, a.variantId))!.available, stockBefore - 2, 'reserved');
  const linked = await w.h.db
    .selectFrom('cycle_orders')
    .select('order_id')
    .where('group_id', '=', run.group_id!)
    .where('cycle_id', '=', nextId)
    .execute();
  assert.equal(linked.length, 2, "in the cycle's lists");
});

test('concurrent sweeps place each standing order exactly once', async () => {
  const [a] = cw.variants;
  const cycleId = await makeCycle(w.h, cw, { products: [{ variantId: a.variantId }] });
  for (let i = 0; i < 5; i++)
    unwrap(
      await subscribe(w.h.db, buyer(`race${i}`), {
        cycleId,
        lines: [{ variantId: a.variantId, qty: 1 }],
        buyer: { name: `Pembeli ${i}`, phone: `08123456710${i}` },
        servicePointId: cw.points[1],
        paymentMethod: 'transfer',
      }),
    );
  const { id: nextId, at } = await nextOpening(cycleId);
  const results = await Promise.all([0, 1, 2].map(() => placeStandingOrders(w.h.db, nextId, at)));
  assert.equal(
    results.reduce((s, r) => s + r.placed, 0),
    5,
  );
  const runs = await w.h.db
    .selectFrom('standing_order_runs')
    .select('group_id')
    .where('cycle_id', '=', nextId)
    .execute();
  assert.equal(runs.length, 5);
  const orders = await w.h.db
    .selectFrom('cycle_orders')
    .select('order_id')
    .where('cycle_id', '=', nextId)
    .execute();
  assert.equal(orders.length, 5);
});

test('an unlisted or out-of-stock item is skipped with a notice; nothing left → the cycle is skipped', async () => {
  const [a, b, c] = cw.variants;
  const cycleId = await makeCycle(w.h, cw);
  const soId = unwrap(
    await subscribe(w.h.db, buyer('notice'), {
      cycleId,
      lines: [
        { variantId: a.variantId, qty: 1 },
        { variantId: b.variantId, qty: 1 },
        { variantId: c.variantId, qty: 1 },
      ],
      buyer: { name: 'Bapak Yosef', phone: '081234567002' },
      servicePointId: cw.points[0],
      paymentMethod: 'cod',
    }),
  );
  const { id: nextId, at } = await nextOpening(cycleId);
  // b leaves the shop; c runs out.
  assert.ok(await setListing(w.h.db, b.productId, 'withdrawn', null));
  const left = (await stockOf(w.h.db, c.variantId))!.available;
  assert.ok(await adjustStock(w.h.db, c.variantId, -left, 'correction', null));
  assert.equal((await placeStandingOrders(w.h.db, nextId, at)).partial, 1);
  const run = await w.h.db
    .selectFrom('standing_order_runs')
    .selectAll()
    .where('standing_order_id', '=', soId)
    .where('cycle_id', '=', nextId)
    .executeTakeFirstOrThrow();
  assert.equal(run.outcome, 'partial');
  const notices = JSON.parse(run.notices) as { reason: string; variantId: string }[];
  assert.deepEqual(
    notices.map((n) => [n.reason, n.variantId]).sort(),
    [
      ['not_listed', b.variantId],
      ['out_of_stock', c.variantId],
    ].sort(),
  );
  assert.deepEqual(
    (await ordersOfGroup(run.group_id!)).map((l) => l.variant_id),
    [a.variantId],
  );
  // Next opening: a is also gone from the cycle's stock → nothing to order, skipped and said.
  const left2 = (await stockOf(w.h.db, a.variantId))!.available;
  assert.ok(await adjustStock(w.h.db, a.variantId, -left2, 'correction', null));
  const third = await nextOpening(nextId);
  assert.equal((await placeStandingOrders(w.h.db, third.id, third.at)).skipped, 1);
  const run3 = await w.h.db
    .selectFrom('standing_order_runs')
    .selectAll()
    .where('standing_order_id', '=', soId)
    .where('cycle_id', '=', third.id)
    .executeTakeFirstOrThrow();
  assert.equal(run3.outcome, 'skipped');
  assert.equal(run3.group_id, null);
  assert.equal(JSON.parse(run3.notices).length, 3);
  assert.ok(await setListing(w.h.db, b.productId, 'listed', null));
  assert.ok(await adjustStock(w.h.db, a.variantId, 50, 'correction', null));
  assert.ok(await adjustStock(w.h.db, c.variantId, 50, 'correction', null));
});

test('skip the next opening, pause, resume and cancel', async () => {
  const [a] = cw.variants;
  const cycleId = await makeCycle(w.h, cw, { products: [{ variantId: a.variantId }] });
  const me = buyer('moves');
  const soId = unwrap(
    await subscribe(w.h.db, me, {
      cycleId,
      lines: [{ variantId: a.variantId, qty: 1 }],
      buyer: { name: 'Ibu Lusia', phone: '081234567003' },
      servicePointId: cw.points[0],
      paymentMethod: 'qris',
    }),
  );
  // A stranger can neither see nor move it.
  assert.equal((await changeStanding(w.h.db, buyer('other'), soId, 'cancel')).ok, false);
  unwrap(await changeStanding(w.h.db, me, soId, 'skip'));
  const second = await nextOpening(cycleId);
  assert.deepEqual(await placeStandingOrders(w.h.db, second.id, second.at), {
    placed: 0,
    partial: 0,
    skipped: 1,
  });
  const skipped = await w.h.db
    .selectFrom('standing_order_runs')
    .selectAll()
    .where('standing_order_id', '=', soId)
    .executeTakeFirstOrThrow();
  assert.equal(JSON.parse(skipped.notices)[0].reason, 'buyer_skipped');
  unwrap(await changeStanding(w.h.db, me, soId, 'pause'));
  assert.equal(
    codeOf(await changeStanding(w.h.db, me, soId, 'pause')),
    'COLLECTIVE_STANDING_STATE',
  );
  const third = await nextOpening(second.id);
  assert.equal((await placeStandingOrders(w.h.db, third.id, third.at)).placed, 0, 'paused');
  unwrap(await changeStanding(w.h.db, me, soId, 'resume'));
  const fourth = await nextOpening(third.id);
  assert.equal(
    (await placeStandingOrders(w.h.db, fourth.id, fourth.at)).placed,
    1,
    'skip was once',
  );
  unwrap(await changeStanding(w.h.db, me, soId, 'cancel'));
  assert.equal(
    codeOf(await changeStanding(w.h.db, me, soId, 'resume')),
    'COLLECTIVE_STANDING_STATE',
  );
  const fifth = await nextOpening(fourth.id);
  assert.equal((await placeStandingOrders(w.h.db, fifth.id, fifth.at)).placed, 0, 'cancelled');
  const audits = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', soId)
    .execute();
  for (const k of ['created', 'skip', 'pause', 'resume', 'cancel', 'placed', 'skipped'])
    assert.ok(
      audits.some((x) => x.action === `collective.standing_${k}`),
      `audit row for ${k}`,
    );
});

test('an agent records one for a household at their point, with consent; it orders as assisted cash', async () => {
  const [a] = cw.variants;
  const cycleId = await makeCycle(w.h, cw, { products: [{ variantId: a.variantId }] });
  const agent = agentAt(cw.points[1]);
  const input = {
    cycleId,
    lines: [{ variantId: a.variantId, qty: 3 }],
    buyer: { name: 'Mama Theresia' },
    servicePointId: cw.points[1],
    paymentMethod: 'transfer' as const,
    assisted: { agentServicePointId: cw.points[1], consent: false },
  };
  const before = await count('standing_orders');
  assert.equal(codeOf(await subscribe(w.h.db, agent, input)), 'ORDERS_CONSENT_REQUIRED');
  const otherPoint = { ...input, servicePointId: cw.points[0] };
  otherPoint.assisted = { agentServicePointId: cw.points[0], consent: true };
  assert.equal(codeOf(await subscribe(w.h.db, agent, otherPoint)), 'FORBIDDEN');
  assert.equal(await count('standing_orders'), before, 'nothing written');
  const soId = unwrap(
    await subscribe(w.h.db, agent, {
      ...input,
      assisted: { agentServicePointId: cw.points[1], consent: true },
    }),
  );
  const so = await w.h.db
    .selectFrom('standing_orders')
    .selectAll()
    .where('id', '=', soId)
    .executeTakeFirstOrThrow();
  assert.equal(so.payment_method, 'cod', 'cash at the point');
  assert.ok(so.consent_at);
  const { id: nextId, at } = await nextOpening(cycleId);
  assert.equal((await placeStandingOrders(w.h.db, nextId, at)).placed, 1);
  const run = await w.h.db
    .selectFrom('standing_order_runs')
    .select('group_id')
    .where('standing_order_id', '=', soId)
    .executeTakeFirstOrThrow();
  const lines = await ordersOfGroup(run.group_id!);
  assert.equal(lines[0].channel, 'assisted');
  assert.equal(lines[0].qty, 3);
});

test('bad input is refused in the user language and writes nothing', async () => {
  const [a] = cw.variants;
  const once = await makeCycle(w.h, cw, { repeat: 'none', products: [{ variantId: a.variantId }] });
  const weekly = await makeCycle(w.h, cw, { products: [{ variantId: a.variantId }] });
  const before = await count('standing_orders');
  const base = {
    cycleId: weekly,
    lines: [{ variantId: a.variantId, qty: 1 }],
    buyer: { name: 'Ibu Maria', phone: '081234567004' },
    servicePointId: cw.points[0],
    paymentMethod: 'cod' as const,
  };
  const me = buyer('bad');
  const cases: [unknown, string][] = [
    [await subscribe(w.h.db, null, base), 'COLLECTIVE_SIGN_IN_TO_SUBSCRIBE'],
    [await subscribe(w.h.db, me, { ...base, cycleId: once }), 'COLLECTIVE_NOT_REPEATING'],
    [await subscribe(w.h.db, me, { ...base, lines: [] }), 'COLLECTIVE_STANDING_NO_LINES'],
    [
      await subscribe(w.h.db, me, { ...base, lines: [{ variantId: a.variantId, qty: 0 }] }),
      'COLLECTIVE_STANDING_QTY',
    ],
    [
      await subscribe(w.h.db, me, { ...base, lines: [{ variantId: 'var_nope', qty: 1 }] }),
      'COLLECTIVE_NOT_IN_CYCLE',
    ],
    [await subscribe(w.h.db, me, { ...base, buyer: { name: 'x' } }), 'COLLECTIVE_STANDING_NAME'],
    [
      await subscribe(w.h.db, me, { ...base, buyer: { name: 'Ibu Maria' } }),
      'COLLECTIVE_STANDING_PHONE',
    ],
    [
      await subscribe(w.h.db, me, { ...base, servicePointId: 'svp_nope' }),
      'COLLECTIVE_POINT_NOT_IN_CYCLE',
    ],
  ];
  for (const [r, code] of cases) assert.equal((r as { code: string }).code, code);
  assert.equal(await count('standing_orders'), before);
});
