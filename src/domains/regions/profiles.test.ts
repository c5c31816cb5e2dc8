// Village profiles: CSV import with its validation report (all or nothing, or valid rows by
// explicit choice), the edit form, the API, the CLI, and scope on all of them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorld, type World } from '../../../test/support/world.js';
import { findCommand } from '../../kernel/cli/index.js';
import { villageProfiles, villageCodesIn } from './index.js';
import { importProfilesCsv } from './profiles.service.js';

let w: World;
let ngada: string[];
let banyuwangi: string[];
before(async () => {
  w = await createWorld();
  ngada = await villageCodesIn(w.h.db, '53.09');
  banyuwangi = await villageCodesIn(w.h.db, '35.10');
});
after(() => w.close());

const HEADER =
  'village_code,population,households,poverty_share,electricity_share,signal,office_internet,road_access,distance_km,has_bumdes,has_koperasi,lat,lng';
const count = async () =>
  Number(
    (
      await w.h.db
        .selectFrom('village_profiles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const officer = async (scope: string) => {
  const c = await w.as('regional_officer', scope);
  const actor = {
    userId: c.userId,
    displayName: 'x',
    locale: null,
    grants: [
      {
        role: 'regional_officer' as const,
        scopeType: 'region' as const,
        scopeId: scope,
        regionCode: scope,
      },
    ],
    via: 'session' as const,
  };
  return { c, actor };
};

test('a bad file: every bad row reported with line, column and reason; nothing imported', async () => {
  const { actor } = await officer('53.09');
  const before = await count();
  const csv = [
    HEADER,
    `${ngada[0]},1200,300,0.25,0.9,4g,1,all_season,3.5,1,0,-8.8,121.0`, // line 2: fine
    `53.09.01,1200,300,0.25,0.9,4g,1,all_season,3.5,1,0,,`, // 3: a district, not a village
    `${ngada[1]},1200,300,"0,25",0.9,5g,1,all_season,3.5,1,0,,`, // 4: decimal comma, unknown signal
    `${ngada[2]},100,300,0.25,1.2,none,maybe,all_season,3.5,1,0,,`, // 5: households > population, share > 1, yes/no
    `${ngada[0]},1,1,,,,,,,,,,`, // 6: duplicate of line 2
    `${banyuwangi[0]},1,1,,,,,,,,,,`, // 7: outside the officer's regency
    `53.09.01.2999,1,1,,,,,,,,,,`, // 8: no such village
    `${ngada[3]},1,1,,,,,,,,,40.7,-74.0`, // 9: New York
    `${ngada[4]},1,1,,,,,,,,,-8.8,`, // 10: latitude without longitude
    `${ngada[5]},1,1`, // 11: too few cells
    '', // blank lines are ignored
  ].join('\n');
  const r = await importProfilesCsv(w.h.db, actor, csv);
  assert.equal(r.rows, 10);
  assert.equal(r.imported, 0);
  assert.equal(r.valid, 1);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column, e.key]),
    [
      [3, 'village_code', 'regions.csv.bad_village_code'],
      [4, 'poverty_share', 'regions.field.decimal_point'],
      [4, 'signal', 'regions.field.choice'],
      [5, 'electricity_share', 'validation.too_big'],
      [5, 'office_internet', 'regions.field.yes_no'],
      [5, 'households', 'regions.field.households_over_population'],
      [6, 'village_code', 'regions.csv.duplicate_code'],
      [7, 'village_code', 'regions.csv.outside_scope'],
      [8, 'village_code', 'regions.csv.unknown_village'],
      [9, 'lat', 'regions.field.outside_indonesia'],
      [9, 'lng', 'regions.field.outside_indonesia'],
      [10, 'lng', 'regions.field.lat_lng_pair'],
      [11, '-', 'regions.csv.cell_count'],
    ],
  );
  assert.equal(await count(), before, 'all or nothing');

  // The explicit choice imports the one valid row and says so.
  const partial = await importProfilesCsv(w.h.db, actor, csv, { mode: 'valid' });
  assert.equal(partial.imported, 1);
  assert.equal(partial.skipped, 9);
  assert.equal(await count(), before + 1);
  const p = (await villageProfiles(w.h.db, [ngada[0]])).get(ngada[0])!;
  assert.equal(p.poverty_share, 0.25);
  assert.equal(p.signal, '4g');
  assert.equal(p.lat, -8.8);
});

