// The offline console's sync (issue 18), on SQLite and PostgreSQL: a queue of an assisted
// order, a scan in, a hand-over with the code and a cash entry applies once; a replay returns
// the first answers and creates nothing; stock sold out meanwhile is refused with the reason
// while the rest applies; another point's parcel and another agent's group are refused; the
// same key with another payload is refused; an expired session is a 401.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { newId } from '../../kernel/ids/index.js';
import { makeOrder } from '../../../test/support/orders.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import { makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { parcelsForOrder, recordScan } from '../logistics/index.js';
import { flushOrderEvents } from '../orders/index.js';
import './index.js';

let w: World;
let net: TestNetwork;
let village: string;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 3 });
  village = (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[1])
      .executeTakeFirstOrThrow()
  ).village_code;
});
after(() => w.close());

let n = 0;
const sysScan = (tracking: string, kind: any, at: string) =>
  recordScan(w.h.db, null, { tracking, kind, locationId: at, clientScanId: `as-sys-${++n}-x` });

/** A COD parcel for points[1]: 'incoming' (on the way from the hub) or 'waiting' (ready, with code). */
async function parcelFor(stage: 'incoming' | 'waiting') {
  const origin = (
    await w.h.db
      .selectFrom('service_points')
      .select('village_code')
      .where('id', '=', net.points[0])
      .executeTakeFirstOrThrow()
  ).village_code;
  const o = await makeOrder(w.h, {
    villageCode: origin,
    servicePointId: net.points[1],
    advanceTo: 'handed_over',
  });
  const [p] = await parcelsForOrder(w.h.db, o.orderId);
  unwrap(await sysScan(p.trackingNumber, 'received_at_point', net.points[0]));
  unwrap(await sysScan(p.trackingNumber, 'arrived_hub', net.kecHub));
  unwrap(await sysScan(p.trackingNumber, 'out_for_delivery', net.kecHub));
  if (stage === 'waiting')
    unwrap(await sysScan(p.trackingNumber, 'ready_for_pickup', net.points[1]));
  await flushOrderEvents();
  return { o, tracking: p.trackingNumber, code: p.pickupCode! };
}

let k = 0;
const action = (kind: 'order' | 'scan' | 'cash', payload: unknown) => {
  const id = `${Date.now()}${++k}`;
  return {
    clientId: `act_${id}`,
    idempotencyKey: `${kind}_${id}_key`,
    kind,
    deviceAt: new Date().toISOString(),
    payload,
  };
};
const sync = (agent: Awaited<ReturnType<World['as']>>, actions: unknown[]) =>
  agent.json('POST', '/api/v1/agent/sync', { deviceId: 'dev_test_phone', actions });
const count = async (
  table: 'orders' | 'cash_handovers' | 'agent_sync_actions',
  where?: [string, string],
) =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .$if(!!where, (q) => q.where(where![0] as any, '=', where![1]))
        .executeTakeFirstOrThrow()
    ).n,
  );
const statusOf = async (tracking: string) =>
  (
    await w.h.db
      .selectFrom('parcels')
      .select('status')
      .where('tracking_number', '=', tracking)
      .executeTakeFirstOrThrow()
  ).status;

test('an offline queue applies once, in order; the same queue again creates nothing twice', async () => {
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  const prod = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Pupuk Organik 5 kg',
    price: 40000,
    stock: 5,
  });
  const incoming = await parcelFor('incoming');
  const waiting = await parcelFor('waiting');
  const agent = await w.as('village_agent', net.points[1]);
  const groupId = newId('grp');
  const queue = [
    action('order', {
      groupId,
      lines: [{ variantId: prod.variantId, qty: 2, unitPrice: 40000 }],
      buyer: { name: 'Mama Yuli', phone: null },
      consent: true,
    }),
    action('scan', { tracking: incoming.tracking, kind: 'ready_for_pickup' }),
    action('scan', { tracking: waiting.tracking, kind: 'delivered', pickupCode: waiting.code }),
    action('cash', { day: '2026-12-03', amount: 80000 }),
  ];
  const res = await sync(agent, queue);
  assert.equal(res.status, 200);
  const { results } = (await res.json()) as { results: any[] };
  assert.deepEqual(
    results.map((r) => [r.outcome, r.replayed]),
    [
      ['applied', false],
      ['applied', false],
      ['applied', false],
      ['applied', false],
    ],
  );
  assert.equal(results[0].result.groupId, groupId);
  assert.equal(await statusOf(incoming.tracking), 'ready_for_pickup');
  assert.equal(await statusOf(waiting.tracking), 'delivered');
  const placed = await w.h.db
    .selectFrom('orders')
    .selectAll()
    .where('group_id', '=', groupId)
    .execute();
  assert.equal(placed.length, 1);
  assert.equal(placed[0].channel, 'assisted');
  assert.equal(placed[0].agent_service_point_id, net.points[1]);
  const audits = await w.h.db
    .selectFrom('audit_log')
    .select('action')
    .where('entity_id', '=', placed[0].id)
    .execute();
  assert.ok(audits.length > 0, 'the order’s audit row was written');
  const orders = await count('orders');
  const cash = await count('cash_handovers');

  // The phone never heard the answer (connection cut after commit) and sends the queue again.
  const again = await sync(agent, queue);
  const replay = (await again.json()) as { results: any[] };
  assert.deepEqual(
    replay.results.map((r) => [r.outcome, r.replayed]),
    results.map((r) => [r.outcome, true]),
  );
  assert.deepEqual(replay.results[0].result, results[0].result);
  // Two tabs sending it at the same moment.
  await Promise.all([sync(agent, queue), sync(agent, queue)]);
  assert.equal(await count('orders'), orders);
  assert.equal(await count('cash_handovers'), cash);
  assert.equal(await count('agent_sync_actions', ['agent_user_id', agent.userId]), 4);
});

