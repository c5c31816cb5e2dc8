// The hub network: kabupaten hubs, kecamatan hubs under them, village service points
// assigned to a hub, vehicles per hub, the detour factor per regency and imported road
// distances. Shape changes are audited and validated before anything is written.
import { inTransaction, nowIso, type Tx } from '../../kernel/db/index.js';
import { audit } from '../../kernel/audit/index.js';
import { newId } from '../../kernel/ids/index.js';
import { fail, ok, type Result } from '../../kernel/errors/index.js';
import type { Actor } from '../../kernel/auth/index.js';
import { DEFAULT_DETOUR, pairKey, parseDistanceCsv } from './geo.js';
import { regionLevel, servicePoint } from './logistics.queries.js';
import { servicePointSites } from '../community/index.js';
import { canOperateHub, canShapeNetwork } from './logistics.access.js';
import type { HubTier, HubsTable } from './logistics.tables.js';
import { forgetRoutes } from './route-cache.js';

export async function getHub(db: Tx, id: string): Promise<HubsTable | undefined> {
  return db.selectFrom('hubs').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface HubInput {
  tier: HubTier;
  regionCode: string;
  parentHubId?: string | null;
  name: string;
  lat: number;
  lng: number;
  isDemo?: boolean;
}

/** Creates a hub: a kabupaten hub sits on a regency, a kecamatan hub on a district under its kabupaten hub. */
export async function createHub(
  db: Tx,
  actor: Actor | null,
  input: HubInput,
): Promise<Result<string>> {
  const level = await regionLevel(db, input.regionCode);
  const want = input.tier === 'kabupaten' ? 2 : 3;
  if (level !== want)
    return fail(
      'LOGISTICS_BAD_HUB_REGION',
      {},
      { region_code: { key: 'logistics.err.hub_region' } },
    );
  if (actor && !canShapeNetwork(actor, input.regionCode)) return fail('FORBIDDEN');
  if (!(Math.abs(input.lat) <= 90 && Math.abs(input.lng) <= 180))
    return fail('VALIDATION_FAILED', {}, { lat: { key: 'logistics.err.coordinates' } });
  let parent: string | null = null;
  if (input.tier === 'kecamatan') {
    const p = input.parentHubId ? await getHub(db, input.parentHubId) : undefined;
    if (!p || p.tier !== 'kabupaten' || !input.regionCode.startsWith(p.region_code + '.')) {
      return fail(
        'LOGISTICS_BAD_HUB_PARENT',
        {},
        { parent_hub_id: { key: 'logistics.err.hub_parent' } },
      );
    }
    parent = p.id;
  }
  const id = newId('hub');
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('hubs')
      .values({
        id,
        tier: input.tier,
        region_code: input.regionCode,
        parent_hub_id: parent,
        name: input.name,
        lat: input.lat,
        lng: input.lng,
        is_demo: input.isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'hub.create',
      entityType: 'hub',
      entityId: id,
      data: { tier: input.tier, region: input.regionCode },
    });
  });
  forgetRoutes(db);
  return ok(id);
}

/** Assigns a service point to a kecamatan hub of the same regency (re-assigning moves it). */
export async function assignPoint(
  db: Tx,
  actor: Actor | null,
  servicePointId: string,
  hubId: string,
): Promise<Result<void>> {
  const [sp, hub] = await Promise.all([servicePoint(db, servicePointId), getHub(db, hubId)]);
  if (!sp) return fail('LOGISTICS_UNKNOWN_POINT', { id: servicePointId });
  if (!hub) return fail('LOGISTICS_UNKNOWN_HUB', { id: hubId });
  if (hub.tier !== 'kecamatan' || sp.village_code.slice(0, 5) !== hub.region_code.slice(0, 5))
    return fail('LOGISTICS_POINT_OUTSIDE_HUB', {});
  if (actor && !canShapeNetwork(actor, hub.region_code)) return fail('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    const now = nowIso();
    await tx
      .insertInto('hub_points')
      .values({
        service_point_id: sp.id,
        hub_id: hub.id,
        assigned_at: now,
        assigned_by: actor?.userId ?? null,
      })
      .onConflict((oc) =>
        oc
          .column('service_point_id')
          .doUpdateSet({ hub_id: hub.id, assigned_at: now, assigned_by: actor?.userId ?? null }),
      )
      .execute();
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'hub.assign_point',
      entityType: 'hub',
      entityId: hub.id,
      data: { servicePointId: sp.id },
    });
  });
  forgetRoutes(db);
  return ok(undefined);
}

export interface VehicleInput {
  hubId: string;
  name: string;
  capacityKg: number;
  costPerKm: number;
  speedKmh?: number;
  isDemo?: boolean;
}

/** Adds a vehicle to a hub; hub operators manage their own fleet. */
export async function addVehicle(
  db: Tx,
  actor: Actor | null,
  input: VehicleInput,
): Promise<Result<string>> {
  const hub = await getHub(db, input.hubId);
  if (!hub) return fail('LOGISTICS_UNKNOWN_HUB', { id: input.hubId });
  if (actor && !canOperateHub(actor, hub)) return fail('FORBIDDEN');
  const id = newId('veh');
  await inTransaction(db, async (tx) => {
    await tx
      .insertInto('vehicles')
      .values({
        id,
        hub_id: hub.id,
        name: input.name,
        capacity_kg: input.capacityKg,
        cost_per_km: input.costPerKm,
        speed_kmh: input.speedKmh ?? 30,
        active: 1,
        is_demo: input.isDemo ? 1 : 0,
        created_at: nowIso(),
      })
      .execute();
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'vehicle.create',
      entityType: 'hub',
      entityId: hub.id,
      data: { vehicleId: id, capacityKg: input.capacityKg },
    });
  });
  return ok(id);
}

