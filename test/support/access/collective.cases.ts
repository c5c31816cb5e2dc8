// Collective's rows of the access matrix: a coordinator acts only on their organisation's
// cycles (a stranger's cycle answers 404 like a missing one), agents run group buys only at
// their own point, shop and group-buy pages are public.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import { openGroupBuy, subscribe } from '../../../src/domains/collective/index.js';
import { makeCycle, makeCycleWorld } from '../collective.js';
import { utcToLocal } from '../../../src/domains/collective/calendar.js';

export const accessCases: AccessCases = async (w) => {
  const mine = await makeCycleWorld(w.h, { producers: 1, points: 1 });
  const theirs = await makeCycleWorld(w.h, { producers: 1, points: 1 });
  const cycle = await makeCycle(w.h, mine);
  const toClose = await makeCycle(w.h, mine);
  const toCloseByApi = await makeCycle(w.h, mine);
  const coord: [Role, string][] = [['community_manager', mine.organisationId]];
  const stranger: [Role, string][] = [['community_manager', theirs.organisationId]];
  const agent: [Role, string][] = [['village_agent', mine.points[0]]];
  const otherAgent: [Role, string][] = [['village_agent', theirs.points[0]]];
  const gb = unwrap(
    await openGroupBuy(
      w.h.db,
      {
        userId: 'usr_access_agent',
        displayName: '',
        locale: null,
        via: 'session',
        grants: [
          {
            role: 'village_agent',
            scopeType: 'service_point',
            scopeId: mine.points[0],
            regionCode: null,
          },
        ],
      },
      {
        servicePointId: mine.points[0],
        variantId: mine.variants[0].variantId,
        minimumQty: 10,
        deadline: new Date(Date.now() + 86400_000).toISOString(),
        tiers: [{ minQty: 10, price: 15000 }],
      },
    ),
  );
  const agentActor = {
    userId: 'usr_access_agent',
    displayName: '',
    locale: null,
    via: 'session' as const,
    grants: [
      {
        role: 'village_agent' as const,
        scopeType: 'service_point' as const,
        scopeId: mine.points[0],
        regionCode: null,
      },
    ],
  };
  const standing = unwrap(
    await subscribe(w.h.db, agentActor, {
      cycleId: cycle,
      lines: [{ variantId: mine.variants[0].variantId, qty: 1 }],
      buyer: { name: 'Mama Sisilia' },
      servicePointId: mine.points[0],
      paymentMethod: 'cod',
      assisted: { agentServicePointId: mine.points[0], consent: true },
    }),
  );
  // A second household's standing order for the API rows (the first is paused by the page rows).
  const standingByApi = unwrap(
    await subscribe(w.h.db, agentActor, {
      cycleId: cycle,
      lines: [{ variantId: mine.variants[0].variantId, qty: 2 }],
      buyer: { name: 'Bapa Yohanes' },
      servicePointId: mine.points[0],
      paymentMethod: 'cod',
      assisted: { agentServicePointId: mine.points[0], consent: true },
    }),
  );
  const gbForm = {
    point: mine.points[0],
    variant: mine.variants[0].variantId,
    minimum: '10',
    deadline: utcToLocal(new Date(Date.now() + 86400_000).toISOString(), mine.village),
    tier_qty_1: '10',
    tier_price_1: '15000',
  };
  const cases: AccessCase[] = [
    { name: 'coordinator lists cycles', path: '/siklus', as: coord, expect: 200 },
    { name: 'coordinator sees demand', path: '/siklus/permintaan', as: coord, expect: 200 },
    { name: 'agent cannot see demand', path: '/siklus/permintaan', as: agent, expect: 403 },
    { name: 'anonymous demand page', path: '/siklus/permintaan', as: null, expect: 'login' },
    {
      name: 'buyer sees own standing orders',
      path: '/langganan',
      as: [['buyer', null]],
      expect: 200,
    },
    { name: 'agent sees standing orders', path: '/langganan', as: agent, expect: 200 },
    { name: 'anonymous standing orders', path: '/langganan', as: null, expect: 'login' },
    {
      name: "another point's agent pauses a household's standing order",
      method: 'POST',
      path: `/langganan/${standing}/pause`,
      as: otherAgent,
      expect: 404,
    },
    {
      name: "a buyer pauses a household's standing order",
      method: 'POST',
      path: `/langganan/${standing}/pause`,
      as: [['buyer', null]],
      expect: 404,
    },
    {
      name: "the point's agent pauses the household's standing order",
      method: 'POST',
      path: `/langganan/${standing}/pause`,
      as: agent,
      expect: 303,
    },
    { name: 'anonymous cycles page', path: '/siklus', as: null, expect: 'login' },
    { name: 'buyer cannot coordinate', path: '/siklus', as: [['buyer', null]], expect: 403 },
    { name: 'coordinator opening form', path: '/siklus/baru', as: coord, expect: 200 },
    { name: 'agent cannot open cycles', path: '/siklus/baru', as: agent, expect: 403 },
    { name: 'coordinator sees own cycle', path: `/siklus/${cycle}`, as: coord, expect: 200 },
    {
      name: "another organisation's coordinator sees nothing",
      path: `/siklus/${cycle}`,
      as: stranger,
      expect: 404,
    },
    {
      name: 'coordinator prints packing list',
      path: `/siklus/${cycle}/daftar/packing?ukuran=58mm`,
      as: coord,
      expect: 200,
    },
    {
      name: "stranger cannot print another organisation's list",
      path: `/siklus/${cycle}/daftar/packing?ukuran=58mm`,
      as: stranger,
      expect: 404,
    },
    {
      name: "stranger cannot close another organisation's cycle",
      method: 'POST',
      path: `/siklus/${toClose}/tutup`,
      as: stranger,
      expect: 404,
    },
    {
      name: 'coordinator closes own cycle',
      method: 'POST',
      path: `/siklus/${toClose}/tutup`,
      as: coord,
      expect: 303,
    },
    { name: 'anyone sees the cycle shop', path: `/pasar/${cycle}`, as: null, expect: 200 },
    { name: 'agent sees group buys at the point', path: '/titik/patungan', as: agent, expect: 200 },
    {
      name: 'buyer has no point page',
      path: '/titik/patungan',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: "agent cannot open a group buy at another agent's point",
      method: 'POST',
      path: '/titik/patungan',
      as: otherAgent,
      form: gbForm,
      expect: 403,
    },
    {
      name: 'agent opens a group buy at own point',
      method: 'POST',
      path: '/titik/patungan',
      as: agent,
      form: gbForm,
      expect: 303,
    },
    { name: 'anyone sees a group buy', path: `/patungan/${gb}`, as: null, expect: 200 },
    {
      name: 'coordinator reads own cycle (API)',
      path: `/api/v1/cycles/${cycle}`,
      as: coord,
      expect: 200,
    },
    {
      name: "stranger reads another organisation's cycle (API)",
      path: `/api/v1/cycles/${cycle}`,
      as: stranger,
      expect: 404,
    },
    {
      name: 'anonymous cycle read (API)',
      path: `/api/v1/cycles/${cycle}`,
      as: null,
      expect: 401,
    },
    {
      name: "stranger closes another organisation's cycle (API)",
      method: 'POST',
      path: `/api/v1/cycles/${toCloseByApi}/close`,
      as: stranger,
      json: {},
      expect: 404,
    },
    {
      name: 'coordinator closes own cycle (API)',
      method: 'POST',
      path: `/api/v1/cycles/${toCloseByApi}/close`,
      as: coord,
      json: {},
      expect: 200,
    },
    {
      name: 'anonymous standing orders (API)',
      path: '/api/v1/standing-orders',
      as: null,
      expect: 401,
    },
    {
      name: 'agent lists standing orders (API)',
      path: '/api/v1/standing-orders',
      as: agent,
      expect: 200,
    },
    {
      name: "another point's agent skips a household's standing order (API)",
      method: 'POST',
      path: `/api/v1/standing-orders/${standingByApi}/skip`,
      as: otherAgent,
      json: {},
      expect: 404,
    },
    {
      name: "a buyer skips a household's standing order (API)",
      method: 'POST',
      path: `/api/v1/standing-orders/${standingByApi}/skip`,
      as: [['buyer', null]],
      json: {},
      expect: 404,
    },
    {
      name: "the point's agent skips the household's next opening (API)",
      method: 'POST',
      path: `/api/v1/standing-orders/${standingByApi}/skip`,
      as: agent,
      json: {},
      expect: 200,
    },
  ];
  return cases;
};
