// Ledger's rows of the access matrix: a seller reads only its UMKM's earnings and payable, a
// treasurer pays out only its own organisation, reconciliation and the trial balance are for
// national staff; another owner's account does not exist for the caller.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community.js';
import { ledgerOrder } from '../ledger.js';

export const accessCases: AccessCases = async (w) => {
  const village = await anyVillage(w.h.db, '53.09');
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const otherOrg = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const otherUmkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: otherOrg });
  const sp = await makeServicePoint(w.h.db, { villageCode: village });
  const otherSp = await makeServicePoint(w.h.db, { villageCode: village });
  await ledgerOrder(w.h, { umkmId: umkm, servicePointId: sp, method: 'cod', stage: 'completed' });
  const seller: [Role, string][] = [['seller', umkm]];
  const foreignSeller: [Role, string][] = [['seller', otherUmkm]];
  const admin: [Role, string | null][] = [['national_admin', null]];
  const statement = (code: string) => `/api/v1/ledger/accounts/${code}/statement`;
  const cases: AccessCase[] = [
    { name: 'seller earnings', path: '/penjual/pendapatan', as: seller, expect: 200 },
    { name: 'seller earnings CSV', path: '/penjual/pendapatan.csv', as: seller, expect: 200 },
    { name: 'seller earnings XLSX', path: '/penjual/pendapatan.xlsx', as: seller, expect: 200 },
    {
      name: 'anonymous earnings XLSX',
      path: '/penjual/pendapatan.xlsx',
      as: null,
      expect: 'login',
    },
    { name: 'anonymous earnings', path: '/penjual/pendapatan', as: null, expect: 'login' },
    {
      name: 'buyer cannot open earnings',
      path: '/penjual/pendapatan',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'treasurer payouts',
      path: '/bumdes/pembayaran',
      as: [['community_manager', org]],
      expect: 200,
    },
    { name: 'seller cannot open payouts', path: '/bumdes/pembayaran', as: seller, expect: 403 },
    {
      name: 'foreign treasurer cannot pay out another organisation',
      method: 'POST',
      path: '/bumdes/pembayaran',
      as: [['community_manager', otherOrg]],
      form: { organisation_id: org },
      expect: 403,
    },
    {
      name: 'treasurer pays out its own organisation',
      method: 'POST',
      path: '/bumdes/pembayaran',
      as: [['community_manager', org]],
      form: { organisation_id: org },
      expect: 303,
    },
    { name: 'staff bank reconciliation', path: '/keuangan/rekonsiliasi', as: admin, expect: 200 },
    {
      name: 'regional officer cannot open the reconciliation',
      path: '/keuangan/rekonsiliasi',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'treasurer cannot open the reconciliation',
      path: '/keuangan/rekonsiliasi',
      as: [['community_manager', org]],
      expect: 403,
    },
    {
      name: 'seller reads own payable',
      path: statement(`umkm_payable:${umkm}`),
      as: seller,
      expect: 200,
    },
    {
      name: 'another seller cannot read the payable',
      path: statement(`umkm_payable:${umkm}`),
      as: foreignSeller,
      expect: 404,
    },
    {
      name: 'treasurer reads its UMKM payable',
      path: statement(`umkm_payable:${umkm}`),
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'foreign treasurer cannot read the payable',
      path: statement(`umkm_payable:${umkm}`),
      as: [['community_manager', otherOrg]],
      expect: 404,
    },
    {
      name: 'agent reads its cash drawer',
      path: statement(`cash_drawer:${sp}`),
      as: [['village_agent', sp]],
      expect: 200,
    },
    {
      name: 'another agent cannot read the cash drawer',
      path: statement(`cash_drawer:${sp}`),
      as: [['village_agent', otherSp]],
      expect: 404,
    },
    { name: 'balances need a token', path: '/api/v1/ledger/balances', as: null, expect: 401 },
    { name: 'seller balances', path: '/api/v1/ledger/balances', as: seller, expect: 200 },
    { name: 'trial balance', path: '/api/v1/ledger/trial-balance', as: admin, expect: 200 },
    {
      name: 'seller cannot read the trial balance',
      path: '/api/v1/ledger/trial-balance',
      as: seller,
      expect: 403,
    },
  ];
  return cases;
};
