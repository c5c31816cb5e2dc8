// The programme's events beyond orders reach the people they concern, through each owning
// domain's topic in the event's own transaction, on the test database (SQLite, or PostgreSQL
// with LUMBUNG_TEST_DATABASE_URL): a review result (seller) and its improvement tasks (mentor),
// a group buy settled (committers), a BUMDes payout (seller), a farmer's statement (farmer).
// Each: one inbox row with its one link, one queued send per chosen channel, sent through a real
// local HTTP receiver; the same event published again adds nothing and sends nothing more.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  chooseChannels,
  deliveriesOf,
  inboxOf,
  notifyWorld,
  PUBLIC_URL,
  type NotifyWorld,
} from '../../../test/support/notifications.js';
import type { World } from '../../../test/support/world.js';
import { actorOf, results, reviewFixture, inDays } from '../../../test/support/innovation.js';
import { makeCycleWorld } from '../../../test/support/collective.js';
import { makeServicePoint } from '../../../test/support/community.js';
import { ledgerOrder } from '../../../test/support/ledger.js';
import {
  makeIntake,
  makeKoperasi,
  setCoffeePrices,
  actorOf as produceActor,
} from '../../../test/support/produce.js';
import { inTransaction, type Tx } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import type { Topic } from '../../kernel/domain/index.js';
import { completeReview, reviewCompleted, submitForReview } from '../innovation/index.js';
import {
  commitToGroupBuy,
  groupBuySettled,
  openGroupBuy,
  settleGroupBuy,
} from '../collective/index.js';
import { payOrganisation, payoutIssued } from '../ledger/index.js';
import {
  createLot,
  farmerPaid,
  payOutLot,
  recordSale,
  registerProducer,
  settleLot,
} from '../produce/index.js';
import { deliverDue, type Senders } from './index.js';
import type { NoticeKind } from './notifications.tables.js';

let f: NotifyWorld;
let w: World;
let senders: Senders;
before(async () => {
  f = await notifyWorld();
  ({ w, senders } = f);
});
after(async () => {
  await f?.close();
});

/** Sends everything due and returns how many requests reached the providers for `userId`'s phone. */
async function sendAll(): Promise<number> {
  const before = f.rx.requests.length;
  await deliverDue(w.h.db, { senders, publicUrl: PUBLIC_URL, now: new Date(Date.now() + 1000) });
  return f.rx.requests.length - before;
}

/** One inbox row of `kind` with `link`, and one send per channel (WhatsApp and SMS) queued then sent. */
async function heardOnce(userId: string, kind: NoticeKind, link: string) {
  const rows = (await inboxOf(w, userId)).filter((n) => n.kind === kind);
  assert.equal(rows.length, 1, `${kind}: one inbox row`);
  assert.equal(rows[0].link, link);
  const sends = (await deliveriesOf(w, userId)).filter((d) => d.notification_id === rows[0].id);
  assert.deepEqual(
    sends.map((d) => d.channel),
    ['whatsapp', 'sms'],
  );
  return rows[0];
}

/** The event published again (a replay): nothing added, nothing more sent. */
async function replayAddsNothing<E>(topic: Topic<E>, event: E, userIds: string[]) {
  const counts = async () =>
    Promise.all(
      userIds.map(async (u) => [(await inboxOf(w, u)).length, (await deliveriesOf(w, u)).length]),
    );
  const was = await counts();
  await sendAll();
  await inTransaction(w.h.db, (tx: Tx) => topic.publish(tx, event));
  assert.deepEqual(await counts(), was);
  assert.equal(await sendAll(), 0, 'a replay sends nothing');
}

