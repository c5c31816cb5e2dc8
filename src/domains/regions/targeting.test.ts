// Targeting arithmetic and ordering (exact), weights by scope, the next villages to enrol
// (enrolled ones excluded), CSV export, cohorts from the rollout registry, KBI vs KTI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sameRowsInBoth } from '../../../test/support/sheets.js';
import { createWorld, type World } from '../../../test/support/world.js';
import {
  scoreVillage,
  DEFAULT_WEIGHTS,
  villageCohorts,
  cohortOf,
  villageCodesIn,
  importProfilesCsv,
} from './index.js';
import { nextVillages, rankingCsv } from './targeting.js';
import { readinessByGroup } from './readiness.js';
import { recordRollout } from './rollout.service.js';

let w: World;
let A: string, B: string, C: string, D: string, E: string;
before(async () => {
  w = await createWorld();
  const v = async (d: string) => (await villageCodesIn(w.h.db, d))[0];
  [A, B, C, D, E] = [
    await v('53.09.01'),
    await v('53.09.02'),
    await v('53.09.06'),
    await v('53.09.07'),
    await v('35.10.01'),
  ];
  const csv = [
    'village_code,poverty_share,signal,electricity_share,road_access,distance_km,has_bumdes,has_koperasi',
    `${A},0.5,4g,0.8,all_season,10,1,0`,
    `${B},0.3,2g,1,dry_season,0,0,0`,
    `${C},0.9,none,0.4,none,60,1,1`,
    `${D},0.2,,,,,,`,
    `${E},0.1,4g,1,all_season,5,1,1`,
  ].join('\n');
  const r = await importProfilesCsv(w.h.db, 'system', csv);
  assert.equal(r.imported, 5, JSON.stringify(r.errors));
});
after(() => w.close());

test('score = sum of parts, each 100 × weight × value ÷ Σweights, rounded to 0.01', () => {
  const a = scoreVillage(
    {
      poverty_share: 0.5,
      signal: '4g',
      electricity_share: 0.8,
      road_access: 'all_season',
      distance_km: 10,
    },
    DEFAULT_WEIGHTS,
  );
  assert.deepEqual(
    a.parts.map((p) => [p.component, p.points]),
    [
      ['poverty', 20],
      ['signal', 20],
      ['electricity', 12],
      ['road', 15],
      ['distance', 8],
    ],
  );
  assert.equal(a.score, 75);
  assert.deepEqual(a.missing, []);
  const thirds = scoreVillage(
    { poverty_share: 0.5, signal: '4g', electricity_share: 0.8 },
    { poverty: 1, signal: 1, electricity: 1, road: 0, distance: 0 },
  );
  assert.deepEqual(
    thirds.parts.map((p) => p.points),
    [16.67, 33.33, 26.67, 0, 0],
  );
  assert.equal(thirds.score, 76.67, 'the parts shown add up to the score shown');
  const d = scoreVillage({ poverty_share: 0.2 }, DEFAULT_WEIGHTS);
  assert.equal(d.score, 8);
  assert.deepEqual(d.missing, ['signal', 'electricity', 'road', 'distance']);
  assert.equal(
    scoreVillage({ distance_km: 75 }, DEFAULT_WEIGHTS).parts[4].points,
    0,
    'distance beyond the cap scores 0',
  );
  assert.equal(scoreVillage({ distance_km: 25 }, DEFAULT_WEIGHTS).parts[4].points, 5);
});