export async function vehiclesOf(db: Tx, hubId: string) {
  return db
    .selectFrom('vehicles')
    .selectAll()
    .where('hub_id', '=', hubId)
    .where('active', '=', 1)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export async function detourFor(db: Tx, regionCode: string): Promise<number> {
  const r = await db
    .selectFrom('routing_settings')
    .select('detour_factor')
    .where('regency_code', '=', regionCode.slice(0, 5))
    .executeTakeFirst();
  return r?.detour_factor ?? DEFAULT_DETOUR;
}

/** Sets a regency's detour factor (1.0–3.0: roads are never shorter than the straight line). */
export async function setDetour(
  db: Tx,
  actor: Actor | null,
  regencyCode: string,
  factor: number,
): Promise<Result<void>> {
  if ((await regionLevel(db, regencyCode)) !== 2)
    return fail(
      'LOGISTICS_BAD_HUB_REGION',
      {},
      { regency_code: { key: 'logistics.err.hub_region' } },
    );
  if (!(factor >= 1 && factor <= 3))
    return fail('VALIDATION_FAILED', {}, { detour_factor: { key: 'logistics.err.detour' } });
  if (actor && !canShapeNetwork(actor, regencyCode)) return fail('FORBIDDEN');
  await inTransaction(db, async (tx) => {
    const now = nowIso();
    await tx
      .insertInto('routing_settings')
      .values({
        regency_code: regencyCode,
        detour_factor: factor,
        updated_at: now,
        updated_by: actor?.userId ?? null,
      })
      .onConflict((oc) =>
        oc.column('regency_code').doUpdateSet({
          detour_factor: factor,
          updated_at: now,
          updated_by: actor?.userId ?? null,
        }),
      )
      .execute();
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'routing.detour',
      entityType: 'region',
      entityId: regencyCode,
      data: { factor },
    });
  });
  forgetRoutes(db);
  return ok(undefined);
}

/**
 * Imports measured road distances (CSV `from,to,km`). Every id must be a hub or service point
 * the actor oversees; one bad line or id rejects the file and nothing is written.
 */
export async function importDistances(
  db: Tx,
  actor: Actor | null,
  csv: string,
): Promise<Result<{ rows: number }>> {
  const parsed = parseDistanceCsv(csv);
  if (!parsed.ok) return parsed;
  const ids = [...new Set(parsed.value.flatMap((r) => [r.from, r.to]))];
  const hubs = await db
    .selectFrom('hubs')
    .select(['id', 'region_code'])
    .where('id', 'in', ids)
    .execute();
  const points = await servicePointSites(db, ids);
  const region = new Map<string, string>([
    ...hubs.map((h) => [h.id, h.region_code] as const),
    ...points.map((p) => [p.id, p.village_code] as const),
  ]);
  for (const r of parsed.value) {
    for (const id of [r.from, r.to]) {
      const code = region.get(id);
      if (!code) return fail('LOGISTICS_BAD_MATRIX', { line: r.line, reason: `unknown ${id}` });
      if (actor && !canShapeNetwork(actor, code)) return fail('FORBIDDEN');
    }
  }
  await inTransaction(db, async (tx) => {
    const now = nowIso();
    for (const r of parsed.value) {
      const [a, b] = pairKey(r.from, r.to);
      await tx
        .insertInto('distance_overrides')
        .values({
          from_id: a,
          to_id: b,
          km: r.km,
          imported_at: now,
          imported_by: actor?.userId ?? null,
        })
        .onConflict((oc) =>
          oc
            .columns(['from_id', 'to_id'])
            .doUpdateSet({ km: r.km, imported_at: now, imported_by: actor?.userId ?? null }),
        )
        .execute();
    }
    await audit(tx, {
      actorId: actor?.userId ?? null,
      action: 'routing.import_distances',
      entityType: 'distance_matrix',
      entityId: 'csv',
      data: { rows: parsed.value.length },
    });
  });
  return ok({ rows: parsed.value.length });
}

export async function distanceOverrides(db: Tx, ids: string[]): Promise<Map<string, number>> {
  if (ids.length < 2) return new Map();
  const rows = await db
    .selectFrom('distance_overrides')
    .selectAll()
    .where('from_id', 'in', ids)
    .where('to_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [`${r.from_id}|${r.to_id}`, r.km]));
}

/** The hub a service point is assigned to, with its kabupaten hub. */
export async function hubOfPoint(db: Tx, servicePointId: string) {
  return db
    .selectFrom('hub_points as hp')
    .innerJoin('hubs as h', 'h.id', 'hp.hub_id')
    .select(['h.id', 'h.parent_hub_id', 'h.region_code'])
    .where('hp.service_point_id', '=', servicePointId)
    .executeTakeFirst();
}