test('a review result reaches the seller (changes needed, with the task count) and the named mentor; passing tells the seller; a replay adds nothing', async () => {
  const r = await reviewFixture(w.h, { category: 'tenun', title: 'Tenun Ikat Bajawa' });
  const seller = await w.as('seller', r.umkmId);
  await chooseChannels(seller, { whatsapp: true, sms: true });
  const mentor = await w.as('mentor', '53.09');
  await chooseChannels(mentor, { whatsapp: true, sms: true });
  const reviewer = actorOf('usr_reviewer_h21', 'reviewer', 'region', '53.09', '53.09');
  const s1 = unwrap(await submitForReview(w.h.db, r.seller, r.productId));
  unwrap(
    await completeReview(w.h.db, reviewer, s1.reviewId, {
      items: results('tenun', ['photos', 'packaging']),
      dueOn: inDays(14),
      mentorUserId: mentor.userId,
    }),
  );
  const changes = await heardOnce(seller.userId, 'review_changes', '/innovation/mine');
  assert.deepEqual(JSON.parse(changes.params), { product: 'Tenun Ikat Bajawa', tasks: '2' });
  await heardOnce(mentor.userId, 'tasks_assigned', `/pendampingan/umkm/${r.umkmId}`);
  const sent = f.rx.requests.length;
  assert.equal(await sendAll(), 4);
  const sms = f.rx.requests
    .slice(sent)
    .find((q) => q.path === '/sms/send' && String(q.body.text).includes('perbaikan: 2'));
  assert.equal(
    sms?.body.text,
    `Lumbung: Produk Tenun Ikat Bajawa perlu perbaikan: 2 tugas dari peninjau. Lihat tugasnya. ${PUBLIC_URL}/innovation/mine`,
  );
  await replayAddsNothing(
    reviewCompleted,
    {
      reviewId: s1.reviewId,
      productId: r.productId,
      productTitle: 'Tenun Ikat Bajawa',
      umkmId: r.umkmId,
      villageCode: r.village,
      organisationId: r.organisationId,
      passed: false,
      tasks: 2,
      mentorUserId: mentor.userId,
    },
    [seller.userId, mentor.userId],
  );
  const s2 = unwrap(await submitForReview(w.h.db, r.seller, r.productId));
  unwrap(await completeReview(w.h.db, reviewer, s2.reviewId, { items: results('tenun') }));
  await heardOnce(seller.userId, 'review_passed', '/innovation/mine');
  seller.cookies.set('lumbung_lang', 'en');
  assert.match(
    await (await seller.get('/kotak-masuk')).text(),
    /Product Tenun Ikat Bajawa passed its review and is now listed in the shop\./,
  );
});

test('a group buy settled: every committer with an account hears success or failure once; a replay adds nothing', async () => {
  const cw = await makeCycleWorld(w.h, { producers: 1, points: 1, stock: 500 });
  const agent = await w.as('village_agent', cw.points[0]);
  await chooseChannels(agent, { whatsapp: true, sms: true });
  const agentActor = actorOf(agent.userId, 'village_agent', 'service_point', cw.points[0], null);
  const buyers = [await w.as('buyer'), await w.as('buyer')];
  for (const b of buyers) await chooseChannels(b, { whatsapp: true, sms: true });
  const open = async (minimumQty: number) =>
    unwrap(
      await openGroupBuy(w.h.db, agentActor, {
        servicePointId: cw.points[0],
        variantId: cw.variants[0].variantId,
        minimumQty,
        deadline: new Date(Date.now() + 3600_000).toISOString(),
        tiers: [{ minQty: minimumQty, price: 18000 }],
      }),
    );
  const commitAll = async (id: string) => {
    for (const b of buyers)
      unwrap(
        await commitToGroupBuy(w.h.db, actorOf(b.userId, 'buyer', 'self', null, null), {
          groupBuyId: id,
          qty: 2,
          buyer: { name: 'Warga', phone: '081234567001' },
          paymentMethod: 'cod',
        }),
      );
  };
  const won = await open(4);
  await commitAll(won);
  const later = new Date(Date.now() + 2 * 3600_000);
  assert.equal(unwrap(await settleGroupBuy(w.h.db, won, later)).status, 'succeeded');
  for (const b of buyers) await heardOnce(b.userId, 'group_buy_succeeded', `/patungan/${won}`);
  const lost = await open(100);
  await commitAll(lost);
  assert.equal(unwrap(await settleGroupBuy(w.h.db, lost, later)).status, 'failed');
  const failed = await heardOnce(buyers[0].userId, 'group_buy_failed', `/patungan/${lost}`);
  const html = await (await buyers[0].get('/kotak-masuk')).text();
  assert.match(html, /tidak mencapai target\. Komitmen Anda dilepas, tidak ada tagihan\./);
  assert.ok(JSON.parse(failed.params).title);
  // The agent recorded no commitment: they hear nothing.
  assert.equal(
    (await inboxOf(w, agent.userId)).filter((n) => n.kind.startsWith('group')).length,
    0,
  );
  await replayAddsNothing(
    groupBuySettled,
    {
      groupBuyId: lost,
      status: 'failed',
      title: JSON.parse(failed.params).title,
      villageCode: cw.village,
      organisationId: cw.organisationId,
      committers: buyers.map((b) => ({ buyerUserId: b.userId, agentUserId: null })),
    },
    buyers.map((b) => b.userId),
  );
});

