// Group commit (the production checkout path): the same guarantees as one transaction per
// order — no oversell, one failure sinks nobody else, keys stored with their orders — on both
// databases.
import { TableNode, type KyselyPlugin } from 'kysely';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../../test/support/community.js';
import { makeProduct } from '../../../../test/support/catalog.js';
import { stockOf } from '../../catalog/index.js';
import { isPostgres } from '../../../kernel/db/index.js';
import { fingerprint } from '../../../kernel/http/index.js';
import { demoPayee } from '../../../kernel/config.js';
import { CheckoutBatcher } from './group-commit.js';
import { apiCheckout, type ApiCheckoutBody } from './api-checkout.js';
import type { PlaceOrderInput } from './place-order.js';

let w: World;
let sp: string;
let umkm: string;
let village: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
  sp = await makeServicePoint(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, { villageCode: village });
});
after(() => w.close());

const input = (
  lines: PlaceOrderInput['lines'],
  over: Partial<PlaceOrderInput> = {},
): PlaceOrderInput => ({
  lines,
  buyer: { name: 'Rina', phone: '081234567890' },
  delivery: { kind: 'pickup', servicePointId: sp },
  paymentMethod: 'cod',
  channel: 'api',
  ...over,
});

test('200 concurrent checkouts through the batcher for the last 10 units: exactly 10 orders, stock 0', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 10 });
  const b = new CheckoutBatcher(w.h.db, { maxBatch: 32 });
  const results = await Promise.all(
    Array.from({ length: 200 }, () => b.place(input([{ variantId: p.variantId, qty: 1 }]), null)),
  );
  assert.equal(results.filter((r) => r.ok).length, 10);
  for (const r of results) if (!r.ok) assert.equal(r.code, 'ORDERS_INSUFFICIENT_STOCK');
  assert.ok(b.batches > 1 && b.batches < 200, `${b.batches} batches`);
  // SQLite's batches run one at a time. PostgreSQL's run three at a time and read the stock
  // without a lock: a batch that finds the last units gone at its reservation rolls back and
  // its checkouts run again alone, so the verdicts above stay exact either way.
  if (!isPostgres(w.h.db)) assert.equal(b.fallbacks, 0);
  const s = (await stockOf(w.h.db, p.variantId))!;
  assert.deepEqual([s.available, s.reserved], [0, 10]);
  const ledger = await w.h.db
    .selectFrom('stock_ledger')
    .select(['delta_available', 'ref'])
    .where('variant_id', '=', p.variantId)
    .where('reason', '=', 'reservation')
    .execute();
  assert.equal(
    ledger.reduce((a, l) => a + l.delta_available, 0),
    -10,
  );
  const orders = await w.h.db
    .selectFrom('order_lines')
    .select('order_id')
    .where('variant_id', '=', p.variantId)
    .execute();
  assert.deepEqual(new Set(ledger.map((l) => l.ref)), new Set(orders.map((o) => o.order_id)));
});

test('mixed verdicts in batches: failures write nothing, the rest commit with distinct numbers', async () => {
  const u2 = await makeUmkm(w.h.db, { villageCode: village });
  const a = await makeProduct(w.h, { umkmId: umkm, price: 10000, stock: 3 });
  const c = await makeProduct(w.h, { umkmId: u2, price: 20000, stock: 5 });
  const hidden = await makeProduct(w.h, { umkmId: umkm, listed: false });
  const b = new CheckoutBatcher(w.h.db, { maxBatch: 64, parallel: 1 });
  const [r1, r2, r3, r4, r5, r6] = await Promise.all([
    b.place(
      input([
        { variantId: a.variantId, qty: 2 },
        { variantId: c.variantId, qty: 1 },
      ]),
      null,
    ),
    b.place(input([{ variantId: a.variantId, qty: 2 }]), null), // only 1 left after r1
    b.place(input([{ variantId: c.variantId, qty: 1, expectedUnitPrice: 1 }]), null),
    b.place(input([{ variantId: hidden.variantId, qty: 1 }]), null),
    b.place(
      input([{ variantId: a.variantId, qty: 1 }], { buyer: { name: 'Rina', phone: '123' } }),
      null,
    ),
    b.place(
      input([
        { variantId: a.variantId, qty: 1 },
        { variantId: c.variantId, qty: 4 },
      ]),
      null,
    ),
  ]);
  assert.ok(r1.ok && r6.ok);
  assert.equal(r1.value.orders.length, 2);
  assert.deepEqual(
    [r2, r3, r4, r5].map((r) => (r.ok ? 'ok' : r.code)),
    ['ORDERS_INSUFFICIENT_STOCK', 'ORDERS_PRICE_CHANGED', 'ORDERS_NOT_LISTED', 'ORDERS_BAD_PHONE'],
  );
  const numbers = [...r1.value.orders, ...r6.value.orders].map((o) => o.number);
  assert.equal(new Set(numbers).size, 4);
  assert.deepEqual(
    [
      (await stockOf(w.h.db, a.variantId))!.available,
      (await stockOf(w.h.db, c.variantId))!.available,
    ],
    [0, 0],
  );
  const rows = await w.h.db
    .selectFrom('orders')
    .select(['total', 'items_total', 'shipping', 'seller_share'])
    .where('group_id', '=', r1.value.groupId)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    rows.map((o) => o.items_total),
    [20000, 20000],
  );
  assert.equal(
    r1.value.total,
    rows.reduce((s, o) => s + o.total, 0),
  );
});

