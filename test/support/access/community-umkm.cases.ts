// Community access cases of UMKM and the people they hold: UMKM pages and API, certifications,
// edits, registration, and a person's page, export and erasure; each with a role at its own scope
// (allow) and at a foreign scope or without the role (deny). Part of community.cases.ts's list,
// on its fixture.
import type { AccessCase } from '../world.js';
import type { Db } from '../../../src/kernel/db/index.js';

/** What community.cases.ts builds for both halves of the community cases. */
export interface CommunityMatrix {
  db: Db;
  v: string;
  java: string;
  orgOther: string;
  orgJava: string;
  umkm: string;
  umkmOther: string;
  umkmJava: string;
  manager: [['community_manager', string]];
  agent: [['village_agent', string]];
  ngada: [['regional_officer', string]];
  bwi: [['regional_officer', string]];
  seller: [['seller', string]];
  buyer: [['buyer', null]];
}

export async function umkmCases(f: CommunityMatrix): Promise<AccessCase[]> {
  const { db, v, java, orgOther, orgJava, umkm, umkmOther, umkmJava } = f;
  const { manager, agent, ngada, bwi, seller, buyer } = f;
  // Two people of the UMKM: one erased by a page, one through the API.
  const person = `prs_matrix_${Date.now()}`;
  const person2 = `${person}_b`;
  for (const [id, fullName, householdSize] of [
    [person, 'Orang Matriks', 3],
    [person2, 'Orang Matriks Dua', 2],
  ] as const)
    await db
      .insertInto('people')
      .values({
        id,
        village_code: v,
        umkm_id: umkm,
        organisation_id: null,
        full_name: fullName,
        phone: null,
        role_title: null,
        household_size: householdSize,
        consent_id: null,
        erased_at: null,
        is_demo: 0,
        created_at: new Date().toISOString(),
      })
      .execute();
  // An UMKM registration through the API (each with its own owner's phone).
  const registration = (phone: string, villageCode: string) => ({
    consent: true,
    ownerName: 'X Y',
    phone,
    name: 'Usaha',
    businessType: 'makanan',
    villageCode,
  });
  const cert = { kind: 'nib', number: '9120001234567', issued_on: '2025-01-01' };
  const certJson = { kind: 'nib', number: '9120001234567', issuedOn: '2025-01-01' };
  const umkmEdit = {
    name: 'Tenun Ikat Jauh',
    business_type: 'kerajinan',
    story: 'Usaha tenun keluarga sejak 2010.',
  };

  return [
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
      json: registration('081299990079', v),
    },
    {
      name: 'API: register UMKM in Banyuwangi as Ngada officer',
      method: 'POST',
      path: '/api/v1/community/umkm',
      as: ngada,
      expect: 403,
      json: registration('081299990080', java),
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
      name: 'API: register UMKM in Ngada as Ngada officer',
      method: 'POST',
      path: '/api/v1/community/umkm',
      as: ngada,
      expect: 201,
      json: registration('081299990083', v),
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
}
