// Test fixtures of the collective domain: an organisation with a coordinator actor, producers
// with listed products, pickup points, and an open cycle over them (real openCycle).
import type { DbHandle } from '../../src/kernel/db/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import { openCycle, type OpenCycleInput } from '../../src/domains/collective/index.js';
import { anyVillage, makeOrganisation, makeServicePoint, makeUmkm } from './community.js';
import { makeProduct } from './catalog.js';

export const coordinatorOf = (organisationId: string): Actor => ({
  userId: `usr_coord_${organisationId.slice(-6)}`,
  displayName: 'Koordinator',
  locale: null,
  via: 'session',
  grants: [
    {
      role: 'community_manager',
      scopeType: 'organisation',
      scopeId: organisationId,
      regionCode: null,
    },
  ],
});

export interface CycleWorld {
  organisationId: string;
  village: string;
  coordinator: Actor;
  producers: string[];
  variants: { variantId: string; productId: string; umkmId: string; price: number }[];
  points: string[];
}

/** An organisation, `producers` UMKM with one listed product each, and `points` service points. */
export async function makeCycleWorld(
  h: DbHandle,
  o: { producers?: number; points?: number; stock?: number; regency?: string } = {},
): Promise<CycleWorld> {
  const village = await anyVillage(h.db, o.regency ?? '53.09');
  const organisationId = await makeOrganisation(h.db, { villageCode: village });
  const producers: string[] = [];
  const variants: CycleWorld['variants'] = [];
  for (let i = 0; i < (o.producers ?? 2); i++) {
    const umkmId = await makeUmkm(h.db, { villageCode: village, organisationId });
    producers.push(umkmId);
    const price = 20000 + i * 5000;
    const p = await makeProduct(h, {
      umkmId,
      price,
      stock: o.stock ?? 100,
      title: `Produk ${i + 1}`,
    });
    variants.push({ ...p, umkmId, price });
  }
  const points: string[] = [];
  for (let i = 0; i < (o.points ?? 2); i++)
    points.push(
      await makeServicePoint(h.db, {
        villageCode: village,
        organisationId,
        name: `Titik ${i + 1}`,
      }),
    );
  return {
    organisationId,
    village,
    coordinator: coordinatorOf(organisationId),
    producers,
    variants,
    points,
  };
}

/** A cycle open now and closing in `hours`, with every product and point of the world. */
export async function makeCycle(
  h: DbHandle,
  cw: CycleWorld,
  over: Partial<OpenCycleInput> = {},
  hours = 48,
): Promise<string> {
  const now = Date.now();
  const closes = new Date(now + hours * 3600_000).toISOString();
  const pickup = new Date(now + (hours + 24) * 3600_000).toISOString().slice(0, 10);
  return unwrap(
    await openCycle(h.db, cw.coordinator, {
      organisationId: cw.organisationId,
      name: 'Pasar Kamis',
      opensAt: new Date(now - 3600_000).toISOString(),
      closesAt: closes,
      repeat: 'weekly',
      products: cw.variants.map((v) => ({ variantId: v.variantId })),
      points: cw.points.map((p) => ({
        servicePointId: p,
        pickupDate: pickup,
        pickupFrom: '08:00',
        pickupTo: '11:00',
      })),
      ...over,
    }),
  );
}
