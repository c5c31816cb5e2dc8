import type { AccessCase, AccessCases } from '../world.js';
import type { Actor } from '../../../src/kernel/auth/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import { anyVillage } from '../community.js';
import { startEvaluation } from '../../../src/domains/impact/evaluation.service.js';

const settings = {
  outcome: 'log_pc_income',
  control: 'never',
  base: 'varying',
  cluster: 'village',
} as const;
const admin: Actor = {
  userId: 'usr_fixture',
  displayName: 'fixture',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
};

export const accessCases: AccessCases = async (w) => {
  const ngada = await anyVillage(w.h.db, '53.09');
  const banyuwangi = await anyVillage(w.h.db, '35.10');
  const run = unwrap(await startEvaluation(w.h.db, admin, { ...settings, region: '35.10' }));
  const ngadaOfficer: AccessCase['as'] = [['regional_officer', '53.09']];
  const bwiOfficer: AccessCase['as'] = [['regional_officer', '35.10']];
  const answer = (village: string, code: string) => ({
    village_code: village,
    wave_year: '2025',
    household_code: code,
    household_size: '4',
    income_monthly: '2000000',
    consent: 'yes',
  });
  const answerJson = (village: string, code: string) => ({
    villageCode: village,
    waveYear: 2025,
    householdCode: code,
    householdSize: 4,
    incomeMonthly: 2000000,
    consent: true,
  });
  const cases: AccessCase[] = [
    { name: 'anonymous KPIs', path: '/impact', as: null, expect: 'login' },
    { name: 'buyer KPIs', path: '/impact', as: [['buyer', null]], expect: 403 },
    {
      name: 'officer own regency KPIs',
      path: '/impact?region=53.09',
      as: ngadaOfficer,
      expect: 200,
    },
    {
      name: 'officer own district KPIs',
      path: `/impact?region=${ngada.slice(0, 8)}`,
      as: ngadaOfficer,
      expect: 200,
    },
    {
      name: 'officer foreign regency KPIs',
      path: '/impact?region=35.10',
      as: ngadaOfficer,
      expect: 403,
    },
    { name: 'officer national KPIs', path: '/impact?region=all', as: ngadaOfficer, expect: 403 },
    {
      name: 'analyst national KPIs',
      path: '/impact?region=all',
      as: [['analyst', null]],
      expect: 200,
    },
    {
      name: 'officer own poverty',
      path: '/impact/poverty?region=53.09&level=village',
      as: ngadaOfficer,
      expect: 200,
    },
    {
      name: 'officer foreign poverty',
      path: '/impact/poverty?region=35.10',
      as: ngadaOfficer,
      expect: 403,
    },
    {
      name: 'officer own export',
      path: '/impact/export.csv?region=53.09',
      as: ngadaOfficer,
      expect: 200,
    },
    {
      name: 'officer foreign export',
      path: '/impact/export.csv?region=35.10',
      as: ngadaOfficer,
      expect: 403,
    },
    {
      name: 'analyst national export',
      path: '/impact/export.csv?region=all',
      as: [['analyst', null]],
      expect: 200,
    },
    { name: 'officer evaluation page', path: '/impact/evaluation', as: ngadaOfficer, expect: 200 },
    {
      name: 'officer foreign evaluation page',
      path: '/impact/evaluation?region=35.10',
      as: ngadaOfficer,
      expect: 403,
    },
    {
      name: 'officer evaluates foreign regency',
      method: 'POST',
      path: '/impact/evaluation',
      as: ngadaOfficer,
      form: { ...settings, region: '35.10' },
      expect: 403,
    },
    {
      name: 'officer evaluates own regency',
      method: 'POST',
      path: '/impact/evaluation',
      as: ngadaOfficer,
      form: { ...settings, region: '53.09' },
      expect: 303,
    },
    {
      name: 'officer reads foreign run',
      path: `/impact/evaluation/runs/${run}`,
      as: ngadaOfficer,
      expect: 404,
    },
    {
      name: "that regency's officer reads the run",
      path: `/impact/evaluation/runs/${run}`,
      as: [['regional_officer', '35.10']],
      expect: 200,
    },
    {
      name: 'officer API foreign run',
      path: `/api/v1/impact/evaluations/${run}`,
      as: ngadaOfficer,
      expect: 404,
    },
    {
      name: 'officer API foreign KPIs',
      path: '/api/v1/impact/kpis?region=35.10',
      as: ngadaOfficer,
      expect: 403,
    },
    {
      name: 'officer API own KPIs',
      path: '/api/v1/impact/kpis?region=53.09',
      as: ngadaOfficer,
      expect: 200,
    },
    { name: 'buyer survey page', path: '/impact/surveys', as: [['buyer', null]], expect: 403 },
    {
      name: 'analyst cannot enter surveys',
      path: '/impact/surveys',
      as: [['analyst', null]],
      expect: 403,
    },
    {
      name: 'officer records own village',
      method: 'POST',
      path: '/impact/surveys/household',
      as: ngadaOfficer,
      form: answer(ngada, 'ACC-1'),
      expect: 201,
    },
    {
      name: 'officer records foreign village',
      method: 'POST',
      path: '/impact/surveys/household',
      as: ngadaOfficer,
      form: answer(banyuwangi, 'ACC-2'),
      expect: 403,
    },
    {
      name: 'officer API records foreign village',
      method: 'POST',
      path: '/api/v1/impact/surveys/households',
      as: ngadaOfficer,
      json: answerJson(banyuwangi, 'ACC-3'),
      expect: 403,
    },
    {
      name: 'analyst cannot import poverty lines',
      method: 'POST',
      path: '/impact/poverty-lines',
      as: [['analyst', null]],
      form: { csv: 'period,province_code,area,amount,source\n2025-03,53,rural,500000,BPS' },
      expect: 403,
    },
    {
      name: 'regency officer cannot import province lines',
      method: 'POST',
      path: '/impact/poverty-lines',
      as: ngadaOfficer,
      form: { csv: 'period,province_code,area,amount,source\n2025-03,35,rural,500000,BPS' },
      expect: 403,
    },
    // The allowed twins of the refusals above: Banyuwangi's own officer, a province officer, any officer.
    { name: 'officer KPIs (own scope by default)', path: '/impact', as: ngadaOfficer, expect: 200 },
    {
      name: "that regency's officer: KPIs",
      path: '/impact?region=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: "that regency's officer: poverty",
      path: '/impact/poverty?region=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: "that regency's officer: export",
      path: '/impact/export.csv?region=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: "that regency's officer: evaluation page",
      path: '/impact/evaluation?region=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: "that regency's officer: API run",
      path: `/api/v1/impact/evaluations/${run}`,
      as: bwiOfficer,
      expect: 200,
    },
    {
      name: "that regency's officer: API KPIs",
      path: '/api/v1/impact/kpis?region=35.10',
      as: bwiOfficer,
      expect: 200,
    },
    { name: 'officer survey page', path: '/impact/surveys', as: ngadaOfficer, expect: 200 },
    {
      name: "that regency's officer: API records its village",
      method: 'POST',
      path: '/api/v1/impact/surveys/households',
      as: bwiOfficer,
      json: answerJson(banyuwangi, 'ACC-3'),
      expect: 201,
    },
    {
      name: 'province officer imports its province lines',
      method: 'POST',
      path: '/impact/poverty-lines',
      as: [['regional_officer', '35']],
      form: { csv: 'period,province_code,area,amount,source\n2025-03,35,rural,500000,BPS' },
      expect: 201,
    },
  ];
  return cases;
};
