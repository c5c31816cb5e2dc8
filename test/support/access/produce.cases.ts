import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import { createLot } from '../../../src/domains/produce/index.js';
import { makeIntake, makeKoperasi, makeProducer } from '../produce.js';

// The koperasi's managers run its lots; its collection-point clerk registers producers and
// records intakes; another koperasi's staff get 404 on its records; officers read their region.
export const accessCases: AccessCases = async (w) => {
  const k = await makeKoperasi(w, 2);
  const other = await makeKoperasi(w, 3);
  const producer = await makeProducer(w, k, 'Akses Petani');
  const intake = await makeIntake(w, k, producer);
  const lot = unwrap(
    await createLot(w.h.db, k.manager, {
      organisationId: k.orgId,
      name: 'Lot akses',
      intakeIds: [intake.id],
    }),
  );
  const manager: [Role, string][] = [['community_manager', k.orgId]];
  const clerk: [Role, string][] = [['village_agent', k.pointId]];
  const foreignManager: [Role, string][] = [['community_manager', other.orgId]];
  const foreignClerk: [Role, string][] = [['village_agent', other.pointId]];
  const intakeForm = {
    producer_id: producer,
    grade: 'kopi_arabika:g1',
    gross_kg: '10',
    tare_kg: '0',
    moisture_pct: '40',
    measure: '',
    received_on: '2026-05-04',
    advance: '0',
  };
  const lossForm = { stage: 'drying', weight_after_kg: '50', reason: 'Jemur' };
  const cases: AccessCase[] = [
    { name: 'anonymous produce home', path: '/produksi', as: null, expect: 'login' },
    { name: 'buyer produce home', path: '/produksi', as: [['buyer', null]], expect: 403 },
    { name: 'mentor produce home', path: '/produksi', as: [['mentor', '53.09']], expect: 403 },
    { name: 'manager produce home', path: '/produksi', as: manager, expect: 200 },
    { name: 'clerk produce home', path: '/produksi', as: clerk, expect: 200 },
    {
      name: 'officer produce home',
      path: '/produksi',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    { name: 'clerk intake form', path: '/produksi/setoran/baru', as: clerk, expect: 200 },
    {
      name: 'officer intake form (read only)',
      path: '/produksi/setoran/baru',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'clerk records intake',
      method: 'POST',
      path: '/produksi/setoran',
      as: clerk,
      form: intakeForm,
      expect: 303,
    },
    {
      name: 'buyer records intake',
      method: 'POST',
      path: '/produksi/setoran',
      as: [['buyer', null]],
      form: intakeForm,
      expect: 403,
    },
    { name: 'clerk reads receipt', path: `/produksi/setoran/${intake.id}`, as: clerk, expect: 200 },
    {
      name: 'foreign manager reads receipt',
      path: `/produksi/setoran/${intake.id}`,
      as: foreignManager,
      expect: 404,
    },
    {
      name: 'other regency officer reads receipt',
      path: `/produksi/setoran/${intake.id}`,
      as: [['regional_officer', '35.10']],
      expect: 404,
    },
    {
      name: 'manager reads producer',
      path: `/produksi/petani/${producer}`,
      as: manager,
      expect: 200,
    },
    {
      name: 'foreign clerk reads producer',
      path: `/produksi/petani/${producer}`,
      as: foreignClerk,
      expect: 404,
    },
    { name: 'manager lot page', path: `/produksi/lot/${lot.id}`, as: manager, expect: 200 },
    {
      name: 'officer lot page',
      path: `/produksi/lot/${lot.id}`,
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'foreign manager lot page',
      path: `/produksi/lot/${lot.id}`,
      as: foreignManager,
      expect: 404,
    },
    {
      name: 'clerk lot page (treasurer only)',
      path: `/produksi/lot/${lot.id}`,
      as: clerk,
      expect: 404,
    },
    {
      name: 'manager records loss',
      method: 'POST',
      path: `/produksi/lot/${lot.id}/susut`,
      as: manager,
      form: { ...lossForm, weight_after_kg: '59' },
      expect: 303,
    },
    {
      name: 'foreign manager records loss',
      method: 'POST',
      path: `/produksi/lot/${lot.id}/susut`,
      as: foreignManager,
      form: lossForm,
      expect: 404,
    },
    {
      name: 'officer records loss',
      method: 'POST',
      path: `/produksi/lot/${lot.id}/susut`,
      as: [['regional_officer', '53.09']],
      form: lossForm,
      expect: 403,
    },
    {
      name: 'foreign manager pays out',
      method: 'POST',
      path: `/produksi/lot/${lot.id}/bayar`,
      as: foreignManager,
      form: {},
      expect: 404,
      twin: `GET /produksi/lot/${lot.id}`,
    },
    { name: 'manager new lot form', path: '/produksi/lot/baru', as: manager, expect: 200 },
    { name: 'clerk new lot form', path: '/produksi/lot/baru', as: clerk, expect: 403 },
    {
      name: 'public lot page',
      path: `/lot/${(await w.h.db.selectFrom('produce_lots').select('number').where('id', '=', lot.id).executeTakeFirstOrThrow()).number}`,
      as: null,
      expect: 200,
    },
    {
      name: 'api: clerk lists producers',
      path: '/api/v1/produce/producers',
      as: clerk,
      expect: 200,
    },
    {
      name: 'api: anonymous lists producers',
      path: '/api/v1/produce/producers',
      as: null,
      expect: 401,
    },
    {
      name: 'api: buyer lists producers',
      path: '/api/v1/produce/producers',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'api: manager reads lot',
      path: `/api/v1/produce/lots/${lot.id}`,
      as: manager,
      expect: 200,
    },
    {
      name: 'api: foreign manager reads lot',
      path: `/api/v1/produce/lots/${lot.id}`,
      as: foreignManager,
      expect: 404,
    },
    {
      name: 'api: officer KPIs',
      path: '/api/v1/produce/kpis',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    { name: 'api: manager KPIs', path: '/api/v1/produce/kpis', as: manager, expect: 403 },
  ];
  return cases;
};
