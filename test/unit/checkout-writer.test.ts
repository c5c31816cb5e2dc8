// The checkout writer thread (issue 19; domains/orders/checkout/writer.ts): the batcher's batches
// commit in a worker thread on a connection of its own, to a SQLite file or PostgreSQL. Through
// the real API:
// every checkout is placed with its audit row, outbox event and transfer payment written in the
// thread's transaction; a refusal crosses the thread with its code and the buyer's message; a
// replay returns the first response; the main thread's own writes go on meanwhile, also while
// batches follow one another without a pause; pages cached
// before a checkout are not served stale after it; and a thread that dies mid-batch leaves every
// request answered, and a retry with the same key neither loses nor doubles an order. On a SQLite
// file the thread copies the WAL into the database between its batches.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, type World } from '../support/world.js';
import { pgHomeOf, testDatabaseUrl, type TestClient } from '../support/kernel/index.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../support/community.js';
import { makeProduct } from '../support/catalog.js';
import { startCheckoutWriter } from '../../src/read-workers.js';
import { checkoutBatcher, writerConnectOptions } from '../../src/domains/orders/index.js';
import { stockOf } from '../../src/domains/catalog/index.js';
import { sql } from 'kysely';
import { connect, inTransaction, isPostgres, type DbHandle } from '../../src/kernel/db/index.js';
import type { ReadWorkers } from '../../src/kernel/offloop/index.js';

let dir: string | undefined;
let w: World;
let writer: ReadWorkers;
let buyer: TestClient;
let sp: string;
let umkm: string;

before(async () => {
  if (testDatabaseUrl()) {
    w = await createWorld();
    writer = startCheckoutWriter(w.h, pgHomeOf(w.h));
  } else {
    dir = mkdtempSync(join(tmpdir(), 'lumbung-writer-'));
    const file = join(dir, 'lumbung.db');
    w = await createWorld({ sqlitePath: file });
    // A checkpoint after every 10 checkouts (in production 1,000), for the WAL test below.
    writer = startCheckoutWriter(w.h, {
      sqlitePath: file,
      synchronous: 'FULL',
      checkpointEvery: 10,
    });
  }
  const village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
  buyer = await w.as('buyer');
});
after(async () => {
  await writer.close();
  await w.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const checkout = (key: string, variantId: string, paymentMethod = 'transfer') =>
  buyer.json(
    'POST',
    '/api/v1/checkout',
    {
      lines: [{ variantId, qty: 1 }],
      buyer: { name: 'Rina', phone: '081234567890' },
      delivery: { kind: 'pickup', servicePointId: sp },
      paymentMethod,
    },
    { 'idempotency-key': `writer-test-${key}` },
  );

async function count(table: 'orders' | 'payments' | 'order_outbox', where?: [string, string]) {
  let q = w.h.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'));
  if (where) q = q.where(where[0] as never, '=', where[1] as never);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

test('concurrent checkouts commit in the writer thread: placed, refused with their code, replayed', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 25, price: 20000 });
  const before = { orders: await count('orders'), writes: w.h.writeCount() };
  const served = writer.served;
  const res = await Promise.all(
    Array.from({ length: 40 }, (_, i) => checkout(`w-${i}`, p.variantId)),
  );
  const bodies = await Promise.all(res.map((r) => r.json()));
  const placed = res.filter((r) => r.status === 201);
  assert.equal(placed.length, 25, 'exactly the stock was sold');
  assert.ok(writer.served > served, 'the batches were settled by the thread');
  assert.ok(w.h.writeCount() > before.writes, "the thread's commits count as writes");
  for (const [i, r] of res.entries()) {
    if (r.status === 201) {
      // The transfer payment was made in the thread's transaction and is in the response.
      assert.equal(bodies[i].payment.method, 'transfer');
      assert.ok(bodies[i].payment.amount > 20000);
      assert.match(bodies[i].confirmationUrl, /^\/pesanan\/selesai\//);
    } else {
      assert.equal(r.status, 409);
      assert.equal(bodies[i].code, 'ORDERS_INSUFFICIENT_STOCK');
      assert.match(bodies[i].detail, /stok/i, 'the refusal in the buyer’s language');
    }
  }
  assert.equal(await count('orders'), before.orders + 25);
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 25);
  // Audit row, outbox event and payment of each order, from the thread's transaction.
  for (const b of bodies.filter((x) => x.groupId)) {
    const id = b.orders[0].id as string;
    assert.equal(await count('order_outbox', ['order_id', id]), 1);
    const audit = await w.h.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      ['orders.placed'],
    );
    assert.equal(await count('payments', ['group_id', b.groupId]), 1);
  }

  // A replay answers with the first response and places nothing.
  const first = bodies[res.findIndex((r) => r.status === 201)];
  const key = `w-${res.findIndex((r) => r.status === 201)}`;
  const again = await checkout(key, p.variantId);
  assert.equal(again.status, 201);
  assert.deepEqual(await again.json(), first);
  assert.equal(await count('orders'), before.orders + 25);
});

