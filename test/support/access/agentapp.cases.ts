// Agent app's rows of the access matrix: the offline console, its snapshots and the sync are
// the village agent's only, at the point of their own grant (the point never comes from the
// request); anyone else is refused and a refused sync writes nothing.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { anyVillage, makeServicePoint } from '../community.js';

export const accessCases: AccessCases = async (w) => {
  const village = await anyVillage(w.h.db, '53.09');
  const sp = await makeServicePoint(w.h.db, { villageCode: village });
  const agent: [Role, string][] = [['village_agent', sp]];
  const seller: [Role, string | null][] = [['buyer', null]];
  const cash = {
    deviceId: 'dev_access_matrix',
    actions: [
      {
        clientId: 'act_access_matrix_1',
        idempotencyKey: 'cash_access_matrix_1',
        kind: 'cash',
        deviceAt: '2026-12-03T08:00:00.000Z',
        payload: { day: '2026-12-03', amount: 1000 },
      },
    ],
  };
  const cases: AccessCase[] = [
    { name: 'agent opens the offline console', path: '/agen/konsol', as: agent, expect: 200 },
    { name: 'anonymous console', path: '/agen/konsol', as: null, expect: 'login' },
    { name: 'buyer cannot open the console', path: '/agen/konsol', as: seller, expect: 403 },
    { name: 'agent catalogue snapshot', path: '/api/v1/agent/catalogue', as: agent, expect: 200 },
    {
      name: 'anonymous catalogue snapshot',
      path: '/api/v1/agent/catalogue',
      as: null,
      expect: 401,
    },
    { name: 'agent parcel snapshot', path: '/api/v1/agent/parcels', as: agent, expect: 200 },
    {
      name: 'regional officer has no point’s parcels',
      path: '/api/v1/agent/parcels',
      as: [['regional_officer', '53.09']],
      expect: 403,
    },
    {
      name: 'agent syncs a cash entry',
      method: 'POST',
      path: '/api/v1/agent/sync',
      as: agent,
      json: cash,
      expect: 200,
    },
    {
      name: 'buyer cannot sync',
      method: 'POST',
      path: '/api/v1/agent/sync',
      as: seller,
      json: cash,
      expect: 403,
    },
  ];
  return cases;
};