test('sold out while the agent was offline: that order is refused with the reason, the rest applies', async () => {
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  const last = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Cangkul Besi',
    price: 75000,
    stock: 1,
  });
  // Online, someone buys the last one.
  await makeOrder(w.h, {
    variantId: last.variantId,
    productId: last.productId,
    umkmId: umkm,
    villageCode: village,
  });
  const incoming = await parcelFor('incoming');
  const agent = await w.as('village_agent', net.points[1]);
  const before = await count('orders');
  const res = await sync(agent, [
    action('order', {
      groupId: newId('grp'),
      lines: [{ variantId: last.variantId, qty: 1, unitPrice: 75000 }],
      buyer: { name: 'Pak Yosef' },
      consent: true,
    }),
    action('scan', { tracking: incoming.tracking, kind: 'ready_for_pickup' }),
    action('cash', { day: '2026-12-03', amount: 5000 }),
  ]);
  const { results } = (await res.json()) as { results: any[] };
  assert.deepEqual(
    results.map((r) => r.outcome),
    ['refused', 'applied', 'applied'],
  );
  assert.equal(results[0].code, 'ORDERS_INSUFFICIENT_STOCK');
  assert.match(results[0].reason, /Stok “Cangkul Besi” tinggal 0/);
  assert.match(results[0].advice, /habis/);
  assert.equal(await count('orders'), before);
});

test('another point’s parcel, another agent’s order group and a reused key are refused', async () => {
  const incoming = await parcelFor('incoming');
  const other = await w.as('village_agent', net.points[2]);
  const res = await sync(other, [
    action('scan', { tracking: incoming.tracking, kind: 'ready_for_pickup' }),
  ]);
  const [r] = ((await res.json()) as { results: any[] }).results;
  assert.equal(r.outcome, 'refused');
  assert.equal(r.code, 'LOGISTICS_WRONG_LOCATION');
  assert.equal(await statusOf(incoming.tracking), 'out_for_delivery');

  // Agent A placed a group; agent B's phone sends an order naming that group.
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  const prod = await makeProduct(w.h, { umkmId: umkm, price: 10000, stock: 10 });
  const a = await w.as('village_agent', net.points[1]);
  const groupId = newId('grp');
  const order = (name: string) =>
    action('order', {
      groupId,
      lines: [{ variantId: prod.variantId, qty: 1, unitPrice: 10000 }],
      buyer: { name },
      consent: true,
    });
  assert.equal(
    ((await (await sync(a, [order('Ibu Ana')])).json()) as any).results[0].outcome,
    'applied',
  );
  const b = await w.as('village_agent', net.points[2]);
  const [taken] = ((await (await sync(b, [order('Ibu Ana')])).json()) as any).results;
  assert.equal(taken.outcome, 'refused');
  assert.equal(taken.code, 'ORDERS_GROUP_TAKEN');

  // The same key with another payload is not the same action.
  const cash = action('cash', { day: '2026-12-03', amount: 1000 });
  await sync(a, [cash]);
  const [reused] = (
    (await (
      await sync(a, [{ ...cash, payload: { day: '2026-12-03', amount: 9000 } }])
    ).json()) as any
  ).results;
  assert.equal(reused.code, 'AGENTAPP_KEY_REUSED');
  assert.equal(await count('cash_handovers', ['agent_user_id', a.userId]), 1);
});

