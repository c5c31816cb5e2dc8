import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { verifyAudit } from '../../kernel/audit/index.js';
import {
  anyVillage,
  makeOrganisation,
  makeServicePoint,
  makeUmkm,
} from '../../../test/support/community.js';
import { householdTotals, servicePointsIn } from './index.js';

let w: World;
let v1: string;
let v2: string;
let java: string;
let org1: string;
let org2: string;
let u1: string;
let u2: string;
let uJava: string;
let point1: string;

before(async () => {
  w = await createWorld();
  v1 = await anyVillage(w.h.db, '53.09', 3);
  v2 = await anyVillage(w.h.db, '53.09', 40);
  java = await anyVillage(w.h.db, '35.10', 2);
  org1 = await makeOrganisation(w.h.db, { villageCode: v1, name: 'BUMDes Satu' });
  org2 = await makeOrganisation(w.h.db, { villageCode: v2, name: 'Koperasi Dua' });
  u1 = await makeUmkm(w.h.db, { villageCode: v1, organisationId: org1, name: 'Gula Aren Satu' });
  u2 = await makeUmkm(w.h.db, { villageCode: v2, organisationId: org2, name: 'Anyaman Dua' });
  uJava = await makeUmkm(w.h.db, { villageCode: java, name: 'Keripik Banyuwangi' });
  point1 = await makeServicePoint(w.h.db, {
    villageCode: v1,
    organisationId: org1,
    name: 'Kios BUMDes Satu',
  });
});
after(() => w.close());

const local = (e164: string) => '0' + e164.slice(3);

test('people: consent before personal data, export as JSON, erasure keeps anonymous aggregates', async () => {
  const manager = await w.as('community_manager', org1);
  const noConsent = await manager.form('/community/people/new', {
    umkm_id: u1,
    full_name: 'Maria Wea',
    household_size: '5',
  });
  assert.equal(noConsent.status, 422);
  assert.match(await noConsent.text(), /Persetujuan pemilik data wajib/);
  const badSize = await manager.form('/community/people/new', {
    consent: '1',
    umkm_id: u1,
    full_name: 'Maria Wea',
    household_size: '0',
  });
  assert.match(await badSize.text(), /1–40/);
  assert.equal(
    (await w.h.db.selectFrom('people').selectAll().execute()).length,
    0,
    'nothing stored without consent',
  );

  const phone = testPhone();
  const ok = await manager.form('/community/people/new', {
    consent: '1',
    umkm_id: u1,
    full_name: 'Maria Wea',
    phone: local(phone),
    household_size: '5',
  });
  assert.equal(ok.status, 303);
  const member = await manager.form('/community/people/new', {
    consent: '1',
    organisation_id: org1,
    full_name: 'Yosef Bupu',
    role_title: 'ketua',
    household_size: '4',
  });
  assert.equal(member.status, 303);
  const foreign = await manager.form('/community/people/new', {
    consent: '1',
    umkm_id: u2,
    full_name: 'X Y',
    household_size: '3',
  });
  assert.equal(foreign.status, 422, 'a manager cannot add people to another organisation’s UMKM');
  const person = await w.h.db
    .selectFrom('people')
    .selectAll()
    .where('full_name', '=', 'Maria Wea')
    .executeTakeFirstOrThrow();
  assert.ok(person.consent_id);
  assert.equal(person.phone, phone);

  const exp = await manager.get(`/api/v1/community/people/${person.id}/export`);
  assert.equal(exp.status, 200);
  const data = (await exp.json()) as any;
  assert.equal(data.fullName, 'Maria Wea');
  assert.equal(data.householdSize, 5);
  assert.equal(data.consent.recordedBy, manager.userId);
  const download = await manager.get(`/community/people/${person.id}/export`);
  assert.match(download.headers.get('content-disposition')!, /attachment/);

  const before = await householdTotals(w.h.db, v1);
  const erased = await manager.form(`/community/people/${person.id}/erase`, {});
  assert.equal(erased.status, 200);
  assert.match(await erased.text(), /sudah dihapus/);
  const after = await w.h.db
    .selectFrom('people')
    .selectAll()
    .where('id', '=', person.id)
    .executeTakeFirstOrThrow();
  assert.equal(after.full_name, null);
  assert.equal(after.phone, null);
  assert.ok(after.erased_at);
  assert.equal(after.household_size, 5, 'household size stays for per-capita figures');
  assert.deepEqual(await householdTotals(w.h.db, v1), before, 'aggregates unchanged by erasure');
  const consent = await w.h.db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', person.consent_id!)
    .executeTakeFirstOrThrow();
  assert.ok(consent.withdrawn_at);
  const again = await manager.json('POST', `/api/v1/community/people/${person.id}/erase`, {});
  assert.equal(again.status, 409);
  const trail = await w.h.db
    .selectFrom('audit_log')
    .select(['action', 'data'])
    .where('entity_id', '=', person.id)
    .orderBy('seq')
    .execute();
  assert.deepEqual(
    trail.map((t) => t.action),
    ['person.add', 'person.export', 'person.export', 'person.erase'],
  );
  assert.ok(trail.every((t) => !t.data.includes('Maria')));
  assert.ok((await verifyAudit(w.h.db)).ok);
});

