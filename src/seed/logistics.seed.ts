// Demo data of the logistics domain (see JOURNEYS.md, Pak Hendra): hubs with real
// coordinates for Ngada (Bajawa kabupaten hub, Golewa and Riung kecamatan hubs) and
// Banyuwangi (kabupaten hub in town, Glagah and Muncar), vehicles, the community seed's
// service points (queried, not assumed) assigned to hubs plus six more village points around
// Mataloko so Golewa serves eight, a hub_operator login for Pak Hendra, and a week of parcels
// and runs replayed through the real services (scans, manifests, lib/vrp plans) with
// past timestamps. Handed-over seeded orders become parcels through the catch-up sweep and
// travel scan by scan to the buyer's point, where the oldest are collected with the code.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import type { Db } from '../kernel/db/index.js';
import { createServicePoint, servicePointsIn } from '../domains/community/index.js';
import { walkOrderParcels } from './parcel-walk.js';
import { byText } from './sorting.js';
import {
  addVehicle,
  assignPoint,
  buildManifests,
  createHub,
  createParcel,
  parcelsForOrder,
  parcelsFromHandedOverOrders,
  planRuns,
  recordScan,
  setDetour,
} from '../domains/logistics/index.js';

const DAY = 86400_000;
const EXTRA_NGADA = [
  { name: 'Kios Mataloko', village: '53.09.02.1017', lat: -8.8295, lng: 121.048 },
  { name: 'Titik Layanan Sangadeto', village: '53.09.02.2009', lat: -8.8482, lng: 121.0716 },
  { name: 'Pos Layanan Were I', village: '53.09.02.2002', lat: -8.8603, lng: 121.0297 },
  { name: 'Kios Dadawea', village: '53.09.02.2018', lat: -8.8151, lng: 121.0896 },
  { name: 'Titik Layanan Waepana', village: '53.09.07.2001', lat: -8.7042, lng: 121.0475 },
  { name: 'Kios Keligejo', village: '53.09.01.2001', lat: -8.8786, lng: 120.8468 },
];

/** Deterministic pseudo-random numbers, so every demo database looks the same. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** The located service points of a regency, by village then id (the simulation's fixed order). */
async function pointsIn(db: Db, prefix: string) {
  return (await servicePointsIn(db, prefix))
    .filter((p) => p.lat !== null && p.village_code.startsWith(`${prefix}.`))
    .sort((a, b) => byText(a.village_code, b.village_code) || byText(a.id, b.id));
}

interface Sim {
  db: Db;
  kab: string;
  kec: string;
  points: string[];
  days: number;
  outPerDay: number;
  inPerDay: number;
  zone: number;
  seed: number;
  heavyToday: boolean;
}

