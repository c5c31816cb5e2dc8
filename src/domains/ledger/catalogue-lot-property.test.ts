// Property test on both databases: a pooled lot sold through ordinary catalogue orders. For
// random orders (transfer or QRIS, one or two packs) that complete, are cancelled after paying,
// or are cancelled unpaid, settling the lot with random costs and paying it out keeps every
// transaction summing to zero and the trial balance zero; the lot's completed orders owe the
// UMKM nothing afterwards (the settlement took their seller share out of the UMKM payable), so
// the organisation's seller payout pays none of that money a second time; and the lot's pool is
// shared out to the last rupiah.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { makeOrder } from '../../../test/support/orders.js';
import { LEDGER_ADMIN, payOnline } from '../../../test/support/ledger.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import { cancelOrder, flushOrderEvents, recordFulfilment } from '../orders/index.js';
import { createLot, listLotInCatalog, payOutLot, settleLot } from '../produce/index.js';
import { balances, owedInOrganisations, payOrganisation, trialBalance } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function runOne(seed: number) {
  const r = rng(seed);
  const k = await makeKoperasi(w, 8 + (seed % 5));
  await setCoffeePrices(w, k);
  const umkmId = await makeUmkm(w.h.db, { villageCode: k.village, organisationId: k.orgId });
  const pointId = await makeServicePoint(w.h.db, { villageCode: k.village });
  const intakes = [];
  for (let i = 0; i < 2 + Math.floor(r() * 4); i++) {
    const farmer = await makeProducer(w, k, `Petani ${seed}-${i}`);
    intakes.push(
      await makeIntake(w, k, farmer, {
        grossGrams: 20_000 + Math.floor(r() * 60_000),
        advance: r() < 0.3 ? Math.floor(r() * 30_000) : 0,
      }),
    );
  }
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: `Lot ${seed}`,
      intakeIds: intakes.map((i) => i.id),
    }),
  );
  const price = 10_000 + Math.floor(r() * 900_000);
  const listed = unwrap(
    await listLotInCatalog(w.h.db, k.manager, lot.id, {
      umkmId,
      name: `Kopi lot ${seed}`,
      packGrams: 5_000,
      pricePerPack: price,
    }),
  );
  await w.h.db
    .updateTable('products')
    .set({ listed: 1, listing_state: 'listed' })
    .where('id', '=', listed.productId)
    .execute();
  const steps: string[] = [];
  const completed: string[] = [];
  for (let i = 0; i < 2 + Math.floor(r() * 4); i++) {
    const o = await makeOrder(w.h, {
      umkmId,
      variantId: listed.variantId,
      productId: listed.productId,
      servicePointId: pointId,
      paymentMethod: r() < 0.5 ? 'transfer' : 'qris',
      qty: 1 + Math.floor(r() * 2),
    });
    const fate = r();
    steps.push(fate.toFixed(2));
    if (fate < 0.2) {
      unwrap(await cancelOrder(w.h.db, o.orderId, { kind: 'actor', actor: LEDGER_ADMIN }));
      continue;
    }
    await payOnline(w.h, o.groupId);
    if (fate < 0.4) {
      unwrap(await cancelOrder(w.h.db, o.orderId, { kind: 'actor', actor: LEDGER_ADMIN }));
      continue;
    }
    for (const s of ['packed', 'handed_over', 'in_transit', 'delivered'] as const)
      unwrap(await recordFulfilment(w.h.db, o.orderId, s, LEDGER_ADMIN));
    completed.push(o.orderId);
  }
  await flushOrderEvents();
  const why = `seed ${seed}: ${steps.join(' ')}`;
  const settled = await settleLot(w.h.db, k.manager, lot.id, {
    proceeds: 0,
    marginBp: Math.floor(r() * 1500),
    processingCost: Math.floor(r() * 5_000),
    logisticsCost: Math.floor(r() * 5_000),
    platformFee: 0,
  });
  if (completed.length === 0) {
    assert.equal(!settled.ok && settled.code, 'PRODUCE_LOT_NOT_SOLD', why);
  } else {
    unwrap(settled);
    unwrap(await payOutLot(w.h.db, k.manager, lot.id));
    const pool = await balances(w.h.db, { accounts: [`lot_pool:${lot.id}`] });
    assert.equal(pool[0]?.balance ?? 0, 0, why);
  }
  // The lot's completed orders owe the UMKM nothing: a seller payout pays none of them again.
  const owed = (await owedInOrganisations(w.h.db, [k.orgId])).flatMap((u) => u.orders);
  assert.deepEqual(
    owed.filter((o) => o.orderId && completed.includes(o.orderId)),
    [],
    why,
  );
  await payOrganisation(w.h.db, k.orgId, LEDGER_ADMIN.userId);
  const sums = await w.h.db
    .selectFrom('ledger_lines')
    .select('transaction_id')
    .select(sql<number>`sum(amount)`.as('s'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .groupBy('transaction_id')
    .execute();
  assert.ok(
    sums.every((s) => Number(s.s) === 0 && Number(s.n) >= 2),
    why,
  );
  const tb = await trialBalance(w.h.db);
  assert.equal(tb.total, 0, why);
  assert.deepEqual(tb.unbalanced, [], why);
  const payable = await balances(w.h.db, { accounts: [`umkm_payable:${umkmId}`] });
  assert.equal(
    payable[0]?.balance ?? 0,
    0,
    `${why}: the UMKM is owed nothing and paid nothing twice`,
  );
}

test('random catalogue orders of a lot, settlement and payout keep the ledger whole', async () => {
  const seeds = (process.env.LEDGER_PROPERTY_SEEDS ?? '5,17,29').split(',').map(Number);
  for (const seed of seeds) await runOne(seed);
});