test('service points: coordinates inside Indonesia, services required, agents added by phone', async () => {
  const manager = await w.as('community_manager', org1);
  const base = {
    name: 'Kios Baru',
    village_code: v1,
    organisation_id: org1,
    lat: '-8.78',
    lng: '120.98',
    opening_hours: 'Senin–Sabtu 08.00–16.00',
    services: ['assisted_buying', 'parcels'],
  };
  const before = (await w.h.db.selectFrom('service_points').selectAll().execute()).length;
  const outside = await manager.form('/community/points/new', {
    ...base,
    lat: '51.5',
    lng: '-0.12',
  });
  assert.equal(outside.status, 422);
  assert.match(await outside.text(), /di luar wilayah Indonesia/);
  const half = await manager.form('/community/points/new', { ...base, lng: '' });
  assert.match(await half.text(), /lintang dan bujur sekaligus/);
  const noServices = await manager.form('/community/points/new', { ...base, services: [] });
  assert.match(await noServices.text(), /minimal satu layanan/);
  const unknown = await manager.form('/community/points/new', {
    ...base,
    village_code: '53.09.77.2001',
  });
  assert.match(await unknown.text(), /tidak ditemukan/);
  const javaPoint = await manager.form('/community/points/new', { ...base, village_code: java });
  assert.equal(javaPoint.status, 422);
  assert.equal(
    (await w.h.db.selectFrom('service_points').selectAll().execute()).length,
    before,
    'nothing half-written',
  );

  const created = await manager.form('/community/points/new', base);
  assert.equal(created.status, 303);
  const pointId = created.headers.get('location')!.split('/').pop()!;
  const phone = testPhone();
  const added = await manager.form(`/community/points/${pointId}/agents`, {
    display_name: 'Pak Yohanes',
    phone: local(phone),
  });
  assert.equal(added.status, 201);
  const password = /data-testid="start-password">([^<]+)</.exec(await added.text())![1];
  const agent = w.client();
  assert.equal((await agent.form('/login', { login: local(phone), password })).status, 303);
  const me = (await (await agent.get('/api/v1/me')).json()) as any;
  assert.deepEqual(
    me.grants.map((g: any) => [g.role, g.scopeId]),
    [['village_agent', pointId]],
  );
  const dup = await manager.form(`/community/points/${pointId}/agents`, {
    display_name: 'Pak Yohanes',
    phone: local(phone),
  });
  assert.equal(dup.status, 422);
  assert.match(await dup.text(), /sudah memegang peran/);
  const badPhone = await manager.form(`/community/points/${pointId}/agents`, {
    display_name: 'X',
    phone: '0211234',
  });
  assert.match(await badPhone.text(), /Nomor HP Indonesia tidak sah/);

  const inNgada = await servicePointsIn(w.h.db, '53.09');
  const p = inNgada.find((x) => x.id === pointId)!;
  assert.deepEqual([p.lat, p.lng, p.services], [-8.78, 120.98, ['assisted_buying', 'parcels']]);
  assert.equal(
    (await servicePointsIn(w.h.db, '35.10')).some((x) => x.id === pointId),
    false,
  );
});