test('the main connection keeps writing while the thread commits batches', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 1000 });
  const q = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  // Read-then-write transactions on the main connection, interleaved with the thread's commits
  // (on SQLite they begin immediate, or one could fail with SQLITE_BUSY_SNAPSHOT: see
  // kernel/db/tx.test; on PostgreSQL the read locks its row, as such code must there).
  const bumps = Array.from({ length: 30 }, () =>
    inTransaction(w.h.db, async (tx) => {
      const read = tx.selectFrom('stock').select('available').where('variant_id', '=', q.variantId);
      const s = await (isPostgres(w.h.db) ? read.forUpdate() : read).executeTakeFirstOrThrow();
      await tx
        .updateTable('stock')
        .set({ available: s.available + 1 })
        .where('variant_id', '=', q.variantId)
        .execute();
    }),
  );
  const res = await Promise.all(
    Array.from({ length: 60 }, (_, i) => checkout(`m-${i}`, p.variantId, 'cod')),
  );
  await Promise.all(bumps);
  assert.deepEqual(
    res.map((r) => r.status),
    res.map(() => 201),
  );
  assert.equal((await stockOf(w.h.db, q.variantId))!.available, 35);
});

test("the main connection's writes wait at most about a batch while checkouts arrive nonstop", async () => {
  // Each batch starts the moment the last one is answered (group-commit.ts), so on SQLite the
  // thread holds the lock almost always; the main connection's own writes must still get it.
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 100000 });
  const q = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  const batcher = checkoutBatcher(w.h.db);
  let stop = false;
  const loops = Array.from({ length: 32 }, async (_, k) => {
    for (let i = 0; !stop; i++) await checkout(`nonstop-${k}-${i}`, p.variantId, 'cod');
  });
  // The thread is warm and batches follow one another before the writes are timed.
  const from = batcher.batches;
  while (batcher.batches < from + 5) await new Promise((r) => setTimeout(r, 5));
  const waits: number[] = [];
  for (let i = 0; i < 20; i++) {
    let t = performance.now();
    await inTransaction(w.h.db, async (tx) => {
      const read = tx.selectFrom('stock').select('available').where('variant_id', '=', q.variantId);
      const s = await (isPostgres(w.h.db) ? read.forUpdate() : read).executeTakeFirstOrThrow();
      await new Promise((r) => setImmediate(r));
      await tx
        .updateTable('stock')
        .set({ available: s.available + 1 })
        .where('variant_id', '=', q.variantId)
        .execute();
    });
    waits.push(performance.now() - t);
    t = performance.now();
    await w.h.db
      .updateTable('cart_lines')
      .set({ qty: 1 })
      .where('cart_id', '=', 'tidak-ada')
      .execute();
    waits.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 10));
  }
  const batches = batcher.batches - from;
  stop = true;
  await Promise.all(loops);
  assert.ok(batches >= 10, `checkouts kept the thread busy (${batches} batches)`);
  assert.equal((await stockOf(w.h.db, q.variantId))!.available, 25);
  // Starved, a write would sleep through SQLite's busy_timeout (5 s) and fail; a batch of 32
  // commits in tens of milliseconds.
  assert.ok(Math.max(...waits) < 1000, `longest wait ${Math.max(...waits).toFixed(0)} ms`);
});

test('a product page cached before a checkout is not served stale after it', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 1 });
  const visitor = w.client();
  const page = await (await visitor.get(`/produk/${p.productId}`)).text();
  assert.doesNotMatch(page, /Habis/);
  assert.equal((await checkout('stale-1', p.variantId, 'cod')).status, 201);
  const after = await (await visitor.get(`/produk/${p.productId}`)).text();
  assert.match(after, /Habis/, 'the page shows the product sold out');
});