test('header problems stop the file; a partial-column file updates only its columns; ";" separators work', async () => {
  const { actor } = await officer('53.09');
  const bad = await importProfilesCsv(w.h.db, actor, 'kode,population\n53.09.01.2001,5\n');
  assert.deepEqual(
    bad.errors.map((e) => [e.line, e.column, e.key]),
    [
      [1, 'kode', 'regions.csv.unknown_column'],
      [1, 'village_code', 'regions.csv.missing_code_column'],
    ],
  );
  await importProfilesCsv(
    w.h.db,
    actor,
    `${HEADER}\n${ngada[6]},900,200,0.3,0.8,2g,0,dry_season,12,1,1,-8.8,121.0\n`,
  );
  const r = await importProfilesCsv(w.h.db, actor, `village_code;signal\n${ngada[6]};4G\n`);
  assert.equal(r.imported, 1);
  const p = (await villageProfiles(w.h.db, [ngada[6]])).get(ngada[6])!;
  assert.equal(p.signal, '4g');
  assert.equal(p.population, 900, 'columns absent from the file are kept');
  const audit = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('action', '=', 'regions.profiles_imported')
    .where('actor_id', '=', actor.userId)
    .execute();
  assert.equal(audit.length, 2, 'one audit entry per import that wrote, none for the refused file');
  assert.deepEqual(JSON.parse(audit[1].data).columns, ['signal']);
});

test('a quoted cell may span lines: later rows keep their file line; an unclosed quote stops the file at its line', async () => {
  const { actor } = await officer('53.09');
  const before = await count();
  const spanning = [
    HEADER,
    `"53.09\n01.2001",1,1,,,,,,,,,,`, // lines 2-3: one row whose code holds a line break
    `${ngada[0]},1,1,,,,,,,,,,`, // 4: fine
    `${ngada[1]},1,1,,,,,,,,,-8.8,`, // 5: latitude without longitude
  ].join('\r\n');
  const r = await importProfilesCsv(w.h.db, actor, spanning);
  assert.equal(r.rows, 3);
  assert.deepEqual(
    r.errors.map((e) => [e.line, e.column, e.key]),
    [
      [2, 'village_code', 'regions.csv.bad_village_code'],
      [5, 'lng', 'regions.field.lat_lng_pair'],
    ],
  );
  const open = [
    HEADER,
    `${ngada[0]},1,1,,,,,,,,,,`,
    `${ngada[1]},"1,1,,,,,,,,,,`,
    `${ngada[2]},1,1,,,,,,,,,,`,
  ].join('\n');
  const refused = await importProfilesCsv(w.h.db, actor, open, { mode: 'valid' });
  assert.deepEqual(
    refused.errors.map((e) => [e.line, e.column, e.key]),
    [[3, '-', 'regions.csv.unclosed_quote']],
  );
  assert.equal(refused.imported, 0);
  assert.equal(await count(), before, 'nothing imported');
});

test('API upload: 422 problem with the report when invalid, 200 when valid; foreign rows refused', async () => {
  const { c } = await officer('53.09');
  const bad = await c.fetch('/api/v1/regions/profiles/import', {
    method: 'POST',
    body: `${HEADER}\n${banyuwangi[1]},1,1,,,,,,,,,,\n`,
    headers: {
      'content-type': 'text/csv',
      'x-csrf-token': await c.csrf(),
      'accept-language': 'en',
    },
  });
  assert.equal(bad.status, 422);
  const p = (await bad.json()) as any;
  assert.equal(p.code, 'REGIONS_CSV_INVALID');
  assert.match(Object.values(p.errors).join(' '), /outside your region/);
  const good = await c.fetch('/api/v1/regions/profiles/import', {
    method: 'POST',
    body: `${HEADER}\n${ngada[7]},1000,250,0.2,0.95,4g,1,all_season,2,1,0,,\n`,
    headers: { 'content-type': 'text/csv', 'x-csrf-token': await c.csrf() },
  });
  assert.equal(good.status, 200);
  assert.equal(((await good.json()) as any).imported, 1);
  const buyer = await w.as('buyer');
  assert.equal(
    (
      await buyer.fetch('/api/v1/regions/profiles/import', {
        method: 'POST',
        body: HEADER,
        headers: { 'content-type': 'text/csv', 'x-csrf-token': await buyer.csrf() },
      })
    ).status,
    403,
  );
});

test('page upload (multipart) shows the report; no file is a clear message', async () => {
  const { c } = await officer('53.09');
  const form = new FormData();
  form.set('_csrf', await c.csrf());
  form.set('mode', 'all');
  form.set(
    'file',
    new File([`${HEADER}\n${ngada[8]},1000,2000,,,,,,,,,,\n`], 'podes.csv', { type: 'text/csv' }),
  );
  const res = await c.fetch('/wilayah/impor', { method: 'POST', body: form });
  assert.equal(res.status, 422);
  const html = await res.text();
  assert.match(html, /Tidak ada yang diimpor/);
  assert.match(html, /Jumlah KK tidak boleh melebihi jumlah penduduk/);
  const empty = new FormData();
  empty.set('_csrf', await c.csrf());
  const r2 = await c.fetch('/wilayah/impor', { method: 'POST', body: empty });
  assert.equal(r2.status, 422);
  assert.match(await r2.text(), /Pilih berkas CSV/);
});

