// The ledger's own guarantees, on SQLite and PostgreSQL: balanced transactions only (checked
// before writing and by the database), append-only, one posting per source event; balances,
// statements and the trial balance; the JSON API in the caller's scope.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeServicePoint, makeUmkm } from '../../../test/support/community.js';
import { ledgerOrder } from '../../../test/support/ledger.js';
import { inTransaction, nowIso } from '../../kernel/db/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { balances, post, reverse, statement, trialBalance } from './index.js';

let w: World;
let village: string;
before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09');
});
after(() => w.close());

const count = async (table: 'ledger_transactions' | 'ledger_lines') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('post writes a balanced transaction once per source; an unbalanced one writes nothing', async () => {
  const lines = [
    { account: { kind: 'corrections' as const }, amount: 1500 },
    { account: { kind: 'platform_fees' as const }, amount: -1500 },
  ];
  const first = unwrap(await post(w.h.db, { source: 'test:one', kind: 'correction', lines }));
  assert.equal(first.fresh, true);
  const again = unwrap(await post(w.h.db, { source: 'test:one', kind: 'correction', lines }));
  assert.deepEqual(again, { transactionId: first.transactionId, fresh: false });
  const [tx, ln] = [await count('ledger_transactions'), await count('ledger_lines')];
  for (const bad of [
    [lines[0], { ...lines[1], amount: -1499 }],
    [lines[0]],
    [
      { ...lines[0], amount: 0 },
      { ...lines[1], amount: 0 },
    ],
    [
      { ...lines[0], amount: 0.5 },
      { ...lines[1], amount: -0.5 },
    ],
  ]) {
    const r = await post(w.h.db, {
      source: `test:bad:${Math.random()}`,
      kind: 'correction',
      lines: bad,
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.code, 'LEDGER_UNBALANCED');
  }
  assert.deepEqual([await count('ledger_transactions'), await count('ledger_lines')], [tx, ln]);
  // Concurrent postings of one source: one is written, the others find it.
  const many = await Promise.all(
    Array.from({ length: 5 }, () =>
      inTransaction(w.h.db, async (t) =>
        unwrap(await post(t, { source: 'test:race', kind: 'correction', lines })),
      ),
    ),
  );
  assert.equal(many.filter((m) => m.fresh).length, 1);
  assert.equal(new Set(many.map((m) => m.transactionId)).size, 1);
});

test('the database refuses an unbalanced seal, lines of a sealed transaction, edits and deletes', async () => {
  const at = nowIso();
  await w.h.db
    .insertInto('ledger_accounts')
    .values({ code: 'corrections', kind: 'corrections', owner_id: null, created_at: at })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
  const attempt = async (fn: (tx: any) => Promise<unknown>) =>
    w.h.db
      .transaction()
      .execute(fn)
      .then(
        () => 'written',
        (e: Error) => e.message,
      );
  const raw = (id: string, sealed = 0) => ({
    id,
    source_key: id,
    kind: 'correction' as const,
    order_id: null,
    payment_id: null,
    memo: null,
    actor_id: null,
    posted_at: at,
    line_count: 2,
    sealed,
  });
  const line = (txId: string, n: number, amount: number) => ({
    id: `${txId}_${n}`,
    transaction_id: txId,
    line_no: n,
    account_code: 'corrections',
    amount,
    order_id: null,
    posted_at: at,
  });
  const before = [await count('ledger_transactions'), await count('ledger_lines')];
  assert.match(
    await attempt(async (tx) => {
      await tx.insertInto('ledger_transactions').values(raw('ltx_raw1')).execute();
      await tx
        .insertInto('ledger_lines')
        .values([line('ltx_raw1', 0, 100), line('ltx_raw1', 1, -99)])
        .execute();
      await tx
        .updateTable('ledger_transactions')
        .set({ sealed: 1 })
        .where('id', '=', 'ltx_raw1')
        .execute();
    }),
    /does not balance/,
  );
  assert.match(
    await attempt((tx) =>
      tx.insertInto('ledger_transactions').values(raw('ltx_raw2', 1)).execute(),
    ),
    /sealed only after/,
  );
  const ok = unwrap(
    await post(w.h.db, {
      source: 'test:sealed',
      kind: 'correction',
      lines: [
        { account: { kind: 'corrections' }, amount: 10 },
        { account: { kind: 'platform_fees' }, amount: -10 },
      ],
    }),
  );
  assert.match(
    await attempt((tx) =>
      tx
        .insertInto('ledger_lines')
        .values(line(ok.transactionId, 9, 5))
        .execute(),
    ),
    /sealed or unknown/,
  );
  assert.match(
    await attempt((tx) =>
      tx
        .updateTable('ledger_lines')
        .set({ amount: 11 })
        .where('transaction_id', '=', ok.transactionId)
        .execute(),
    ),
    /append-only/,
  );
  assert.match(
    await attempt((tx) =>
      tx.deleteFrom('ledger_lines').where('transaction_id', '=', ok.transactionId).execute(),
    ),
    /append-only/,
  );
  assert.match(
    await attempt((tx) =>
      tx.deleteFrom('ledger_transactions').where('id', '=', ok.transactionId).execute(),
    ),
    /append-only/,
  );
  assert.match(
    await attempt((tx) =>
      tx
        .updateTable('ledger_transactions')
        .set({ sealed: 0 })
        .where('id', '=', ok.transactionId)
        .execute(),
    ),
    /does not balance/,
  );
  assert.deepEqual(
    [await count('ledger_transactions'), await count('ledger_lines')],
    [before[0] + 1, before[1] + 2],
  );
  const unsealed = await sql<{
    n: number;
  }>`select count(*) as n from ledger_transactions where sealed <> 1`.execute(w.h.db);
  assert.equal(Number(unsealed.rows[0].n), 0);
});

test('balances by date, statement with running balance, reversal, trial balance zero', async () => {
  const acct = { kind: 'partner_payable' as const, owner: 'prt_TESTBAL' };
  const p = (source: string, amount: number, at: string) =>
    post(w.h.db, {
      source,
      kind: 'incentive',
      at,
      lines: [
        { account: { kind: 'partner_incentives' }, amount },
        { account: acct, amount: -amount },
      ],
    });
  unwrap(await p('test:bal:1', 1000, '2026-01-05T03:00:00.000Z'));
  const second = unwrap(await p('test:bal:2', 2500, '2026-01-07T10:00:00.000Z'));
  const code = 'partner_payable:prt_TESTBAL';
  assert.deepEqual(await balances(w.h.db, { accounts: [code], date: '2026-01-05' }), [
    { account: code, balance: -1000 },
  ]);
  assert.deepEqual(await balances(w.h.db, { accounts: [code], date: '2026-01-04' }), []);
  unwrap(await reverse(w.h.db, second.transactionId, { source: 'test:bal:2:undo' }));
  const s = await statement(w.h.db, code, { from: '2026-01-06', to: '2100-01-01' });
  assert.equal(s.opening, -1000);
  assert.deepEqual(
    s.lines.map((l) => [l.kind, l.amount, l.balance]),
    [
      ['incentive', -2500, -3500],
      ['correction', 2500, -1000],
    ],
  );
  assert.equal(s.closing, -1000);
  const tb = await trialBalance(w.h.db);
  assert.equal(tb.total, 0);
  assert.deepEqual(tb.unbalanced, []);
});

test('API: balances and statements in the caller’s scope, trial balance for national staff', async () => {
  const sp = await makeServicePoint(w.h.db, { villageCode: village });
  const u = await makeUmkm(w.h.db, { villageCode: village });
  const other = await makeUmkm(w.h.db, { villageCode: village });
  const f = await ledgerOrder(w.h, {
    umkmId: u,
    servicePointId: sp,
    method: 'cod',
    stage: 'completed',
  });
  const seller = await w.as('seller', u);
  const mine = await seller.get('/api/v1/ledger/balances');
  assert.equal(mine.status, 200);
  const body = (await mine.json()) as { items: { account: string; balance: number }[] };
  const share = (
    await w.h.db
      .selectFrom('orders')
      .select('seller_share')
      .where('id', '=', f.orderId)
      .executeTakeFirstOrThrow()
  ).seller_share;
  assert.deepEqual(body.items, [{ account: `umkm_payable:${u}`, balance: -share }]);
  const st = await seller.get(`/api/v1/ledger/accounts/umkm_payable:${u}/statement`);
  assert.equal(st.status, 200);
  const sj = (await st.json()) as { closing: number; lines: { orderId: string }[] };
  assert.equal(sj.closing, -share);
  assert.equal(sj.lines[0].orderId, f.orderId);
  // Another UMKM's account, a platform account: not found for this seller.
  assert.equal(
    (await seller.get(`/api/v1/ledger/accounts/umkm_payable:${other}/statement`)).status,
    404,
  );
  assert.equal((await seller.get('/api/v1/ledger/accounts/platform_fees/statement')).status, 404);
  assert.equal(
    (await seller.get(`/api/v1/ledger/balances?account=umkm_payable:${other}`)).status,
    404,
  );
  assert.equal((await seller.get('/api/v1/ledger/trial-balance')).status, 403);
  assert.equal((await seller.get('/api/v1/ledger/balances?date=2026-13-45')).status, 422);
  const agent = await w.as('village_agent', sp);
  const cash = await agent.get(`/api/v1/ledger/accounts/cash_drawer:${sp}/statement`);
  assert.equal(((await cash.json()) as { closing: number }).closing, f.total);
  const admin = await w.as('national_admin');
  const tb = (await (await admin.get('/api/v1/ledger/trial-balance')).json()) as { total: number };
  assert.equal(tb.total, 0);
  assert.equal((await w.client().get('/api/v1/ledger/balances')).status, 401);
});
