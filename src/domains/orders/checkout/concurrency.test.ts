// No oversell and no double order under concurrency, on both databases.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { apiToken, createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';
import { placeOrder } from './place-order.js';
import { changeOrder, transition } from '../lifecycle.js';
import { shippingQuoter } from '../shipping.js';
import { checkoutBatcher } from './group-commit.js';
import { once } from 'node:events';
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serveApp } from '../../../kernel/http/server.js';
import { unwrap } from '../../../kernel/errors/index.js';
import { fingerprint } from '../../../kernel/http/index.js';

let w: World;
let sp: string;
let umkm: string;
before(async () => {
  w = await createWorld();
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
});
after(() => w.close());

test('200 concurrent checkouts for the last 10 units: exactly 10 orders, stock 0, never negative', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 10 });
  const results = await Promise.all(
    Array.from({ length: 200 }, (_, i) =>
      placeOrder(
        w.h.db,
        {
          lines: [{ variantId: p.variantId, qty: 1 }],
          buyer: { name: `Pembeli ${i}`, phone: '081234567890' },
          delivery: { kind: 'pickup', servicePointId: sp },
          paymentMethod: 'cod',
          channel: 'storefront',
        },
        null,
      ),
    ),
  );
  const won = results.filter((r) => r.ok).length;
  assert.equal(won, 10);
  for (const r of results) if (!r.ok) assert.equal(r.code, 'ORDERS_INSUFFICIENT_STOCK');
  const s = (await stockOf(w.h.db, p.variantId))!;
  assert.equal(s.available, 0);
  assert.equal(s.reserved, 10);
  const lines = await w.h.db
    .selectFrom('order_lines')
    .select('qty')
    .where('variant_id', '=', p.variantId)
    .execute();
  assert.equal(
    lines.reduce((a, l) => a + l.qty, 0),
    10,
  );
  const ledger = await w.h.db
    .selectFrom('stock_ledger')
    .select(['delta_available'])
    .where('variant_id', '=', p.variantId)
    .execute();
  let running = 0;
  for (const l of ledger) running += l.delta_available;
  assert.equal(running, 0);
});

const body = (variantId: string, qty = 1) => ({
  lines: [{ variantId, qty }],
  buyer: { name: 'Rina', phone: '081234567890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
});

test('50 concurrent replays of one Idempotency-Key: one order, the same response; other payload 422', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 100 });
  const c = await w.as('buyer');
  const key = 'replay-key-0001';
  const send = (b: unknown) => c.json('POST', '/api/v1/checkout', b, { 'idempotency-key': key });
  const first = await Promise.all(Array.from({ length: 50 }, () => send(body(p.variantId))));
  const statuses = first.map((r) => r.status);
  // Concurrent duplicates either see the first response or are told it is still in flight.
  assert.ok(
    statuses.every((s) => s === 201 || s === 409),
    statuses.join(','),
  );
  const bodies = await Promise.all(first.filter((r) => r.status === 201).map((r) => r.text()));
  assert.ok(bodies.length >= 1);
  assert.equal(new Set(bodies).size, 1);
  const replays = await Promise.all(Array.from({ length: 50 }, () => send(body(p.variantId))));
  assert.ok(replays.every((r) => r.status === 201));
  const rb = await Promise.all(replays.map((r) => r.text()));
  assert.equal(new Set([...rb, bodies[0]]).size, 1);
  assert.equal(replays[0].headers.get('idempotent-replayed'), 'true');
  const orders = await w.h.db
    .selectFrom('order_lines')
    .select('order_id')
    .where('variant_id', '=', p.variantId)
    .execute();
  assert.equal(orders.length, 1);
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 1);
  const other = await send(body(p.variantId, 2));
  assert.equal(other.status, 422);
  assert.equal((await other.json()).code, 'IDEMPOTENCY_KEY_REUSED');
  assert.equal((await c.json('POST', '/api/v1/checkout', body(p.variantId))).status, 400);
});