test('a writer thread that dies mid-batch: every request answered, a retry neither loses nor doubles', async () => {
  const batcher = checkoutBatcher(w.h.db);
  // On a loaded machine the thread may commit its batch before the termination lands: then all
  // are acknowledged, which is right too, and the dying case is tried again with new keys.
  let key = '';
  let p = { variantId: '' };
  let before = 0;
  let statuses: number[] = [];
  let answers: Response[] = [];
  for (let round = 0; round < 5 && !statuses.includes(503); round++) {
    key = `d${round}`;
    p = await makeProduct(w.h, { umkmId: umkm, stock: 1000 });
    before = await count('orders');
    const batches = batcher.batches;
    const first = Array.from({ length: 12 }, (_, i) => checkout(`${key}-${i}`, p.variantId, 'cod'));
    while (batcher.batches === batches) await new Promise((r) => setImmediate(r));
    await writer.close(); // the thread is terminated with the batch in its hands
    answers = await Promise.all(first);
    statuses = answers.map((r) => r.status);
    for (const s of statuses) assert.ok(s === 201 || s === 503, `answered ${s}`);
  }
  const told = await answers[statuses.indexOf(503)]?.json();
  assert.equal(told?.code, 'ORDERS_CHECKOUT_INTERRUPTED');
  assert.match(told.detail, /Kirim sekali lagi/);
  assert.ok(statuses.includes(503), 'the batch in the dead thread was not acknowledged');
  // Clients retry with their keys: the thread starts again, and each checkout is placed once.
  const retried = await Promise.all(
    Array.from({ length: 12 }, (_, i) => checkout(`${key}-${i}`, p.variantId, 'cod')),
  );
  assert.deepEqual(
    retried.map((r) => r.status),
    retried.map(() => 201),
  );
  assert.equal(await count('orders'), before + 12);
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 12);
});

test("the writer's own SQLite connection keeps a 64 MiB page cache and its statement journals in memory; others keep the defaults", {
  skip: testDatabaseUrl() ? 'PostgreSQL: the writer has a pool' : false,
}, async () => {
  const file = join(dir!, 'lumbung.db');
  const cacheOf = async (h: DbHandle) =>
    (await sql<{ cache_size: number }>`pragma cache_size`.execute(h.db)).rows[0].cache_size;
  const own = connect(writerConnectOptions({ sqlitePath: file, synchronous: 'FULL' }));
  const other = connect({ sqlitePath: file });
  try {
    assert.equal(await cacheOf(own), -64 * 1024);
    // better-sqlite3 builds SQLite with a 16 MiB default (SQLITE_DEFAULT_CACHE_SIZE=-16000).
    assert.equal(await cacheOf(other), -16000);
    // temp_store 2 is MEMORY; 0, the default, leaves it to the build (better-sqlite3: files).
    const tempOf = async (h: DbHandle) =>
      (await sql<{ temp_store: number }>`pragma temp_store`.execute(h.db)).rows[0].temp_store;
    assert.equal(await tempOf(own), 2);
    assert.equal(await tempOf(other), 0);
  } finally {
    await own.close();
    await other.close();
  }
});

test('the writer thread copies the WAL into the file between its batches', {
  skip: testDatabaseUrl() ? 'PostgreSQL has no WAL file to copy' : false,
}, async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 1000 });
  // The WAL's length in frames; the main connection's own checkpoint lets the next commit
  // write it from the start, so each figure counts what was written since the last call.
  const frames = async () =>
    (await sql<{ log: number }>`pragma wal_checkpoint(PASSIVE)`.execute(w.h.db)).rows[0].log;
  await frames();
  for (let i = 0; i < 3; i++)
    assert.equal((await checkout(`wal-a${i}`, p.variantId, 'cod')).status, 201);
  const threeBatches = await frames();
  // One at a time, so each checkout is a batch of its own: 30 batches.
  for (let i = 0; i < 30; i++)
    assert.equal((await checkout(`wal-b${i}`, p.variantId, 'cod')).status, 201);
  const after30 = await frames();
  // The thread checkpointed after every 10 checkouts, so the WAL holds at most the last ten or so;
  // without that all thirty would be in it (ten times three batches' frames).
  assert.ok(
    after30 < 5 * threeBatches,
    `${after30} frames after 30 batches, ${threeBatches} after 3`,
  );
});
