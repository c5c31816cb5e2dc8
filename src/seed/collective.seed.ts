// Demo data of the collective domain (JOURNEYS.md: Ibu Theresia's weekly market day in Ngada,
// Mas Bagus's group buys in Kemiren, Banyuwangi): an open weekly cycle of BUMDes Radabata Maju
// with up to ten producers and two pickup points, a few orders placed through it and two
// standing orders on its series, and in
// Kemiren one group buy that succeeded and one that failed, settled by the real use case.
import type { SeedContext } from './context.js';
import type { DemoLogin } from './demo-user.js';
import { unwrap } from '../kernel/errors/index.js';
import type { Actor } from '../kernel/auth/index.js';
import {
  commitToGroupBuy,
  openCycle,
  openGroupBuy,
  orderFromCycle,
  settleGroupBuy,
  subscribe,
} from '../domains/collective/index.js';
import { listedVariants } from '../domains/catalog/index.js';

const DAY = 86400_000;

const actorOf = (userId: string, role: Actor['grants'][0]['role'], scopeId: string): Actor => ({
  userId,
  displayName: 'demo',
  locale: null,
  via: 'session',
  grants: [
    {
      role,
      scopeType: role === 'village_agent' ? 'service_point' : 'organisation',
      scopeId,
      regionCode: null,
    },
  ],
});

/** Listed variants with stock in a regency, one per producer (the catalogue seed's products). */
async function offered(ctx: SeedContext, regency: string, n: number) {
  const rows = await listedVariants(ctx.h.db, {
    minAvailable: 40,
    regionPrefix: regency,
    by: 'umkm',
  });
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.umkm_id) && seen.add(r.umkm_id)).slice(0, n);
}

export async function seedCollective(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const now = Date.now();
  const org = ctx.refs['org:bumdes-sari'];
  const theresia = actorOf(ctx.refs['user:bumdes-manager'], 'community_manager', org);
  const ngada = await offered(ctx, '53.09', 10);
  if (ngada.length) {
    const pickup = new Date(now + 7 * DAY).toISOString().slice(0, 10);
    const cycleId = unwrap(
      await openCycle(db, theresia, {
        organisationId: org,
        name: 'Pasar Kamis Radabata',
        opensAt: new Date(now - DAY).toISOString(),
        closesAt: new Date(now + 6 * DAY).toISOString(),
        repeat: 'weekly',
        // Market-day price: 5 % under the listing, rounded to Rp 500.
        products: ngada.map((v) => ({
          variantId: v.id,
          price: Math.max(500, Math.round((v.price * 0.95) / 500) * 500),
        })),
        points: [ctx.refs['svp:yohanes'], ctx.refs['svp:beja']].map((sp, i) => ({
          servicePointId: sp,
          pickupDate: pickup,
          pickupFrom: i === 0 ? '08:00' : '13:00',
          pickupTo: i === 0 ? '11:00' : '16:00',
        })),
      }),
    );
    const buyers = [
      ['Ibu Maria Goreti', '+6281300000101'],
      ['Bapak Yakobus Dhiu', '+6281300000102'],
      ['Ibu Regina Lowa', '+6281300000103'],
    ];
    for (const [i, [name, phone]] of buyers.entries())
      unwrap(
        await orderFromCycle(db, null, {
          cycleId,
          lines: [...new Set([ngada[i % ngada.length], ngada[(i + 1) % ngada.length]])].map(
            (v) => ({ variantId: v.id, qty: 1 + i }),
          ),
          buyer: { name, phone },
          servicePointId: i === 2 ? ctx.refs['svp:beja'] : ctx.refs['svp:yohanes'],
          paymentMethod: 'cod',
        }),
      );
    await db.updateTable('cycles').set({ is_demo: 1 }).where('id', '=', cycleId).execute();
    // Standing orders on the weekly series: Mbak Rina (the demo buyer) takes the first product
    // every market day at Pak Yohanes's point, and Pak Yohanes keeps one for a household
    // without a phone (cash at the point, consent recorded); the next opening places both.
    const rina = ctx.refs['user:+6281100000002'];
    if (rina)
      unwrap(
        await subscribe(
          db,
          { ...actorOf(rina, 'buyer', ''), grants: [] },
          {
            cycleId,
            lines: [{ variantId: ngada[0].id, qty: 2 }],
            buyer: { name: 'Mbak Rina', phone: '+6281100000002' },
            servicePointId: ctx.refs['svp:yohanes'],
            paymentMethod: 'transfer',
          },
        ),
      );
    const yohanes = ctx.refs['user:yohanes'];
    if (yohanes)
      unwrap(
        await subscribe(db, actorOf(yohanes, 'village_agent', ctx.refs['svp:yohanes']), {
          cycleId,
          lines: ngada.slice(0, 2).map((v) => ({ variantId: v.id, qty: 1 })),
          buyer: { name: 'Mama Agustina Bhoko' },
          servicePointId: ctx.refs['svp:yohanes'],
          paymentMethod: 'cod',
          assisted: { agentServicePointId: ctx.refs['svp:yohanes'], consent: true },
        }),
      );
  }

  const kemiren = ctx.refs['svp:kemiren'];
  const bagus = actorOf(ctx.refs['user:+6281100000014'], 'village_agent', kemiren);
  const [product] = await offered(ctx, '35.10', 1);
  if (product) {
    // Deadlines a minute ahead, settled "after" them by passing the settlement its clock.
    const groupBuy = async (minimum: number, commits: [string, string, number][]) => {
      const deadline = new Date(Date.now() + 60_000);
      const id = unwrap(
        await openGroupBuy(db, bagus, {
          servicePointId: kemiren,
          variantId: product.id,
          minimumQty: minimum,
          deadline: deadline.toISOString(),
          tiers: [
            {
              minQty: Math.ceil(minimum / 2),
              price: Math.round((product.price * 0.95) / 100) * 100,
            },
            { minQty: minimum, price: Math.round((product.price * 0.85) / 100) * 100 },
          ],
        }),
      );
      for (const [name, phone, qty] of commits)
        unwrap(
          await commitToGroupBuy(db, bagus, {
            groupBuyId: id,
            qty,
            buyer: { name, phone },
            paymentMethod: 'cod',
            viaAgent: { consent: true },
          }),
        );
      unwrap(await settleGroupBuy(db, id, new Date(deadline.getTime() + 1000)));
      await db.updateTable('group_buys').set({ is_demo: 1 }).where('id', '=', id).execute();
    };
    const stock = Number(product.available);
    const minimum = Math.max(4, Math.min(20, Math.floor(stock / 3)));
    await groupBuy(minimum, [
      ['Mbok Painah', '+6281300000201', Math.ceil(minimum / 2)],
      ['Pak Sunarto', '+6281300000202', Math.ceil(minimum / 3)],
      ['Bu Endang', '+6281300000203', Math.ceil(minimum / 4)],
    ]);
    await groupBuy(stock * 2, [
      ['Pak Wiyono', '+6281300000204', 2],
      ['Bu Sulastri', '+6281300000205', 1],
    ]);
  }
  return [];
}
