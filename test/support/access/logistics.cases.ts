// Logistics routes in the access matrix: hubs and the network (hub pages, manifests, vehicles,
// point assignment, runs, KPIs, road distances, hub creation), each with a role at its own hub or
// regency (allow) and at a foreign one or without the role (deny). The parcels' cases are in
// logistics-parcels.cases.ts, on this file's network; they run first, as their path checks were
// written before the hub's point assignment below.
import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { makeNetwork } from '../logistics.js';
import { parcelCases } from './logistics-parcels.cases.js';

export const accessCases: AccessCases = async (w) => {
  const net = await makeNetwork(w.h.db, { points: 2, vehicles: 1 });
  const own: [Role, string][] = [['hub_operator', net.kecHub]];
  const foreign: [Role, string][] = [['hub_operator', net.kecHub2]];
  const parcels = await parcelCases(w, net, own, foreign);
  const cases: AccessCase[] = [
    { name: 'anonymous hub list', path: '/hub', as: null, expect: 'login' },
    { name: 'buyer hub list', path: '/hub', as: [['buyer', null]], expect: 403 },
    { name: 'hub operator own hub day', path: `/hub/${net.kecHub}`, as: own, expect: 200 },
    { name: 'hub operator foreign hub day', path: `/hub/${net.kecHub}`, as: foreign, expect: 404 },
    {
      name: 'regency officer sees hub in region',
      path: `/hub/${net.kecHub}`,
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'other regency officer: hub',
      path: `/hub/${net.kecHub}`,
      as: [['regional_officer', '35.10']],
      expect: 404,
    },
    {
      name: 'hub operator builds own manifests',
      method: 'POST',
      path: `/hub/${net.kecHub}/manifests`,
      as: own,
      form: { date: '2026-05-04' },
      expect: 303,
    },
    {
      name: 'hub operator foreign manifests',
      method: 'POST',
      path: `/hub/${net.kecHub}/manifests`,
      as: foreign,
      form: { date: '2026-05-04' },
      expect: 404,
    },
    {
      name: 'hub operator adds vehicle to foreign hub',
      method: 'POST',
      path: `/hub/${net.kecHub}/vehicles`,
      as: foreign,
      form: { name: 'Truk', capacity_kg: '500', cost_per_km: '3000', speed_kmh: '30' },
      expect: 404,
    },
    {
      name: 'hub operator assigns point (overseers only)',
      method: 'POST',
      path: `/hub/${net.kecHub}/points`,
      as: own,
      form: { service_point_id: net.otherPoint },
      expect: 403,
    },
    {
      name: 'API hubs as buyer',
      path: '/api/v1/logistics/hubs',
      as: [['buyer', null]],
      expect: 403,
    },
    {
      name: 'API hub runs own',
      path: `/api/v1/logistics/hubs/${net.kecHub}/runs?date=2026-05-04`,
      as: own,
      expect: 200,
    },
    {
      name: 'API hub runs foreign',
      path: `/api/v1/logistics/hubs/${net.kecHub}/runs?date=2026-05-04`,
      as: foreign,
      expect: 404,
    },
    {
      name: 'KPIs own regency',
      path: '/logistik/kpi?region=53.09&from=2026-01-01&to=2026-12-31',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'KPIs foreign regency',
      path: '/logistik/kpi?region=53.09&from=2026-01-01&to=2026-12-31',
      as: [['regional_officer', '35.10']],
      expect: 403,
    },
    {
      name: 'KPIs API foreign regency',
      path: '/api/v1/logistics/kpis?region=53.09&from=2026-01-01&to=2026-12-31',
      as: [['regional_officer', '35.10']],
      expect: 403,
    },
    { name: 'KPIs as hub operator', path: '/logistik/kpi', as: own, expect: 403 },
    // Road distances import: overseers only (each id is then checked against their region).
    {
      name: 'distances import page: regency officer',
      path: '/logistik/jarak',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    { name: 'distances import page: hub operator', path: '/logistik/jarak', as: own, expect: 403 },
    {
      name: 'distances import page: anonymous',
      path: '/logistik/jarak',
      as: null,
      expect: 'login',
    },
    // Hub creation: overseers inside their region only.
    {
      name: 'hub creation page: regency officer',
      path: '/hub/baru',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'hub creation page: national admin',
      path: '/hub/baru',
      as: [['national_admin', null]],
      expect: 200,
    },
    { name: 'hub creation page: hub operator', path: '/hub/baru', as: own, expect: 403 },
    { name: 'hub creation page: anonymous', path: '/hub/baru', as: null, expect: 'login' },
    {
      name: 'create hub in a foreign regency',
      method: 'POST',
      path: '/hub/baru',
      as: [['regional_officer', '35.10']],
      form: {
        action: 'create',
        tier: 'kabupaten',
        name: 'Hub Asing',
        province: '53',
        regency: '53.09',
        lat: '-8.8',
        lng: '121',
      },
      expect: 403,
    },
    {
      name: 'API create hub as hub operator',
      method: 'POST',
      path: '/api/v1/logistics/hubs',
      as: own,
      json: { tier: 'kabupaten', regionCode: '53.09', name: 'Hub Lain', lat: -8.8, lng: 121 },
      expect: 403,
    },
    // The allowed twins of the refusals above: the hub's own operator, the regency's officer.
    { name: 'hub operator hub list (redirects to its hub)', path: '/hub', as: own, expect: 303 },
    {
      name: 'regency officer adds a vehicle to a hub in its region',
      method: 'POST',
      path: `/hub/${net.kecHub}/vehicles`,
      as: [['regional_officer', '53.09']],
      form: { name: 'Truk', capacity_kg: '500', cost_per_km: '3000', speed_kmh: '30' },
      expect: 303,
    },
    {
      name: 'regency officer assigns a point',
      method: 'POST',
      path: `/hub/${net.kecHub}/points`,
      as: [['regional_officer', '53.09']],
      form: { service_point_id: net.otherPoint },
      expect: 303,
    },
    { name: 'API hubs as hub operator', path: '/api/v1/logistics/hubs', as: own, expect: 200 },
    {
      name: 'KPIs of own regency (default scope)',
      path: '/logistik/kpi',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'KPIs API own regency',
      path: '/api/v1/logistics/kpis?region=53.09&from=2026-01-01&to=2026-12-31',
      as: [['regional_officer', '53.09']],
      expect: 200,
    },
    {
      name: 'create hub in own regency',
      method: 'POST',
      path: '/hub/baru',
      as: [['regional_officer', '53.09']],
      form: {
        action: 'create',
        tier: 'kabupaten',
        name: 'Hub Asing',
        province: '53',
        regency: '53.09',
        lat: '-8.8',
        lng: '121',
      },
      expect: 303,
    },
    {
      name: 'API create hub as regency officer',
      method: 'POST',
      path: '/api/v1/logistics/hubs',
      as: [['regional_officer', '53.09']],
      json: { tier: 'kabupaten', regionCode: '53.09', name: 'Hub Lain', lat: -8.8, lng: 121 },
      expect: 201,
    },
  ];
  return [...parcels, ...cases];
};
