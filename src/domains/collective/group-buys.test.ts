// Group buys, attacked: bad input refused with nothing written; success turns every counted
// commitment into an order at the tier price (never above what its buyer saw); failure
// releases everyone and charges nobody; a job run twice, a crash mid-settlement and 500
// commitments racing the deadline each settle exactly once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeCycleWorld, type CycleWorld } from '../../../test/support/collective.js';
import { unwrap, errorSpec } from '../../kernel/errors/index.js';
import { t } from '../../kernel/i18n/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { stockOf } from '../catalog/index.js';
import { commitToGroupBuy, openGroupBuy, settleGroupBuy } from './index.js';
import { runSettleJob } from './sweep.js';

let w: World;
let cw: CycleWorld;
let agent: Actor;
before(async () => {
  w = await createWorld();
  cw = await makeCycleWorld(w.h, { producers: 1, points: 1, stock: 5000 });
  agent = {
    userId: 'usr_agent_gb',
    displayName: 'Mas Bagus',
    locale: null,
    via: 'session',
    grants: [
      {
        role: 'village_agent',
        scopeType: 'service_point',
        scopeId: cw.points[0],
        regionCode: null,
      },
    ],
  };
});
after(() => w.close());

const LIST = 20000; // the fixture's first product price
const tiers = [
  { minQty: 10, price: 18000 },
  { minQty: 50, price: 15000 },
];
const open = (over: Record<string, unknown> = {}, deadlineMs = 3600_000) =>
  openGroupBuy(w.h.db, agent, {
    servicePointId: cw.points[0],
    variantId: cw.variants[0].variantId,
    minimumQty: 10,
    deadline: new Date(Date.now() + deadlineMs).toISOString(),
    tiers,
    ...over,
  });
let phoneN = 0;
const commit = (id: string, qty: number, now?: Date) =>
  commitToGroupBuy(
    w.h.db,
    null,
    {
      groupBuyId: id,
      qty,
      buyer: { name: 'Warga Kemiren', phone: `0813${String(1000000 + ++phoneN).slice(-7)}0` },
      paymentMethod: 'cod',
    },
    now,
  );
const count = async (table: 'group_buys' | 'group_buy_tiers' | 'orders' | 'jobs') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const later = (id: string) =>
  w.h.db
    .selectFrom('group_buys')
    .select('deadline')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => new Date(Date.parse(r.deadline) + 1000));

