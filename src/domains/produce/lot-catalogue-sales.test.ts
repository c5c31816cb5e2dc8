// A lot offered in the catalogue on the real database (both engines): ordinary catalogue orders
// of its packs are recorded against the lot once (order + variant, a replayed event records
// nothing more) and reversed when cancelled; the lot settles from what the koperasi's UMKM is
// owed for its completed orders, which the ledger takes out of the UMKM's payable (a seller
// payout cannot pay it again) with the trial balance still zero; the listing closes when the
// lot is settled, split, merged or sold to a trader, and a buyer is then told clearly that
// nothing is left.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { makeOrder } from '../../../test/support/orders.js';
import { LEDGER_ADMIN, payOnline } from '../../../test/support/ledger.js';
import {
  makeIntake,
  makeKoperasi,
  makeProducer,
  setCoffeePrices,
  type Koperasi,
} from '../../../test/support/produce.js';
import { unwrap } from '../../kernel/errors/index.js';
import { errorText } from '../../kernel/http/index.js';
import { cancelOrder, flushOrderEvents, recordFulfilment } from '../orders/index.js';
import { owedInOrganisations, payOrganisation, trialBalance } from '../ledger/index.js';
import {
  createLot,
  listLotInCatalog,
  mergeLots,
  recordSale,
  settleLot,
  splitLot,
} from './index.js';
import { recordLotOrderEvent } from './catalogue-sales.js';

let w: World;
let k: Koperasi;
let umkmId: string;
let pointId: string;
before(async () => {
  w = await createWorld();
  k = await makeKoperasi(w);
  await setCoffeePrices(w, k);
  umkmId = await makeUmkm(w.h.db, { villageCode: k.village, organisationId: k.orgId });
  pointId = await makeServicePoint(w.h.db, { villageCode: k.village });
});
after(() => w.close());

const PACK = 60_000;
const PRICE = 5_400_000;

/** An open lot of 181 kg (three 60 kg sacks) listed and approved in the catalogue. */
async function listedLot(name = 'Kopi Arabika Bajawa') {
  const farmer = await makeProducer(w, k, 'Maria Dhiu');
  const intake = await makeIntake(w, k, farmer, { grossGrams: 181_000 });
  const lot = unwrap(
    await createLot(w.h.db, k.manager, { organisationId: k.orgId, name, intakeIds: [intake.id] }),
  );
  const l = unwrap(
    await listLotInCatalog(w.h.db, k.manager, lot.id, {
      umkmId,
      name: `${name}, grade 1, 60 kg karung`,
      packGrams: PACK,
      pricePerPack: PRICE,
    }),
  );
  // The innovation centre approved it (its review is tested in innovation).
  await w.h.db
    .updateTable('products')
    .set({ listed: 1, listing_state: 'listed' })
    .where('id', '=', l.productId)
    .execute();
  return { lotId: lot.id, ...l };
}

const order = (v: { variantId: string; productId: string }) =>
  makeOrder(w.h, {
    umkmId,
    variantId: v.variantId,
    productId: v.productId,
    servicePointId: pointId,
    paymentMethod: 'transfer',
  });

async function deliver(orderId: string) {
  for (const s of ['packed', 'handed_over', 'in_transit', 'delivered'] as const)
    unwrap(await recordFulfilment(w.h.db, orderId, s, LEDGER_ADMIN));
  await flushOrderEvents();
}

const salesOf = (lotId: string) =>
  w.h.db
    .selectFrom('produce_lot_order_sales')
    .selectAll()
    .where('lot_id', '=', lotId)
    .orderBy('recorded_at')
    .execute();

const stockLeft = async (variantId: string) =>
  Number(
    (
      await w.h.db
        .selectFrom('stock')
        .select('available')
        .where('variant_id', '=', variantId)
        .executeTakeFirstOrThrow()
    ).available,
  );

/** A buyer tries to order one more pack: refused with "only 0 left", in Bahasa and English. */
async function assertNoLongerOrderable(v: { variantId: string; productId: string }) {
  await assert.rejects(order(v), (e: { code?: string; params?: Record<string, unknown> }) => {
    assert.equal(e.code, 'ORDERS_INSUFFICIENT_STOCK');
    assert.match(errorText('id', e.code, e.params), /tinggal 0/);
    assert.match(errorText('en', e.code, e.params), /Only 0 of/);
    return true;
  });
}

