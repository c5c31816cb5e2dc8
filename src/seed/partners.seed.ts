// Demo data of the partners domain (see JOURNEYS.md): two partner platforms with logins,
// accepted partnerships with BUMDes/koperasi that have market-ready products, one offer still
// waiting for a community manager, last month's partner orders (transfers paid first, parcels
// carried scan by scan and collected with the buyer's code, COD cash taken then; one returned),
// incentive rules for the demo regencies and the issued statements.
import type { SeedContext } from './context.js';
import { demoUser, type DemoLogin } from './demo-user.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import type { Tx } from '../kernel/db/index.js';
import {
  placeOrder,
  recordFulfilment,
  flushOrderEvents,
  payGroupForSeed,
  backdateOrderForSeed,
} from '../domains/orders/index.js';
import { listedCountsByUmkm, listedVariants } from '../domains/catalog/index.js';
import {
  organisationPlace,
  organisationPlaces,
  servicePointsIn,
  umkmFactsByIds,
  umkmOfOrganisations,
} from '../domains/community/index.js';
import { walkOrderParcels } from './parcel-walk.js';
import { byText } from './sorting.js';
import { createPartnerRecord, defineRule, issueStatement } from '../domains/partners/index.js';

/** The demo regencies: Ngada (NTT) and Banyuwangi (Jawa Timur). */
const DEMO_REGENCIES = ['53.09', '35.10'];

const admin = (userId: string): Actor => ({
  userId,
  displayName: 'Admin Nasional (demo)',
  locale: null,
  via: 'session',
  grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
});

/** Organisations with listed products, busiest (most listed products) first, then by id. */
async function busiestOrganisations(db: Tx): Promise<{ id: string; village_code: string }[]> {
  const perUmkm = await listedCountsByUmkm(db);
  const facts = await umkmFactsByIds(db, [...perUmkm.keys()]);
  const perOrg = new Map<string, number>();
  for (const [umkmId, n] of perUmkm) {
    const org = facts.get(umkmId)?.organisation_id;
    if (org) perOrg.set(org, (perOrg.get(org) ?? 0) + n);
  }
  const places = await organisationPlaces(db, [...perOrg.keys()]);
  return [...places.values()]
    .map((o) => ({ id: o.id, village_code: o.village_code, n: perOrg.get(o.id) ?? 0 }))
    .sort((a, b) => b.n - a.n || byText(a.id, b.id))
    .map(({ id, village_code }) => ({ id, village_code }));
}

function lastMonth(): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