test('the same key while the first request is in flight: 409; a failed attempt frees the key', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  const c = await w.as('buyer');
  const key = 'inflight-key-0001';
  if (w.h.dialect === 'postgres') {
    // A real first request held inside its transaction by a slow shipping quoter.
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered!: () => void;
    const inside = new Promise<void>((r) => {
      entered = r;
    });
    // The slow quoter stands in only while the first request enters it.
    const { slow } = await shippingQuoter.withDouble(
      async () => {
        entered();
        await gate;
        return null;
      },
      async () => {
        const first = c.json('POST', '/api/v1/checkout', body(p.variantId), {
          'idempotency-key': key,
        });
        await inside;
        return { slow: first };
      },
    );
    const dup = await c.json('POST', '/api/v1/checkout', body(p.variantId), {
      'idempotency-key': key,
    });
    assert.equal(dup.status, 409);
    assert.equal((await dup.json()).code, 'IDEMPOTENCY_IN_FLIGHT');
    release();
    assert.equal((await slow).status, 201);
  } else {
    // SQLite in one process has one connection: a second request cannot run while the first
    // holds it, so the in-flight first request is another process's (a reserved key row).
    await w.h.db
      .insertInto('idempotency_keys')
      .values({
        scope: `checkout:${c.userId}`,
        key,
        fingerprint: fingerprint({ client: `user:${c.userId}`, body: body(p.variantId) }),
        state: 'in_flight',
        response_status: null,
        response_body: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const dup = await c.json('POST', '/api/v1/checkout', body(p.variantId), {
      'idempotency-key': key,
    });
    assert.equal(dup.status, 409);
    assert.equal((await dup.json()).code, 'IDEMPOTENCY_IN_FLIGHT');
  }
  // Too many units: the problem comes back, nothing is kept under the key, a corrected retry runs.
  const bad = await c.json('POST', '/api/v1/checkout', body(p.variantId, 50), {
    'idempotency-key': 'retry-key-0001',
  });
  assert.equal(bad.status, 409);
  assert.equal((await bad.json()).code, 'ORDERS_INSUFFICIENT_STOCK');
  const row = await w.h.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('key', '=', 'retry-key-0001')
    .executeTakeFirst();
  assert.equal(row, undefined);
});

test('concurrent API checkouts over HTTP share commits: 40 requests with their own keys, far fewer batches', async () => {
  // Over a socket each request reads its token and its key before it reaches the batcher; a
  // batch that started at once with the first arrival held SQLite's one connection while the
  // others waited to read, so every batch held one checkout (one fsync each, ≈ 80 orders/s).
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 100 });
  const c = await w.as('buyer');
  const { token } = await apiToken(w, c.userId, 'batch test');
  const server = serveApp(w.app, { port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/checkout`;
  const batcher = checkoutBatcher(w.h.db);
  const before = batcher.batches;
  try {
    // The client is its own process, as buyers are: a client in the server's event loop would
    // spread its own sends over the turns the batcher waits. It opens its 40 connections first
    // (as buyers' browsers hold theirs): on a loaded CI machine 40 connection set-ups spread the
    // checkouts themselves past the batcher's 3 ms wait (33 batches once).
    const client = `const o = ${JSON.stringify({ url, token, body: body(p.variantId) })};
      const health = new URL('/healthz', o.url).href;
      Promise.all(Array.from({ length: 40 }, () => fetch(health).then((r) => r.arrayBuffer())))
      .then(() => Promise.all(Array.from({ length: 40 }, (_, i) => fetch(o.url, { method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer ' + o.token,
          'idempotency-key': 'share-key-' + String(i).padStart(4, '0') },
        body: JSON.stringify(o.body) }).then(async (r) => (await r.arrayBuffer(), r.status)))))
        .then((s) => process.stdout.write(JSON.stringify(s)));`;
    const child = spawn(process.execPath, ['-e', client], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    await once(child, 'exit');
    const statuses = JSON.parse(out) as number[];
    assert.deepEqual(statuses, Array(40).fill(201));
  } finally {
    server.closeAllConnections();
    server.close();
  }
  const batches = batcher.batches - before;
  assert.ok(batches <= 10, `${batches} batches for 40 checkouts`);
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 40);
});

test('hand-overs and checkouts of the same product at once: none deadlocks, every one succeeds', async () => {
  // A hand-over turns the reservation into a sale (a stock row) and appends to the audit chain;
  // a checkout batch locks its stock rows and appends later. Taken in opposite orders,
  // PostgreSQL aborted one of them as a deadlock (the batch fell back, the hand-over failed).
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 1000 });
  const order = (i: number) => ({
    lines: [{ variantId: p.variantId, qty: 1 }],
    buyer: { name: `Pembeli ${i}`, phone: '081234567890' },
    delivery: { kind: 'pickup' as const, servicePointId: sp },
    paymentMethod: 'cod' as const,
    channel: 'storefront' as const,
  });
  const placed = [];
  for (let i = 0; i < 24; i++) placed.push(unwrap(await placeOrder(w.h.db, order(i), null)));
  const ids = placed.flatMap((x) => x.orders.map((o) => o.id));
  const move = (id: string, to: 'packed' | 'handed_over') =>
    changeOrder(w.h.db, id, (tx, o) => transition(tx, o, { column: 'fulfilment', to }, null));
  for (const id of ids) unwrap(await move(id, 'packed'));
  const batcher = checkoutBatcher(w.h.db);
  const fallbacks = batcher.fallbacks;
  const [handed, bought] = await Promise.all([
    Promise.all(ids.map((id) => move(id, 'handed_over'))),
    Promise.all(Array.from({ length: 48 }, (_, i) => batcher.place(order(100 + i), null))),
  ]);
  assert.deepEqual(
    handed.filter((r) => !r.ok),
    [],
  );
  assert.deepEqual(
    bought.filter((r) => !r.ok),
    [],
  );
  assert.equal(batcher.fallbacks, fallbacks, 'no batch rolled back');
  const s = (await stockOf(w.h.db, p.variantId))!;
  assert.equal(s.available, 1000 - 24 - 48);
  assert.equal(s.reserved, 48);
});
