import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { LineBook } from './poverty-lines.js';
import { povertyBy, type VillageYear } from './outcomes.queries.js';

let w: World;
before(async () => {
  w = await createWorld();
});
after(() => w.close());

test('the national March 2025 BPS lines ship as data; nothing else is invented', async () => {
  const lines = await w.h.db.selectFrom('poverty_lines').selectAll().orderBy('area').execute();
  assert.deepEqual(
    lines.map((l) => [l.period, l.province_code, l.area, l.amount]),
    [
      ['2025-03', 'ID', 'rural', 580349],
      ['2025-03', 'ID', 'total', 609160],
      ['2025-03', 'ID', 'urban', 629561],
    ],
  );
  assert.ok(lines.every((l) => /BPS/.test(l.source)));
  const admin = await w.as('analyst');
  const page = await (await admin.get('/impact/poverty-lines')).text();
  assert.match(page, /Rp 609\.160/);
  assert.match(page, /Rp 580\.349/);
});

test('line choice: province+area, else national+area; latest in or before the wave year, else the earliest', () => {
  const book = new LineBook([
    { period: '2025-03', province_code: 'ID', area: 'rural', amount: 580349, source: 'BPS' },
    { period: '2025-03', province_code: 'ID', area: 'urban', amount: 629561, source: 'BPS' },
    { period: '2024-03', province_code: '53', area: 'rural', amount: 500000, source: 'BPS (uji)' },
    { period: '2025-03', province_code: '53', area: 'rural', amount: 520000, source: 'BPS (uji)' },
  ]);
  assert.equal(book.lineFor(2025, '53', 'rural')!.amount, 520000);
  assert.equal(book.lineFor(2024, '53', 'rural')!.amount, 500000);
  assert.equal(
    book.lineFor(2019, '53', 'rural')!.amount,
    500000,
    'earliest published line for earlier waves',
  );
  assert.equal(
    book.lineFor(2025, '53', 'urban')!.amount,
    629561,
    'no provincial urban line: national urban',
  );
  assert.equal(book.lineFor(2025, '35', 'rural')!.amount, 580349);
});

test('FGT P0 and P1 are person-weighted and add up from villages to regencies', () => {
  const z = 600000;
  // Village A: sizes 4 (pc 300k, gap .5) and 2 (pc 900k). Village B: size 3 (pc 450k, gap .25).
  const cell = (village: string, hh: [number, number][]): VillageYear => {
    const c: VillageYear = {
      village,
      year: 2025,
      households: 0,
      persons: 0,
      poorHouseholds: 0,
      poor: 0,
      gap: 0,
      logSum: 0,
      logN: 0,
      linePeriod: '2025-03',
    };
    for (const [size, pc] of hh) {
      c.households++;
      c.persons += size;
      c.logSum += Math.log(pc);
      c.logN++;
      if (pc < z) {
        c.poor += size;
        c.poorHouseholds++;
        c.gap += (size * (z - pc)) / z;
      }
    }
    return c;
  };
  const cells = [
    cell('53.09.01.2001', [
      [4, 300000],
      [2, 900000],
    ]),
    cell('53.09.02.2001', [[3, 450000]]),
  ];
  const villages = povertyBy(cells, 'village');
  assert.deepEqual(
    villages.map((v) => [v.code, v.p0, v.p1]),
    [
      ['53.09.01.2001', 4 / 6, 2 / 6],
      ['53.09.02.2001', 1, 0.25],
    ],
  );
  const [regency] = povertyBy(cells, 'regency');
  assert.equal(regency.code, '53.09');
  assert.equal(regency.p0, 7 / 9);
  assert.ok(Math.abs(regency.p1 - (2 + 0.75) / 9) < 1e-12);
  assert.equal(regency.poorHouseholds, 2);
});

test('poverty page: desa use the rural line, kelurahan the urban line; levels village → province', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const desa = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'desa')
      .where('code', 'like', '53.09.%')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  const kel = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('kind', '=', 'kelurahan')
      .where('code', 'like', '53.09.%')
      .orderBy('code')
      .executeTakeFirstOrThrow()
  ).code;
  // Per capita 600,000: above the rural line (580,349), below the urban one (629,561).
  const csv = [
    'village_code,wave_year,household_code,household_size,income_monthly,consent',
    `${desa},2025,A,2,1200000,ya`,
    `${kel},2025,B,2,1200000,ya`,
  ].join('\n');
  assert.equal(
    (await officer.form('/impact/surveys/import', { kind: 'household', csv })).status,
    201,
  );
  const items = (
    (await (
      await officer.get('/api/v1/impact/poverty?region=53.09&level=village&year=2025')
    ).json()) as any
  ).items;
  assert.deepEqual(
    items.map((i: any) => [i.code, i.p0]),
    [
      [desa, 0],
      [kel, 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
  );
  for (const level of ['village', 'district', 'regency', 'province']) {
    const page = await officer.get(`/impact/poverty?region=53.09&level=${level}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), level === 'village' ? /100,0%.*0,0%/s : /50,0%/);
  }
});

test('poverty-line CSV import: validated by line and column, replaces revised figures, scope enforced', async () => {
  const admin = await w.as('national_admin');
  const header = 'period,province_code,area,amount,source';
  const bad = await admin.form('/impact/poverty-lines', {
    csv: `${header}\n2025-3,53,rural,500000,BPS\n2025-03,99,rural,500000,BPS\n2025-03,53,desa,abc,`,
  });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  for (const re of [
    /<td>2<\/td><td>period<\/td>/,
    /<td>3<\/td><td>province_code<\/td>/,
    /<td>4<\/td><td>area<\/td>/,
    /<td>4<\/td><td>amount<\/td>/,
    /<td>4<\/td><td>source<\/td>/,
  ])
    assert.match(html, re);
  assert.equal(
    (
      await admin.form('/impact/poverty-lines', {
        csv: `${header}\n2025-03,53,rural,"500.000",BPS uji\n2025-03,53,urban,560000,BPS uji`,
      })
    ).status,
    201,
  );
  assert.equal(
    (
      await admin.form('/impact/poverty-lines', {
        csv: `${header}\n2025-03,53,rural,510000,BPS uji revisi`,
      })
    ).status,
    201,
  );
  const row = await w.h.db
    .selectFrom('poverty_lines')
    .selectAll()
    .where('province_code', '=', '53')
    .where('area', '=', 'rural')
    .executeTakeFirstOrThrow();
  assert.equal(row.amount, 510000);
  const province = await w.as('regional_officer', '53');
  assert.equal(
    (
      await province.form('/impact/poverty-lines', {
        csv: `${header}\n2025-03,53,total,530000,BPS uji`,
      })
    ).status,
    201,
  );
  assert.equal(
    (
      await province.form('/impact/poverty-lines', {
        csv: `${header}\n2025-03,35,total,530000,BPS uji`,
      })
    ).status,
    403,
  );
  await w.h.db.deleteFrom('poverty_lines').where('province_code', '=', '53').execute();
});