test('next villages: by score then code; weights change the order; enrolled villages drop out', async () => {
  const r = await nextVillages(w.h.db, '53.09', 10);
  assert.deepEqual(
    r.villages.map((v) => [v.code, v.score]),
    [
      [A, 75],
      [B, 54.5],
      [C, 42],
      [D, 8],
    ],
  );
  assert.equal(r.weightsFrom, null);
  assert.equal(r.withoutProfile, r.notEnrolled - 4);
  assert.deepEqual(
    (await nextVillages(w.h.db, '53.09', 2)).villages.map((v) => v.code),
    [A, B],
  );

  const officer = await w.as('regional_officer', '53.09');
  const res = await officer.form('/wilayah/53.09/bobot', {
    poverty: '100',
    signal: '0',
    electricity: '0',
    road: '0',
    distance: '0',
    n: '10',
  });
  assert.equal(res.status, 303);
  const after = await nextVillages(w.h.db, '53.09', 10);
  assert.deepEqual(
    after.villages.map((v) => [v.code, v.score]),
    [
      [C, 90],
      [A, 50],
      [B, 30],
      [D, 20],
    ],
  );
  assert.equal(after.weightsFrom, '53.09');
  const page = await (await officer.get(res.headers.get('location')!)).text();
  assert.ok(page.indexOf(C) < page.indexOf(A), 'the page shows the new order');
  assert.match(page, /Bobot disimpan/);

  // Equal scores fall back to code order.
  await officer.form('/wilayah/53.09/bobot', {
    poverty: '0',
    signal: '0',
    electricity: '0',
    road: '0',
    distance: '1',
  });
  assert.deepEqual(
    (await nextVillages(w.h.db, '53.09', 10)).villages.map((v) => [v.code, v.score]),
    [
      [B, 100],
      [A, 80],
      [C, 0],
      [D, 0],
    ],
  );

  unwrapOk(await recordRollout(w.h.db, 'system', A, '2023-01-15'));
  unwrapOk(await recordRollout(w.h.db, 'system', '53.09.06', '2021-07-01'));
  const open = await nextVillages(w.h.db, '53.09', 10);
  assert.deepEqual(
    open.villages.map((v) => v.code).sort(),
    [B, D].sort(),
    'an enrolled village and a whole enrolled district are left out',
  );
});

test('weights: bad values are refused with messages; a district cannot have weights; province weights are inherited', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const bad = await officer.form('/wilayah/53.09/bobot', {
    poverty: '150',
    signal: 'x',
    electricity: '0',
    road: '0',
    distance: '0',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /Bobot harus bilangan bulat 0–100/);
  const zero = await officer.form('/wilayah/53.09/bobot', {
    poverty: '0',
    signal: '0',
    electricity: '0',
    road: '0',
    distance: '0',
  });
  assert.equal(zero.status, 422);
  assert.match(await zero.text(), /Setidaknya satu bobot/);
  const district = await officer.json('PUT', '/api/v1/regions/53.09.01/weights', {
    ...DEFAULT_WEIGHTS,
  });
  assert.equal(district.status, 422);
  assert.equal(((await district.json()) as any).code, 'REGIONS_WEIGHTS_SCOPE');
  const foreign = await officer.json('PUT', '/api/v1/regions/35.10/weights', {
    ...DEFAULT_WEIGHTS,
  });
  assert.equal(foreign.status, 403);
  const prov = await w.as('regional_officer', '53');
  assert.equal(
    (
      await prov.json('PUT', '/api/v1/regions/53/weights', {
        poverty: 1,
        signal: 0,
        electricity: 0,
        road: 0,
        distance: 0,
      })
    ).status,
    200,
  );
  const kab = await w.as('national_admin');
  assert.equal(
    (
      await kab.json('PUT', '/api/v1/regions/35.10/weights', {
        poverty: 1,
        signal: 0,
        electricity: 0,
        road: 0,
        distance: 0,
      })
    ).status,
    200,
  );
  const api = (await (await prov.get('/api/v1/regions/53/targeting?n=3')).json()) as any;
  assert.equal(api.weightsFrom, '53');
  assert.equal(api.villages[0].parts.length, 5);
});

test('CSV export lists rank, code, name, score and every part', async () => {
  const officer = await w.as('regional_officer', '53.09');
  await officer.json('PUT', '/api/v1/regions/53.09/weights', { ...DEFAULT_WEIGHTS });
  const res = await officer.get('/wilayah/53.09/prioritas.csv?n=5');
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
  const lines = (await res.text()).trim().split('\n');
  assert.equal(
    lines[0],
    'rank,village_code,village,district,score,poverty_points,signal_points,electricity_points,road_points,distance_points,missing',
  );
  assert.match(
    lines[1],
    new RegExp(`^1,${B.replace(/\./g, '\\.')},.*,54\\.50,12\\.00,10\\.00,15\\.00,7\\.50,10\\.00,$`),
  );
  const xlsx = await sameRowsInBoth(officer, '/wilayah/53.09/prioritas', { query: '?n=5' });
  assert.equal(xlsx.getCell('E2').value, 54.5, 'the score is a number');
  assert.equal(xlsx.getCell('B2').value, B, 'the village code stays text');
  assert.equal(
    rankingCsv({
      weights: DEFAULT_WEIGHTS,
      weightsFrom: null,
      villages: [],
      notEnrolled: 0,
      withoutProfile: 0,
    }).split('\n').length,
    2,
  );
  assert.equal(
    (await (await w.as('regional_officer', '35.10')).get('/wilayah/53.09/prioritas.csv')).status,
    403,
  );
  assert.equal(
    (await (await w.as('regional_officer', '35.10')).get('/wilayah/53.09/prioritas.xlsx')).status,
    403,
  );
});