test('keys in a batch: stored with the order, replayed, refused for another payload, a stale key taken over', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 50 });
  const body = (qty: number): ApiCheckoutBody => ({
    lines: [{ variantId: p.variantId, qty }],
    buyer: { name: 'Rina', phone: '081234567890' },
    delivery: { kind: 'pickup', servicePointId: sp },
    paymentMethod: 'transfer',
  });
  const go = (key: string, b: ApiCheckoutBody) =>
    apiCheckout(w.h.db, {
      key,
      body: b,
      actor: null,
      secret: 'test-secret',
      client: 'batch-test',
      payee: demoPayee(),
    });
  const first = await go('batch-key-0001', body(1));
  assert.equal(first.replayed, false);
  const placed = first.body as { groupId: string; payment: { amount: number } | null };
  assert.ok(
    placed.payment && placed.payment.amount > 0,
    'the transfer payment is created with the order',
  );
  const again = await go('batch-key-0001', body(1));
  assert.equal(again.replayed, true);
  assert.deepEqual(again.body, first.body);
  await assert.rejects(
    go('batch-key-0001', body(2)),
    (e: any) => e.code === 'IDEMPOTENCY_KEY_REUSED',
  );
  // A crashed request of another process left its key in flight two minutes ago: taken over.
  await w.h.db
    .insertInto('idempotency_keys')
    .values({
      scope: 'checkout:anon',
      key: 'batch-key-stale',
      fingerprint: fingerprint({ client: 'local:batch-test', body: body(3) }),
      state: 'in_flight',
      response_status: null,
      response_body: null,
      created_at: new Date(Date.now() - 120_000).toISOString(),
    })
    .execute();
  const taken = await go('batch-key-stale', body(3));
  assert.equal(taken.replayed, false);
  const row = await w.h.db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('key', '=', 'batch-key-stale')
    .executeTakeFirstOrThrow();
  assert.equal(row.state, 'done');
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 4);
  // Failure: nothing kept under the key.
  await assert.rejects(
    go('batch-key-0002', body(500)),
    (e: any) => e.code === 'ORDERS_BAD_QTY' || e.code === 'ORDERS_INSUFFICIENT_STOCK',
  );
  assert.equal(
    await w.h.db
      .selectFrom('idempotency_keys')
      .select('key')
      .where('key', '=', 'batch-key-0002')
      .executeTakeFirst(),
    undefined,
  );
});

test('a batch that cannot commit falls back to one transaction per checkout, each with its own verdict', async () => {
  const p = await makeProduct(w.h, { umkmId: umkm, stock: 5 });
  // The batch's read of the audit chain's end, after its orders are written, fails once
  // (think of a driver error): a select from audit_log on SQLite, audit_chain_end() on PostgreSQL.
  let armed = true;
  const failOnce: KyselyPlugin = {
    transformQuery(a) {
      const from = a.node.kind === 'SelectQueryNode' ? a.node.from?.froms[0] : undefined;
      const chainEnd =
        (from && TableNode.is(from) && from.table.identifier.name === 'audit_log') ||
        (a.node.kind === 'RawNode' && a.node.sqlFragments.join('').includes('audit_chain_end'));
      if (armed && chainEnd) {
        armed = false;
        throw new Error('driver failure');
      }
      return a.node;
    },
    transformResult: async (a) => a.result,
  };
  const b = new CheckoutBatcher(w.h.db.withPlugin(failOnce), { maxBatch: 8, parallel: 1 });
  const body = (key: string) => ({
    input: input([{ variantId: p.variantId, qty: 1 }]),
    actor: null,
    idem: { scope: 'fallback-test', key, fp: 'fp' },
  });
  const results = await Promise.allSettled([
    b.checkout(body('fb-key-1')),
    b.checkout(body('fb-key-2')),
    b.checkout(body('fb-key-3')),
  ]);
  assert.equal(b.fallbacks, 1);
  assert.deepEqual(
    results.map((r) => r.status),
    ['fulfilled', 'fulfilled', 'fulfilled'],
  );
  assert.equal((await stockOf(w.h.db, p.variantId))!.reserved, 3);
  const keys = await w.h.db
    .selectFrom('idempotency_keys')
    .select(['key', 'state'])
    .where('scope', '=', 'fallback-test')
    .orderBy('key')
    .execute();
  assert.deepEqual(keys, [
    { key: 'fb-key-1', state: 'done' },
    { key: 'fb-key-2', state: 'done' },
    { key: 'fb-key-3', state: 'done' },
  ]);
});