test('bad group buys are refused in both languages with nothing written', async () => {
  const before = [await count('group_buys'), await count('group_buy_tiers'), await count('jobs')];
  const cases: [Record<string, unknown>, string, string][] = [
    [
      {
        tiers: [
          { minQty: 10, price: 15000 },
          { minQty: 50, price: 18000 },
        ],
      },
      'COLLECTIVE_BAD_TIERS',
      'collective.err.tiers_rising',
    ],
    [
      { tiers: [{ minQty: 10, price: 25000 }] },
      'COLLECTIVE_BAD_TIERS',
      'collective.err.tiers_above_list',
    ],
    [{ tiers: [] }, 'COLLECTIVE_BAD_TIERS', 'collective.err.tiers_empty'],
    [{ deadline: new Date(Date.now() - 1000).toISOString() }, 'COLLECTIVE_DEADLINE_PAST', ''],
    [{ minimumQty: 0 }, 'COLLECTIVE_BAD_MINIMUM', ''],
    [{ variantId: 'var_nope' }, 'COLLECTIVE_NOT_LISTED', ''],
  ];
  for (const [over, code, fieldKey] of cases) {
    const r = await open(over);
    assert.equal(r.ok, false);
    if (r.ok) continue;
    assert.equal(r.code, code);
    if (fieldKey) assert.equal(Object.values(r.fields ?? {})[0]?.key, fieldKey);
    const key = fieldKey || errorSpec(code).message;
    assert.doesNotMatch(t('id', key, r.params), /collective\.|\{/);
    assert.notEqual(t('en', key, r.params), t('id', key, r.params));
  }
  const stranger = await openGroupBuy(
    w.h.db,
    { ...agent, grants: [] },
    {
      servicePointId: cw.points[0],
      variantId: cw.variants[0].variantId,
      minimumQty: 10,
      deadline: new Date(Date.now() + 3600_000).toISOString(),
      tiers,
    },
  );
  assert.equal(!stranger.ok && stranger.code, 'FORBIDDEN');
  assert.deepEqual(
    [await count('group_buys'), await count('group_buy_tiers'), await count('jobs')],
    before,
  );
});

test('success: every commitment becomes an order at the tier reached, never above what its buyer saw', async () => {
  const id = unwrap(await open());
  const stock0 = (await stockOf(w.h.db, cw.variants[0].variantId))!.available;
  const first = unwrap(await commit(id, 5));
  assert.equal(first.seenPrice, LIST, 'below every tier: the list price');
  const second = unwrap(await commit(id, 7));
  assert.equal(second.seenPrice, 18000);
  const third = unwrap(await commit(id, 40));
  assert.equal(third.seenPrice, 15000);
  // The agent records one for a neighbour without a phone, with consent.
  const viaAgent = unwrap(
    await commitToGroupBuy(w.h.db, agent, {
      groupBuyId: id,
      qty: 3,
      buyer: { name: 'Mbah Sri' },
      paymentMethod: 'transfer',
      viaAgent: { consent: true },
    }),
  );
  const noConsent = await commitToGroupBuy(w.h.db, agent, {
    groupBuyId: id,
    qty: 3,
    buyer: { name: 'Mbah Sri' },
    paymentMethod: 'cod',
    viaAgent: { consent: false },
  });
  assert.equal(!noConsent.ok && noConsent.code, 'ORDERS_CONSENT_REQUIRED');

  const early = await settleGroupBuy(w.h.db, id);
  assert.equal(!early.ok && early.code, 'COLLECTIVE_NOT_DUE');
  const at = await later(id);
  const job = {
    db: w.h.db,
    job: {} as never,
    payload: { id, now: at.toISOString() },
    progress: async () => {},
  };
  const settled = (await runSettleJob(job)) as {
    status: string;
    finalPrice: number;
    orders: number;
  };
  assert.equal(settled.status, 'succeeded');
  assert.equal(settled.finalPrice, 15000);
  assert.equal(settled.orders, 4);
  assert.deepEqual(
    await runSettleJob(job),
    { skipped: 'COLLECTIVE_ALREADY_SETTLED' },
    'a second run does nothing',
  );

  const rows = await w.h.db
    .selectFrom('group_buy_commitments as c')
    .innerJoin('order_lines as l', 'l.order_id', 'c.order_id')
    .innerJoin('orders as o', 'o.id', 'c.order_id')
    .select([
      'c.id',
      'c.qty',
      'c.seen_price',
      'l.unit_price',
      'l.qty as line_qty',
      'o.channel',
      'o.payment_method',
      'o.service_point_id',
    ])
    .where('c.group_buy_id', '=', id)
    .execute();
  assert.equal(rows.length, 4, 'orders = commitments');
  for (const r of rows) {
    assert.equal(r.unit_price, Math.min(15000, r.seen_price));
    assert.ok(r.unit_price <= r.seen_price, 'never above what the buyer saw');
    assert.equal(r.line_qty, r.qty);
    assert.equal(r.service_point_id, cw.points[0], 'delivered to the point');
  }
  const assisted = rows.find((r) => r.id === viaAgent.id)!;
  assert.equal(assisted.channel, 'assisted');
  assert.equal(assisted.payment_method, 'cod', 'cash at the point');
  assert.equal(
    (await stockOf(w.h.db, cw.variants[0].variantId))!.available,
    stock0 - 55,
    'stock reserved',
  );
  const notices = await w.h.db
    .selectFrom('collective_outbox')
    .select('entity_id')
    .where('kind', '=', 'collective.commitment_ordered')
    .where(
      'entity_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  assert.equal(notices.length, 4, 'every committer is told');
  const late = await commit(id, 1, new Date(Date.now()));
  assert.equal(!late.ok && late.code, 'COLLECTIVE_GROUP_BUY_CLOSED');
});

test('failure: below the minimum everyone is released and nobody is charged', async () => {
  const id = unwrap(await open({ minimumQty: 100 }));
  const orders0 = await count('orders');
  const stock0 = (await stockOf(w.h.db, cw.variants[0].variantId))!.available;
  unwrap(await commit(id, 20));
  unwrap(await commit(id, 30));
  const r = unwrap(await settleGroupBuy(w.h.db, id, await later(id)));
  assert.equal(r.status, 'failed');
  assert.equal(r.released, 2);
  assert.equal(await count('orders'), orders0, 'no order, no payment request');
  assert.equal((await stockOf(w.h.db, cw.variants[0].variantId))!.available, stock0);
  const left = await w.h.db
    .selectFrom('group_buy_commitments')
    .select('status')
    .where('group_buy_id', '=', id)
    .execute();
  assert.deepEqual(
    left.map((c) => c.status),
    ['released', 'released'],
  );
  const told = await w.h.db
    .selectFrom('collective_outbox')
    .select('id')
    .where('kind', '=', 'collective.commitment_released')
    .execute();
  assert.ok(told.length >= 2);
});

test('a crash mid-settlement leaves nothing; the retry settles exactly once', async () => {
  const id = unwrap(await open());
  unwrap(await commit(id, 12));
  unwrap(await commit(id, 3));
  const orders0 = await count('orders');
  const at = await later(id);
  await assert.rejects(
    w.h.db.transaction().execute(async (tx) => {
      unwrap(await settleGroupBuy(tx as never, id, at));
      throw new Error('power cut');
    }),
    /power cut/,
  );
  const gb = await w.h.db
    .selectFrom('group_buys')
    .select(['status', 'committed_qty'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  assert.equal(gb.status, 'open');
  assert.equal(await count('orders'), orders0);
  const [a, b] = await Promise.all([
    settleGroupBuy(w.h.db, id, at),
    settleGroupBuy(w.h.db, id, at),
  ]);
  assert.equal([a, b].filter((r) => r.ok).length, 1, 'two runs at once: one settles');
  assert.equal(await count('orders'), orders0 + 2);
});

test('500 commitments racing the deadline: each counted or refused; orders = counted ones', async () => {
  const id = unwrap(await open({ minimumQty: 50 }));
  const at = await later(id);
  const results: Awaited<ReturnType<typeof commit>>[] = [];
  const commits: Promise<void>[] = [];
  let settle: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < 500; i++) {
    if (i === 250) settle = settleGroupBuy(w.h.db, id, at);
    commits.push(commit(id, (i % 3) + 1).then((r) => void results.push(r)));
  }
  await Promise.all(commits);
  const s = await settle;
  for (const r of results)
    assert.ok(
      r.ok || r.code === 'COLLECTIVE_GROUP_BUY_CLOSED',
      `counted or refused: ${!r.ok && r.code}`,
    );
  const counted = await w.h.db
    .selectFrom('group_buy_commitments')
    .select(['qty', 'status', 'order_id'])
    .where('group_buy_id', '=', id)
    .execute();
  const okCount = results.filter((r) => r.ok).length;
  assert.equal(counted.length, okCount, 'every accepted commitment is stored, no refused one is');
  const gb = await w.h.db
    .selectFrom('group_buys')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const total = counted.reduce((x, c) => x + c.qty, 0);
  assert.equal(gb.committed_qty, total, 'the tier is computed from exactly the counted ones');
  const orders = counted.filter((c) => c.order_id).length;
  if (gb.status === 'succeeded') {
    assert.equal(orders, counted.length, 'orders = commitments');
    assert.equal(gb.final_price, total >= 50 ? 15000 : total >= 10 ? 18000 : LIST);
  } else {
    assert.equal(orders, 0);
  }
  assert.ok(s, 'settled');
});
