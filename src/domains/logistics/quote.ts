// Shipping quotes from the network for checkout: weight × legs × distance band. A leg is a
// hop between network nodes (point → kecamatan hub, hub → hub, …); the band comes from the
// road kilometres of the whole path. Addresses outside the network leave it at the
// kabupaten hub with a partner courier, priced by how far away their province is.
import type { Tx } from '../../kernel/db/index.js';
import { greatCircleKm, type LatLng } from './geo.js';
import { detourFor } from './network.service.js';
import { pathBetween } from './parcels.service.js';
import { pointForVillage, servicePoints } from './logistics.queries.js';
import { cachedRoute, type RouteFacts } from './route-cache.js';

/** Rupiah. Per started kilogram per leg, plus a per-kilogram surcharge by distance band. */
export const TARIFF = {
  base: 4000,
  perKgPerLeg: 1500,
  bands: [
    { maxKm: 25, perKg: 0 },
    { maxKm: 75, perKg: 1000 },
    { maxKm: 150, perKg: 2500 },
    { maxKm: Infinity, perKg: 4000 },
  ],
  /** Partner courier beyond the kabupaten hub. */
  courier: {
    sameProvince: { base: 9000, perKg: 3000 },
    otherProvince: { base: 15000, perKg: 7000 },
  },
} as const;

export interface Quote {
  amount: number;
  legs: number;
  km: number;
  exits: boolean;
}

/**
 * Coordinates of the path's hubs and points, in order (one read of hubs, one of points from
 * community). A point without coordinates is priced as if at its hub: the band stays
 * conservative-ish.
 */
async function coordsOf(db: Tx, refs: string[]): Promise<(LatLng | null)[]> {
  if (!refs.length) return [];
  const [hubs, points] = await Promise.all([
    db.selectFrom('hubs').select(['id', 'lat', 'lng']).where('id', 'in', refs).execute(),
    servicePoints(db, refs),
  ]);
  const at = new Map<string, LatLng>(hubs.map((h) => [h.id, { lat: h.lat, lng: h.lng }]));
  for (const [id, p] of points)
    if (!at.has(id) && p.lat != null && p.lng != null) at.set(id, { lat: p.lat, lng: p.lng });
  const bare = [...points.keys()].filter((id) => !at.has(id));
  if (bare.length)
    for (const r of await db
      .selectFrom('hub_points as hp')
      .innerJoin('hubs as h', 'h.id', 'hp.hub_id')
      .select(['hp.service_point_id', 'h.lat', 'h.lng'])
      .where('hp.service_point_id', 'in', bare)
      .execute())
      at.set(r.service_point_id, { lat: r.lat, lng: r.lng });
  return refs.map((ref) => at.get(ref) ?? null);
}

/** The network's quote, or null when the seller's village has no assigned service point. */
export async function quoteNetwork(
  db: Tx,
  q: { fromVillageCode: string; toVillageCode: string; weightGrams: number },
): Promise<Quote | null> {
  if (!Number.isFinite(q.weightGrams) || q.weightGrams <= 0) return null;
  const route = await cachedRoute(db, q.fromVillageCode, q.toVillageCode, () =>
    readRoute(db, q.fromVillageCode, q.toVillageCode),
  );
  if (!route) return null;
  const kg = Math.max(1, Math.ceil(q.weightGrams / 1000));
  const band = TARIFF.bands.find((b) => route.km <= b.maxKm)!;
  let amount = TARIFF.base + kg * (TARIFF.perKgPerLeg * route.legs + band.perKg);
  if (route.exits) {
    const c =
      q.fromVillageCode.slice(0, 2) === q.toVillageCode.slice(0, 2)
        ? TARIFF.courier.sameProvince
        : TARIFF.courier.otherProvince;
    amount += c.base + kg * c.perKg;
  }
  return {
    amount: Math.round(amount / 100) * 100,
    legs: route.legs,
    km: Math.round(route.km * 10) / 10,
    exits: route.exits,
  };
}

async function readRoute(
  db: Tx,
  fromVillageCode: string,
  toVillageCode: string,
): Promise<RouteFacts | null> {
  const from = await pointForVillage(db, fromVillageCode);
  if (!from) return null;
  const to = await pointForVillage(db, toVillageCode);
  const path = await pathBetween(db, from, to ?? null);
  if (!path.ok) return null;
  const coords = await coordsOf(
    db,
    path.value.flatMap((n) => (n.ref ? [n.ref] : [])),
  );
  const detour = await detourFor(db, fromVillageCode);
  let km = 0;
  for (let i = 1; i < coords.length; i++)
    if (coords[i - 1] && coords[i]) km += greatCircleKm(coords[i - 1]!, coords[i]!) * detour;
  return { legs: path.value.length - 1, km, exits: !to };
}
