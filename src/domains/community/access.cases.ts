// Community routes in the access matrix: each protected page and API call with a role at its
// own scope (allow) and at a foreign scope or without the role (deny).
import type { AccessCase, AccessCases } from '../../testing.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from './testing.js';

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
  await db.insertInto('people').values({ id: person, village_code: v, umkm_id: umkm, organisation_id: null, full_name: 'Orang Matriks', phone: null, role_title: null, household_size: 3, consent_id: null, erased_at: null, is_demo: 0, created_at: new Date().toISOString() }).execute();

  const manager: [['community_manager', string]] = [['community_manager', org]];
  const agent: [['village_agent', string]] = [['village_agent', point]];
  const ngada: [['regional_officer', string]] = [['regional_officer', '53.09']];
  const bwi: [['regional_officer', string]] = [['regional_officer', '35.10']];
  const seller: [['seller', string]] = [['seller', umkm]];
  const buyer: [['buyer', null]] = [['buyer', null]];
  const cert = { kind: 'nib', number: '9120001234567', issued_on: '2025-01-01' };

  const cases: AccessCase[] = [
    { name: 'anonymous UMKM list', path: '/community/umkm', as: null, expect: 'deny' },
    { name: 'buyer UMKM list', path: '/community/umkm', as: buyer, expect: 'deny' },
    { name: 'manager UMKM list', path: '/community/umkm', as: manager, expect: 'allow' },
    { name: 'manager registration form', path: '/community/umkm/new', as: manager, expect: 'allow' },
    { name: 'seller registration form', path: '/community/umkm/new', as: seller, expect: 'deny' },
    { name: 'manager own UMKM', path: `/community/umkm/${umkm}`, as: manager, expect: 'allow' },
    { name: 'manager other organisation UMKM', path: `/community/umkm/${umkmOther}`, as: manager, expect: 'deny' },
    { name: 'agent own village UMKM', path: `/community/umkm/${umkm}`, as: agent, expect: 'allow' },
    { name: 'agent other village UMKM', path: `/community/umkm/${umkmOther}`, as: agent, expect: 'deny' },
    { name: 'Ngada officer Ngada UMKM', path: `/community/umkm/${umkmOther}`, as: ngada, expect: 'allow' },
    { name: 'Ngada officer Banyuwangi UMKM', path: `/community/umkm/${umkmJava}`, as: ngada, expect: 'deny' },
    { name: 'seller own UMKM', path: `/community/umkm/${umkm}`, as: seller, expect: 'allow' },
    { name: 'seller other UMKM', path: `/community/umkm/${umkmOther}`, as: seller, expect: 'deny' },
    { name: 'API: agent own village UMKM', path: `/api/v1/community/umkm/${umkm}`, as: agent, expect: 'allow' },
    { name: 'API: agent other village UMKM', path: `/api/v1/community/umkm/${umkmOther}`, as: agent, expect: 'deny' },
    { name: 'API: Banyuwangi officer Ngada UMKM', path: `/api/v1/community/umkm/${umkm}`, as: bwi, expect: 'deny' },
    { name: 'API: anonymous UMKM list', path: '/api/v1/community/umkm', as: null, expect: 'deny' },
    { name: 'API: manager UMKM list', path: '/api/v1/community/umkm', as: manager, expect: 'allow' },
    { name: 'API: alerts for seller', path: '/api/v1/community/certification-alerts', as: seller, expect: 'allow' },
    { name: 'API: alerts for buyer', path: '/api/v1/community/certification-alerts', as: buyer, expect: 'deny' },
    { name: 'cert on own UMKM (manager)', method: 'POST', path: `/community/umkm/${umkm}/certifications`, as: manager, expect: 'allow', form: cert },
    { name: 'cert on other organisation UMKM', method: 'POST', path: `/community/umkm/${umkmOther}/certifications`, as: manager, expect: 'deny', form: cert },
    { name: 'API: cert by Banyuwangi officer on Ngada UMKM', method: 'POST', path: `/api/v1/community/umkm/${umkm}/certifications`, as: bwi, expect: 'deny', json: cert },
    { name: 'API: cert by Ngada officer', method: 'POST', path: `/api/v1/community/umkm/${umkm}/certifications`, as: ngada, expect: 'allow', json: cert },
    { name: 'edit other UMKM', method: 'POST', path: `/community/umkm/${umkmJava}/edit`, as: manager, expect: 'deny', form: { story: 'x' } },
    { name: 'organisations list (agent)', path: '/community/organisations', as: agent, expect: 'allow' },
    { name: 'organisations list (seller)', path: '/community/organisations', as: seller, expect: 'deny' },
    { name: 'own organisation page', path: `/community/organisations/${org}`, as: manager, expect: 'allow' },
    { name: 'other organisation page', path: `/community/organisations/${orgOther}`, as: manager, expect: 'deny' },
    { name: 'API: Banyuwangi officer Ngada organisation', path: `/api/v1/community/organisations/${org}`, as: bwi, expect: 'deny' },
    { name: 'API: Ngada officer Ngada organisation', path: `/api/v1/community/organisations/${org}`, as: ngada, expect: 'allow' },
    { name: 'new organisation form (manager)', path: '/community/organisations/new', as: manager, expect: 'deny' },
    { name: 'new organisation form (officer)', path: '/community/organisations/new', as: ngada, expect: 'allow' },
    { name: 'API: organisation in Banyuwangi by Ngada officer', method: 'POST', path: '/api/v1/community/organisations', as: ngada, expect: 'deny', json: { kind: 'bumdes', name: 'BUMDes Luar', village_code: java } },
    { name: 'service points list', path: '/community/points', as: agent, expect: 'allow' },
    { name: 'own service point', path: `/community/points/${point}`, as: agent, expect: 'allow' },
    { name: 'foreign service point', path: `/community/points/${pointJava}`, as: agent, expect: 'deny' },
    { name: 'API: service points (buyer)', path: '/api/v1/community/service-points', as: buyer, expect: 'deny' },
    { name: 'new point form (agent)', path: '/community/points/new', as: agent, expect: 'deny' },
    { name: 'new point form (manager)', path: '/community/points/new', as: manager, expect: 'allow' },
    { name: 'add agent at foreign point', method: 'POST', path: `/community/points/${pointJava}/agents`, as: manager, expect: 'deny', form: { display_name: 'Pak Xaver', phone: '081299990077' } },
    { name: 'API: add agent at foreign point', method: 'POST', path: `/api/v1/community/service-points/${pointJava}/agents`, as: ngada, expect: 'deny', json: { display_name: 'Pak Xaver', phone: '081299990078' } },
    { name: 'person page (manager of its UMKM)', path: `/community/people/${person}`, as: manager, expect: 'allow' },
    { name: 'person page (other manager)', path: `/community/people/${person}`, as: [['community_manager', orgOther]], expect: 'deny' },
    { name: 'person page (seller)', path: `/community/people/${person}`, as: seller, expect: 'deny' },
    { name: 'API: person export (Banyuwangi officer)', path: `/api/v1/community/people/${person}/export`, as: bwi, expect: 'deny' },
    { name: 'API: person export (agent of the village)', path: `/api/v1/community/people/${person}/export`, as: agent, expect: 'allow' },
    { name: 'erase by foreign manager', method: 'POST', path: `/community/people/${person}/erase`, as: [['community_manager', orgJava]], expect: 'deny', form: {} },
    { name: 'API: erase by Banyuwangi officer', method: 'POST', path: `/api/v1/community/people/${person}/erase`, as: bwi, expect: 'deny', json: {} },
    { name: 'API: register UMKM as buyer', method: 'POST', path: '/api/v1/community/umkm', as: buyer, expect: 'deny', json: { consent: true, owner_name: 'X Y', phone: '081299990079', name: 'Usaha', business_type: 'makanan', village_code: v } },
    { name: 'API: register UMKM in Banyuwangi as Ngada officer', method: 'POST', path: '/api/v1/community/umkm', as: ngada, expect: 'deny', json: { consent: true, owner_name: 'X Y', phone: '081299990080', name: 'Usaha', business_type: 'makanan', village_code: java } },
  ];
  return cases;
};