/** Replays `days` days at a kecamatan hub through the services, never past the present moment. */
async function simulate(s: Sim): Promise<void> {
  const now = Date.now();
  const midnight = Math.floor((now + s.zone * 3600_000) / DAY) * DAY - s.zone * 3600_000;
  const at = (day: number, hour: number) =>
    new Date(midnight + day * DAY + hour * 3600_000).toISOString();
  const dateOf = (day: number) =>
    new Date(midnight + day * DAY + s.zone * 3600_000).toISOString().slice(0, 10);
  const r = rng(s.seed);
  let seq = 0;
  const scan = async (
    tracking: string,
    kind: Parameters<typeof recordScan>[2]['kind'],
    loc: string,
    when: string,
    code?: string,
  ) => {
    if (Date.parse(when) > now) return false;
    return (
      await recordScan(s.db, null, {
        tracking,
        kind,
        locationId: loc,
        clientScanId: `seed-${s.seed}-${++seq}`,
        at: when,
        pickupCode: code,
      })
    ).ok;
  };
  let returnedOne = false;
  const destVillages = ['35.78.01.1001', '31.71.01.1001', '51.71.01.1001', '53.71.01.1001'];
  for (let day = -s.days; day <= 0; day++) {
    // Sellers drop parcels off during the day; today's loads are heavy (harvest week) so two pickups are needed.
    for (let i = 0; i < s.outPerDay; i++) {
      const point = s.points[i % s.points.length];
      const kg = day === 0 && s.heavyToday ? 60 + Math.floor(r() * 35) : 2 + Math.floor(r() * 30);
      // Today's drop-offs happen "so far today", whatever the hour the demo is seeded.
      const when = Math.min(Date.parse(at(day, 8 + r() * 6)), now - (s.outPerDay - i) * 300_000);
      const p = unwrap(
        await createParcel(s.db, null, {
          originPointId: point,
          destinationPointId: null,
          destinationVillageCode: destVillages[i % 4],
          weightGrams: kg * 1000,
          at: new Date(when - 1800_000).toISOString(),
          isDemo: true,
        }),
      );
      await scan(p.trackingNumber, 'received_at_point', point, new Date(when).toISOString());
    }
    // Goods bought into the villages arrive at the kabupaten hub and go down to the kecamatan hub.
    for (let i = 0; i < s.inPerDay; i++) {
      const point = s.points[Math.floor(r() * s.points.length)];
      const p = unwrap(
        await createParcel(s.db, null, {
          originPointId: null,
          destinationPointId: point,
          weightGrams: (1 + Math.floor(r() * 20)) * 1000,
          at: at(day, 7),
          isDemo: true,
        }),
      );
      if (!(await scan(p.trackingNumber, 'arrived_hub', s.kab, at(day, 9)))) continue;
      if (!(await scan(p.trackingNumber, 'left_hub', s.kab, at(day, 13)))) continue;
      await scan(p.trackingNumber, 'arrived_hub', s.kec, at(day, 15.5));
    }
    if (day === 0) break; // today is Pak Hendra's to consolidate and plan
    // Next morning: manifests, a planned route, departure; drop-offs handed over at each stop.
    const next = day + 1;
    const date = dateOf(next);
    unwrap(await buildManifests(s.db, null, s.kec, date, true));
    const plan = await planRuns(s.db, null, s.kec, date, { seconds: 0.1, isDemo: true });
    if (!plan.ok) continue;
    for (const runId of plan.value.runIds) {
      const run = await s.db
        .selectFrom('runs')
        .select(['duration_min'])
        .where('id', '=', runId)
        .executeTakeFirstOrThrow();
      const stops = await s.db
        .selectFrom('run_stops')
        .select(['service_point_id', 'eta'])
        .where('run_id', '=', runId)
        .execute();
      const manifests = await s.db
        .selectFrom('manifests as m')
        .innerJoin('manifest_parcels as mp', 'mp.manifest_id', 'm.id')
        .innerJoin('parcels as p', 'p.id', 'mp.parcel_id')
        .select(['m.from_kind', 'm.from_id', 'm.to_id', 'p.tracking_number', 'p.pickup_code'])
        .where('m.run_id', '=', runId)
        .execute();
      const back = new Date(Date.parse(at(next, 8)) + run.duration_min * 60_000).toISOString();
      for (const m of manifests) {
        if (m.from_kind === 'hub') {
          const stop = stops.find((x) => x.service_point_id === m.to_id)!;
          if (!(await scan(m.tracking_number, 'out_for_delivery', s.kec, at(next, 8)))) continue;
          if (!(await scan(m.tracking_number, 'ready_for_pickup', m.to_id!, stop.eta))) continue;
          // Most buyers collect within a day or two; a few have not come yet.
          if (r() < 0.85)
            await scan(
              m.tracking_number,
              'delivered',
              m.to_id!,
              new Date(Date.parse(stop.eta) + (2 + r() * 40) * 3600_000).toISOString(),
              m.pickup_code ?? undefined,
            );
        } else if (await scan(m.tracking_number, 'arrived_hub', s.kec, back)) {
          // Line haul to the kabupaten hub the same afternoon; the partner courier delivers in 2–3 days.
          if (!(await scan(m.tracking_number, 'left_hub', s.kec, at(next, 15)))) continue;
          if (!(await scan(m.tracking_number, 'arrived_hub', s.kab, at(next, 17)))) continue;
          if (!(await scan(m.tracking_number, 'out_for_delivery', s.kab, at(next + 1, 8))))
            continue;
          if (r() < 0.1) {
            if (!(await scan(m.tracking_number, 'failed_delivery', s.kab, at(next + 2, 16))))
              continue;
            if (!returnedOne) {
              // The week's first failure goes back to its seller: the whole way home over ordinary legs.
              returnedOne = true;
              if (!(await scan(m.tracking_number, 'return_started', s.kab, at(next + 2, 17))))
                continue;
              if (!(await scan(m.tracking_number, 'left_hub', s.kab, at(next + 3, 13)))) continue;
              if (!(await scan(m.tracking_number, 'arrived_hub', s.kec, at(next + 3, 15.5))))
                continue;
              if (!(await scan(m.tracking_number, 'out_for_delivery', s.kec, at(next + 4, 8))))
                continue;
              await scan(m.tracking_number, 'returned', m.from_id!, at(next + 4, 11));
              continue;
            }
            if (!(await scan(m.tracking_number, 'out_for_delivery', s.kab, at(next + 3, 8))))
              continue;
          }
          await scan(
            m.tracking_number,
            'delivered',
            s.kab,
            at(next + 3 + Math.floor(r() * 2), 12),
            m.pickup_code ?? undefined,
          );
        }
      }
      const status =
        Date.parse(back) <= now
          ? 'completed'
          : Date.parse(at(next, 8)) <= now
            ? 'departed'
            : 'planned';
      await s.db.updateTable('runs').set({ status }).where('id', '=', runId).execute();
    }
  }
}

