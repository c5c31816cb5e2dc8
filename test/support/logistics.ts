// Test fixtures of the logistics domain: a small network in Ngada (53.09) with real
// coordinates around Bajawa, for this domain's tests and others' (orders, impact).
import type { Db } from '../../src/kernel/db/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { makeServicePoint } from './community.js';
import { addVehicle, assignPoint, createHub } from '../../src/domains/logistics/network.service.js';

export interface TestNetwork {
  kabHub: string;
  kecHub: string;
  kecHub2: string;
  points: string[];
  otherPoint: string;
  vehicles: string[];
}

/** Ngada's kecamatan in code order, `count` of them from `from` (the fixtures share them out). */
function ngadaDistricts(db: Db, from: number, count: number) {
  return db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 3)
    .where('code', 'like', '53.09.%')
    .orderBy('code')
    .offset(from)
    .limit(count)
    .execute();
}

/** Ngada: kabupaten hub at Bajawa, two kecamatan hubs, `n` points under the first (with coordinates), one under the second. */
export async function makeNetwork(
  db: Db,
  opts: { points?: number; capacityKg?: number; vehicles?: number } = {},
): Promise<TestNetwork> {
  const districts = await ngadaDistricts(db, 0, 2);
  const kabHub = unwrap(
    await createHub(db, null, {
      tier: 'kabupaten',
      regionCode: '53.09',
      name: 'Hub Kabupaten Bajawa',
      lat: -8.7861,
      lng: 120.9783,
    }),
  );
  const kecHub = unwrap(
    await createHub(db, null, {
      tier: 'kecamatan',
      regionCode: districts[0].code,
      parentHubId: kabHub,
      name: 'Hub Kecamatan Satu',
      lat: -8.8,
      lng: 121.0,
    }),
  );
  const kecHub2 = unwrap(
    await createHub(db, null, {
      tier: 'kecamatan',
      regionCode: districts[1].code,
      parentHubId: kabHub,
      name: 'Hub Kecamatan Dua',
      lat: -8.7,
      lng: 120.9,
    }),
  );
  const villages = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', `${districts[0].code}.%`)
    .orderBy('code')
    .execute();
  const points: string[] = [];
  const n = opts.points ?? 3;
  for (let i = 0; i < n; i++) {
    const id = await makeServicePoint(db, {
      villageCode: villages[i % villages.length].code,
      name: `Titik ${i + 1}`,
    });
    const angle = (2 * Math.PI * i) / n;
    await db
      .updateTable('service_points')
      .set({ lat: -8.8 + 0.05 * Math.sin(angle), lng: 121.0 + 0.05 * Math.cos(angle) })
      .where('id', '=', id)
      .execute();
    unwrap(await assignPoint(db, null, id, kecHub));
    points.push(id);
  }
  const v2 = await db
    .selectFrom('regions')
    .select('code')
    .where('level', '=', 4)
    .where('code', 'like', `${districts[1].code}.%`)
    .orderBy('code')
    .limit(1)
    .executeTakeFirstOrThrow();
  const otherPoint = await makeServicePoint(db, { villageCode: v2.code, name: 'Titik Lain' });
  await db
    .updateTable('service_points')
    .set({ lat: -8.68, lng: 120.88 })
    .where('id', '=', otherPoint)
    .execute();
  unwrap(await assignPoint(db, null, otherPoint, kecHub2));
  const vehicles: string[] = [];
  for (let i = 0; i < (opts.vehicles ?? 2); i++)
    vehicles.push(
      unwrap(
        await addVehicle(db, null, {
          hubId: kecHub,
          name: `Pikap ${i + 1}`,
          capacityKg: opts.capacityKg ?? 500,
          costPerKm: 3500,
        }),
      ),
    );
  return { kabHub, kecHub, kecHub2, points, otherPoint, vehicles };
}

/** The hub ids the distances fixtures name (src/domains/logistics/fixtures): three kecamatan
 *  hubs under `kabHub`, in Ngada districts the test network does not use. */
export const FIXTURE_HUBS = ['hub_fx_golewa', 'hub_fx_riung', 'hub_fx_bajawa'] as const;

/** Makes the fixtures' hubs (once per database). */
export async function makeFixtureHubs(db: Db, kabHub: string): Promise<void> {
  const districts = await ngadaDistricts(db, 2, FIXTURE_HUBS.length);
  for (const [i, fixed] of FIXTURE_HUBS.entries()) {
    const id = unwrap(
      await createHub(db, null, {
        tier: 'kecamatan',
        regionCode: districts[i].code,
        parentHubId: kabHub,
        name: `Hub ${fixed.slice('hub_fx_'.length)}`,
        lat: -8.8 + i / 10,
        lng: 121,
      }),
    );
    await db.updateTable('hubs').set({ id: fixed }).where('id', '=', id).execute();
  }
}
