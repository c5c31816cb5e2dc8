// Community routes in the access matrix: each protected page and API call with a role at its
// own scope (allow) and at a foreign scope or without the role (deny).
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community.js';

export const accessCases: AccessCases = async (w) => {
  const db = w.h.db;
  const v = await anyVillage(db, '53.09', 5);
  const vOther = await anyVillage(db, '53.09', 60);
  const java = await anyVillage(db, '35.10', 5);
  const org = await makeOrganisation(db, { villageCode: v, name: 'BUMDes Matriks' });
  const orgOther = await makeOrganisation(db, { villageCode: vOther, name: 'Koperasi Lain' });
  const orgJava = await makeOrganisation(db, { villageCode: java, name: 'BUMDes Jawa' });
  const umkm = await makeUmkm(db, { villageCode: v, organisationId: org });
  const umkmOther = await makeUmkm(db, { villageCode: vOther, organisationId: orgOther });
  const umkmJava = await makeUmkm(db, { villageCode: java, organisationId: orgJava });
  const point = await makeServicePoint(db, { villageCode: v, organisationId: org });
  const pointJava = await makeServicePoint(db, { villageCode: java, organisationId: orgJava });
  const person = `prs_matrix_${Date.now()}`;
  await db
    .insertInto('people')
    .values({
      id: person,
      village_code: v,
      umkm_id: umkm,
      organisation_id: null,
      full_name: 'Orang Matriks',
      phone: null,
      role_title: null,
      household_size: 3,
      consent_id: null,
      erased_at: null,
      is_demo: 0,
      created_at: new Date().toISOString(),
    })
    .execute();

  const person2 = `${person}_b`;
  await db
    .insertInto('people')
    .values({
      id: person2,
      village_code: v,
      umkm_id: umkm,
      organisation_id: null,
      full_name: 'Orang Matriks Dua',
      phone: null,
      role_title: null,
      household_size: 2,
      consent_id: null,
      erased_at: null,
      is_demo: 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  const manager: [['community_manager', string]] = [['community_manager', org]];
  const agent: [['village_agent', string]] = [['village_agent', point]];
  const ngada: [['regional_officer', string]] = [['regional_officer', '53.09']];
  const bwi: [['regional_officer', string]] = [['regional_officer', '35.10']];
  const seller: [['seller', string]] = [['seller', umkm]];
  const buyer: [['buyer', null]] = [['buyer', null]];
  const cert = { kind: 'nib', number: '9120001234567', issued_on: '2025-01-01' };
  const certJson = { kind: 'nib', number: '9120001234567', issuedOn: '2025-01-01' };
  const umkmEdit = {
    name: 'Tenun Ikat Jauh',
    business_type: 'kerajinan',
    story: 'Usaha tenun keluarga sejak 2010.',
  };

  const cases: AccessCase[] = [
    { name: 'anonymous UMKM list', path: '/community/umkm', as: null, expect: 'login' },
    { name: 'buyer UMKM list', path: '/community/umkm', as: buyer, expect: 403 },
    { name: 'manager UMKM list', path: '/community/umkm', as: manager, expect: 200 },
    { name: 'manager registration form', path: '/community/umkm/new', as: manager, expect: 200 },
    { name: 'seller registration form', path: '/community/umkm/new', as: seller, expect: 403 },
    { name: 'manager own UMKM', path: `/community/umkm/${umkm}`, as: manager, expect: 200 },
    {
      name: 'manager other organisation UMKM',
      path: `/community/umkm/${umkmOther}`,
      as: manager,
      expect: 404,
    },
    { name: 'agent own village UMKM', path: `/community/umkm/${umkm}`, as: agent, expect: 200 },
    {
      name: 'agent other village UMKM',
      path: `/community/umkm/${umkmOther}`,
      as: agent,
      expect: 404,
    },
    {
      name: 'Ngada officer Ngada UMKM',
      path: `/community/umkm/${umkmOther}`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'Ngada officer Banyuwangi UMKM',
      path: `/community/umkm/${umkmJava}`,
      as: ngada,
      expect: 404,
    },
    { name: 'seller own UMKM', path: `/community/umkm/${umkm}`, as: seller, expect: 200 },
    { name: 'seller other UMKM', path: `/community/umkm/${umkmOther}`, as: seller, expect: 404 },
    {
      name: 'API: agent own village UMKM',
      path: `/api/v1/community/umkm/${umkm}`,
      as: agent,
      expect: 200,
    },
    {
      name: 'API: agent other village UMKM',
      path: `/api/v1/community/umkm/${umkmOther}`,
      as: agent,
      expect: 404,
    },
    {
      name: 'API: Banyuwangi officer Ngada UMKM',
      path: `/api/v1/community/umkm/${umkm}`,
      as: bwi,
      expect: 404,
    },
    { name: 'API: anonymous UMKM list', path: '/api/v1/community/umkm', as: null, expect: 401 },
    { name: 'API: manager UMKM list', path: '/api/v1/community/umkm', as: manager, expect: 200 },
    {
      name: 'API: alerts for seller',
      path: '/api/v1/community/certification-alerts',
      as: seller,
      expect: 200,
    },
    {
      name: 'API: alerts for buyer',
      path: '/api/v1/community/certification-alerts',
      as: buyer,
      expect: 403,
    },
    {
      name: 'cert on own UMKM (manager)',
      method: 'POST',
      path: `/community/umkm/${umkm}/certifications`,
      as: manager,
      expect: 303,
      form: cert,
    },
    {
      name: 'cert on other organisation UMKM',
      method: 'POST',
      path: `/community/umkm/${umkmOther}/certifications`,
      as: manager,
      expect: 404,
      form: cert,
    },
    {
      name: 'API: cert by Banyuwangi officer on Ngada UMKM',
      method: 'POST',
      path: `/api/v1/community/umkm/${umkm}/certifications`,
      as: bwi,
      expect: 404,
      json: certJson,
    },
    {
      name: 'API: cert by Ngada officer',
      method: 'POST',
      path: `/api/v1/community/umkm/${umkm}/certifications`,
      as: ngada,
      expect: 201,
      json: certJson,
    },
    {
      name: 'edit other UMKM',
      method: 'POST',
      path: `/community/umkm/${umkmJava}/edit`,
      as: manager,
      expect: 404,
      form: umkmEdit,
    },
    {
      name: 'organisations list (agent)',
      path: '/community/organisations',
      as: agent,
      expect: 200,
    },
    {
      name: 'organisations list (seller)',
      path: '/community/organisations',
      as: seller,
      expect: 403,
    },
    {
      name: 'own organisation page',
      path: `/community/organisations/${org}`,
      as: manager,
      expect: 200,
    },
    {
      name: 'other organisation page',
      path: `/community/organisations/${orgOther}`,
      as: manager,
      expect: 404,
    },
    {
      name: 'API: Banyuwangi officer Ngada organisation',
      path: `/api/v1/community/organisations/${org}`,
      as: bwi,
      expect: 404,
    },
    {
      name: 'API: Ngada officer Ngada organisation',
      path: `/api/v1/community/organisations/${org}`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'new organisation form (manager)',
      path: '/community/organisations/new',
      as: manager,
      expect: 403,
    },
    {
      name: 'new organisation form (officer)',
      path: '/community/organisations/new',
      as: ngada,
      expect: 200,
    },
    {
      name: 'API: organisation in Banyuwangi by Ngada officer',
      method: 'POST',
      path: '/api/v1/community/organisations',
      as: ngada,
      expect: 403,
      json: { kind: 'bumdes', name: 'BUMDes Luar', villageCode: java },
    },
    { name: 'service points list', path: '/community/points', as: agent, expect: 200 },
    { name: 'own service point', path: `/community/points/${point}`, as: agent, expect: 200 },
    {
      name: 'foreign service point',
      path: `/community/points/${pointJava}`,
      as: agent,
      expect: 404,
    },
    {
      name: 'API: service points (buyer)',
      path: '/api/v1/community/service-points',
      as: buyer,
      expect: 403,
    },
    { name: 'new point form (agent)', path: '/community/points/new', as: agent, expect: 403 },
    { name: 'new point form (manager)', path: '/community/points/new', as: manager, expect: 200 },
    {
      name: 'add agent at foreign point',
      method: 'POST',
      path: `/community/points/${pointJava}/agents`,
      as: manager,
      expect: 404,
      form: { display_name: 'Pak Xaver', phone: '081299990077' },
    },
    {
      name: 'API: add agent at foreign point',
      method: 'POST',
      path: `/api/v1/community/service-points/${pointJava}/agents`,
      as: ngada,
      expect: 404,
      json: { displayName: 'Pak Xaver', phone: '081299990078' },
    },
    {
      name: 'person page (manager of its UMKM)',
      path: `/community/people/${person}`,
      as: manager,
      expect: 200,
    },
    {
      name: 'person page (other manager)',
      path: `/community/people/${person}`,
      as: [['community_manager', orgOther]],
      expect: 404,
    },
    { name: 'person page (seller)', path: `/community/people/${person}`, as: seller, expect: 403 },
    {
      name: 'API: person export (Banyuwangi officer)',
      path: `/api/v1/community/people/${person}/export`,
      as: bwi,
      expect: 404,
    },
    {
      name: 'API: person export (agent of the village)',
      path: `/api/v1/community/people/${person}/export`,
      as: agent,
      expect: 200,
    },
    {
      name: 'erase by foreign manager',
      method: 'POST',
      path: `/community/people/${person}/erase`,
      as: [['community_manager', orgJava]],
      expect: 404,
      form: {},
    },
    {
      name: 'API: erase by Banyuwangi officer',
      method: 'POST',
      path: `/api/v1/community/people/${person2}/erase`,
      as: bwi,
      expect: 404,
      json: {},
    },
    {
      name: 'API: register UMKM as buyer',
      method: 'POST',
      path: '/api/v1/community/umkm',
      as: buyer,
      expect: 403,
      json: {
        consent: true,
        ownerName: 'X Y',
        phone: '081299990079',
        name: 'Usaha',
        businessType: 'makanan',
        villageCode: v,
      },
    },
    {
      name: 'API: register UMKM in Banyuwangi as Ngada officer',
      method: 'POST',
      path: '/api/v1/community/umkm',
      as: ngada,
      expect: 403,
      json: {
        consent: true,
        ownerName: 'X Y',
        phone: '081299990080',
        name: 'Usaha',
        businessType: 'makanan',
        villageCode: java,
      },
    },
    // The allowed twins of the refusals above: the same request from someone whose scope holds the record.
    {
      name: 'Banyuwangi officer Banyuwangi UMKM',
      path: `/community/umkm/${umkmJava}`,
      as: bwi,
      expect: 200,
    },
    {
      name: 'API: Ngada officer Ngada UMKM',
      path: `/api/v1/community/umkm/${umkmOther}`,
      as: ngada,
      expect: 200,
    },
    {
      name: 'cert on own UMKM (its manager)',
      method: 'POST',
      path: `/community/umkm/${umkmOther}/certifications`,
      as: [['community_manager', orgOther]],
      expect: 303,
      form: cert,
    },
    {
      name: 'edit own UMKM (its manager)',
      method: 'POST',
      path: `/community/umkm/${umkmJava}/edit`,
      as: [['community_manager', orgJava]],
      expect: 303,
      form: umkmEdit,
    },
    {
      name: 'own organisation page (its manager)',
      path: `/community/organisations/${orgOther}`,
      as: [['community_manager', orgOther]],
      expect: 200,
    },
    {
      name: 'API: organisation in Banyuwangi by Banyuwangi officer',
      method: 'POST',
      path: '/api/v1/community/organisations',
      as: bwi,
      expect: 201,
      json: { kind: 'bumdes', name: 'BUMDes Luar', villageCode: java },
    },
    {
      name: 'own service point (its agent)',
      path: `/community/points/${pointJava}`,
      as: [['village_agent', pointJava]],
      expect: 200,
    },
    {
      name: 'API: service points (agent)',
      path: '/api/v1/community/service-points',
      as: agent,
      expect: 200,
    },
    {
      name: 'add agent at own point (its manager)',
      method: 'POST',
      path: `/community/points/${pointJava}/agents`,
      as: [['community_manager', orgJava]],
      expect: 201,
      form: { display_name: 'Pak Yosef', phone: '081299990081' },
    },
    {
      name: 'API: add agent at a point of its regency',
      method: 'POST',
      path: `/api/v1/community/service-points/${pointJava}/agents`,
      as: bwi,
      expect: 201,
      json: { displayName: 'Pak Yohanes', phone: '081299990082' },
    },
    {
      name: 'API: register UMKM in Ngada as Ngada officer',
      method: 'POST',
      path: '/api/v1/community/umkm',
      as: ngada,
      expect: 201,
      json: {
        consent: true,
        ownerName: 'X Y',
        phone: '081299990083',
        name: 'Usaha',
        businessType: 'makanan',
        villageCode: v,
      },
    },
    {
      name: 'API: erase by Ngada officer',
      method: 'POST',
      path: `/api/v1/community/people/${person2}/erase`,
      as: ngada,
      expect: 200,
      json: {},
    },
    {
      name: 'erase by the manager of its UMKM',
      method: 'POST',
      path: `/community/people/${person}/erase`,
      as: manager,
      expect: 200,
      form: {},
    },
  ];
  return cases;
};
