// Community routes in the access matrix: each protected page and API call with a role at its
// own scope (allow) and at a foreign scope or without the role (deny). This file builds the
// fixture and holds the organisations' and service points' cases; the UMKM's and people's are in
// community-umkm.cases.ts.
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community.js';
import { umkmCases } from './community-umkm.cases.js';

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
  const manager: [['community_manager', string]] = [['community_manager', org]];
  const agent: [['village_agent', string]] = [['village_agent', point]];
  const ngada: [['regional_officer', string]] = [['regional_officer', '53.09']];
  const bwi: [['regional_officer', string]] = [['regional_officer', '35.10']];
  const seller: [['seller', string]] = [['seller', umkm]];
  const buyer: [['buyer', null]] = [['buyer', null]];
  const umkmAndPeople = await umkmCases({
    db,
    v,
    java,
    orgOther,
    orgJava,
    umkm,
    umkmOther,
    umkmJava,
    manager,
    agent,
    ngada,
    bwi,
    seller,
    buyer,
  });

  const cases: AccessCase[] = [
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
    // The allowed twins of the refusals above: the same request from someone whose scope holds the record.
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
  ];
  return [...umkmAndPeople, ...cases];
};
