import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createWorld, type World } from '../../../test/support/world.js';
import { anyVillage, makeOrganisation, makeUmkm } from '../../../test/support/community.js';
import {
  certificationState,
  daysToExpiry,
  certificationChanged,
  validCertifications,
  type CertificationChange,
} from './index.js';

let w: World;
let village: string;
let org: string;
let umkm: string;

before(async () => {
  w = await createWorld();
  village = await anyVillage(w.h.db, '53.09', 2);
  org = await makeOrganisation(w.h.db, { villageCode: village });
  umkm = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Kopi Bajawa Uji',
  });
});
after(() => w.close());

const day = (offset: number) =>
  new Date(Date.now() + offset * 86400_000).toISOString().slice(0, 10);

test('certification states at the 60- and 14-day thresholds', () => {
  const on = '2026-03-01';
  const s = (expires: string | null) => certificationState({ expires_on: expires }, on);
  assert.equal(s(null), 'valid', 'no expiry date (NIB) stays valid');
  assert.equal(s('2026-05-01'), 'valid', '61 days left');
  assert.equal(s('2026-04-30'), 'expiring_60', '60 days left');
  assert.equal(s('2026-03-16'), 'expiring_60', '15 days left');
  assert.equal(s('2026-03-15'), 'expiring_14', '14 days left');
  assert.equal(s('2026-03-01'), 'expiring_14', 'last valid day');
  assert.equal(s('2026-02-28'), 'expired', 'the day after the expiry date');
  assert.equal(daysToExpiry({ expires_on: '2026-03-15' }, new Date('2026-03-01T23:30:00Z')), 14);
  assert.equal(
    certificationState({ expires_on: '2026-03-02' }, new Date('2026-03-03T00:00:00Z')),
    'expired',
  );
});

