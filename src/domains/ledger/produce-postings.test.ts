// The produce money in the ledger, on both databases: advances, lot settlements, farmer
// payments and payout corrections are posted in the produce change's own transaction, once
// per source event; each farmer's statements are reproduced from the ledger alone; and after
// random sequences of intakes, advances, costs, sales, payouts and corrections every
// transaction sums to zero and the trial balance is zero.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import {
  correctPayout,
  createLot,
  payOutLot,
  recordSale,
  settleLot,
  statementDetail,
} from '../produce/index.js';
import { balances, farmerLedger, trialBalance } from './index.js';
import { postFarmerPaid } from './produce-postings.js';

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

const txCount = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('ledger_transactions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every statement of the farmer agrees with what the ledger alone says about it. */
async function assertReproduced(producerId: string, why: string) {
  const fromLedger = await farmerLedger(w.h.db, producerId);
  const statements = await w.h.db
    .selectFrom('produce_statements')
    .select('id')
    .where('producer_id', '=', producerId)
    .execute();
  let owed = 0;
  for (const { id } of statements) {
    const d = (await statementDetail(w.h.db, id))!;
    const share = d.lines
      .filter((l) => l.kind !== 'advance')
      .reduce((s, l) => s + Number(l.amount), 0);
    const advance =
      0 - d.lines.filter((l) => l.kind === 'advance').reduce((s, l) => s + Number(l.amount), 0);
    const got = fromLedger.statements.get(id) ?? { share: 0, paid: 0, recovered: 0 };
    assert.equal(got.share, share, `${why}: share of ${id}`);
    assert.equal(got.paid, d.paid_amount, `${why}: paid of ${id}`);
    assert.equal(got.recovered, Math.min(advance, Math.max(0, share)), `${why}: advance of ${id}`);
    owed += share - got.paid;
  }
  const advanced = [...fromLedger.advances.values()].reduce((s, a) => s + a, 0);
  assert.equal(fromLedger.owed, owed - advanced, `${why}: balance`);
}

async function pooledLot(k: Koperasi, farmers: { id: string; grams: number; advance: number }[]) {
  const intakes = [];
  for (const [i, f] of farmers.entries())
    intakes.push(
      await makeIntake(w, k, f.id, {
        grossGrams: f.grams,
        grade: i % 3 === 2 ? 'g2' : 'g1',
        advance: f.advance,
      }),
    );
  return unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Arabika Bajawa',
      intakeIds: intakes.map((i) => i.id),
    }),
  );
}

test('advance, settlement and payout post once each; the statement reads back from the ledger', async () => {
  const k = await makeKoperasi(w, 3);
  await setCoffeePrices(w, k);
  const a = await makeProducer(w, k, 'Yosef Bhara');
  const b = await makeProducer(w, k, 'Maria Dhiu');
  const lot = await pooledLot(k, [
    { id: a, grams: 62_000, advance: 150_000 },
    { id: b, grams: 41_000, advance: 0 },
  ]);
  assert.equal(
    (await balances(w.h.db, { accounts: [`farmer_payable:${a}`] }))[0]?.balance,
    150_000,
    'the advance is owed by the farmer',
  );
  unwrap(
    await recordSale(w.h.db, k.manager, lot.id, {
      buyerName: 'CV Flores Kopi',
      priceTotal: 1_500_000,
      soldOn: '2026-06-01',
      documents: null,
    }),
  );
  unwrap(
    await settleLot(w.h.db, k.manager, lot.id, {
      proceeds: 1_500_000,
      marginBp: 500,
      processingCost: 50_000,
      logisticsCost: 25_000,
      platformFee: 15_000,
    }),
  );
  const [org, costs, pool, cash] = await Promise.all(
    [
      `organisation:${k.orgId}`,
      `organisation_costs:${k.orgId}`,
      `lot_pool:${lot.id}`,
      `organisation_cash:${k.orgId}`,
    ].map(async (c) => (await balances(w.h.db, { accounts: [c] }))[0]?.balance ?? 0),
  );
  assert.deepEqual(
    [org, costs, pool, cash],
    [-75_000, -75_000, -(1_500_000 - 75_000 - 75_000 - 15_000), 1_500_000 - 150_000],
  );
  unwrap(await payOutLot(w.h.db, k.manager, lot.id));
  // The pool is shared out to the last rupiah; the farmers are owed nothing more.
  assert.equal((await balances(w.h.db, { accounts: [`lot_pool:${lot.id}`] }))[0]?.balance, 0);
  for (const f of [a, b]) {
    await assertReproduced(f, 'payout');
    assert.equal((await farmerLedger(w.h.db, f)).owed, 0);
  }
  // A re-delivered event posts nothing.
  const st = await w.h.db
    .selectFrom('produce_outbox')
    .select('payload')
    .where('topic', '=', 'produce.farmer_paid')
    .where('payload', 'like', `%${a}%`)
    .executeTakeFirstOrThrow();
  const n = await txCount();
  await postFarmerPaid(w.h.db, JSON.parse(st.payload));
  assert.equal(await txCount(), n);
  // A late cost: corrections take it back from the farmers (they owe it), earlier lines stay.
  unwrap(
    await correctPayout(w.h.db, k.manager, lot.id, { delta: -10_001, reason: 'Biaya gudang' }),
  );
  const owed = (await farmerLedger(w.h.db, a)).owed + (await farmerLedger(w.h.db, b)).owed;
  assert.equal(owed, -10_001);
  for (const f of [a, b]) await assertReproduced(f, 'correction');
  const tb = await trialBalance(w.h.db);
  assert.equal(tb.total, 0);
  assert.deepEqual(tb.unbalanced, []);
});

