// Demo data of the orders domain (see JOURNEYS.md): three weeks of orders across the demo UMKM
// through the real checkout, transfer orders paid before they are packed, some packed and
// handed over (the logistics seed carries those parcels on and takes the COD cash at pickup);
// one order of Ibu Sari's gula aren paid by QRIS and delivered (the payouts seed pays her out
// once all the money is in); an assisted order by Pak Yohanes. Only products listed at seed
// time are ordered.
import type { SeedContext } from './context.js';
import type { DemoLogin } from './demo-user.js';
import type { Actor } from '../kernel/auth/index.js';
import { adjustStock, listedVariants } from '../domains/catalog/index.js';
import { villageCodesIn } from '../domains/regions/index.js';
import { placeOrder, recordFulfilment, payGroupForSeed } from '../domains/orders/index.js';

const BUYERS = [
  ['Rina Wulandari', '081234500001'],
  ['Budi Santoso', '081234500002'],
  ['Maria Goreti', '081234500003'],
  ['Ketut Ardana', '081234500004'],
  ['Siti Aminah', '081234500005'],
] as const;

export async function seedOrders(ctx: SeedContext): Promise<DemoLogin[]> {
  const db = ctx.h.db;
  const adminId = ctx.refs['user:national_admin'] ?? 'seed';
  const admin: Actor = {
    userId: adminId,
    displayName: 'seed',
    locale: null,
    via: 'session',
    grants: [{ role: 'national_admin', scopeType: 'national', scopeId: null, regionCode: null }],
  };
  const listed = await listedVariants(db, { minAvailable: 6 });
  if (listed.length === 0) return [];
  // Pak Yohanes's kiosk (the community seed's point): buyers collect there.
  const sp = ctx.refs['svp:yohanes'];
  if (!sp) return [];
  const byUmkm = new Map<string, typeof listed>();
  for (const v of listed) byUmkm.set(v.umkm_id, [...(byUmkm.get(v.umkm_id) ?? []), v]);
  const umkms = [...byUmkm.keys()];
  const placed: { id: string; k: number }[] = [];
  const DAY = 86400_000;
  for (let k = 0; k < 24; k++) {
    const a = byUmkm.get(umkms[k % umkms.length])![0];
    const b =
      k % 3 === 0 && umkms.length > 1 ? byUmkm.get(umkms[(k + 1) % umkms.length])![0] : null;
    const [name, phone] = BUYERS[k % BUYERS.length];
    const r = await placeOrder(
      db,
      {
        lines: [{ variantId: a.id, qty: 1 + (k % 2) }, ...(b ? [{ variantId: b.id, qty: 1 }] : [])],
        buyer: { name, phone },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: k % 4 === 1 ? 'transfer' : 'cod',
        channel: 'storefront',
      },
      null,
    );
    if (!r.ok) continue;
    // A seller packs a transfer order only once the money is in; the newest stays waiting for it.
    if (k % 4 === 1 && k < 21) await payGroupForSeed(db, r.value.groupId);
    for (const o of r.value.orders) placed.push({ id: o.id, k });
    const at = new Date(Date.now() - (21 - k * 0.8) * DAY).toISOString();
    await db
      .updateTable('orders')
      .set({ placed_at: at, updated_at: at, is_demo: 1, reserved_until: null })
      .where('group_id', '=', r.value.groupId)
      .execute();
  }
  // Older orders moved further along the real transitions: packed and handed over here; the
  // logistics seed then carries handed-over parcels to Pak Yohanes's counter, scan by scan,
  // oldest first: eight are collected with their code (COD cash lands in his closing through
  // that scan, as it does for a real parcel) and four wait at his counter.
  const handedOver: string[] = [];
  for (const { id, k } of placed) {
    const steps =
      k < 18 ? (['packed', 'handed_over'] as const) : k < 21 ? (['packed'] as const) : [];
    for (const s of steps) await recordFulfilment(db, id, s, admin);
    if (k < 18) handedOver.push(id);
  }
  ctx.refs['orders:handed_over'] = JSON.stringify(handedOver);
  // Ibu Sari's gula aren: Mbak Rina pays by QRIS, it is delivered to Surabaya, then the BUMDes
  // treasurer pays Ibu Sari out of the ledger.
  const sari = ctx.refs['umkm:sari'];
  const gula = sari
    ? (await listedVariants(db, { umkmIds: [sari], by: 'variant', limit: 1 }))[0]
    : undefined;
  // Her sugar may be sold out in the catalog demo: she makes a new batch first (a restock).
  if (gula && gula.available < 3)
    await adjustStock(
      db,
      gula.id,
      10,
      'restock',
      'demo-batch',
      ctx.refs['user:+6281100000010'] ?? null,
    );
  if (gula) {
    const r = await placeOrder(
      db,
      {
        lines: [{ variantId: gula.id, qty: 2 }],
        buyer: { name: 'Rina Wulandari', phone: '081234500001' },
        delivery: {
          kind: 'address',
          villageCode: (await villageCodesIn(db, '35'))[0] ?? '53.09.01.2001',
          address: 'Jl. Darmo 12, Surabaya',
        },
        paymentMethod: 'qris',
        channel: 'storefront',
      },
      null,
    );
    if (r.ok) {
      const id = r.value.orders[0].id;
      await payGroupForSeed(db, r.value.groupId);
      await db
        .updateTable('orders')
        .set({ is_demo: 1, placed_at: new Date(Date.now() - 10 * DAY).toISOString() })
        .where('id', '=', id)
        .execute();
      for (const s of ['packed', 'handed_over', 'in_transit', 'delivered'] as const)
        await recordFulfilment(db, id, s, admin);
      ctx.refs['ord:sari'] = id;
      // The BUMDes pays her out later (payouts.seed.ts), once the COD parcels' cash is in too.
      // A newer one she still has to pack.
      const n = await placeOrder(
        db,
        {
          lines: [{ variantId: gula.id, qty: 1 }],
          buyer: { name: 'Budi Santoso', phone: '081234500002' },
          delivery: { kind: 'pickup', servicePointId: sp },
          paymentMethod: 'cod',
          channel: 'storefront',
        },
        null,
      );
      if (n.ok)
        await db
          .updateTable('orders')
          .set({ is_demo: 1 })
          .where('group_id', '=', n.value.groupId)
          .execute();
    }
  }
  // An assisted order at Pak Yohanes's kiosk, paid in cash.
  const yohanes = ctx.refs['user:yohanes'];
  if (yohanes) {
    const agent: Actor = {
      userId: yohanes,
      displayName: 'seed',
      locale: null,
      via: 'session',
      grants: [
        { role: 'village_agent', scopeType: 'service_point', scopeId: sp, regionCode: null },
      ],
    };
    const r = await placeOrder(
      db,
      {
        lines: [{ variantId: listed[listed.length - 1].id, qty: 1 }],
        buyer: { name: 'Mama Yuliana', phone: null },
        delivery: { kind: 'pickup', servicePointId: sp },
        paymentMethod: 'cod',
        channel: 'assisted',
        agentServicePointId: sp,
        consent: true,
      },
      agent,
    );
    if (r.ok)
      await db
        .updateTable('orders')
        .set({ is_demo: 1 })
        .where('group_id', '=', r.value.groupId)
        .execute();
  }
  return [];
}