export async function seedPartners(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const pasar = await createPartnerRecord(db, {
    name: 'Pasar Nusantara (demo)',
    kind: 'marketplace',
    isDemo: true,
  });
  const warung = await createPartnerRecord(db, {
    name: 'Warung Digital (demo)',
    kind: 'social_commerce',
    isDemo: true,
  });
  ctx.refs['partner:pasar'] = pasar;
  ctx.refs['partner:warung'] = warung;
  const logins = [
    await demoUser(
      ctx.h,
      {
        role: 'partner',
        name: 'Tim Kemitraan Pasar Nusantara (demo)',
        phone: '+6281100000060',
        scope: pasar,
      },
      ctx.refs,
    ),
    await demoUser(
      ctx.h,
      {
        role: 'partner',
        name: 'Tim Warung Digital (demo)',
        phone: '+6281100000061',
        scope: warung,
      },
      ctx.refs,
    ),
  ];

  // Organisations with market-ready products, busiest first: the partners want those.
  const orgs = await busiestOrganisations(db);
  const now = new Date().toISOString();
  const start = `${lastMonth()}-01`;
  const ship = (
    id: string,
    partnerId: string,
    orgId: string,
    village: string,
    status: 'accepted' | 'offered',
    bps: number,
  ) =>
    db
      .insertInto('partnerships')
      .values({
        id,
        partner_id: partnerId,
        umkm_id: null,
        organisation_id: orgId,
        village_code: village,
        commission_bps: bps,
        ships_by: 'lumbung',
        terms: `Komisi ${bps / 100}% dari nilai barang; pengiriman lewat titik layanan desa dan hub Lumbung. (demo)`,
        status,
        offered_at: now,
        offered_by: null,
        decided_at: status === 'accepted' ? now : null,
        decided_by: null,
        starts_on: start,
        ends_on: null,
      })
      .execute();
  const accepted = orgs.slice(0, 3);
  for (const [i, o] of accepted.entries())
    await ship(`pns_demo_pasar_${i}`, pasar, o.id, o.village_code, 'accepted', 800);
  if (orgs[0])
    await ship('pns_demo_warung_0', warung, orgs[0].id, orgs[0].village_code, 'accepted', 500);
  // One offer left for the journey: the community manager accepts it in the demo.
  const waiting =
    ctx.refs['org:bumdes-sari'] && !accepted.some((o) => o.id === ctx.refs['org:bumdes-sari'])
      ? ctx.refs['org:bumdes-sari']
      : orgs[3]?.id;
  if (waiting) {
    const v = await organisationPlace(db, waiting);
    if (!v) throw new Error(`partners seed: organisation ${waiting} is missing`);
    await ship('pns_demo_warung_offer', warung, waiting, v.village_code, 'offered', 600);
  }

  const adminId = ctx.refs['user:national_admin'];
  if (!adminId || accepted.length === 0) return logins;
  const actor = admin(adminId);
  // Up to twelve variants in stock of the accepted organisations' UMKM, oldest first, each
  // with its producer's village.
  const sellers = await umkmOfOrganisations(
    db,
    accepted.map((o) => o.id),
  );
  const sellerFacts = await umkmFactsByIds(db, sellers);
  const variants = (
    await listedVariants(db, { minAvailable: 4, umkmIds: sellers, by: 'variant', limit: 12 })
  ).map((v) => ({ id: v.id, village_code: sellerFacts.get(v.umkm_id)?.village_code ?? '' }));
  // The demo's service points (all in the demo regencies), by id.
  const points = (await Promise.all(DEMO_REGENCIES.map((regency) => servicePointsIn(db, regency))))
    .flat()
    .sort((a, b) => byText(a.id, b.id));
  const period = lastMonth();
  const placed: string[] = [];
  // Orders arrive as they would over the API: from the partner's own integration token.
  const partnerActor: Actor = {
    userId: ctx.refs['user:+6281100000060'],
    displayName: 'Pasar Nusantara',
    locale: null,
    via: 'token',
    grants: [{ role: 'partner', scopeType: 'partner', scopeId: pasar, regionCode: null }],
  };
  for (const [i, v] of variants.entries()) {
    const point =
      points.find((p) => p.village_code.slice(0, 5) !== v.village_code.slice(0, 5)) ?? points[0];
    if (!point) break;
    const r = await placeOrder(
      db,
      {
        lines: [{ variantId: v.id, qty: 1 + (i % 2) }],
        buyer: {
          name: `Pembeli Pasar Nusantara ${i + 1} (demo)`,
          phone: `08123400${String(i).padStart(4, '0')}`,
        },
        delivery: { kind: 'pickup', servicePointId: point.id },
        paymentMethod: i % 3 === 0 ? 'cod' : 'transfer',
        channel: 'partner',
        partnerId: pasar,
      },
      partnerActor,
    );
    if (!r.ok) continue;
    const id = r.value.orders[0].id;
    // A transfer is paid before the seller packs; COD is paid in cash at the counter.
    if (i % 3 !== 0) unwrap(await payGroupForSeed(db, r.value.groupId));
    for (const s of ['packed', 'handed_over'] as const)
      unwrap(await recordFulfilment(db, id, s, actor));
    // The parcel travels through the network to the buyer's point; one COD buyer never comes
    // and it goes back to its seller (the order is returned by that scan, no money changed hands).
    await walkOrderParcels(db, ctx.refs, id, i === 3 ? 'returned' : 'collected');
    placed.push(id);
  }
  await flushOrderEvents();
  // Demo history: these partner orders happened last month (the seed backdates its own demo rows).
  for (const [i, id] of placed.entries()) {
    const day = String(3 + i * 2).padStart(2, '0');
    await backdateOrderForSeed(db, id, {
      placedAt: `${period}-${day}T02:00:00.000Z`,
      deliveredAt: `${period}-${day}T09:00:00.000Z`,
    });
  }
  for (const regency of DEMO_REGENCIES) {
    unwrap(
      await defineRule(db, actor, {
        period,
        scopeCode: regency,
        kind: 'gmv_percent',
        amount: 300,
        count: null,
      }),
    );
    unwrap(
      await defineRule(db, actor, {
        period,
        scopeCode: regency,
        kind: 'first_sales_bonus',
        amount: 10_000,
        count: 5,
      }),
    );
    unwrap(
      await defineRule(db, actor, {
        period,
        scopeCode: regency,
        kind: 'poverty_multiplier',
        amount: 1500,
        count: null,
      }),
    );
    unwrap(
      await defineRule(db, actor, {
        period,
        scopeCode: regency,
        kind: 'monthly_cap',
        amount: 2_500_000,
        count: null,
      }),
    );
    const st = await issueStatement(db, actor, pasar, period, regency);
    if (st.ok) ctx.refs[`statement:pasar:${regency}`] = st.value.id;
  }
  return logins;
}
