// Who hears of which event, in the event's own transaction. The facts come through the owning
// domains' exported reads (orders, community, accounts): this file names none of their tables.
import type { Tx } from '../../kernel/db/index.js';
import { activeHoldersOn } from '../accounts/index.js';
import { umkmFactsByIds } from '../community/index.js';
import { eventOrderNotices, parcelLookup, type OrderEvent } from '../orders/index.js';
import type { IncentiveIssued } from '../partners/index.js';
import type { Notice } from './record.js';
import type { NoticeKind } from './notifications.tables.js';

const sellerKind = (e: OrderEvent): NoticeKind | null =>
  e.kind === 'placed'
    ? 'order_placed'
    : e.kind === 'status' && e.to === 'cancelled'
      ? 'order_cancelled'
      : null;
const buyerKind = (e: OrderEvent): NoticeKind | null =>
  e.kind === 'payment' && e.to === 'paid'
    ? 'payment_received'
    : e.kind === 'fulfilment' && e.to === 'ready_for_pickup'
      ? 'ready_for_pickup'
      : null;

/** Users holding `role` on each scope id. */
async function holdersBy(db: Tx, role: 'seller' | 'village_agent', ids: string[]) {
  const by = new Map<string, Set<string>>();
  for (const h of await activeHoldersOn(db, role, ids)) {
    if (!by.has(h.scopeId)) by.set(h.scopeId, new Set());
    by.get(h.scopeId)?.add(h.userId);
  }
  return by;
}

/**
 * The notices of order events made together (a checkout batch places a hundred orders): sellers
 * hear of new and cancelled orders, the buyer of payment and pickup, the point's agents of a
 * parcel arrived. One read per kind of fact for the whole batch, not per order.
 */
export async function orderEventNotices(db: Tx, events: OrderEvent[]): Promise<Notice[]> {
  const wanted = events.filter((e) => sellerKind(e) || buyerKind(e));
  if (wanted.length === 0) return [];
  const orders = await eventOrderNotices(db, wanted);
  const known = wanted.flatMap((e) => {
    const o = orders.get(e.orderId);
    return o ? [{ e, o }] : [];
  });
  const umkm = await umkmFactsByIds(db, [...new Set(known.map((k) => k.o.umkmId))]);
  const sellers = await holdersBy(
    db,
    'seller',
    known.filter((k) => sellerKind(k.e)).map((k) => k.o.umkmId),
  );
  const atPoint = known.filter((k) => buyerKind(k.e) === 'ready_for_pickup');
  const agents = await holdersBy(
    db,
    'village_agent',
    atPoint.flatMap((k) => (k.o.servicePointId ? [k.o.servicePointId] : [])),
  );
  const withCode = atPoint.filter((k) => k.o.buyerUserId).map((k) => k.o.id);
  const parcels = await parcelLookup.get()(db, withCode);
  const out: Notice[] = [];
  for (const { e, o } of known) {
    const organisationId = umkm.get(o.umkmId)?.organisation_id ?? null;
    const eventKey = `order:${e.eventId}`;
    const forSeller = sellerKind(e);
    if (forSeller) {
      for (const userId of sellers.get(o.umkmId) ?? [])
        out.push({
          userId,
          kind: forSeller,
          eventKey,
          params: { number: o.number },
          link: `/penjual/pesanan/${o.id}`,
          regionCode: o.villageCode,
          organisationId,
        });
      continue;
    }
    const forBuyer = buyerKind(e);
    // The point's agents hear that a parcel arrived for a buyer to collect there.
    if (forBuyer === 'ready_for_pickup' && o.servicePointId)
      for (const userId of agents.get(o.servicePointId) ?? [])
        out.push({
          userId,
          kind: 'parcel_at_point',
          eventKey,
          params: { number: o.number },
          link: '/titik/paket',
          regionCode: o.deliveryVillageCode,
          organisationId,
        });
    // Guests have no inbox: their tracking page and the point's agent tell them.
    if (!o.buyerUserId || !forBuyer) continue;
    const params: Record<string, string> = { number: o.number };
    if (forBuyer === 'ready_for_pickup')
      params.code = parcels.get(o.id)?.find((p) => p.pickupCode)?.pickupCode ?? '-';
    out.push({
      userId: o.buyerUserId,
      kind: forBuyer,
      eventKey,
      params,
      link: `/pesanan-saya/${o.id}`,
      regionCode: o.deliveryVillageCode,
      organisationId,
    });
  }
  return out;
}

/** A partner's people hear that an incentive statement was issued to them. */
export async function incentiveNotices(db: Tx, e: IncentiveIssued): Promise<Notice[]> {
  const holders = await activeHoldersOn(db, 'partner', [e.partnerId]);
  return [...new Set(holders.map((h) => h.userId))].map((userId) => ({
    userId,
    kind: 'incentive_issued' as const,
    eventKey: `incentive:${e.statementId}`,
    params: {},
    link: `/insentif/laporan/${e.statementId}`,
    regionCode: null,
    organisationId: null,
  }));
}
