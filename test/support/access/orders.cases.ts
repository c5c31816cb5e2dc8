// Orders' rows of the access matrix: sellers see only their UMKM's orders, agents only their
// point, treasurers only their organisation, staff pages only for staff.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from '../community.js';
import { makeOrder } from '../orders.js';

export const accessCases: AccessCases = async (w) => {
  const village = await anyVillage(w.h.db, '53.09');
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const otherOrg = await makeOrganisation(w.h.db, { villageCode: village });
  const umkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: org });
  const otherUmkm = await makeUmkm(w.h.db, { villageCode: village, organisationId: otherOrg });
  const sp = await makeServicePoint(w.h.db, { villageCode: village });
  const otherSp = await makeServicePoint(w.h.db, { villageCode: village });
  const o = await makeOrder(w.h, {
    umkmId: umkm,
    servicePointId: sp,
    villageCode: village,
    advanceTo: 'handed_over',
  });
  const o2 = await makeOrder(w.h, { umkmId: umkm, servicePointId: sp, villageCode: village });
  const o3 = await makeOrder(w.h, { umkmId: umkm, servicePointId: sp, villageCode: village });
  const seller: [Role, string][] = [['seller', umkm]];
  const foreignSeller: [Role, string][] = [['seller', otherUmkm]];
  const cases: AccessCase[] = [
    { name: 'anyone sees the cart', path: '/keranjang', as: null, expect: 200 },
    { name: 'anyone can track', path: '/lacak', as: null, expect: 200 },
    { name: 'seller sees own incoming orders', path: '/penjual/pesanan', as: seller, expect: 200 },
    { name: 'anonymous seller page', path: '/penjual/pesanan', as: null, expect: 'login' },
    {
      name: 'buyer cannot open seller pages',
      path: '/penjual/pesanan',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'foreign seller cannot touch the order',
      method: 'POST',
      path: `/penjual/pesanan/${o2.orderId}`,
      as: foreignSeller,
      form: { to: 'packed' },
      expect: 404,
    },
    {
      name: 'seller packs own order (then lands on its page)',
      method: 'POST',
      path: `/penjual/pesanan/${o2.orderId}`,
      as: seller,
      form: { to: 'packed' },
      expect: 303,
    },
    {
      name: 'seller opens own order with its history',
      path: `/penjual/pesanan/${o2.orderId}`,
      as: seller,
      expect: 200,
    },
    {
      name: 'foreign seller cannot open the order',
      path: `/penjual/pesanan/${o2.orderId}`,
      as: foreignSeller,
      expect: 404,
    },
    {
      name: 'another buyer cannot open the order',
      path: `/pesanan-saya/${o3.orderId}`,
      as: [['buyer', null]],
      expect: 404,
    },
    { name: 'seller earnings', path: '/penjual/pendapatan', as: seller, expect: 200 },
    {
      name: 'treasurer payouts',
      path: '/bumdes/pembayaran',
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'foreign treasurer cannot settle another organisation',
      method: 'POST',
      path: '/bumdes/pembayaran',
      as: [['community_manager', otherOrg]],
      form: { organisation_id: org },
      expect: 403,
    },
    { name: 'seller cannot open payouts', path: '/bumdes/pembayaran', as: seller, expect: 403 },
    { name: 'agent order screen', path: '/agen/pesan', as: [['village_agent', sp]], expect: 200 },
    { name: 'agent day summary', path: '/agen/hari-ini', as: [['village_agent', sp]], expect: 200 },
    {
      name: 'buyer cannot use the agent screen',
      path: '/agen/pesan',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'foreign agent cannot hand over the parcel',
      method: 'POST',
      path: `/agen/ambil/${o.orderId}`,
      as: [['village_agent', otherSp]],
      expect: 404,
    },
    {
      name: 'agent of the point hands over the parcel',
      method: 'POST',
      path: `/agen/ambil/${o.orderId}`,
      as: [['village_agent', sp]],
      expect: 303,
    },
    {
      name: 'staff payment reconciliation',
      path: '/keuangan/pembayaran',
      as: [['national_admin', null]],
      expect: 200,
    },
    {
      name: 'regional officer cannot reconcile payments',
      path: '/keuangan/pembayaran',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    { name: 'my orders needs sign-in', path: '/pesanan-saya', as: null, expect: 'login' },
    { name: 'buyer my orders', path: '/pesanan-saya', as: [['buyer', null]], expect: 200 },
    {
      name: 'another buyer cannot cancel',
      method: 'POST',
      path: `/pesanan-saya/${o3.orderId}/batal`,
      as: [['buyer', null]],
      expect: 404,
    },
    {
      name: 'staff cancel a placed order',
      method: 'POST',
      path: `/pesanan-saya/${o3.orderId}/batal`,
      as: [['national_admin', null]],
      expect: 303,
    },
    {
      name: 'treasurer settles its own organisation',
      method: 'POST',
      path: '/bumdes/pembayaran',
      as: [['community_manager', org]],
      form: { organisation_id: org },
      expect: 201,
    },
    {
      name: 'regional officer sees late payments of the region',
      path: '/keuangan/pembayaran/pengecualian',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'seller cannot see late payments',
      path: '/keuangan/pembayaran/pengecualian',
      as: seller,
      expect: 403,
    },
    {
      name: 'national admin lists late payments (API)',
      path: '/api/v1/payments/exceptions',
      as: [['national_admin', null]],
      expect: 200,
    },
    {
      name: 'buyer cannot list late payments (API)',
      path: '/api/v1/payments/exceptions',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'regional officer cannot import bank statements (API)',
      method: 'POST',
      path: '/api/v1/payments/statements',
      as: [['regional_officer', '53.09']],
      json: { csv: 'tanggal,keterangan,jumlah\n09/03/2026,TRF UJI,3333\n' },
      expect: 403,
    },
    {
      name: 'national admin imports a bank statement (API)',
      method: 'POST',
      path: '/api/v1/payments/statements',
      as: [['national_admin', null]],
      json: { csv: 'tanggal,keterangan,jumlah\n09/03/2026,TRF UJI,3333\n' },
      expect: 200,
    },
  ];
  return cases;
};
