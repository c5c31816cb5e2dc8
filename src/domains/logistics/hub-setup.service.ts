// Setting up a hub from the creation page: the hub itself, its location (given, or the centre
// of what is known in its area) and the service points it serves, all in one transaction —
// a refused assignment leaves no hub behind.
import { inTransactionResult, type Tx } from '../../kernel/db/index.js';
import { fail, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { servicePointSitesIn } from '../community/index.js';
import { villageCentres } from '../regions/index.js';
import { assignPoint, createHub } from './network.service.js';
import type { HubTier } from './logistics.tables.js';

export interface HubSetup {
  tier: HubTier;
  regionCode: string;
  parentHubId?: string | null;
  name: string;
  /** Both or neither; without them the area's known centre is used. */
  lat?: number | null;
  lng?: number | null;
  pointIds?: string[];
}

/** The mean of the village centres with coordinates in the area, else of its service points. */
async function areaCentre(db: Tx, prefix: string): Promise<{ lat: number; lng: number } | null> {
  const mean = (places: { lat: number | null; lng: number | null }[]) => {
    const known = places.filter((p) => p.lat != null && p.lng != null);
    if (!known.length) return null;
    const sum = (k: 'lat' | 'lng') => known.reduce((a, p) => a + Number(p[k]), 0);
    return { lat: sum('lat') / known.length, lng: sum('lng') / known.length };
  };
  return mean(await villageCentres(db, prefix)) ?? mean(await servicePointSitesIn(db, prefix));
}

/** Creates the hub and assigns the chosen points; nothing is written unless all of it succeeds. */
export async function setUpHub(
  db: Tx,
  actor: Actor | null,
  input: HubSetup,
): Promise<Result<string>> {
  let lat = input.lat ?? null;
  let lng = input.lng ?? null;
  if ((lat === null) !== (lng === null))
    return fail('VALIDATION_FAILED', {}, { lat: { key: 'logistics.err.coordinates_pair' } });
  if (lat === null || lng === null) {
    const centre = await areaCentre(db, input.regionCode);
    if (!centre)
      return fail(
        'LOGISTICS_HUB_NO_COORDINATES',
        {},
        { lat: { key: 'logistics.err.hub_no_coordinates' } },
      );
    ({ lat, lng } = centre);
  }
  const points = [...new Set(input.pointIds ?? [])];
  return inTransactionResult(db, async (tx) => {
    const hub = await createHub(tx, actor, {
      tier: input.tier,
      regionCode: input.regionCode,
      parentHubId: input.parentHubId,
      name: input.name,
      lat: lat!,
      lng: lng!,
    });
    if (!hub.ok) return hub;
    for (const id of points) {
      const r = await assignPoint(tx, actor, id, hub.value);
      if (!r.ok)
        return r.code === 'FORBIDDEN'
          ? r
          : fail(r.code, r.params, { point: { key: 'logistics.err.point_choice' } });
    }
    return hub;
  });
}
