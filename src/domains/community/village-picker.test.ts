// Community forms choose the village by name (issue 15): the organisation, service point and
// UMKM forms offer the desa of the actor's scope in a select grouped by kecamatan, or, for a
// nation-wide admin, a name search that posts the form back. Nobody types a region code.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation } from '../../../test/support/community.js';
import { optionByName, searchPlace } from '../../../test/support/place-picker.js';

let w: World;
let village: string;
let villageName: string;
let org: string;

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09', 0);
  villageName = (
    await w.h.db
      .selectFrom('regions')
      .select('name')
      .where('code', '=', village)
      .executeTakeFirstOrThrow()
  ).name;
  org = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Pilih' });
});
after(() => w.close());

const villageOf = async (table: 'organisations' | 'service_points' | 'umkm', name: string) =>
  (
    await w.h.db
      .selectFrom(table)
      .select('village_code')
      .where('name', '=', name)
      .executeTakeFirst()
  )?.village_code;

test('a national admin finds the village of a new organisation by name, then saves it', async () => {
  const admin = await w.as('national_admin', null);
  const html = await (await admin.get('/community/organisations/new')).text();
  assert.doesNotMatch(html, /<input[^>]*name="village_code"/, 'no code is typed');
  assert.match(html, /name="village_code_q"/, 'the nation is searched by name first');
  const fields = { kind: 'bumdes', name: 'BUMDes Dicari' };
  const code = await searchPlace(
    admin,
    '/community/organisations/new',
    'village_code',
    villageName,
    fields,
  );
  assert.equal(
    await villageOf('organisations', 'BUMDes Dicari'),
    undefined,
    'a search saves nothing',
  );
  const saved = await admin.form('/community/organisations/new', { ...fields, village_code: code });
  assert.equal(saved.status, 303);
  assert.equal(await villageOf('organisations', 'BUMDes Dicari'), code);
  const page = await (await admin.get(saved.headers.get('location')!)).text();
  assert.match(page, new RegExp(villageName));
});

test('a regency officer picks the village of a service point from the select of its regency', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const html = await (await officer.get('/community/points/new')).text();
  assert.doesNotMatch(html, /<input[^>]*name="village_code"/, 'no code is typed');
  const code = optionByName(html, 'village_code', villageName);
  assert.ok(code, 'the village is offered by name');
  assert.doesNotMatch(html, /<option value="35\.10/, 'nothing outside the regency is offered');
  const saved = await officer.form('/community/points/new', {
    name: 'Kios Dipilih',
    village_code: code,
    organisation_id: org,
    opening_hours: 'Senin–Sabtu 08.00–16.00',
    services: ['assisted_buying', 'parcels'],
  });
  assert.equal(saved.status, 303);
  assert.equal(await villageOf('service_points', 'Kios Dipilih'), code);
});

test('a manager registers an UMKM in another village of its scope by name, or leaves it empty for its own', async () => {
  const manager = await w.as('community_manager', org);
  const html = await (await manager.get('/community/umkm/new')).text();
  assert.doesNotMatch(html, /<input[^>]*name="village_code"/, 'no code is typed');
  assert.match(html, new RegExp(`Kosongkan untuk desa lembaga Anda \\(${villageName}\\)`));
  assert.ok(optionByName(html, 'village_code', villageName), 'its village is offered by name');
  const local = (e164: string) => '0' + e164.slice(3);
  const saved = await manager.form('/community/umkm/new', {
    consent: '1',
    owner_name: 'Ibu Pilih',
    phone: local(testPhone()),
    name: 'Gula Aren Pilih',
    business_type: 'perkebunan',
    village_code: '',
  });
  assert.equal(saved.status, 201);
  assert.equal(await villageOf('umkm', 'Gula Aren Pilih'), village);
});