test('cohorts: nearest enrolled ancestor-or-self, limited to a prefix', async () => {
  const bw = await villageCodesIn(w.h.db, '35.10.01');
  const other = (await villageCodesIn(w.h.db, '35.10.02'))[0];
  unwrapOk(await recordRollout(w.h.db, 'system', '35.10', '2024-01-01'));
  unwrapOk(await recordRollout(w.h.db, 'system', bw[1], '2022-05-01'));
  const inDistrict = await villageCohorts(w.h.db, '35.10.01');
  assert.equal(inDistrict.size, bw.length);
  assert.equal(inDistrict.get(bw[0]), '2024-01-01');
  assert.equal(
    inDistrict.get(bw[1]),
    '2022-05-01',
    'the village entry is nearer than the regency entry',
  );
  assert.equal(inDistrict.has(other), false);
  const all = await villageCohorts(w.h.db);
  assert.equal(all.get(other), '2024-01-01');
  assert.equal(all.get(A), '2023-01-15');
  const bajawa = await villageCodesIn(w.h.db, '53.09.06');
  assert.ok(bajawa.every((v) => all.get(v) === '2021-07-01'));
  assert.equal(all.has(B), false);
  assert.deepEqual(await cohortOf(w.h.db, bajawa[0]), { joinedOn: '2021-07-01', via: '53.09.06' });

  const officer = await w.as('regional_officer', '53.09');
  const bad = await officer.json(
    'PUT',
    `/api/v1/regions/${B}/rollout`,
    { joinedOn: '2023-02-30' },
    { 'accept-language': 'en' },
  );
  assert.equal(bad.status, 422);
  assert.match(JSON.stringify(await bad.json()), /Not a valid date/);
  assert.equal(
    (await officer.json('PUT', '/api/v1/regions/53/rollout', { joinedOn: '2023-01-01' })).status,
    403,
  );
  const admin = await w.as('national_admin');
  assert.equal(
    (await admin.json('PUT', '/api/v1/regions/53/rollout', { joinedOn: '2023-01-01' })).status,
    422,
    'a province cannot join as a whole',
  );
  assert.equal(
    (await officer.json('PUT', `/api/v1/regions/${other}/rollout`, { joinedOn: '2023-01-01' }))
      .status,
    403,
  );
  const page = await officer.form(`/wilayah/${B}/bergabung`, { joined_on: '2025-01-15' });
  assert.equal(page.status, 303);
  const bName = (
    await w.h.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', B)
      .executeTakeFirstOrThrow()
  ).name;
  assert.match(
    await (await officer.get(`/wilayah/${B}`)).text(),
    new RegExp(`\\(lewat ${bName}\\)`),
    'the area is named, not coded',
  );
  const api = (await (await officer.get('/api/v1/regions/53.09/rollout')).json()) as any;
  assert.ok(api.entries.some((e: any) => e.code === B && e.joinedOn === '2025-01-15'));
});

test('KBI and KTI side by side: averages over villages with a value', async () => {
  const r = await readinessByGroup(w.h.db);
  const near = (a: number | null, b: number) =>
    assert.ok(a !== null && Math.abs(a - b) < 1e-9, `${a} ≈ ${b}`);
  assert.equal(r.groups.KTI.villages, 4);
  near(r.groups.KTI.povertyShare, (0.5 + 0.3 + 0.9 + 0.2) / 4);
  near(r.groups.KTI.signal4g, 1 / 3);
  near(r.groups.KTI.signalNone, 1 / 3);
  near(r.groups.KTI.allSeasonRoad, 1 / 3);
  near(r.groups.KTI.distanceKm, (10 + 0 + 60) / 3);
  near(r.groups.KTI.bumdes, 2 / 3);
  assert.equal(r.groups.KBI.villages, 1);
  near(r.groups.KBI.signal4g, 1);
  near(r.groups.KBI.povertyShare, 0.1);
  assert.deepEqual(
    r.provinces.map((p) => [p.code, p.group]),
    [
      ['35', 'KBI'],
      ['53', 'KTI'],
    ],
  );
  const analyst = await w.as('analyst');
  const html = await (await analyst.get('/wilayah/kesiapan')).text();
  assert.match(html, /KBI/);
  assert.match(html, /Nusa Tenggara Timur/);
  assert.equal((await (await w.as('buyer')).get('/wilayah/kesiapan')).status, 403);
});

function unwrapOk(r: { ok: boolean }) {
  assert.ok(r.ok, JSON.stringify(r));
}
