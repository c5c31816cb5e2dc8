// Order cycles: open with cycle prices, order at those prices, refuse bad input with nothing
// written, close exactly once (lists, runs, successor), refuse late orders naming the next cycle.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycle, makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { t } from '../../kernel/i18n/index.js';
import { errorSpec, unwrap } from '../../kernel/errors/index.js';
import { stockOf } from '../catalog/index.js';
import { closeCycle, openCycle, orderFromCycle, packingLists, supplierLists } from './index.js';
import { pasaranOf } from './calendar.js';

let w: World;
let cw: CycleWorld;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 3, points: 2 });
});
after(() => w.close());

const count = async (
  table: 'cycles' | 'cycle_products' | 'orders' | 'cycle_orders' | 'collective_outbox',
) =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const buy = (cycleId: string, lines: { variantId: string; qty: number }[], point = cw.points[0]) =>
  orderFromCycle(w.h.db, null, {
    cycleId,
    lines,
    buyer: { name: 'Ibu Maria', phone: '081234567001' },
    servicePointId: point,
    paymentMethod: 'cod',
  });

test('pasaran: 17 August 1945 was Legi; five days later Legi again', () => {
  assert.equal(pasaranOf('1945-08-17'), 'legi');
  assert.equal(pasaranOf('1945-08-18'), 'pahing');
  assert.equal(pasaranOf('1945-08-22'), 'legi');
  assert.equal(pasaranOf('2026-12-03'), pasaranOf('2026-12-08'));
});

test('a cycle order is charged the cycle price, reserves stock and is linked to the cycle', async () => {
  const [a, b] = cw.variants;
  const cycleId = await makeCycle(w.h, cw, {
    products: [{ variantId: a.variantId, price: 18000 }, { variantId: b.variantId }],
  });
  const before = (await stockOf(w.h.db, a.variantId))!.available;
  const placed = unwrap(
    await buy(cycleId, [
      { variantId: a.variantId, qty: 2 },
      { variantId: b.variantId, qty: 1 },
    ]),
  );
  assert.equal(placed.orders.length, 2, 'one order per producer');
  const lines = await w.h.db
    .selectFrom('order_lines')
    .select(['variant_id', 'unit_price'])
    .where(
      'order_id',
      'in',
      placed.orders.map((o) => o.id),
    )
    .execute();
  assert.equal(lines.find((l) => l.variant_id === a.variantId)!.unit_price, 18000, 'cycle price');
  assert.equal(
    lines.find((l) => l.variant_id === b.variantId)!.unit_price,
    b.price,
    'listing price by default',
  );
  assert.equal((await stockOf(w.h.db, a.variantId))!.available, before - 2);
  const linked = await w.h.db
    .selectFrom('cycle_orders')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .execute();
  assert.equal(linked.length, 2);
});

test('bad cycle input is refused in the user language with nothing written', async () => {
  const before = [
    await count('cycles'),
    await count('cycle_products'),
    await count('collective_outbox'),
  ];
  const now = Date.now();
  const base = {
    organisationId: cw.organisationId,
    name: 'Pasar Legi',
    opensAt: new Date(now).toISOString(),
    closesAt: new Date(now + 86400_000).toISOString(),
    repeat: 'none' as const,
    products: [{ variantId: cw.variants[0].variantId }],
    points: [
      {
        servicePointId: cw.points[0],
        pickupDate: new Date(now + 2 * 86400_000).toISOString().slice(0, 10),
        pickupFrom: '08:00',
        pickupTo: '10:00',
      },
    ],
  };
  const cases: [Partial<typeof base>, string][] = [
    [{ name: 'x' }, 'COLLECTIVE_BAD_NAME'],
    [{ closesAt: new Date(now - 60_000).toISOString() }, 'COLLECTIVE_TIME_PAST'],
    [{ opensAt: new Date(now + 2 * 86400_000).toISOString() }, 'COLLECTIVE_BAD_WINDOW'],
    [{ products: [] }, 'COLLECTIVE_NO_PRODUCTS'],
    [{ products: [{ variantId: 'var_nope' }] }, 'COLLECTIVE_NOT_LISTED'],
    [
      { products: [{ variantId: cw.variants[0].variantId, price: -5 } as never] },
      'COLLECTIVE_BAD_PRICE',
    ],
    [
      { points: [{ ...base.points[0], pickupFrom: '12:00', pickupTo: '09:00' }] },
      'COLLECTIVE_BAD_PICKUP',
    ],
    [{ points: [{ ...base.points[0], servicePointId: 'svp_nope' }] }, 'COLLECTIVE_UNKNOWN_POINT'],
  ];
  for (const [over, code] of cases) {
    const r = await openCycle(w.h.db, cw.coordinator, { ...base, ...over });
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.code, code);
      const msg = t('id', errorSpec(code).message, r.params);
      assert.doesNotMatch(msg, /collective\.err|\{/, `${code} has an Indonesian message`);
      assert.notEqual(
        t('en', errorSpec(code).message, r.params),
        msg,
        `${code} has an English one`,
      );
    }
  }
  const other = await makeCycleWorld(w.h, { producers: 1, points: 1 });
  const r = await openCycle(w.h.db, other.coordinator, base);
  assert.equal(!r.ok && r.code, 'FORBIDDEN', "another organisation's coordinator is refused");
  assert.deepEqual(
    [await count('cycles'), await count('cycle_products'), await count('collective_outbox')],
    before,
  );
});