test('scope: agent sees their village, manager their organisation, regency officer their regency — pages and API', async () => {
  const agent = await w.as('village_agent', point1);
  const manager2 = await w.as('community_manager', org2);
  const ngada = await w.as('regional_officer', '53.09');
  const banyuwangi = await w.as('regional_officer', '35.10');
  const ids = async (c: Awaited<ReturnType<World['as']>>) =>
    ((await (await c.get('/api/v1/community/umkm')).json()) as any).items.map(
      (u: any) => u.id,
    ) as string[];

  const a = await ids(agent);
  assert.ok(a.includes(u1) && !a.includes(u2) && !a.includes(uJava));
  const m = await ids(manager2);
  assert.ok(m.includes(u2) && !m.includes(u1));
  const n = await ids(ngada);
  assert.ok(n.includes(u1) && n.includes(u2) && !n.includes(uJava));
  assert.deepEqual(await ids(banyuwangi), [uJava]);

  assert.equal((await agent.get(`/community/umkm/${u1}`)).status, 200);
  assert.equal((await agent.get(`/community/umkm/${u2}`)).status, 404);
  assert.equal((await agent.get(`/api/v1/community/umkm/${u2}`)).status, 404);
  assert.equal((await banyuwangi.get(`/community/umkm/${u1}`)).status, 404);
  assert.equal((await banyuwangi.get(`/community/organisations/${org1}`)).status, 404);
  assert.equal((await manager2.get(`/community/points/${point1}`)).status, 404);
  assert.equal((await agent.get(`/community/points/${point1}`)).status, 200);
  const pts = ((await (await banyuwangi.get('/api/v1/community/service-points')).json()) as any)
    .items;
  assert.equal(pts.length, 0);
  // Writes outside the scope are refused and change nothing.
  const cert = await banyuwangi.json('POST', `/api/v1/community/umkm/${u1}/certifications`, {
    kind: 'nib',
    number: '9120001234567',
    issuedOn: '2025-01-01',
  });
  assert.equal(cert.status, 404);
  assert.equal(
    (
      await manager2.form(`/community/points/${point1}/agents`, {
        display_name: 'X',
        phone: local(testPhone()),
      })
    ).status,
    404,
  );
  const listPage = await (await agent.get('/community/umkm')).text();
  assert.match(listPage, /Gula Aren Satu/);
  assert.doesNotMatch(listPage, /Anyaman Dua|Keripik Banyuwangi/);
  // A seller and a buyer never reach the community staff pages.
  const buyer = await w.as('buyer');
  assert.equal((await buyer.get('/community/umkm')).status, 403);
  assert.equal((await buyer.get('/api/v1/community/umkm')).status, 403);
});

test('UMKM contact and bank details: validated, audited without values', async () => {
  const manager = await w.as('community_manager', org1);
  const bad = await manager.form(`/community/umkm/${u1}/edit`, {
    whatsapp: '0812',
    bank_name: 'BRI',
    bank_account_number: '12ab',
    bank_account_name: 'Sari',
  });
  assert.equal(bad.status, 422);
  const text = await bad.text();
  assert.match(text, /Nomor HP Indonesia tidak sah/);
  assert.match(text, /6–20 angka/);
  const ok = await manager.form(`/community/umkm/${u1}/edit`, {
    whatsapp: '0812 3456 7890',
    bank_name: 'BRI',
    bank_account_number: '0123-4567-8901',
    bank_account_name: 'Sari Wea',
    story: 'Nira aren disadap pagi hari.',
  });
  assert.equal(ok.status, 303);
  const row = await w.h.db
    .selectFrom('umkm')
    .selectAll()
    .where('id', '=', u1)
    .executeTakeFirstOrThrow();
  assert.deepEqual([row.whatsapp, row.bank_account_number], ['+6281234567890', '012345678901']);
  const log = await w.h.db
    .selectFrom('audit_log')
    .select('data')
    .where('action', '=', 'umkm.update')
    .where('entity_id', '=', u1)
    .executeTakeFirstOrThrow();
  assert.doesNotMatch(log.data, /012345678901|Sari/);
});
