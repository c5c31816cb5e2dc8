// Bank statement lines and ledger entries are compared on the bank's calendar day (WIB), on
// both databases: movements on either side of midnight WIB (and of midnight UTC) match the line
// the bank printed for that day, and a one-day period holds exactly that day's movements.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { unwrap } from '../../kernel/errors/index.js';
import { bankDay, bankDaysRange } from './bank-day.js';
import { importOrganisationStatement, post, reconcileOrganisation } from './index.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('the bank day of an instant and the instants of a bank day', () => {
  assert.equal(bankDay('2026-12-03T16:30:00.000Z'), '2026-12-03'); // 23:30 WIB
  assert.equal(bankDay('2026-12-03T17:00:00.000Z'), '2026-12-04'); // 00:00 WIB
  assert.equal(bankDay('2026-12-03T23:30:00.000Z'), '2026-12-04'); // 06:30 WIB
  assert.equal(bankDay(new Date('2026-12-04T00:30:00.000Z')), '2026-12-04'); // 07:30 WIB
  assert.deepEqual(bankDaysRange('2026-12-04', '2026-12-04'), {
    start: '2026-12-03T17:00:00.000Z',
    end: '2026-12-04T17:00:00.000Z',
  });
  assert.deepEqual(bankDaysRange('2026-12-31', '2027-01-01'), {
    start: '2026-12-30T17:00:00.000Z',
    end: '2027-01-01T17:00:00.000Z',
  });
});

test("movements on both sides of midnight match the bank's day", async () => {
  const org = 'org_tengah_malam';
  const cash = { kind: 'organisation_cash' as const, owner: org };
  const costs = { kind: 'organisation_costs' as const, owner: org };
  // Cash paid out at 23:30 WIB on 3 Dec, and at 00:30, 06:30 and 07:30 WIB on 4 Dec.
  const moves: [string, number][] = [
    ['2026-12-03T16:30:00.000Z', 1_100],
    ['2026-12-03T17:30:00.000Z', 2_200],
    ['2026-12-03T23:30:00.000Z', 3_300],
    ['2026-12-04T00:30:00.000Z', 4_400],
  ];
  for (const [at, amount] of moves)
    unwrap(
      await post(w.h.db, {
        source: `test:midnight:${at}`,
        kind: 'correction',
        at,
        lines: [
          { account: costs, amount },
          { account: cash, amount: -amount },
        ],
      }),
    );
  const csv = [
    'tanggal,keterangan,debet,kredit',
    '2026-12-03,BIAYA MALAM,1100,',
    '2026-12-04,BIAYA DINI HARI,2200,',
    '2026-12-04,BIAYA SUBUH,3300,',
    '2026-12-04,BIAYA PAGI,4400,',
  ].join('\n');
  unwrap(await importOrganisationStatement(w.h.db, org, csv, 'usr_bendahara'));
  const both = await reconcileOrganisation(w.h.db, org, '2026-12-03', '2026-12-04');
  assert.equal(both.matched, 4);
  assert.deepEqual(both.rows, []);
  // One bank day holds exactly its own movements (00:30 and 06:30 WIB are 4 Dec, not 3 Dec).
  const third = await reconcileOrganisation(w.h.db, org, '2026-12-03', '2026-12-03');
  assert.equal(third.matched, 1);
  assert.deepEqual(third.rows, []);
  assert.equal(third.ledgerTotal, -1_100);
  const fourth = await reconcileOrganisation(w.h.db, org, '2026-12-04', '2026-12-04');
  assert.equal(fourth.matched, 3);
  assert.deepEqual(fourth.rows, []);
  assert.equal(fourth.ledgerTotal, -(2_200 + 3_300 + 4_400));
  // A ledger movement the bank has not printed is listed on the bank's day, not the UTC date.
  unwrap(
    await post(w.h.db, {
      source: 'test:midnight:unprinted',
      kind: 'correction',
      at: '2026-12-04T16:59:00.000Z', // 23:59 WIB on 4 Dec
      lines: [
        { account: costs, amount: 500 },
        { account: cash, amount: -500 },
      ],
    }),
  );
  const late = await reconcileOrganisation(w.h.db, org, '2026-12-04', '2026-12-04');
  assert.deepEqual(
    late.rows.map((r) => [r.kind, r.bookedOn, r.ledger]),
    [['in_ledger_only', '2026-12-04', -500]],
  );
});
