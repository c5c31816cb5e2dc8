// Stock never goes negative on either database: the CHECK constraint refuses a direct
// write, and concurrent conditional updates never oversell (the same test on SQLite and
// PostgreSQL). The ledger explains every unit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeUmkm } from '../../../test/support/community.js';
import { makeProduct } from '../../../test/support/catalog.js';
import { adjustStock, commitSale, reserveStock, stockOf } from './stock.js';
import { changeStock } from './products.service.js';
import { inTransaction } from '../../kernel/db/index.js';

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
