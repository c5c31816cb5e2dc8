// Enrolling a selection of villages from the priority list in one step (issue 15): ticks and
// a reason per village (prefilled with the score and its parts), all or nothing, audited, in
// the rollout registry; scope checked on every code the form sends.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { importProfilesCsv, villageCodesIn } from './index.js';

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

const counts = async () => ({
  rollouts: Number(
    (
      await w.h.db
        .selectFrom('rollouts')
        .select((e) => e.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await w.h.db
        .selectFrom('audit_log')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('action', '=', 'regions.rollout_recorded')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});
const name = async (code: string) =>
  (
    await w.h.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', code)
      .executeTakeFirstOrThrow()
  ).name;

test('the priority list offers ticks and a reason prefilled with the score and its parts (Indonesian numbers)', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const html = await (await officer.get('/wilayah/53.09/prioritas')).text();
  assert.match(html, /<form method="post" action="\/wilayah\/53\.09\/prioritas\/bergabung"/);
  assert.match(
    html,
    new RegExp(
      `<input type="checkbox" id="pick-${A.replace(/\./g, '\\.')}" name="village" value="${A.replace(/\./g, '\\.')}"`,
    ),
  );
  assert.match(
    html,
    /Skor prioritas 75,00 dari 100: Kemiskinan 20,00, Sinyal 20,00, Listrik 12,00, Jalan 15,00, Jarak 8,00\./,
  );
  assert.match(
    html,
    /Skor prioritas 8,00 dari 100: Kemiskinan 8,00, Sinyal 0,00, Listrik 0,00, Jalan 0,00, Jarak 0,00\. Data kosong: Sinyal, Listrik, Jalan, Jarak\./,
  );
  const analyst = await w.as('analyst', '53.09');
  assert.doesNotMatch(
    await (await analyst.get('/wilayah/53.09/prioritas')).text(),
    /prioritas\/bergabung/,
    'readers get the list without the form',
  );
});

test('ticked villages are enrolled in one step, each with its reason and audit row; the list moves on', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await counts();
  const r = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    village: [A, C],
    [`reason_${A}`]: 'Skor 75; BUMDes siap',
    [`reason_${C}`]: 'Kemiskinan tertinggi',
    [`reason_${B}`]: 'tidak dicentang',
    joined_on: '2026-07-01',
    n: '20',
  });
  assert.equal(r.status, 303);
  const after = await counts();
  assert.deepEqual([after.rollouts - before.rollouts, after.audit - before.audit], [2, 2]);
  const rows = await w.h.db
    .selectFrom('rollouts')
    .select(['region_code', 'joined_on', 'reason', 'created_by'])
    .where('region_code', 'in', [A, B, C])
    .orderBy('region_code')
    .execute();
  assert.deepEqual(
    rows.map((x) => [x.region_code, x.joined_on, x.reason, x.created_by]),
    [
      [A, '2026-07-01', 'Skor 75; BUMDes siap', officer.userId],
      [C, '2026-07-01', 'Kemiskinan tertinggi', officer.userId],
    ],
  );
  const audits = await w.h.db
    .selectFrom('audit_log')
    .select(['entity_id', 'actor_id', 'data'])
    .where('action', '=', 'regions.rollout_recorded')
    .where('entity_id', 'in', [A, C])
    .orderBy('entity_id')
    .execute();
  const data = audits.map((x) => JSON.parse(x.data));
  assert.deepEqual(
    data.map((d) => d.reason),
    ['Skor 75; BUMDes siap', 'Kemiskinan tertinggi'],
  );
  assert.ok(
    data[0].batch && data[0].batch === data[1].batch,
    'one batch id ties the step together',
  );
  const page = await (await officer.get(r.headers.get('location')!)).text();
  assert.match(page, /2 desa didaftarkan ke program/);
  assert.doesNotMatch(
    page,
    new RegExp(`data-code="${A.replace(/\./g, '\\.')}"`),
    'enrolled villages leave the list',
  );
  const detail = await (await officer.get(`/wilayah/53.09.01`)).text();
  assert.match(detail, /Alasan: Skor 75; BUMDes siap/);
  assert.match(
    detail,
    new RegExp(`<a href="/wilayah/${A.replace(/\./g, '\\.')}">${await name(A)}</a>`),
  );
});

test('one bad entry refuses the whole selection and writes nothing', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await counts();
  const noReason = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    village: [B, D],
    [`reason_${B}`]: 'Sinyal 2G cukup',
    [`reason_${D}`]: '  ',
    joined_on: '2026-07-02',
  });
  assert.equal(noReason.status, 422);
  const html = await noReason.text();
  assert.match(html, new RegExp(`Tulis alasan memilih ${await name(D)}`));
  assert.match(html, /Sinyal 2G cukup/, 'what was typed is kept');
  const already = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    village: [A, B],
    [`reason_${A}`]: 'lagi',
    [`reason_${B}`]: 'Sinyal 2G cukup',
    joined_on: '2026-07-02',
  });
  assert.equal(already.status, 422);
  assert.match(await already.text(), new RegExp(`Sudah bergabung: ${await name(A)}`));
  const none = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    joined_on: '2026-07-02',
  });
  assert.equal(none.status, 422);
  assert.match(await none.text(), /Centang paling sedikit satu desa/);
  const badDate = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    village: [B],
    [`reason_${B}`]: 'Sinyal 2G cukup',
    joined_on: '2026-02-30',
  });
  assert.equal(badDate.status, 422);
  assert.deepEqual(await counts(), before);
});

test("a village outside the list or the officer's region is refused and nothing is written", async () => {
  const officer = await w.as('regional_officer', '53.09');
  const before = await counts();
  const foreign = await officer.form('/wilayah/53.09/prioritas/bergabung', {
    village: [B, E],
    [`reason_${B}`]: 'ok ok',
    [`reason_${E}`]: 'ok ok',
    joined_on: '2026-07-03',
  });
  assert.equal(foreign.status, 403);
  const other = await w.as('regional_officer', '35.10');
  assert.equal(
    (
      await other.form('/wilayah/53.09/prioritas/bergabung', {
        village: [B],
        [`reason_${B}`]: 'ok ok',
        joined_on: '2026-07-03',
      })
    ).status,
    403,
  );
  assert.equal(
    (
      await officer.form('/wilayah/53.09/prioritas/bergabung', {
        village: ['53.09.02'],
        reason_53_09_02: 'x',
        joined_on: '2026-07-03',
      })
    ).status,
    403,
    'a district is not a village',
  );
  assert.deepEqual(await counts(), before);
});
