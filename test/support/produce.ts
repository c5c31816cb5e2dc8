// Test fixtures of the produce domain: a koperasi with a collection point, a manager and a
// clerk, producers, a price basis and intakes (imported only by tests and access cases).
import type { World } from './world.js';
import { anyVillage, makeOrganisation, makeServicePoint } from './community.js';
import { unwrap } from '../../src/kernel/errors/index.js';
import type { Actor } from '../../src/kernel/auth/index.js';
import { recordIntake, registerProducer, setPriceBasis } from '../../src/domains/produce/index.js';

export interface Koperasi {
  orgId: string;
  pointId: string;
  village: string;
  manager: Actor;
  clerk: Actor;
}

/** An actor with grants, without a session (for calling services directly). */
export function actorOf(userId: string, grants: Actor['grants']): Actor {
  return { userId, displayName: 'Test', locale: 'id', grants, via: 'session' };
}

export async function makeKoperasi(w: World, nth = 0, regency = '53.09'): Promise<Koperasi> {
  const village = await anyVillage(w.h.db, regency, nth);
  const orgId = await makeOrganisation(w.h.db, { villageCode: village, kind: 'koperasi' });
  const pointId = await makeServicePoint(w.h.db, { villageCode: village, organisationId: orgId });
  return {
    orgId,
    pointId,
    village,
    manager: actorOf(`usr_mgr_${orgId}`, [
      { role: 'community_manager', scopeType: 'organisation', scopeId: orgId, regionCode: village },
    ]),
    clerk: actorOf(`usr_clk_${orgId}`, [
      { role: 'village_agent', scopeType: 'service_point', scopeId: pointId, regionCode: village },
    ]),
  };
}

export async function makeProducer(w: World, k: Koperasi, name = 'Daniel Wea'): Promise<string> {
  return unwrap(
    await registerProducer(w.h.db, k.clerk, {
      fullName: name,
      phone: null,
      organisationId: k.orgId,
      villageCode: k.village,
      plots: [{ commodity: 'kopi_arabika', areaM2: 5000 }],
    }),
  );
}

export async function setCoffeePrices(w: World, k: Koperasi, from = '2026-01-01') {
  for (const [grade, price, trader] of [
    ['g1', 12_000, 9_000],
    ['g2', 11_000, 8_500],
  ] as const)
    unwrap(
      await setPriceBasis(w.h.db, k.manager, {
        organisationId: k.orgId,
        commodity: 'kopi_arabika',
        grade,
        validFrom: from,
        validTo: '2026-12-31',
        pricePerKg: price,
        traderPricePerKg: trader,
      }),
    );
}

export async function makeIntake(
  w: World,
  k: Koperasi,
  producerId: string,
  o: { grossGrams?: number; grade?: string; advance?: number; receivedOn?: string } = {},
) {
  return unwrap(
    await recordIntake(w.h.db, k.clerk, {
      producerId,
      commodity: 'kopi_arabika',
      grade: o.grade ?? 'g1',
      grossGrams: o.grossGrams ?? 62_000,
      tareGrams: 500,
      moisturePermille: 450,
      measure: null,
      receivedOn: o.receivedOn ?? '2026-05-04',
      advance: o.advance ?? 0,
    }),
  );
}
