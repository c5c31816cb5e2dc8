// Stock never goes negative on either database: the CHECK constraint refuses a direct
// write, and concurrent conditional updates never oversell (the same test on SQLite and
// PostgreSQL). The ledger explains every unit. A checkout batch's reservation
// (reserveStockMany) is all or nothing, with the ledger only with the stock; on PostgreSQL,
// where it is one statement that locks the rows before it updates them, it decides on the stock
// as the transaction it waited for left it (more or less than when the statement began), and
// batches naming the same variants in any order queue instead of deadlocking.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { adjustStock, commitSale, reserveStock, reserveStockMany, stockOf } from './stock.js';
import { changeStock } from './products.service.js';
import { inTransaction, type Tx } from '../../kernel/db/index.js';

let w: World;
let umkm: string;

before(async () => {
  w = await createWorld();
  umkm = await makeUmkm(w.h.db, { villageCode: await anyVillage(w.h.db) });
});
after(() => w.close());

test('the database CHECK refuses negative stock even for a direct write', async () => {
  const { variantId } = await makeProduct(w.h, { umkmId: umkm, stock: 2 });
  await assert.rejects(
    w.h.db
      .updateTable('stock')
      .set({ available: -1 })
      .where('variant_id', '=', variantId)
      .execute(),
  );
  await assert.rejects(
    w.h.db.updateTable('stock').set({ reserved: -1 }).where('variant_id', '=', variantId).execute(),
  );
  assert.equal((await stockOf(w.h.db, variantId))?.available, 2);
});

test('concurrent reservations and corrections never oversell; the ledger adds up', async () => {
  const { variantId } = await makeProduct(w.h, { umkmId: umkm, stock: 10 });
  // 30 buyers want 1 each and 5 corrections remove 2 each, all at once, each in its own transaction.
  const results = await Promise.all([
    ...Array.from({ length: 30 }, (_, i) =>
      inTransaction(w.h.db, (tx) => reserveStock(tx, variantId, 1, `ord_${i}`)),
    ),
    ...Array.from({ length: 5 }, () =>
      inTransaction(w.h.db, (tx) => adjustStock(tx, variantId, -2, 'correction', null)),
    ),
  ]);
  const reserved = results.slice(0, 30).filter(Boolean).length;
  const corrected = results.slice(30).filter(Boolean).length;
  const s = await stockOf(w.h.db, variantId);
  assert.ok(s!.available >= 0);
  assert.equal(reserved + corrected * 2 + s!.available, 10);
  assert.equal(s!.reserved, reserved);
  const sums = await w.h.db
    .selectFrom('stock_ledger')
    .select([sql<number>`sum(delta_available)`.as('a'), sql<number>`sum(delta_reserved)`.as('r')])
    .where('variant_id', '=', variantId)
    .executeTakeFirstOrThrow();
  assert.deepEqual([Number(sums.a), Number(sums.r)], [s!.available, s!.reserved]);
});

test('concurrent seller corrections through the service stop at zero', async () => {
  const { variantId } = await makeProduct(w.h, { umkmId: umkm, stock: 3 });
  const seller = {
    userId: 'usr_test',
    displayName: 'S',
    locale: null,
    via: 'session' as const,
    grants: [
      { role: 'seller' as const, scopeType: 'umkm' as const, scopeId: umkm, regionCode: null },
    ],
  };
  const rs = await Promise.all(
    Array.from({ length: 8 }, () =>
      changeStock({ db: w.h.db, actor: seller }, variantId, -1, 'correction'),
    ),
  );
  assert.equal(rs.filter((r) => r.ok).length, 3);
  assert.ok(rs.filter((r) => !r.ok).every((r) => !r.ok && r.code === 'CATALOG_STOCK_NEGATIVE'));
  assert.equal((await stockOf(w.h.db, variantId))?.available, 0);
  // A sale only consumes what was reserved.
  assert.equal(await commitSale(w.h.db, variantId, 1, 'ord_x'), false);
});

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