test('edit a profile in the UI within scope; bad values re-render with messages and change nothing', async () => {
  const { c } = await officer('53.09');
  const code = ngada[10];
  assert.equal((await c.get(`/wilayah/${code}/profil`)).status, 200);
  const fields = {
    population: '1500',
    households: '400',
    poverty_share: '0.31',
    electricity_share: '0.8',
    signal: '2g',
    office_internet: '0',
    road_access: 'dry_season',
    distance_km: '18.5',
    has_bumdes: '1',
    has_koperasi: '',
    lat: '-8.79',
    lng: '121.05',
  };
  const ok = await c.form(`/wilayah/${code}/profil`, fields);
  assert.equal(ok.status, 303);
  const page = await (await c.get(`/wilayah/${code}`)).text();
  assert.match(page, /Profil desa/);
  assert.match(page, /1\.500/);
  assert.match(page, /Skor prioritas/);
  const bad = await c.form(`/wilayah/${code}/profil`, {
    ...fields,
    lat: '51.5',
    lng: '-0.12',
    population: '1.500',
  });
  assert.equal(bad.status, 422);
  const html = await bad.text();
  assert.match(html, /di luar wilayah Indonesia/);
  assert.match(html, /bilangan bulat/);
  const p = (await villageProfiles(w.h.db, [code])).get(code)!;
  assert.equal(p.lat, -8.79);
  assert.equal(p.population, 1500);

  const { c: other } = await officer('35.10');
  assert.equal((await other.get(`/wilayah/${code}/profil`)).status, 403);
  assert.equal((await other.form(`/wilayah/${code}/profil`, fields)).status, 403);
  const notVillage = await c.get('/wilayah/53.09.06/profil');
  assert.equal(notVillage.status, 422);
  // API edit with the same rules.
  // The API names the fields in camelCase, takes yes/no as booleans and answers in the same shape.
  const api = await c.json('PUT', `/api/v1/regions/${code}/profile`, {
    population: 1500,
    households: 400,
    povertyShare: 0.31,
    electricityShare: '0.8',
    signal: '2g',
    officeInternet: false,
    roadAccess: 'dry_season',
    distanceKm: 18.5,
    hasBumdes: true,
    hasKoperasi: null,
    lat: -8.7,
    lng: 121.1,
  });
  assert.equal(api.status, 200);
  assert.deepEqual(((await api.json()) as any).profile, {
    population: 1500,
    households: 400,
    povertyShare: 0.31,
    electricityShare: 0.8,
    signal: '2g',
    officeInternet: false,
    roadAccess: 'dry_season',
    distanceKm: 18.5,
    hasBumdes: true,
    hasKoperasi: null,
    lat: -8.7,
    lng: 121.1,
  });
  const read = (await (await c.get(`/api/v1/regions/${code}/profile`)).json()) as any;
  assert.equal(read.profile.povertyShare, 0.31);
  assert.equal(read.profile.hasBumdes, true);
  assert.equal(read.profile.villageCode, code);
  assert.equal(
    (await c.json('PUT', `/api/v1/regions/${code}/profile`, { poverty_share: 0.2 })).status,
    422,
    "snake_case names are not the API's",
  );
  const apiBad = await c.json(
    'PUT',
    `/api/v1/regions/${code}/profile`,
    { lat: 1, lng: 10, povertyShare: 2 },
    { 'accept-language': 'en' },
  );
  assert.equal(apiBad.status, 422);
  const problem = (await apiBad.json()) as any;
  assert.match(JSON.stringify(problem), /outside Indonesia/);
  assert.ok(problem.errors.povertyShare, "field errors use the API's field names");
});

test('CLI: lumbung import profiles FILE.csv (all or nothing, --valid-rows)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lumbung-profiles-'));
  const file = join(dir, 'podes.csv');
  writeFileSync(
    file,
    `${HEADER}\n${banyuwangi[2]},5000,1300,0.08,1,4g,1,all_season,4,1,1,-8.2,114.3\n${banyuwangi[3]},5000,1300,9,1,4g,1,all_season,4,1,1,,\n`,
  );
  const out: string[] = [];
  const err: string[] = [];
  const ctx = {
    open: async () => ({ ...w.h, close: async () => {} }),
    stdout: (s: string) => out.push(s),
    stderr: (s: string) => err.push(s),
  };
  const found = findCommand(['import', 'profiles', file])!;
  assert.equal(await found.command.run(found.args, ctx), 1);
  assert.match(err.join(''), /line 3, poverty_share/);
  assert.match(out.join(''), /nothing imported/);
  assert.equal((await villageProfiles(w.h.db, [banyuwangi[2]])).size, 0);
  const again = findCommand(['import', 'profiles', file, '--valid-rows'])!;
  assert.equal(await again.command.run(again.args, ctx), 0);
  assert.equal((await villageProfiles(w.h.db, [banyuwangi[2]])).size, 1);
});
