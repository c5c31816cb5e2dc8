// A checkout batch's reservation (reserveStockMany) on either database: all or nothing, the
// ledger only with the stock, and on PostgreSQL, where it is one statement that locks the rows
// before it updates them, it decides on the stock as the transaction it waited for left it
// (more or less than when the statement began), and batches naming the same variants in any
// order queue instead of deadlocking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { adjustStock, reserveStock, reserveStockMany, stockOf } from './stock.js';
import { inTransaction, type Tx } from '../../kernel/db/index.js';

let w: World;
let umkm: string;

before(async () => {
  w = await createWorld();
  umkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db) });
});
after(() => w.close());

const variant = async (stock: number) =>
  (await makeProduct(w.h, { umkmId: umkm, stock })).variantId;
const line = (variantId: string, qty: number, ref = 'ord_x') => ({
  variantId,
  qty,
  ref,
  actorId: null,
});
const levels = async (variantId: string) => {
  const s = await stockOf(w.h.db, variantId);
  return { available: s?.available, reserved: s?.reserved };
};
const ledgerRows = async (ref: string) =>
  (
    await w.h.db
      .selectFrom('stock_ledger')
      .select(['variant_id', 'delta_available', 'delta_reserved', 'reason'])
      .where('ref', '=', ref)
      .orderBy('id')
      .execute()
  ).map((r) => ({ ...r, delta_available: Number(r.delta_available) }));

test('many lines: each variant takes the sum of its lines, one ledger row per line', async () => {
  const [a, b] = [await variant(10), await variant(3)];
  const ok = await inTransaction(w.h.db, (tx) =>
    reserveStockMany(tx, [line(a, 2, 'ord_sum'), line(b, 3, 'ord_sum'), line(a, 4, 'ord_sum')]),
  );
  assert.equal(ok, true);
  assert.deepEqual(await levels(a), { available: 4, reserved: 6 });
  assert.deepEqual(await levels(b), { available: 0, reserved: 3 });
  const rows = await ledgerRows('ord_sum');
  assert.equal(rows.length, 3);
  assert.deepEqual(
    rows.map((r) => r.delta_available).sort((x, y) => x - y),
    [-4, -3, -2],
  );
  assert.ok(rows.every((r) => r.reason === 'reservation'));
});

test('one variant short: false, and no ledger row is written for any line', async () => {
  const [a, b] = [await variant(5), await variant(1)];
  await inTransaction(w.h.db, async (tx) => {
    assert.equal(
      await reserveStockMany(tx, [line(a, 1, 'ord_short'), line(b, 2, 'ord_short')]),
      false,
    );
    const written = await tx
      .selectFrom('stock_ledger')
      .select('id')
      .where('ref', '=', 'ord_short')
      .execute();
    assert.equal(written.length, 0);
  });
});

/** Runs `first` in a transaction that stays open until `second` waits for its row locks. */
async function whileHeld(first: (tx: Tx) => Promise<unknown>, second: () => Promise<boolean>) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let held!: () => void;
  const holding = new Promise<void>((r) => (held = r));
  const one = inTransaction(w.h.db, async (tx) => {
    await first(tx);
    held();
    await gate;
  });
  await holding;
  const two = second();
  // The second statement has begun (its snapshot taken) and waits for the first's row lock.
  for (let i = 0; ; i++) {
    const waiting = await sql<{ n: number }>`select count(*)::integer as n from pg_stat_activity
      where datname = current_database() and wait_event_type = 'Lock'`.execute(w.h.db);
    if (waiting.rows[0].n > 0) break;
    if (i > 200) throw new Error('the second reservation never waited');
    await new Promise((r) => setTimeout(r, 10));
  }
  release();
  await one;
  return two;
}

test('PostgreSQL: a reservation that waited sees stock added meanwhile', async (t) => {
  if (w.h.dialect !== 'postgres') return t.skip('SQLite has one writer: nothing waits');
  const v = await variant(1);
  const took = await whileHeld(
    (tx) => adjustStock(tx, v, 5, 'restock', null),
    () => inTransaction(w.h.db, (tx) => reserveStockMany(tx, [line(v, 4, 'ord_after_restock')])),
  );
  assert.equal(took, true);
  assert.deepEqual(await levels(v), { available: 2, reserved: 4 });
});

test('PostgreSQL: a reservation that waited sees stock taken meanwhile and refuses', async (t) => {
  if (w.h.dialect !== 'postgres') return t.skip('SQLite has one writer: nothing waits');
  const v = await variant(5);
  const took = await whileHeld(
    (tx) => reserveStock(tx, v, 3, 'ord_first'),
    () => inTransaction(w.h.db, (tx) => reserveStockMany(tx, [line(v, 4, 'ord_second')])),
  );
  assert.equal(took, false);
  assert.deepEqual(await levels(v), { available: 2, reserved: 3 });
  assert.deepEqual(await ledgerRows('ord_second'), []);
});

test('batches naming the same variants in opposite orders all go through, none deadlocks', async () => {
  const vs = [await variant(100), await variant(100), await variant(100), await variant(100)];
  const results = await Promise.all(
    Array.from({ length: 24 }, (_, i) => {
      const order = i % 2 ? [...vs].reverse() : vs;
      return inTransaction(w.h.db, (tx) =>
        reserveStockMany(
          tx,
          order.map((v) => line(v, 1, `ord_many_${i}`)),
        ),
      );
    }),
  );
  assert.deepEqual(results, Array(24).fill(true));
  for (const v of vs) assert.deepEqual(await levels(v), { available: 76, reserved: 24 });
});
