import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { communityRoutes } from './index.js';
import { anyVillage, makeOrganisation, makeServicePoint } from '../../../test/support/community.js';

let w: World;
let village: string;
let otherVillage: string;
let javaVillage: string;
let org: string;

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09', 0);
  otherVillage = await anyVillage(w.h.db, '53.09', 1);
  javaVillage = await anyVillage(w.h.db, '35.10', 0);
  org = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Uji' });
});
after(() => w.close());

const counts = async () => {
  const n = async (t: 'umkm' | 'consents' | 'users' | 'grants') =>
    Number(
      (
        await w.h.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    umkm: await n('umkm'),
    consents: await n('consents'),
    users: await n('users'),
    grants: await n('grants'),
  };
};
const local = (e164: string) => '0' + e164.slice(3);
const valid = (over: Record<string, string> = {}) => ({
  consent: '1',
  owner_name: 'Ibu Sari',
  phone: local(testPhone()),
  name: 'Gula Aren Sari',
  business_type: 'perkebunan',
  village_code: '',
  ...over,
});

test('a manager registers an UMKM in one form: consent first, owner gets a seller login by phone', async () => {
  const manager = await w.as('community_manager', org);
  const form = await manager.get('/community/umkm/new');
  assert.equal(form.status, 200);
  const html = await form.text();
  assert.match(html, /UU PDP 27\/2022/);
  assert.ok(
    html.indexOf('name="consent"') < html.indexOf('name="owner_name"'),
    'consent comes before any personal field',
  );

  const phone = testPhone();
  const res = await manager.form(
    '/community/umkm/new',
    valid({ phone: local(phone).replace(/(\d{4})(\d{4})/, '$1 $2 ') }),
  );
  assert.equal(res.status, 201);
  const page = await res.text();
  const password = /data-testid="start-password">([^<]+)</.exec(page)![1];
  const u = await w.h.db
    .selectFrom('umkm')
    .selectAll()
    .where('phone', '=', phone)
    .executeTakeFirstOrThrow();
  assert.equal(u.village_code, village, 'defaults to the organisation village');
  assert.equal(u.organisation_id, org);
  assert.equal(u.whatsapp, phone, 'WhatsApp defaults to the phone');
  const consent = await w.h.db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', u.consent_id!)
    .executeTakeFirstOrThrow();
  assert.equal(consent.recorded_by, manager.userId);
  assert.equal(consent.text_version, 'pdp-2026-01');
  const grant = await w.h.db
    .selectFrom('grants')
    .selectAll()
    .where('user_id', '=', u.owner_user_id!)
    .executeTakeFirstOrThrow();
  assert.deepEqual([grant.role, grant.scope_id, grant.region_code], ['seller', u.id, village]);

  // The owner signs in with her phone number and the starting password.
  const owner = w.client();
  assert.equal((await owner.form('/login', { login: local(phone), password })).status, 303);
  const me = (await (await owner.get('/api/v1/me')).json()) as any;
  assert.deepEqual(
    me.grants.map((g: any) => [g.role, g.scopeId]),
    [['seller', u.id]],
  );
  const mine = await owner.get(`/community/umkm/${u.id}`);
  assert.equal(mine.status, 200);
  const audit = await w.h.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', 'umkm.register')
    .where('entity_id', '=', u.id)
    .executeTakeFirstOrThrow();
  assert.ok(
    !audit.data.includes('Sari') && !audit.data.includes(phone.slice(3)),
    'no personal data in the audit log',
  );
});

test('bad input: clear field messages, nothing written', async () => {
  const manager = await w.as('community_manager', org);
  const before = await counts();
  const cases: [Record<string, string>, RegExp][] = [
    [valid({ consent: '' }), /Persetujuan pemilik data wajib dicatat/],
    [valid({ phone: '12345' }), /Nomor HP Indonesia tidak sah/],
    [valid({ village_code: '53.09.99.9999' }), /tidak ditemukan di data wilayah/],
    [valid({ village_code: '5309' }), /harus berbentuk 00.00.00.0000/],
    [valid({ village_code: javaVillage }), /di luar wilayah tugas Anda/],
    [valid({ business_type: 'senjata' }), /Pilihan tidak tersedia/],
    [valid({ owner_name: '<b>x</b>' }), /tag HTML/],
  ];
  for (const [input, message] of cases) {
    const res = await manager.form('/community/umkm/new', input);
    assert.equal(res.status, 422, JSON.stringify(input));
    assert.match(await res.text(), message);
  }
  const { consent: _c, ...noConsent } = valid();
  const missing = await manager.form('/community/umkm/new', noConsent);
  assert.equal(missing.status, 422);
  assert.match(await missing.text(), /Persetujuan pemilik data wajib/);
  const en = await manager.form('/community/umkm/new', valid({ consent: '' }), {
    headers: { 'accept-language': 'en' },
  });
  assert.match(await en.text(), /consent must be recorded first/);
  assert.deepEqual(await counts(), before);
});

test('a failure after the UMKM row is written rolls everything back', async () => {
  const manager = await w.as('community_manager', org);
  const phone = testPhone();
  await w.h.db
    .insertInto('users')
    .values({
      id: 'usr_disabled_' + phone.slice(-5),
      phone,
      email: null,
      display_name: 'Nonaktif',
      password_hash: null,
      locale: null,
      status: 'disabled',
      is_demo: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  const before = await counts();
  const res = await manager.form('/community/umkm/new', valid({ phone: local(phone) }));
  assert.equal(res.status, 422);
  assert.match(await res.text(), /dinonaktifkan/);
  assert.deepEqual(await counts(), before, 'no UMKM, consent or grant left behind');
});

test('an owner who already has an account gets the seller grant without a new password', async () => {
  const manager = await w.as('community_manager', org);
  const buyer = await w.as('buyer');
  const phone = (
    await w.h.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', buyer.userId)
      .executeTakeFirstOrThrow()
  ).phone!;
  const res = await manager.form(
    '/community/umkm/new',
    valid({ phone: local(phone), name: 'Keripik Pisang' }),
  );
  assert.equal(res.status, 201);
  const html = await res.text();
  assert.doesNotMatch(html, /start-password/);
  assert.match(html, /sudah punya akun/);
  const roles = await w.h.db
    .selectFrom('grants')
    .select('role')
    .where('user_id', '=', buyer.userId)
    .execute();
  assert.deepEqual(roles.map((r) => r.role).sort(), ['buyer', 'seller']);
});

test('an agent registers in their point’s village only; the UMKM joins the point’s organisation', async () => {
  const point = await makeServicePoint(w.h.db, { villageCode: otherVillage, organisationId: null });
  const agent = await w.as('village_agent', point);
  const ok = await agent.form('/community/umkm/new', valid({ name: 'Tenun Ikat Bena' }));
  assert.equal(ok.status, 201);
  const u = await w.h.db
    .selectFrom('umkm')
    .selectAll()
    .where('name', '=', 'Tenun Ikat Bena')
    .executeTakeFirstOrThrow();
  assert.equal(u.village_code, otherVillage);
  const elsewhere = await agent.form('/community/umkm/new', valid({ village_code: village }));
  assert.equal(elsewhere.status, 422);
  assert.match(await elsewhere.text(), /di luar wilayah tugas Anda/);
});

test('API: register with consent, problem+json with field errors in the caller’s language', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const body = {
    consent: true,
    ownerName: 'Pak Markus',
    phone: local(testPhone()),
    name: 'Madu Hutan Riung',
    businessType: 'pertanian',
    villageCode: otherVillage,
  };
  const res = await officer.json('POST', '/api/v1/community/umkm', body);
  assert.equal(res.status, 201);
  const created = (await res.json()) as any;
  assert.match(created.login.startPassword, /^desa-\d{4}-\d{4}$/);
  const bad = await officer.json(
    'POST',
    '/api/v1/community/umkm',
    { ...body, consent: false, phone: 'abc' },
    { 'accept-language': 'en' },
  );
  assert.equal(bad.status, 422);
  assert.match(bad.headers.get('content-type')!, /problem\+json/);
  const p = (await bad.json()) as any;
  assert.match(p.errors.consent, /consent must be recorded/);
  assert.match(p.errors.phone, /Not a valid Indonesian mobile/);
  const foreign = await officer.json('POST', '/api/v1/community/umkm', {
    ...body,
    phone: local(testPhone()),
    villageCode: javaVillage,
  });
  assert.equal(foreign.status, 403);
  const list = (await (await officer.get('/api/v1/community/umkm')).json()) as any;
  assert.ok(list.items.every((u: any) => u.villageCode.startsWith('53.09.')));
  const detail = await officer.get(`/api/v1/community/umkm/${created.id}`);
  assert.equal(detail.status, 200);
  // This domain's part of /api/openapi.json (built from the same sub-app the app mounts).
  const doc = communityRoutes().getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Lumbung', version: '1' },
  }) as any;
  for (const path of [
    '/api/v1/community/umkm',
    '/api/v1/community/umkm/{id}/certifications',
    '/api/v1/community/service-points',
    '/api/v1/community/people/{id}/export',
  ])
    assert.ok(doc.paths[path], path);
});