export async function seedLogistics(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const admin: Actor = {
    userId: ctx.refs['user:national_admin'],
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const hub = async (
    tier: 'kabupaten' | 'kecamatan',
    regionCode: string,
    name: string,
    lat: number,
    lng: number,
    parentHubId?: string,
  ) =>
    unwrap(
      await createHub(db, admin, { tier, regionCode, name, lat, lng, parentHubId, isDemo: true }),
    );
  const ngada = await hub('kabupaten', '53.09', 'Hub Kabupaten Ngada (Bajawa)', -8.7869, 120.9766);
  const golewa = await hub(
    'kecamatan',
    '53.09.02',
    'Hub Kecamatan Golewa (Mataloko)',
    -8.8289,
    121.0444,
    ngada,
  );
  const riung = await hub('kecamatan', '53.09.09', 'Hub Kecamatan Riung', -8.4167, 121.025, ngada);
  const bwi = await hub('kabupaten', '35.10', 'Hub Kabupaten Banyuwangi', -8.2192, 114.3691);
  const glagah = await hub('kecamatan', '35.10.15', 'Hub Kecamatan Glagah', -8.205, 114.33, bwi);
  const muncar = await hub('kecamatan', '35.10.05', 'Hub Kecamatan Muncar', -8.435, 114.335, bwi);
  Object.assign(ctx.refs, {
    'hub:ngada': ngada,
    'hub:golewa': golewa,
    'hub:riung': riung,
    'hub:banyuwangi': bwi,
    'hub:glagah': glagah,
    'hub:muncar': muncar,
  });
  // Winding volcanic roads on Flores; flatter coastal roads in Banyuwangi.
  unwrap(await setDetour(db, admin, '53.09', 1.55));
  unwrap(await setDetour(db, admin, '35.10', 1.3));
  for (const p of EXTRA_NGADA) {
    unwrap(
      await createServicePoint(
        db,
        admin,
        {
          name: p.name,
          village_code: p.village,
          organisation_id: null,
          lat: p.lat,
          lng: p.lng,
          opening_hours: 'Senin–Sabtu 08.00–16.00 WITA',
          services: ['parcels', 'assisted_selling'],
        } as any,
        { isDemo: true },
      ),
    );
  }
  // Every seeded point goes to its nearest-in-spirit hub: Riung's coast, Muncar's coast, the rest inland.
  const ngadaPoints = await pointsIn(db, '53.09');
  const bwiPoints = await pointsIn(db, '35.10');
  for (const p of ngadaPoints)
    unwrap(
      await assignPoint(
        db,
        admin,
        p.id,
        p.village_code.startsWith('53.09.09.') || p.village_code.startsWith('53.09.14.')
          ? riung
          : golewa,
      ),
    );
  for (const p of bwiPoints)
    unwrap(
      await assignPoint(db, admin, p.id, p.village_code.startsWith('35.10.05.') ? muncar : glagah),
    );
  for (const [h, name, kg, cost] of [
    [golewa, 'Pikap L300 DH 8123 AB', 500, 3500],
    [golewa, 'Pikap Carry DH 8456 AB', 500, 3200],
    [riung, 'Pikap 4x4 DH 8790 AC', 750, 4200],
    [ngada, 'Truk Engkel DH 9012 AA', 2500, 7500],
    [glagah, 'Pikap Gran Max P 8811 XA', 600, 3000],
    [muncar, 'Pikap L300 P 8822 XB', 500, 3100],
    [bwi, 'Truk Engkel P 9033 XC', 3000, 7000],
  ] as const) {
    unwrap(
      await addVehicle(db, admin, {
        hubId: h,
        name,
        capacityKg: kg,
        costPerKm: cost,
        isDemo: true,
      }),
    );
  }
  const golewaPoints = ngadaPoints
    .filter(
      (p) => !p.village_code.startsWith('53.09.09.') && !p.village_code.startsWith('53.09.14.'),
    )
    .map((p) => p.id);
  const glagahPoints = bwiPoints
    .filter((p) => !p.village_code.startsWith('35.10.05.'))
    .map((p) => p.id);
  await simulate({
    db,
    kab: ngada,
    kec: golewa,
    points: golewaPoints,
    days: 7,
    outPerDay: golewaPoints.length,
    inPerDay: 3,
    zone: 8,
    seed: 5309,
    heavyToday: true,
  });
  if (glagahPoints.length)
    await simulate({
      db,
      kab: bwi,
      kec: glagah,
      points: glagahPoints,
      days: 7,
      outPerDay: 4,
      inPerDay: 2,
      zone: 7,
      seed: 3510,
      heavyToday: false,
    });
  await parcelsFromHandedOverOrders(db, '53.09');
  await parcelsFromHandedOverOrders(db, '35.10');
  // The orders seed's oldest parcels travel to Pak Yohanes's counter; the oldest are collected.
  // Orders from sellers whose village has no service point have no parcel: they are skipped,
  // so the counter still gets its eight collected parcels and four waiting ones.
  const handedOver = JSON.parse(ctx.refs['orders:handed_over'] ?? '[]') as string[];
  let collected = 0;
  let waiting = 0;
  for (const id of handedOver) {
    if (waiting >= 4) break;
    if ((await parcelsForOrder(db, id)).length === 0) continue;
    const to = collected < 8 ? 'collected' : 'ready';
    if (!(await walkOrderParcels(db, ctx.refs, id, to))) continue;
    if (to === 'collected') collected++;
    else waiting++;
  }
  return [
    await demoUser(
      ctx.h,
      {
        role: 'hub_operator',
        name: 'Pak Hendra (demo, Hub Kecamatan Golewa)',
        phone: '+6281100000040',
        scope: golewa,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'hub_operator',
        name: 'Mas Rizal (demo, Hub Kecamatan Glagah)',
        phone: '+6281100000041',
        scope: glagah,
      },
      ctx.refs,
    ),
  ];
}
