import type { AccessCase, AccessCases } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import { makeNetwork } from '../logistics.js';
import { createParcel } from '../../../src/domains/logistics/parcels.service.js';
import { makeUmkm } from '../community.js';

export const accessCases: AccessCases = async (w) => {
  const net = await makeNetwork(w.h.db, { points: 2, vehicles: 1 });
  const p = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[1],
      weightGrams: 1000,
    }),
  );
  const p2 = unwrap(
    await createParcel(w.h.db, null, {
      originPointId: net.points[0],
      destinationPointId: net.points[1],
      weightGrams: 1000,
    }),
  );
  const own: [Role, string][] = [['hub_operator', net.kecHub]];
  const otherUmkm = await makeUmkm(w.h.db, {
    villageCode: (
      await w.h.db
        .selectFrom('service_points')
        .select('village_code')
        .where('id', '=', net.otherPoint)
        .executeTakeFirstOrThrow()
    ).village_code,
  });
  const foreign: [Role, string][] = [['hub_operator', net.kecHub2]];
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
      name: 'API scan at a foreign hub',
      method: 'POST',
      path: '/api/v1/logistics/scans',
      as: foreign,
      json: {
        tracking: p.trackingNumber,
        kind: 'arrived_hub',
        locationId: net.kecHub,
        clientScanId: 'acc-scan-0001',
      },
      expect: 403,
    },
    {
      name: 'agent own point board',
      path: '/titik/paket',
      as: [['village_agent', net.points[0]]],
      expect: 200,
    },
    {
      name: 'agent scans at own point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: [['village_agent', net.points[0]]],
      form: {
        point: net.points[0],
        kind: 'received_at_point',
        tracking: p.trackingNumber,
        client_scan_id: 'acc-scan-0002',
      },
      expect: 200,
    },
    {
      name: 'agent scans at a foreign point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: [['village_agent', net.points[1]]],
      form: {
        point: net.points[0],
        kind: 'received_at_point',
        tracking: p.trackingNumber,
        client_scan_id: 'acc-scan-0003',
      },
      expect: 403,
    },
    {
      name: 'label: agent on the path',
      path: `/paket/${p.trackingNumber}/label`,
      as: [['village_agent', net.points[0]]],
      expect: 200,
    },
    {
      name: 'label: agent off the path',
      path: `/paket/${p.trackingNumber}/label`,
      as: [['village_agent', net.otherPoint]],
      expect: 404,
    },
    { name: 'public tracking page', path: `/lacak/${p.trackingNumber}`, as: null, expect: 200 },
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
    // Returns: marked at the hub where the parcel lies, by that hub's operator.
    {
      name: 'return marked at a foreign hub',
      method: 'POST',
      path: `/hub/${net.kecHub}/scan`,
      as: foreign,
      form: { tracking: p.trackingNumber, kind: 'return_started', client_scan_id: 'acc-ret-0001' },
      expect: 404,
    },
    {
      name: 'agent marks return at a foreign point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: [['village_agent', net.points[1]]],
      form: {
        point: net.points[0],
        kind: 'return_started',
        tracking: p.trackingNumber,
        client_scan_id: 'acc-ret-0002',
      },
      expect: 403,
    },
    // Proof photos: uploads only at one's own point or hub; the photo only for path staff and the seller.
    // Uploads are multipart, which the matrix does not send: their twins are the scans of the same hand-over.
    {
      name: 'photo hand-over at a foreign point',
      method: 'POST',
      path: '/titik/paket/photos',
      as: [['village_agent', net.points[1]]],
      form: { point: net.points[0], tracking: p.trackingNumber, client_scan_id: 'acc-pod-0001' },
      expect: 403,
      twin: 'POST /titik/paket/scan',
    },
    {
      name: 'photo hand-over at a foreign hub',
      method: 'POST',
      path: `/hub/${net.kecHub}/photos`,
      as: foreign,
      form: { tracking: p.trackingNumber, client_scan_id: 'acc-pod-0002' },
      expect: 404,
      twin: `POST /hub/${net.kecHub}/scan`,
    },
    {
      name: 'photo API as buyer',
      method: 'POST',
      path: `/api/v1/logistics/parcels/${p.trackingNumber}/photos`,
      as: [['buyer', null]],
      form: { locationId: net.kecHub, clientScanId: 'acc-pod-0003' },
      expect: 403,
      twin: 'POST /api/v1/logistics/scans',
    },
    {
      name: 'parcel detail: hub operator on the path',
      path: `/paket/${p.trackingNumber}`,
      as: own,
      expect: 200,
    },
    {
      name: 'parcel detail: hub operator off the path',
      path: `/paket/${p.trackingNumber}`,
      as: foreign,
      expect: 404,
    },
    {
      name: 'parcel detail: anonymous',
      path: `/paket/${p.trackingNumber}`,
      as: null,
      expect: 'login',
    },
    {
      name: 'parcel detail: seller of another UMKM',
      path: `/paket/${p.trackingNumber}`,
      as: [['seller', otherUmkm]],
      expect: 404,
    },
    {
      name: 'proof photo: anonymous',
      path: `/paket/${p.trackingNumber}/bukti/320`,
      as: null,
      expect: 'login',
      twin: `GET /paket/${p.trackingNumber}`,
    },
    { name: 'seller parcel list', path: '/paket', as: [['seller', otherUmkm]], expect: 200 },
    { name: 'seller parcel list as buyer', path: '/paket', as: [['buyer', null]], expect: 403 },
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
    {
      name: 'API scan at own hub',
      method: 'POST',
      path: '/api/v1/logistics/scans',
      as: own,
      json: {
        tracking: p.trackingNumber,
        kind: 'arrived_hub',
        locationId: net.kecHub,
        clientScanId: 'acc-scan-0001',
      },
      expect: 201,
    },
    {
      name: 'agent receives a second parcel at own point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: [['village_agent', net.points[0]]],
      form: {
        point: net.points[0],
        kind: 'received_at_point',
        tracking: p2.trackingNumber,
        client_scan_id: 'acc-scan-0004',
      },
      expect: 200,
    },
    {
      name: 'hub operator scans at own hub',
      method: 'POST',
      path: `/hub/${net.kecHub}/scan`,
      as: own,
      form: { tracking: p2.trackingNumber, kind: 'arrived_hub', client_scan_id: 'acc-hub-0003' },
      expect: 200,
    },
  ];
  return cases;
};