test('catalogue orders of a listed lot are recorded once, reversed on cancel, and settle from the UMKM payable', async () => {
  const lot = await listedLot();
  // A: paid and delivered (completed). B: paid, then cancelled. C: paid, not yet delivered.
  const a = await order(lot);
  await payOnline(w.h, a.groupId);
  const paid = await salesOf(lot.lotId);
  assert.equal(paid.length, 1);
  assert.equal(Number(paid[0].packs), 1);
  assert.equal(Number(paid[0].grams), PACK);
  assert.equal(Number(paid[0].amount), PRICE);
  assert.equal(paid[0].completed_at, null);
  // A re-delivered payment event records nothing more.
  await recordLotOrderEvent(w.h.db, {
    eventId: 'oev_replay',
    orderId: a.orderId,
    kind: 'payment',
    from: 'unpaid',
    to: 'paid',
    at: new Date().toISOString(),
  });
  assert.equal((await salesOf(lot.lotId)).length, 1);
  await deliver(a.orderId);
  const b = await order(lot);
  await payOnline(w.h, b.groupId);
  unwrap(await cancelOrder(w.h.db, b.orderId, { kind: 'actor', actor: LEDGER_ADMIN }));
  await flushOrderEvents();
  const c = await order(lot);
  await payOnline(w.h, c.groupId);
  const rows = await salesOf(lot.lotId);
  assert.equal(rows.length, 3);
  assert.ok(rows.find((r) => r.order_id === a.orderId)?.completed_at);
  assert.ok(rows.find((r) => r.order_id === b.orderId)?.reversed_at);
  // C is in flight: settling waits, with a clear message, and writes nothing.
  const costs = { proceeds: 0, marginBp: 500, processingCost: 0, logisticsCost: 0, platformFee: 0 };
  const early = await settleLot(w.h.db, k.manager, lot.lotId, costs);
  assert.equal(!early.ok && early.code, 'PRODUCE_LOT_ORDERS_PENDING');
  assert.match(errorText('id', 'PRODUCE_LOT_ORDERS_PENDING', { n: 1 }), /Masih ada 1 pesanan/);
  await deliver(c.orderId);
  const owedBefore = (await owedInOrganisations(w.h.db, [k.orgId])).find(
    (u) => u.payee.id === umkmId,
  );
  const shareOf = (orderId: string) =>
    owedBefore?.orders.find((o) => o.orderId === orderId)?.owed ?? 0;
  const expected = shareOf(a.orderId) + shareOf(c.orderId);
  assert.equal(expected, 2 * (PRICE - PRICE * 0.05)); // seller share: the goods less the 5 % fee
  // The typed proceeds are ignored: the orders say what was received.
  const settled = unwrap(
    await settleLot(w.h.db, k.manager, lot.lotId, { ...costs, proceeds: 999 }),
  );
  const s = await w.h.db
    .selectFrom('produce_settlements')
    .selectAll()
    .where('lot_id', '=', lot.lotId)
    .executeTakeFirstOrThrow();
  assert.equal(s.source, 'catalogue');
  assert.equal(Number(s.proceeds), expected);
  assert.equal(settled.distributable, expected - Math.round(expected * 0.05));
  // The lot's orders owe the UMKM nothing more: a seller payout cannot pay them again.
  const owedAfter = (await owedInOrganisations(w.h.db, [k.orgId])).find(
    (u) => u.payee.id === umkmId,
  );
  assert.equal(
    owedAfter?.orders.filter((o) => o.orderId === a.orderId || o.orderId === c.orderId).length,
    0,
  );
  const settlement = await w.h.db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_transactions as t', 't.id', 'l.transaction_id')
    .select(['l.account_code', 'l.amount', 'l.order_id'])
    .where('t.source_key', '=', `produce:lot_settled:${lot.lotId}`)
    .execute();
  assert.equal(
    settlement.filter((l) => l.account_code === `umkm_payable:${umkmId}`).length,
    2,
    'one debit per order, out of the UMKM payable',
  );
  assert.equal(settlement.filter((l) => l.account_code.startsWith('organisation_cash:')).length, 0);
  assert.equal((await trialBalance(w.h.db)).total, 0);
  // The listing is closed: stock 0, and a buyer is told nothing is left.
  assert.equal(await stockLeft(lot.variantId), 0);
  await assertNoLongerOrderable(lot);
});

test('splitting, merging or selling a listed lot to a trader closes its listing', async () => {
  const split = await listedLot('Lot dibagi');
  unwrap(await splitLot(w.h.db, k.manager, split.lotId, { weightGrams: 60_000, name: 'Bagian' }));
  const merged = await listedLot('Lot digabung');
  const other = await listedLot('Lot kedua');
  unwrap(
    await mergeLots(w.h.db, k.manager, merged.lotId, { otherLotId: other.lotId, name: 'Gabungan' }),
  );
  const sold = await listedLot('Lot ke pedagang');
  unwrap(
    await recordSale(w.h.db, k.manager, sold.lotId, {
      buyerName: 'UD Tani Makmur',
      priceTotal: 9_000_000,
      soldOn: '2026-06-01',
      documents: null,
    }),
  );
  for (const [l, reason] of [
    [split, 'split'],
    [merged, 'merged'],
    [other, 'merged'],
    [sold, 'sold'],
  ] as const) {
    const listing = await w.h.db
      .selectFrom('produce_lot_listings')
      .selectAll()
      .where('lot_id', '=', l.lotId)
      .executeTakeFirstOrThrow();
    assert.ok(listing.closed_at, reason);
    assert.equal(listing.closed_reason, reason);
    assert.equal(await stockLeft(l.variantId), 0, reason);
    await assertNoLongerOrderable(l);
  }
  assert.equal((await trialBalance(w.h.db)).total, 0);
});

