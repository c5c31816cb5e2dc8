// Setting up a hub from the creation page: the hub itself, its location (given, or the centre
// of what is known in its area) and the service points it serves, all in one transaction —
// a refused assignment leaves no hub behind.
import { inTransactionResult, type Tx } from '../../kernel/db/index.js';
import { fail, type Result } from '../../kernel/errors/index.js';
import { regionWhere, type Actor } from '../../kernel/auth/index.js';
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
  const avg = async (table: 'village_profiles' | 'service_points') => {
    const r = await db
      .selectFrom(table as 'service_points')
      .select((eb) => [
        eb.fn.avg<number>('lat').as('lat'),
        eb.fn.avg<number>('lng').as('lng'),
        eb.fn.count<number>('lat').as('n'),
      ])
      .where((eb) => regionWhere(eb, 'village_code', [prefix]))
      .where('lat', 'is not', null)
      .where('lng', 'is not', null)
      .executeTakeFirst();
    return r && Number(r.n) > 0 ? { lat: Number(r.lat), lng: Number(r.lng) } : null;
  };
  return (await avg('village_profiles')) ?? (await avg('service_points'));
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
