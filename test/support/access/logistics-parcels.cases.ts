// Logistics access cases of parcels: scans at points and hubs, labels, tracking, returns, proof
// photos, a parcel's page and the seller's parcel list; each with a role on the parcel's path or
// at its own scope (allow) and off it (deny). Part of logistics.cases.ts's list: it builds the two
// parcels and the other UMKM it needs on that file's network.
import type { AccessCase, World } from '../world.js';
import type { Role } from '../../../src/kernel/auth/index.js';
import { unwrap } from '../../../src/kernel/errors/index.js';
import type { TestNetwork } from '../logistics.js';
import { createParcel } from '../../../src/domains/logistics/parcels.service.js';
import { makeUmkm } from '../community.js';

/** `own` operates the network's kecamatan hub, `foreign` the other one. */
export async function parcelCases(
  w: World,
  net: TestNetwork,
  own: [Role, string][],
  foreign: [Role, string][],
): Promise<AccessCase[]> {
  // Two parcels from the first point to the second (through `own`'s hub).
  const parcel = async () =>
    unwrap(
      await createParcel(w.h.db, null, {
        originPointId: net.points[0],
        destinationPointId: net.points[1],
        weightGrams: 1000,
      }),
    );
  const p = await parcel();
  const p2 = await parcel();
  const otherUmkm = await makeUmkm(w.h.db, {
    villageCode: (
      await w.h.db
        .selectFrom('service_points')
        .select('village_code')
        .where('id', '=', net.otherPoint)
        .executeTakeFirstOrThrow()
    ).village_code,
  });
  // The agents of the parcels' two points, and a scan form at the first (where they start).
  const atOrigin: [Role, string][] = [['village_agent', net.points[0]]];
  const atDestination: [Role, string][] = [['village_agent', net.points[1]]];
  const pointScan = (kind: string, parcel: typeof p, clientScanId: string) => ({
    point: net.points[0],
    kind,
    tracking: parcel.trackingNumber,
    client_scan_id: clientScanId,
  });
  return [
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
      as: atOrigin,
      expect: 200,
    },
    {
      name: 'agent scans at own point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: atOrigin,
      form: pointScan('received_at_point', p, 'acc-scan-0002'),
      expect: 200,
    },
    {
      name: 'agent scans at a foreign point',
      method: 'POST',
      path: '/titik/paket/scan',
      as: atDestination,
      form: pointScan('received_at_point', p, 'acc-scan-0003'),
      expect: 403,
    },
    {
      name: 'label: agent on the path',
      path: `/paket/${p.trackingNumber}/label`,
      as: atOrigin,
      expect: 200,
    },
    {
      name: 'label: agent off the path',
      path: `/paket/${p.trackingNumber}/label`,
      as: [['village_agent', net.otherPoint]],
      expect: 404,
    },
    { name: 'public tracking page', path: `/lacak/${p.trackingNumber}`, as: null, expect: 200 },
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
      as: atDestination,
      form: pointScan('return_started', p, 'acc-ret-0002'),
      expect: 403,
    },
    // Proof photos: uploads only at one's own point or hub; the photo only for path staff and the seller.
    // Uploads are multipart, which the matrix does not send: their twins are the scans of the same hand-over.
    {
      name: 'photo hand-over at a foreign point',
      method: 'POST',
      path: '/titik/paket/photos',
      as: atDestination,
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
    // The allowed twins of the refusals above: the parcel's own hub and point.
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
      as: atOrigin,
      form: pointScan('received_at_point', p2, 'acc-scan-0004'),
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
}
