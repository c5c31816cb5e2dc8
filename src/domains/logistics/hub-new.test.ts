// The hub creation page: pickers inside the officer's region (no script), a kecamatan hub with
// its service points in one go, and bad input answered in the user's language with nothing written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { makeServicePoint } from '../../../test/support/community.js';
import { makeNetwork, type TestNetwork } from '../../../test/support/logistics.js';
import './index.js';

let w: World;
let net: TestNetwork;
let district: string;
let village: string;
before(async () => {
  w = await createWorld();
  net = await makeNetwork(w.h.db, { points: 1, vehicles: 0 });
  district = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 3)
      .where('code', 'like', '53.09.%')
      .orderBy('code')
      .offset(2)
      .limit(1)
      .executeTakeFirstOrThrow()
  ).code;
  village = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('parent_code', '=', district)
      .orderBy('code')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).code;
});
after(() => w.close());

const count = async (table: 'hubs' | 'hub_points') =>
  Number(
    (
      await w.h.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

test('regency officer: pickers in its region, kecamatan hub with a point, then the hub page', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const form = await officer.get('/hub/baru');
  assert.equal(form.status, 200);
  const html = await form.text();
  assert.match(html, /<option value="53" selected/, 'its only province is chosen for it');
  assert.match(html, /<option value="53.09" selected/);
  assert.doesNotMatch(html, /value="35.10"/, 'no area outside its region is offered');
  assert.match(
    html,
    new RegExp(`value="${district.replace('.', '\\.')}"`),
    'districts of the regency are offered',
  );
  const point = await makeServicePoint(w.h.db, { villageCode: village, name: 'Titik Baru' });
  await w.h.db
    .updateTable('service_points')
    .set({ lat: -8.75, lng: 121.05 })
    .where('id', '=', point)
    .execute();
  const step = await officer.form('/hub/baru', {
    action: 'refresh',
    tier: 'kecamatan',
    name: 'Hub Kecamatan Tiga',
    province: '53',
    regency: '53.09',
    district,
  });
  const stepHtml = await step.text();
  assert.match(stepHtml, /Titik Baru/, "the district's unassigned points are offered");
  assert.match(stepHtml, /Hub Kabupaten Bajawa/, 'the parent hub is offered');
  const created = await officer.form('/hub/baru', {
    action: 'create',
    tier: 'kecamatan',
    name: 'Hub Kecamatan Tiga',
    province: '53',
    regency: '53.09',
    district,
    parent_hub_id: net.kabHub,
    point,
    lat: '',
    lng: '',
  });
  assert.equal(created.status, 303);
  const hubId = created.headers.get('location')!.split('?')[0].split('/').pop()!;
  const hub = await w.h.db
    .selectFrom('hubs')
    .selectAll()
    .where('id', '=', hubId)
    .executeTakeFirstOrThrow();
  assert.deepEqual(
    [hub.tier, hub.region_code, hub.parent_hub_id, hub.name],
    ['kecamatan', district, net.kabHub, 'Hub Kecamatan Tiga'],
  );
  assert.equal(hub.lat, -8.75, 'no coordinates given: the centre of what is known in the area');
  assert.equal(
    (
      await w.h.db
        .selectFrom('hub_points')
        .select('hub_id')
        .where('service_point_id', '=', point)
        .executeTakeFirstOrThrow()
    ).hub_id,
    hubId,
  );
  const day = await officer.get(created.headers.get('location')!);
  assert.match(
    await day.text(),
    /Hub &quot;Hub Kecamatan Tiga&quot; dibuat|Hub "Hub Kecamatan Tiga" dibuat/,
  );
  assert.match(await (await officer.get('/hub')).text(), /href="\/hub\/baru"/);
  const again = await officer.form('/hub/baru', {
    action: 'refresh',
    tier: 'kecamatan',
    name: 'Hub Kecamatan Empat',
    province: '53',
    regency: '53.09',
    district,
  });
  assert.doesNotMatch(await again.text(), /Titik Baru/, 'an assigned point is no longer offered');
});

test('bad input: a clear message beside the field (Bahasa, English), nothing written', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const hubs = await count('hubs');
  const links = await count('hub_points');
  const base = {
    action: 'create',
    tier: 'kecamatan',
    name: 'Hub Uji',
    province: '53',
    regency: '53.09',
    district,
    parent_hub_id: net.kabHub,
  };
  const bare = (
    await w.h.db
      .selectFrom('regions')
      .select('code')
      .where('level', '=', 3)
      .where('code', 'like', '53.09.%')
      .orderBy('code', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  ).code;
  const cases: [string, Record<string, string>, RegExp][] = [
    ['no name', { ...base, name: ' ' }, /Nama hub 3–120 karakter/],
    ['no district', { ...base, district: '' }, /Pilih wilayah sampai tingkat ini/],
    ['latitude only', { ...base, lat: '-8,8' }, /Isi lintang dan bujur keduanya/],
    ['outside Indonesia', { ...base, lat: '40', lng: '120' }, /Koordinat harus di Indonesia/],
    ['not a number', { ...base, lat: 'utara', lng: '120' }, /Koordinat harus di Indonesia/],
    [
      'area without known location',
      { ...base, district: bare },
      /Lokasi wilayah ini belum diketahui/,
    ],
    [
      'point of another regency',
      {
        ...base,
        lat: '-8.8',
        lng: '121',
        point:
          (
            await w.h.db
              .selectFrom('service_points')
              .select('id')
              .where('village_code', 'like', '35.10.%')
              .limit(1)
              .executeTakeFirst()
          )?.id ?? net.otherPoint.replace(/./, 'x'),
      },
      /tidak bisa dihubungkan|tidak dikenal/,
    ],
  ];
  for (const [name, form, msg] of cases) {
    const res = await officer.form('/hub/baru', form);
    assert.equal(res.status, 422, name);
    assert.match(await res.text(), msg, name);
  }
  const en = await officer.form(
    '/hub/baru',
    { ...base, name: '' },
    { headers: { 'accept-language': 'en' } },
  );
  assert.match(await en.text(), /Hub name: 3–120 characters/);
  // A kabupaten hub needs no district; a second one in the same regency with a wrong tier area is refused by the service.
  const kab = await officer.form('/hub/baru', {
    ...base,
    tier: 'kabupaten',
    district: '',
    lat: '-8.8',
    lng: '121',
    name: 'Hub Kab Kedua',
  });
  assert.equal(kab.status, 303);
  const after = await count('hubs');
  assert.equal(after, hubs + 1, 'only the valid kabupaten hub was written');
  assert.equal(await count('hub_points'), links);
});

test('scope: foreign regency refused (403), other roles cannot open the page', async () => {
  const banyuwangi = await w.as('regional_officer', '35.10');
  const hubs = await count('hubs');
  const foreign = await banyuwangi.form('/hub/baru', {
    action: 'create',
    tier: 'kabupaten',
    name: 'Hub Asing',
    province: '53',
    regency: '53.09',
    lat: '-8.8',
    lng: '121',
  });
  assert.equal(foreign.status, 403);
  assert.equal(await count('hubs'), hubs);
  assert.equal((await (await w.as('hub_operator', net.kecHub)).get('/hub/baru')).status, 403);
  assert.equal((await (await w.as('buyer')).get('/hub/baru')).status, 403);
  const anon = await w.client().get('/hub/baru');
  assert.ok(
    anon.status === 401 ||
      (anon.status === 303 && anon.headers.get('location')!.startsWith('/login')),
  );
  const admin = await w.as('national_admin');
  assert.match(
    await (await admin.get('/hub/baru')).text(),
    /value="35"/,
    'a national admin picks any province',
  );
});
