// What community's reads show, through the real app: API reads in camelCase with a declared
// schema for every answer, and an UMKM's bank account only to its seller and the managers who
// pay it out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, testPhone, type World } from '../../../test/support/world.js';
import { communityRoutes } from './index.js';
import { anyVillage, makeOrganisation, makeServicePoint } from '../../../test/support/community.js';

let w: World;
let village: string;
let org: string;

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09', 0);
  org = await makeOrganisation(w.h.db, { villageCode: village, name: 'BUMDes Uji' });
});
after(() => w.close());

const local = (e164: string) => '0' + e164.slice(3);

test('API reads answer in camelCase, each with a declared schema (no snake_case row leaks)', async () => {
  const officer = await w.as('regional_officer', '53.09');
  await makeServicePoint(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Pos Layanan Bena',
  });
  const created = (await (
    await officer.json('POST', '/api/v1/community/umkm', {
      consent: true,
      ownerName: 'Ibu Yuliana',
      phone: local(testPhone()),
      name: 'Kopi Bajawa Yuliana',
      businessType: 'perkebunan',
      villageCode: village,
      organisationId: org,
    })
  ).json()) as any;
  const cert = await officer.json('POST', `/api/v1/community/umkm/${created.id}/certifications`, {
    kind: 'pirt',
    number: 'P-IRT 2093',
    issuedOn: '2022-01-01',
    expiresOn: '2026-01-01',
  });
  assert.equal(cert.status, 201);
  assert.deepEqual(Object.keys((await cert.json()) as any).sort(), [
    'certificationId',
    'kind',
    'renewed',
    'umkmId',
  ]);
  const snake = (v: unknown): string[] =>
    Array.isArray(v)
      ? v.flatMap(snake)
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => [...(k.includes('_') ? [k] : []), ...snake(x)])
        : [];
  const read = async (path: string) => {
    const res = await officer.get(path);
    assert.equal(res.status, 200, path);
    const body = (await res.json()) as any;
    assert.deepEqual(snake(body), [], path);
    return body;
  };
  const orgs = await read('/api/v1/community/organisations');
  assert.ok(
    orgs.items.some((o: any) => o.id === org && o.villageCode === village && o.umkmCount >= 1),
  );
  const detail = await read(`/api/v1/community/organisations/${org}`);
  assert.equal(detail.isDemo, false);
  assert.ok(
    detail.umkm.some(
      (u: any) =>
        u.id === created.id &&
        u.businessType === 'perkebunan' &&
        u.organisationName === 'BUMDes Uji',
    ),
  );
  assert.ok(
    detail.servicePoints.some(
      (p: any) => p.name === 'Pos Layanan Bena' && typeof p.openingHours === 'string',
    ),
  );
  const umkm = await read(`/api/v1/community/umkm/${created.id}`);
  assert.equal(umkm.ownerName, 'Ibu Yuliana');
  assert.deepEqual(
    umkm.certifications.map((c: any) => [c.kind, c.expiresOn, c.state]),
    [['pirt', '2026-01-01', 'expired']],
  );
  const alerts = await read('/api/v1/community/certification-alerts');
  assert.ok(
    alerts.items.some(
      (a: any) => a.umkmId === created.id && a.umkmName === 'Kopi Bajawa Yuliana' && a.daysLeft < 0,
    ),
  );
  const points = await read('/api/v1/community/service-points');
  assert.ok(points.items.some((p: any) => p.villageCode === village && Array.isArray(p.services)));
  const doc = communityRoutes().getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Lumbung', version: '1' },
  }) as any;
  for (const [path, item] of Object.entries<any>(doc.paths))
    for (const [method, op] of Object.entries<any>(item))
      for (const [status, r] of Object.entries<any>(op.responses)) {
        if (Number(status) >= 300) continue;
        const schema = r.content?.['application/json']?.schema;
        assert.ok(
          schema && Object.keys(schema).length > 0,
          `${method} ${path} ${status} declares its body`,
        );
      }
});

test("the UMKM's bank account is shown only to its seller and the managers who pay it out", async () => {
  const officer = await w.as('regional_officer', '53.09');
  const created = (await (
    await officer.json('POST', '/api/v1/community/umkm', {
      consent: true,
      ownerName: 'Ibu Regina',
      phone: local(testPhone()),
      name: 'Tenun Regina',
      businessType: 'tenun',
      villageCode: village,
      organisationId: org,
    })
  ).json()) as { id: string };
  await w.h.db
    .updateTable('umkm')
    .set({ bank_name: 'BRI', bank_account_number: '1234567890', bank_account_name: 'Regina' })
    .where('id', '=', created.id)
    .execute();
  const point = await makeServicePoint(w.h.db, { villageCode: village, organisationId: org });
  const otherOrg = await makeOrganisation(w.h.db, { villageCode: village, name: 'Koperasi Lain' });
  const bankOf = async (client: Awaited<ReturnType<World['as']>>) => {
    const res = await client.get(`/api/v1/community/umkm/${created.id}`);
    assert.equal(res.status, 200);
    const u = (await res.json()) as Record<string, unknown>;
    assert.equal(u.id, created.id);
    return [u.bankName, u.bankAccountNumber, u.bankAccountName];
  };
  const full = ['BRI', '1234567890', 'Regina'];
  const none = [undefined, undefined, undefined];
  assert.deepEqual(await bankOf(await w.as('seller', created.id)), full, 'the seller');
  assert.deepEqual(await bankOf(await w.as('community_manager', org)), full, 'who pays it out');
  assert.deepEqual(await bankOf(officer), none, 'a regional officer');
  assert.deepEqual(await bankOf(await w.as('national_admin', null)), none, 'a national admin');
  assert.deepEqual(await bankOf(await w.as('village_agent', point)), none, 'an agent');
  // A seller of another UMKM and the manager of another organisation never reach it at all.
  const stranger = await w.as('community_manager', otherOrg);
  assert.equal((await stranger.get(`/api/v1/community/umkm/${created.id}`)).status, 404);
  // The document says the fields may be absent.
  const doc = communityRoutes().getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Lumbung', version: '1' },
  }) as any;
  const required: string[] = doc.components.schemas.Umkm.required;
  assert.ok(required.includes('id') && !required.some((k) => k.startsWith('bank')));
});