test('close: exactly once, lists agree, one run per point, successor a week later, late order names it', async () => {
  const cycleId = await makeCycle(w.h, cw);
  const [a, b, c] = cw.variants;
  unwrap(
    await buy(
      cycleId,
      [
        { variantId: a.variantId, qty: 3 },
        { variantId: b.variantId, qty: 1 },
      ],
      cw.points[0],
    ),
  );
  unwrap(await buy(cycleId, [{ variantId: a.variantId, qty: 2 }], cw.points[1]));
  unwrap(await buy(cycleId, [{ variantId: c.variantId, qty: 4 }], cw.points[1]));
  const outside = await makeCycleWorld(w.h, { producers: 1, points: 1 });
  const wrong = await orderFromCycle(w.h.db, null, {
    cycleId,
    lines: [{ variantId: outside.variants[0].variantId, qty: 1 }],
    buyer: { name: 'Ibu Maria', phone: '081234567001' },
    servicePointId: cw.points[0],
    paymentMethod: 'cod',
  });
  assert.equal(!wrong.ok && wrong.code, 'COLLECTIVE_NOT_IN_CYCLE');
  const wrongPoint = await buy(cycleId, [{ variantId: a.variantId, qty: 1 }], outside.points[0]);
  assert.equal(!wrongPoint.ok && wrongPoint.code, 'COLLECTIVE_POINT_NOT_IN_CYCLE');

  const foreign = await closeCycle(w.h.db, outside.coordinator, cycleId);
  assert.equal(!foreign.ok && foreign.code, 'FORBIDDEN');
  const closed = unwrap(await closeCycle(w.h.db, cw.coordinator, cycleId));
  assert.equal(closed.orders, 4);
  assert.equal(closed.runs, 2);
  const again = await closeCycle(w.h.db, cw.coordinator, cycleId);
  assert.equal(!again.ok && again.code, 'COLLECTIVE_ALREADY_CLOSED');
  assert.equal(
    (await w.h.db.selectFrom('cycles').select('id').where('previous_id', '=', cycleId).execute())
      .length,
    1,
    'one successor only',
  );

  const suppliers = await supplierLists(w.h.db, cycleId);
  const packing = await packingLists(w.h.db, cycleId);
  const ordered = await w.h.db
    .selectFrom('order_lines')
    .innerJoin('cycle_orders', 'cycle_orders.order_id', 'order_lines.order_id')
    .select((eb) => eb.fn.sum<number>('qty').as('q'))
    .where('cycle_orders.cycle_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const sumS = suppliers.reduce((s, l) => s + l.totalQty, 0);
  const sumP = packing.reduce((s, l) => s + l.totalQty, 0);
  assert.equal(sumS, 10);
  assert.equal(sumP, 10);
  assert.equal(Number(ordered.q), 10);
  assert.equal(suppliers.length, 3, 'one list per producer');
  assert.equal(packing.length, 2, 'one list per point');
  const runs = await w.h.db
    .selectFrom('cycle_runs')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .execute();
  assert.deepEqual(runs.map((r) => r.items).sort(), [4, 6]);

  const next = await w.h.db
    .selectFrom('cycles')
    .selectAll()
    .where('previous_id', '=', cycleId)
    .executeTakeFirstOrThrow();
  const first = await w.h.db
    .selectFrom('cycles')
    .selectAll()
    .where('id', '=', cycleId)
    .executeTakeFirstOrThrow();
  assert.equal(Date.parse(next.opens_at) - Date.parse(first.opens_at), 7 * 86400_000);
  const late = await buy(cycleId, [{ variantId: a.variantId, qty: 1 }]);
  assert.equal(!late.ok && late.code, 'COLLECTIVE_CYCLE_CLOSED');
  if (!late.ok) {
    assert.equal(late.params?.nextId, next.id);
    assert.match(
      t('id', errorSpec(late.code).message, late.params),
      /Siklus berikutnya: "Pasar Kamis", dibuka/,
    );
  }
  const audits = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', cycleId)
    .execute();
  assert.ok(audits.some((a) => a.action === 'collective.cycle_closed'));
  const events = await w.h.db
    .selectFrom('collective_outbox')
    .select('kind')
    .where('entity_id', '=', cycleId)
    .execute();
  assert.ok(events.some((e) => e.kind === 'collective.cycle_closed'));
});

test('an order after the close time is refused even before anyone closes the cycle', async () => {
  const cycleId = await makeCycle(w.h, cw, { repeat: 'none' });
  const r = await orderFromCycle(
    w.h.db,
    null,
    {
      cycleId,
      lines: [{ variantId: cw.variants[0].variantId, qty: 1 }],
      buyer: { name: 'Ibu Maria', phone: '081234567001' },
      servicePointId: cw.points[0],
      paymentMethod: 'cod',
    },
    new Date(Date.now() + 49 * 3600_000),
  );
  assert.equal(r.ok, false);
  if (!r.ok) assert.ok(['COLLECTIVE_CYCLE_CLOSED', 'COLLECTIVE_CYCLE_ENDED'].includes(r.code));
});

test('KPIs: cycles run, producers, share of orders through cycles, savings against list prices', async () => {
  const { collectiveKpis } = await import('./index.js');
  const kw = await makeCycleWorld(w.h, { producers: 2, points: 1, regency: '35.10' });
  const [a, b] = kw.variants;
  const cycleId = await makeCycle(w.h, kw, {
    products: [{ variantId: a.variantId, price: a.price - 2000 }, { variantId: b.variantId }],
  });
  unwrap(
    await orderFromCycle(w.h.db, null, {
      cycleId,
      lines: [
        { variantId: a.variantId, qty: 3 },
        { variantId: b.variantId, qty: 1 },
      ],
      buyer: { name: 'Bu Endang', phone: '081234560001' },
      servicePointId: kw.points[0],
      paymentMethod: 'cod',
    }),
  );
  unwrap(await closeCycle(w.h.db, kw.coordinator, cycleId));
  const k = await collectiveKpis(w.h.db, '35.10', '2000-01-01', '2999-01-01');
  assert.equal(k.cyclesRun, 1);
  assert.equal(k.participatingProducers, 2);
  assert.equal(k.cycleOrders, 2);
  assert.equal(k.savings, 3 * 2000);
  assert.equal(k.collectiveShare, k.orders ? (k.cycleOrders + k.groupBuyOrders) / k.orders : null);
  // The impact page of the regency shows them in their own section.
  const officer = await w.as('national_admin');
  const res = await officer.get('/impact?region=35.10');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /Perdagangan bersama \(90 hari terakhir\)/);
  assert.match(html, /Siklus pasar selesai<\/dt><dd>1<\/dd>/);
  assert.equal((await officer.get('/impact')).status, 200, 'the national page too');
  assert.match(html, /Hemat pembeli dibanding harga toko<\/dt><dd>Rp\s?6\.000<\/dd>/);
});