test('a wrong code is refused (the device checks first, the server again); an expired session answers 401', async () => {
  const waiting = await parcelFor('waiting');
  const agent = await w.as('village_agent', net.points[1]);
  const wrong = waiting.code === '000000' ? '111111' : '000000';
  const [r] = (
    (await (
      await sync(agent, [
        action('scan', { tracking: waiting.tracking, kind: 'delivered', pickupCode: wrong }),
      ])
    ).json()) as any
  ).results;
  assert.equal(r.outcome, 'refused');
  assert.equal(r.code, 'LOGISTICS_BAD_PICKUP_CODE');
  assert.equal(await statusOf(waiting.tracking), 'ready_for_pickup');

  await w.h.db.deleteFrom('sessions').where('user_id', '=', agent.userId).execute();
  const expired = await sync(agent, [action('cash', { day: '2026-12-03', amount: 1 })]);
  assert.equal(expired.status, 401);
  assert.match(expired.headers.get('content-type') ?? '', /problem\+json/);
});

test('snapshots: catalogue with ETag and changedSince, parcels with hashed codes only', async () => {
  const umkm = await makeUmkm(w.h.db, { villageCode: village });
  const prod = await makeProduct(w.h, {
    umkmId: umkm,
    title: 'Beras Merah 1 kg',
    price: 18000,
    stock: 7,
  });
  const waiting = await parcelFor('waiting');
  const agent = await w.as('village_agent', net.points[1]);
  const first = await agent.get('/api/v1/agent/catalogue');
  assert.equal(first.status, 200);
  const snap = (await first.json()) as { stamp: string; full: boolean; items: any[] };
  assert.equal(snap.full, true);
  const row = snap.items.find((i) => i[0] === prod.variantId);
  assert.deepEqual(row?.slice(2, 6), ['Beras Merah 1 kg', '500 g', 18000, 7]);
  const etag = first.headers.get('etag')!;
  const same = await agent.fetch('/api/v1/agent/catalogue', { headers: { 'if-none-match': etag } });
  assert.equal(same.status, 304);
  // Nothing changed since the stamp (beyond the overlap window): an empty increment.
  const later = new Date(Date.now() + 10 * 60_000).toISOString();
  const inc = (await (
    await agent.get(`/api/v1/agent/catalogue?changedSince=${later}`)
  ).json()) as any;
  assert.equal(inc.full, false);
  assert.equal(inc.items.length, 0);

  const parcels = await agent.get('/api/v1/agent/parcels');
  const text = await parcels.text();
  assert.ok(!text.includes(`"${waiting.code}"`), 'no pickup code in clear');
  const item = (JSON.parse(text).items as any[]).find((p) => p.tracking === waiting.tracking);
  assert.equal(item.stage, 'waiting');
  const { pbkdf2Sync } = await import('node:crypto');
  const hash = (code: string) =>
    pbkdf2Sync(
      code,
      Buffer.from(item.codeCheck.salt, 'hex'),
      item.codeCheck.rounds,
      32,
      'sha256',
    ).toString('hex');
  assert.equal(hash(waiting.code), item.codeCheck.hash);
  assert.notEqual(hash('999999'), item.codeCheck.hash);
  // Another point's agent sees none of this point's parcels.
  const other = await w.as('village_agent', net.points[2]);
  const theirs = (await (await other.get('/api/v1/agent/parcels')).json()) as any;
  assert.ok(!theirs.items.some((p: any) => p.tracking === waiting.tracking));
});

test('a seller’s drop-off taken offline is received at the agent’s point once', async () => {
  const o = await makeOrder(w.h, {
    villageCode: village,
    servicePointId: net.points[0],
    advanceTo: 'handed_over',
  });
  const [p] = await parcelsForOrder(w.h.db, o.orderId);
  assert.equal(await statusOf(p.trackingNumber), 'created');
  const agent = await w.as('village_agent', net.points[1]);
  const drop = action('scan', { tracking: p.trackingNumber, kind: 'received_at_point' });
  const [r] = ((await (await sync(agent, [drop])).json()) as any).results;
  assert.equal(r.outcome, 'applied');
  assert.equal(r.result.status, 'at_point');
  const [again] = ((await (await sync(agent, [drop])).json()) as any).results;
  assert.equal(again.replayed, true);
  const scans = await w.h.db
    .selectFrom('parcel_scans as s')
    .innerJoin('parcels as p', 'p.id', 's.parcel_id')
    .select('s.kind')
    .where('p.tracking_number', '=', p.trackingNumber)
    .execute();
  assert.deepEqual(
    scans.map((s) => s.kind),
    ['received_at_point'],
  );
});
