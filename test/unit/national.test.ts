// The national-scale generator (`lumbung demo national`, issue 19) at a tiny scale, on the
// database the suite runs on: the counts are the national ones times the scale, the rows have
// the demo's shapes (listed and searchable products, completed paid orders with lines whose
// totals add up, unique friendly numbers, a delivered parcel each with the scans of its trip, which the logistics
// KPIs read), surveys exist, and a real checkout afterwards takes
// the next order number (PostgreSQL's sequence was moved past the generated ones).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../support/world.js';
import { makeOrder } from '../support/orders.js';
import { generateNational, NATIONAL } from '../../src/seed/national.js';
import { searchProducts } from '../../src/domains/catalog/index.js';
import { findCommand } from '../../src/kernel/cli/index.js';
import { logisticsKpis } from '../../src/domains/logistics/index.js';

let w: World;
before(async () => {
  w = await createWorld({ regions: ['53.09'] });
});
after(() => w.close());

const count = async (
  table: 'umkm' | 'products' | 'orders' | 'order_lines' | 'household_surveys' | 'parcels',
) =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('a tiny national world has the scaled counts and the demo shapes', async () => {
  const scale = 0.0001;
  const r = await generateNational(w.h, { scale, regions: ['53.09'] });
  assert.equal(r.umkm, NATIONAL.umkm * scale);
  assert.equal(r.products, NATIONAL.products * scale);
  assert.equal(r.orders, NATIONAL.orders * scale);
  assert.equal(await count('umkm'), r.umkm);
  assert.equal(await count('products'), r.products);
  assert.equal(await count('orders'), r.orders);
  assert.equal(await count('order_lines'), r.orderLines);
  assert.ok(r.orderLines > r.orders, 'some orders have two lines');
  assert.ok((await count('household_surveys')) > 0, 'survey waves written');

  const orders = await w.h.db
    .selectFrom('orders')
    .select(['id', 'number', 'status', 'payment_status', 'items_total', 'total', 'placed_at'])
    .execute();
  assert.equal(new Set(orders.map((o) => o.number)).size, orders.length, 'numbers are unique');
  assert.ok(orders.every((o) => o.status === 'completed' && o.payment_status === 'paid'));
  const years = orders.map((o) => Date.parse(o.placed_at));
  const spanDays = (Math.max(...years) - Math.min(...years)) / 86400_000;
  assert.ok(spanDays > 3 * 365 - 30 && spanDays <= 3 * 365, `3 years of orders (${spanDays} days)`);
  const sums = await w.h.db
    .selectFrom('order_lines')
    .select(['order_id', (eb) => eb.fn.sum<number>('line_total').as('s')])
    .groupBy('order_id')
    .execute();
  const byId = new Map(orders.map((o) => [o.id, Number(o.items_total)]));
  assert.ok(
    sums.every((s) => Number(s.s) === byId.get(s.order_id)),
    'lines add up to the order',
  );

  const parcels = await w.h.db
    .selectFrom('parcels as p')
    .innerJoin('orders as o', 'o.id', 'p.order_id')
    .select(['p.status', 'p.created_at', 'p.delivered_at', 'o.placed_at', 'o.delivered_at as od'])
    .execute();
  assert.equal(parcels.length, r.orders, 'each order has its parcel');
  assert.equal(await count('parcels'), r.orders);
  for (const p of parcels) {
    assert.equal(p.status, 'delivered');
    assert.equal(p.created_at, p.placed_at);
    assert.equal(p.delivered_at, p.od, 'delivered when the order was');
    const days = (Date.parse(p.delivered_at!) - Date.parse(p.created_at)) / 86400_000;
    assert.ok(days >= 0 && days <= 6, `lead ${days} days`);
  }

  // Each parcel's trip: scans in time order from its creation to its delivery, the last one
  // `delivered` at the parcel's delivery time, a failed attempt followed by a second round.
  const scans = await w.h.db
    .selectFrom('parcel_scans as s')
    .innerJoin('parcels as p', 'p.id', 's.parcel_id')
    .select(['s.parcel_id', 's.kind', 's.at', 'p.created_at', 'p.delivered_at', 'p.attempts'])
    .orderBy('s.parcel_id')
    .orderBy('s.at')
    .orderBy('s.id')
    .execute();
  const trips = new Map<string, typeof scans>();
  for (const s of scans) trips.set(s.parcel_id, [...(trips.get(s.parcel_id) ?? []), s]);
  assert.equal(trips.size, r.orders, 'every parcel has scans');
  let failed = 0;
  for (const trip of trips.values()) {
    const kinds = trip.map((s) => s.kind);
    assert.deepEqual(kinds.slice(0, 2), ['received_at_point', 'arrived_hub']);
    assert.equal(kinds.at(-1), 'delivered');
    assert.equal(trip.at(-1)!.at, trip[0].delivered_at, 'delivered when the parcel was');
    assert.ok(trip[0].at >= trip[0].created_at, 'no scan before the parcel was made');
    const attempts = kinds.filter((k) => k === 'failed_delivery').length;
    assert.equal(trip[0].attempts, attempts, 'the parcel counts its failed attempts');
    if (attempts) assert.equal(kinds[kinds.indexOf('failed_delivery') + 1], 'out_for_delivery');
    failed += attempts;
  }
  assert.ok(failed > 0, 'some deliveries failed once');
  const k = await logisticsKpis(w.h.db, '53.09', '2000-01-01', '2100-01-01');
  assert.equal(k.parcels, r.orders);
  assert.equal(k.delivered, r.orders);
  assert.equal(k.failedDeliveries, failed);
  // One regency: every trip is local, through its hub only (no line haul between hubs).
  assert.equal(k.medianHours.line_haul, null);
  for (const stage of ['first_mile', 'last_mile', 'pickup_wait', 'end_to_end'] as const)
    assert.ok(k.medianHours[stage]! > 0, `${stage} has a median`);
  assert.ok(k.medianHours.end_to_end! <= 6 * 24, 'end to end within the 6 days of delivery');

  const found = await searchProducts(w.h.db, { pageSize: 5 });
  assert.equal(found.items.length, 5, 'generated products are listed and searchable');

  const next = await makeOrder(w.h);
  const placed = await w.h.db
    .selectFrom('orders')
    .select('seq')
    .where('id', '=', next.orderId)
    .executeTakeFirstOrThrow();
  assert.ok(Number(placed.seq) > r.orders, 'a new checkout numbers after the generated orders');
});

test('the CLI refuses a scale outside (0, 1] with a clear message and writes nothing', async () => {
  const { command, args } = findCommand(['demo', 'national', '--scale', '7'])!;
  let err = '';
  const code = await command.run(args, {
    open: async () => {
      throw new Error('must not open the database');
    },
    stdout: () => {},
    stderr: (s) => (err += s),
  });
  assert.equal(code, 2);
  assert.match(err, /--scale must be a number above 0 and at most 1/);
});