test('adding and renewing certifications; expiry before issue is refused; listeners hear both', async () => {
  const manager = await w.as('community_manager', org);
  const heard: CertificationChange[] = [];
  // A test subscriber, connected in this test process only (each test file runs in its own).
  certificationChanged.subscribe('test', (_db, ch) => {
    heard.push(ch);
  });
  const bad = await manager.form(`/community/umkm/${umkm}/certifications`, {
    kind: 'pirt',
    number: '2065309010123-26',
    issued_on: '2026-01-10',
    expires_on: '2025-12-31',
  });
  assert.equal(bad.status, 422);
  assert.match(await bad.text(), /tidak boleh sebelum tanggal terbit/);
  const noExpiry = await manager.form(`/community/umkm/${umkm}/certifications`, {
    kind: 'bpom_md',
    number: 'MD 123456789012',
    issued_on: '2026-01-10',
    expires_on: '',
  });
  assert.match(await noExpiry.text(), /wajib untuk PIRT dan BPOM/);
  const badNib = await manager.form(`/community/umkm/${umkm}/certifications`, {
    kind: 'nib',
    number: '12345',
    issued_on: '2026-01-10',
  });
  assert.match(await badNib.text(), /13 angka/);
  const badDate = await manager.json(
    'POST',
    `/api/v1/community/umkm/${umkm}/certifications`,
    { kind: 'pirt', number: 'P-IRT 1', issuedOn: '2026-02-30', expiresOn: '2027-01-01' },
    { 'accept-language': 'en' },
  );
  assert.equal(badDate.status, 422);
  assert.match(((await badDate.json()) as any).errors.issuedOn, /Not a valid date/);
  // The rules across fields name the JSON field too, and the form's snake_case names are unknown.
  const early = await manager.json(
    'POST',
    `/api/v1/community/umkm/${umkm}/certifications`,
    { kind: 'pirt', number: 'P-IRT 1', issuedOn: '2026-01-10', expiresOn: '2025-12-31' },
    { 'accept-language': 'en' },
  );
  assert.equal(early.status, 422);
  assert.match(((await early.json()) as any).errors.expiresOn, /before the issue date/);
  const snake = await manager.json('POST', `/api/v1/community/umkm/${umkm}/certifications`, {
    kind: 'nib',
    number: '9120001234567',
    issued_on: '2026-01-10',
  });
  assert.equal(snake.status, 422);
  assert.deepEqual(Object.keys(((await snake.json()) as any).errors).sort(), [
    'issuedOn',
    'issued_on',
  ]);
  assert.equal(heard.length, 0);
  assert.equal(
    (await w.h.db.selectFrom('certifications').selectAll().where('umkm_id', '=', umkm).execute())
      .length,
    0,
    'nothing written',
  );

  assert.equal(
    (
      await manager.form(`/community/umkm/${umkm}/certifications`, {
        kind: 'nib',
        number: '9120001234567',
        issued_on: day(-400),
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await manager.form(`/community/umkm/${umkm}/certifications`, {
        kind: 'pirt',
        number: '2065309010123-21',
        issued_on: day(-1800),
        expires_on: day(-3),
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await manager.form(`/community/umkm/${umkm}/certifications`, {
        kind: 'halal_self_declare',
        number: 'ID53090000123450124',
        issued_on: day(-300),
        expires_on: day(10),
      })
    ).status,
    303,
  );
  let valid = await validCertifications(w.h.db, umkm);
  assert.deepEqual(valid.map((c) => [c.kind, c.state]).sort(), [
    ['halal_self_declare', 'expiring_14'],
    ['nib', 'valid'],
  ]);

  // The UMKM page and the manager's home show the states and alerts.
  const page = await (await manager.get(`/community/umkm/${umkm}`)).text();
  assert.match(page, /data-state="expired"/);
  assert.match(page, /Segera habis: 10 hari lagi/);
  const home = await (await manager.get('/me')).text();
  assert.match(home, /Sertifikat yang perlu diperpanjang/);
  // The grant reads as the organisation's name, never its internal id.
  assert.doesNotMatch(home, /org_[0-9A-Z]{26}/);
  const orgName = (
    await w.h.db
      .selectFrom('organisations')
      .select('name')
      .where('id', '=', org)
      .executeTakeFirstOrThrow()
  ).name;
  assert.ok(
    home.includes(`Pengelola BUMDes/koperasi · ${orgName}`) || home.includes(`· ${orgName}`),
    'grant named by its organisation',
  );
  assert.match(home, /PIRT/);

  // Renewal: a new PIRT makes the old one no longer an alert, and listeners learn it.
  assert.equal(
    (
      await manager.form(`/community/umkm/${umkm}/certifications`, {
        kind: 'pirt',
        number: '2065309010123-26',
        issued_on: day(-1),
        expires_on: day(1825),
      })
    ).status,
    303,
  );
  valid = await validCertifications(w.h.db, umkm);
  assert.ok(valid.some((c) => c.kind === 'pirt' && c.state === 'valid'));
  assert.deepEqual(
    heard.map((h) => [h.kind, h.renewed]),
    [
      ['nib', false],
      ['pirt', false],
      ['halal_self_declare', false],
      ['pirt', true],
    ],
  );
  const alerts = (await (
    await manager.get('/api/v1/community/certification-alerts')
  ).json()) as any;
  assert.deepEqual(
    alerts.items.map((a: any) => a.kind),
    ['halal_self_declare'],
    'the renewed PIRT no longer alerts',
  );
});

test('the seller sees alerts for their own UMKM only; 60-day window', async () => {
  const mine = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Sambal Roa Mama',
  });
  const theirs = await makeUmkm(w.h.db, {
    villageCode: village,
    organisationId: org,
    name: 'Ikan Asin Riung',
  });
  await w.h.db
    .insertInto('certifications')
    .values([
      {
        id: 'crt_t1',
        umkm_id: mine,
        kind: 'bpom_ml',
        number: 'ML 1',
        issued_on: day(-1000),
        expires_on: day(45),
        created_at: new Date().toISOString(),
      },
      {
        id: 'crt_t2',
        umkm_id: theirs,
        kind: 'pirt',
        number: 'P 2',
        issued_on: day(-1000),
        expires_on: day(5),
        created_at: new Date().toISOString(),
      },
      {
        id: 'crt_t3',
        umkm_id: mine,
        kind: 'pirt',
        number: 'P 3',
        issued_on: day(-1000),
        expires_on: day(90),
        created_at: new Date().toISOString(),
      },
    ])
    .execute();
  const seller = await w.as('seller', mine);
  const home = await (await seller.get('/me')).text();
  assert.match(home, /Sambal Roa Mama/);
  assert.match(home, /Habis dalam 45 hari/);
  assert.doesNotMatch(home, /Ikan Asin Riung/);
  assert.doesNotMatch(home, /P 3/);
  assert.equal((await seller.get(`/community/umkm/${theirs}`)).status, 404);
  // A seller may record their own renewed certificate.
  assert.equal(
    (
      await seller.form(`/community/umkm/${mine}/certifications`, {
        kind: 'bpom_ml',
        number: 'ML 123456789012',
        issued_on: day(0),
        expires_on: day(1825),
      })
    ).status,
    303,
  );
  assert.equal(
    (
      await seller.form(`/community/umkm/${theirs}/certifications`, {
        kind: 'pirt',
        number: 'P 9',
        issued_on: day(0),
        expires_on: day(1825),
      })
    ).status,
    404,
  );
});