test('a BUMDes payout tells each paid UMKM’s seller the amount in rupiah; a replay adds nothing', async () => {
  const r = await reviewFixture(w.h, { nth: 3 });
  const sp = await makeServicePoint(w.h.db, { villageCode: r.village });
  const seller = await w.as('seller', r.umkmId);
  await chooseChannels(seller, { whatsapp: true, sms: true });
  await ledgerOrder(w.h, {
    umkmId: r.umkmId,
    servicePointId: sp,
    method: 'cod',
    stage: 'completed',
  });
  const mgr = actorOf('usr_mgr_h21', 'community_manager', 'organisation', r.organisationId, null);
  const payout = unwrap(await payOrganisation(w.h.db, r.organisationId, mgr.userId));
  const row = await heardOnce(seller.userId, 'payout_issued', '/penjual/pendapatan');
  assert.deepEqual(JSON.parse(row.params), { amount: `rp:${payout.total}` });
  const html = await (await seller.get('/kotak-masuk')).text();
  assert.match(html, /Pembayaran penjualan Rp\s?[\d.]+ sudah ditransfer BUMDes/);
  await replayAddsNothing(
    payoutIssued,
    {
      payoutId: payout.id,
      organisationId: r.organisationId,
      payees: [{ umkmId: r.umkmId, amount: payout.total }],
      at: new Date().toISOString(),
    },
    [seller.userId],
  );
});

test('a farmer with an account on the recorded phone hears of their statement; a farmer without one is skipped; a replay adds nothing', async () => {
  const k = await makeKoperasi(w, 5);
  await setCoffeePrices(w, k);
  const farmer = await w.as('buyer');
  await chooseChannels(farmer, { whatsapp: true, sms: true });
  const phone = (
    await w.h.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', farmer.userId)
      .executeTakeFirstOrThrow()
  ).phone as string;
  const producer = (name: string, p: string | null) =>
    registerProducer(w.h.db, k.clerk, {
      fullName: name,
      phone: p,
      organisationId: k.orgId,
      villageCode: k.village,
      plots: [{ commodity: 'kopi_arabika', areaM2: 5000 }],
    });
  const withPhone = unwrap(await producer('Yosef Bela', phone));
  const without = unwrap(await producer('Agnes Lowa', null));
  const intakes = [
    await makeIntake(w, k, withPhone, { grossGrams: 40_000 }),
    await makeIntake(w, k, without, { grossGrams: 30_000 }),
  ];
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Kopi Bajawa',
      intakeIds: intakes.map((i) => i.id),
    }),
  );
  unwrap(
    await recordSale(w.h.db, k.manager, lot.id, {
      buyerName: 'CV Flores Kopi',
      priceTotal: 1_000_000,
      soldOn: '2026-06-01',
      documents: 'Nota 1',
    }),
  );
  unwrap(
    await settleLot(w.h.db, k.manager, lot.id, {
      proceeds: 1_000_000,
      marginBp: 0,
      processingCost: 0,
      logisticsCost: 0,
      platformFee: 0,
    }),
  );
  const manager = produceActor(k.manager.userId, k.manager.grants);
  unwrap(await payOutLot(w.h.db, manager, lot.id));
  const row = await heardOnce(farmer.userId, 'farmer_statement', '/kotak-masuk');
  const params = JSON.parse(row.params);
  assert.match(params.number, /^PBY-/);
  assert.match(params.amount, /^rp:\d+$/);
  const outbox = await w.h.db
    .selectFrom('produce_outbox')
    .select('payload')
    .where('topic', '=', farmerPaid.name)
    .execute();
  const event = outbox
    .map((o) => JSON.parse(o.payload))
    .find((e) => e.producerId === withPhone && e.lotId === lot.id);
  await replayAddsNothing(farmerPaid, event, [farmer.userId]);
});
