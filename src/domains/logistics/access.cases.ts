import type { AccessCase, AccessCases } from '../../testing.js';
import type { Role } from '../../kernel/auth/index.js';
import { unwrap } from '../../kernel/errors/index.js';
import { makeNetwork } from './testing.js';
import { createParcel } from './parcels.service.js';

export const accessCases: AccessCases = async (w) => {
  const net = await makeNetwork(w.h.db, { points: 2, vehicles: 1 });
  const p = unwrap(await createParcel(w.h.db, null, { originPointId: net.points[0], destinationPointId: net.points[1], weightGrams: 1000 }));
  const own: [Role, string][] = [['hub_operator', net.kecHub]];
  const foreign: [Role, string][] = [['hub_operator', net.kecHub2]];
  const cases: AccessCase[] = [
    { name: 'anonymous hub list', path: '/hub', as: null, expect: 'deny' },
    { name: 'buyer hub list', path: '/hub', as: [['buyer', null]], expect: 'deny' },
    { name: 'hub operator own hub day', path: `/hub/${net.kecHub}`, as: own, expect: 'allow' },
    { name: 'hub operator foreign hub day', path: `/hub/${net.kecHub}`, as: foreign, expect: 'deny' },
    { name: 'regency officer sees hub in region', path: `/hub/${net.kecHub}`, as: [['regional_officer', '53.09']], expect: 'allow' },
    { name: 'other regency officer: hub', path: `/hub/${net.kecHub}`, as: [['regional_officer', '35.10']], expect: 'deny' },
    { name: 'hub operator builds own manifests', method: 'POST', path: `/hub/${net.kecHub}/manifests`, as: own, form: { date: '2026-05-04' }, expect: 'allow' },
    { name: 'hub operator foreign manifests', method: 'POST', path: `/hub/${net.kecHub}/manifests`, as: foreign, form: { date: '2026-05-04' }, expect: 'deny' },
    { name: 'hub operator adds vehicle to foreign hub', method: 'POST', path: `/hub/${net.kecHub}/vehicles`, as: foreign, form: { name: 'Truk', capacity_kg: '500', cost_per_km: '3000', speed_kmh: '30' }, expect: 'deny' },
    { name: 'hub operator assigns point (overseers only)', method: 'POST', path: `/hub/${net.kecHub}/points`, as: own, form: { service_point_id: net.otherPoint }, expect: 'deny' },
    { name: 'API hubs as buyer', path: '/api/v1/logistics/hubs', as: [['buyer', null]], expect: 'deny' },
    { name: 'API hub runs own', path: `/api/v1/logistics/hubs/${net.kecHub}/runs?date=2026-05-04`, as: own, expect: 'allow' },
    { name: 'API hub runs foreign', path: `/api/v1/logistics/hubs/${net.kecHub}/runs?date=2026-05-04`, as: foreign, expect: 'deny' },
    { name: 'API scan at a foreign hub', method: 'POST', path: '/api/v1/logistics/scans', as: foreign, json: { tracking: p.trackingNumber, kind: 'arrived_hub', locationId: net.kecHub, clientScanId: 'acc-scan-0001' }, expect: 'deny' },
    { name: 'agent own point board', path: '/titik/paket', as: [['village_agent', net.points[0]]], expect: 'allow' },
    { name: 'agent scans at own point', method: 'POST', path: '/titik/paket/scan', as: [['village_agent', net.points[0]]], form: { point: net.points[0], kind: 'received_at_point', tracking: p.trackingNumber, client_scan_id: 'acc-scan-0002' }, expect: 'allow' },
    { name: 'agent scans at a foreign point', method: 'POST', path: '/titik/paket/scan', as: [['village_agent', net.points[1]]], form: { point: net.points[0], kind: 'received_at_point', tracking: p.trackingNumber, client_scan_id: 'acc-scan-0003' }, expect: 'deny' },
    { name: 'label: agent on the path', path: `/paket/${p.trackingNumber}/label`, as: [['village_agent', net.points[0]]], expect: 'allow' },
    { name: 'label: agent off the path', path: `/paket/${p.trackingNumber}/label`, as: [['village_agent', net.otherPoint]], expect: 'deny' },
    { name: 'public tracking page', path: `/lacak/${p.trackingNumber}`, as: null, expect: 'allow' },
    { name: 'KPIs own regency', path: '/logistik/kpi?region=53.09&from=2026-01-01&to=2026-12-31', as: [['regional_officer', '53.09']], expect: 'allow' },
    { name: 'KPIs foreign regency', path: '/logistik/kpi?region=53.09&from=2026-01-01&to=2026-12-31', as: [['regional_officer', '35.10']], expect: 'deny' },
    { name: 'KPIs API foreign regency', path: '/api/v1/logistics/kpis?region=53.09&from=2026-01-01&to=2026-12-31', as: [['regional_officer', '35.10']], expect: 'deny' },
    { name: 'KPIs as hub operator', path: '/logistik/kpi', as: own, expect: 'deny' },
  ];
  return cases;
};