test('the treasurer settles a catalogue lot from its page: what sold is shown, nothing to type', async () => {
  const lot = await listedLot('Lot di halaman');
  const a = await order(lot);
  await payOnline(w.h, a.groupId);
  await deliver(a.orderId);
  const b = await order(lot);
  await payOnline(w.h, b.groupId);
  const mgr = await w.as('community_manager', k.orgId);
  const url = `/produksi/lot/${lot.lotId}`;
  // What the browser sends: the cost fields, empty but present; no proceeds field at all.
  const noCosts = { margin_pct: '5', processing_cost: '', logistics_cost: '', platform_fee: '' };
  const before = await (await mgr.get(url)).text();
  assert.match(before, /Terjual lewat katalog: 1 kemasan, 60(,0+)? kg, Rp/);
  assert.match(before, /1 pesanan katalog belum selesai/);
  assert.match(before, /Hasil dari pesanan katalog yang selesai/);
  assert.doesNotMatch(before, /name="proceeds"/, 'the proceeds are not typed');
  // An order still in flight holds the settlement back, with the reason, and nothing is written.
  const early = await mgr.form(`${url}/selesai`, noCosts);
  assert.equal(early.status, 409);
  assert.match(await early.text(), /Masih ada 1 pesanan/);
  assert.equal(
    (
      await w.h.db
        .selectFrom('produce_lots')
        .select('status')
        .where('id', '=', lot.lotId)
        .executeTakeFirstOrThrow()
    ).status,
    'open',
  );
  await deliver(b.orderId);
  const done = await mgr.form(`${url}/selesai`, noCosts);
  assert.equal(done.status, 303);
  const after = await (await mgr.get(url)).text();
  assert.match(after, /Penjualan lewat katalog sudah ditutup/);
  assert.match(after, /Terjual lewat katalog: 2 kemasan/);
  const s = await w.h.db
    .selectFrom('produce_settlements')
    .select(['source', 'proceeds'])
    .where('lot_id', '=', lot.lotId)
    .executeTakeFirstOrThrow();
  assert.equal(s.source, 'catalogue');
  assert.equal(Number(s.proceeds), 2 * (PRICE - PRICE * 0.05));
});

test('a lot whose orders the organisation already paid the seller out for is not settled again: refused, nothing written', async () => {
  const lot = await listedLot('Lot sudah dibayar');
  const a = await order(lot);
  await payOnline(w.h, a.groupId);
  await deliver(a.orderId);
  // The BUMDes treasurer pays the UMKM out before anyone settles the lot.
  unwrap(await payOrganisation(w.h.db, k.orgId, LEDGER_ADMIN.userId));
  const costs = { proceeds: 0, marginBp: 500, processingCost: 0, logisticsCost: 0, platformFee: 0 };
  const r = await settleLot(w.h.db, k.manager, lot.lotId, costs);
  assert.equal(!r.ok && r.code, 'PRODUCE_LOT_PAID_OUT');
  assert.match(errorText('id', 'PRODUCE_LOT_PAID_OUT', { n: 1 }), /sudah dibayarkan ke UMKM/);
  const state = await w.h.db
    .selectFrom('produce_lots')
    .select('status')
    .where('id', '=', lot.lotId)
    .executeTakeFirstOrThrow();
  assert.equal(state.status, 'open');
  const settled = await w.h.db
    .selectFrom('produce_settlements')
    .select('lot_id')
    .where('lot_id', '=', lot.lotId)
    .execute();
  assert.deepEqual(settled, []);
  assert.equal(await stockLeft(lot.variantId), 2, 'the listing stays open');
  assert.equal((await trialBalance(w.h.db)).total, 0);
});

test('a payout and a settlement at the same moment never pay the same order twice', async () => {
  const lot = await listedLot('Lot berbarengan');
  const a = await order(lot);
  await payOnline(w.h, a.groupId);
  await deliver(a.orderId);
  const costs = { proceeds: 0, marginBp: 0, processingCost: 0, logisticsCost: 0, platformFee: 0 };
  const [paid, settled] = await Promise.all([
    payOrganisation(w.h.db, k.orgId, LEDGER_ADMIN.userId),
    settleLot(w.h.db, k.manager, lot.lotId, costs),
  ]);
  assert.ok(paid.ok, 'the payout pays what is still owed (maybe nothing)');
  if (!settled.ok) assert.equal(settled.code, 'PRODUCE_LOT_PAID_OUT');
  // Whichever ran first, the order's money left the UMKM payable once, not twice.
  const payable = await w.h.db
    .selectFrom('ledger_lines')
    .select((eb) => eb.fn.sum<number>('amount').as('sum'))
    .where('account_code', '=', `umkm_payable:${umkmId}`)
    .where('order_id', '=', a.orderId)
    .executeTakeFirstOrThrow();
  assert.equal(Number(payable.sum), 0, 'owed once, taken once');
  assert.equal((await trialBalance(w.h.db)).total, 0);
});