test('officers create organisations in their region only; managers see their organisation', async () => {
  const officer = await w.as('regional_officer', '53.09');
  const res = await officer.form('/community/organisations/new', {
    kind: 'koperasi_merah_putih',
    name: 'Koperasi Desa Merah Putih Uji',
    village_code: otherVillage,
  });
  assert.equal(res.status, 303);
  const outside = await officer.form('/community/organisations/new', {
    kind: 'bumdes',
    name: 'BUMDes Jawa',
    village_code: javaVillage,
  });
  assert.equal(outside.status, 422);
  assert.match(await outside.text(), /di luar wilayah tugas Anda/);
  const unknown = await officer.form('/community/organisations/new', {
    kind: 'bumdes',
    name: 'BUMDes X',
    village_code: '53.09.01.9999',
  });
  assert.match(await unknown.text(), /tidak ditemukan/);
  const manager = await w.as('community_manager', org);
  const list = await (await manager.get('/community/organisations')).text();
  assert.match(list, /BUMDes Uji/);
  assert.doesNotMatch(list, /Koperasi Desa Merah Putih Uji/);
  assert.equal((await manager.get(`/community/organisations/${org}`)).status, 200);
  const other = res.headers.get('location')!;
  assert.equal(
    (await manager.get(other)).status,
    404,
    'another organisation of the same regency is out of reach',
  );
});