test('a refused payout or settlement posts nothing', async () => {
  const k = await makeKoperasi(w, 4);
  await setCoffeePrices(w, k);
  const a = await makeProducer(w, k, 'Agustina Lado');
  const lot = await pooledLot(k, [{ id: a, grams: 30_000, advance: 50_000 }]);
  const before = await txCount();
  assert.equal((await payOutLot(w.h.db, k.manager, lot.id)).ok, false);
  const settle = await settleLot(w.h.db, k.manager, lot.id, {
    proceeds: 100_000,
    marginBp: 0,
    processingCost: 0,
    logisticsCost: 0,
    platformFee: 0,
  });
  assert.equal(settle.ok, false);
  assert.equal(await txCount(), before);
  assert.equal((await farmerLedger(w.h.db, a)).owed, -50_000);
});

async function runOne(seed: number) {
  const r = rng(seed);
  const k = await makeKoperasi(w, 5 + (seed % 7));
  await setCoffeePrices(w, k);
  const farmers: string[] = [];
  for (let i = 0; i < 2 + Math.floor(r() * 5); i++)
    farmers.push(await makeProducer(w, k, `Petani ${seed}-${i}`));
  const steps: string[] = [];
  for (let round = 0; round < 3; round++) {
    const members = farmers.filter(() => r() < 0.8);
    if (members.length === 0) continue;
    const lot = await pooledLot(
      k,
      members.map((id) => ({
        id,
        grams: 5_000 + Math.floor(r() * 80_000),
        advance: r() < 0.4 ? Math.floor(r() * 40_000) : 0,
      })),
    );
    const fate = r();
    steps.push(`lot${members.length}:${fate.toFixed(2)}`);
    if (fate < 0.2) continue; // pooled, not sold
    const proceeds = 1 + Math.floor(r() * 5_000_000);
    unwrap(
      await recordSale(w.h.db, k.manager, lot.id, {
        buyerName: 'Pedagang',
        priceTotal: proceeds,
        soldOn: '2026-06-01',
        documents: null,
      }),
    );
    if (fate < 0.35) continue; // sold, not settled
    const costs = [0, 0, 0].map(() => (r() < 0.5 ? 0 : Math.floor((r() * proceeds) / 10)));
    unwrap(
      await settleLot(w.h.db, k.manager, lot.id, {
        proceeds,
        marginBp: Math.floor(r() * 1500),
        processingCost: costs[0]!,
        logisticsCost: costs[1]!,
        platformFee: costs[2]!,
      }),
    );
    if (fate < 0.5) continue; // settled, not paid
    unwrap(await payOutLot(w.h.db, k.manager, lot.id));
    if (r() < 0.5) {
      const delta = Math.floor(r() * 200_000) - 100_000 || 1;
      const c = await correctPayout(w.h.db, k.manager, lot.id, { delta, reason: 'Koreksi' });
      steps.push(`correct${delta}:${c.ok}`);
    }
  }
  const why = `seed ${seed}: ${steps.join(' ')}`;
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
  for (const f of farmers) await assertReproduced(f, why);
  // Every paid lot's pool is empty (shared out to the last rupiah).
  const paidLots = await w.h.db
    .selectFrom('produce_lots')
    .select('id')
    .where('organisation_id', '=', k.orgId)
    .where('status', '=', 'paid')
    .execute();
  if (paidLots.length)
    for (const b of await balances(w.h.db, { accounts: paidLots.map((l) => `lot_pool:${l.id}`) }))
      assert.equal(b.balance, 0, why);
}

test('random intakes, advances, costs, sales, payouts and corrections keep the ledger whole', async () => {
  const seeds = (process.env.LEDGER_PROPERTY_SEEDS ?? '11,23,37').split(',').map(Number);
  for (const seed of seeds) await runOne(seed);
});
