// Notifications' rows of the access matrix: everyone signed in has an inbox and settings (the
// anonymous visitor is sent to sign in); another person's notification does not exist for the
// caller; the delivery log is for national admins, regional officers and community managers.
import type { AccessCase, AccessCases } from '../world.js';
import { anyVillage, makeOrganisation } from '../community.js';
import { recordNotices } from '../../../src/domains/notifications/index.js';

export const accessCases: AccessCases = async (w) => {
  const village = await anyVillage(w.h.db, '53.09');
  const org = await makeOrganisation(w.h.db, { villageCode: village });
  const owner = await w.as('buyer');
  await recordNotices(w.h.db, [
    {
      userId: owner.userId,
      kind: 'payment_received',
      eventKey: `access:${owner.userId}`,
      params: { number: 'LMB-2026-000001' },
      link: '/pesanan-saya',
      regionCode: village,
      organisationId: org,
    },
  ]);
  const theirs = (
    await w.h.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', owner.userId)
      .executeTakeFirstOrThrow()
  ).id;
  const cases: AccessCase[] = [
    { name: 'buyer inbox', path: '/kotak-masuk', as: [['buyer', null]], expect: 200 },
    { name: 'anonymous inbox', path: '/kotak-masuk', as: null, expect: 'login' },
    { name: 'settings', path: '/kotak-masuk/pengaturan', as: [['buyer', null]], expect: 200 },
    { name: 'anonymous settings', path: '/kotak-masuk/pengaturan', as: null, expect: 'login' },
    {
      name: 'save own settings',
      method: 'POST',
      path: '/kotak-masuk/pengaturan',
      as: [['buyer', null]],
      form: { quiet_from: '21', quiet_to: '6' },
      expect: 303,
    },
    {
      name: 'mark own inbox read',
      method: 'POST',
      path: '/kotak-masuk/baca',
      as: [['buyer', null]],
      expect: 303,
    },
    {
      name: 'another person’s notification does not exist for the caller',
      method: 'POST',
      path: `/kotak-masuk/${theirs}/baca`,
      as: [['buyer', null]],
      expect: 404,
      twin: 'POST /kotak-masuk/baca',
    },
    {
      name: 'national delivery log',
      path: '/notifikasi/pengiriman',
      as: [['national_admin', null]],
      expect: 200,
    },
    {
      name: 'manager delivery log',
      path: '/notifikasi/pengiriman',
      as: [['community_manager', org]],
      expect: 200,
    },
    {
      name: 'buyer cannot open the delivery log',
      path: '/notifikasi/pengiriman',
      as: [['buyer', null]],
      expect: 403,
    },
    { name: 'anonymous delivery log', path: '/notifikasi/pengiriman', as: null, expect: 'login' },
    { name: 'own inbox (API)', path: '/api/v1/inbox', as: [['buyer', null]], expect: 200 },
    { name: 'anonymous inbox (API)', path: '/api/v1/inbox', as: null, expect: 401 },
    {
      name: 'mark own inbox read (API); another person’s ids match nothing',
      method: 'POST',
      path: '/api/v1/inbox/read',
      as: [['buyer', null]],
      json: { ids: [theirs] },
      expect: 200,
    },
    {
      name: 'anonymous mark read (API)',
      method: 'POST',
      path: '/api/v1/inbox/read',
      as: null,
      json: {},
      expect: 401,
    },
  ];
  return cases;
};
