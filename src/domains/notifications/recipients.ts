// Who hears of which event, in the event's own transaction. The facts come through the owning
// domains' exported reads (orders, community, accounts): this file names none of their tables.
import type { Tx } from '../../kernel/db/index.js';
import { activeHoldersOn } from '../accounts/index.js';
import { umkmFactsByIds } from '../community/index.js';
import { orderNotice, parcelLookup, type OrderEvent } from '../orders/index.js';
import type { IncentiveIssued } from '../partners/index.js';
import type { Notice } from './record.js';
import type { NoticeKind } from './notifications.tables.js';

/** The order event's notices: sellers hear of new and cancelled orders, the buyer of payment and pickup, the point's agents of a parcel arrived. */
export async function orderEventNotices(db: Tx, e: OrderEvent): Promise<Notice[]> {
  const forSeller: NoticeKind | null =
    e.kind === 'placed'
      ? 'order_placed'
      : e.kind === 'status' && e.to === 'cancelled'
        ? 'order_cancelled'
        : null;
  const forBuyer: NoticeKind | null =
    e.kind === 'payment' && e.to === 'paid'
      ? 'payment_received'
      : e.kind === 'fulfilment' && e.to === 'ready_for_pickup'
        ? 'ready_for_pickup'
        : null;
  if (!forSeller && !forBuyer) return [];
  const o = await orderNotice(db, e.orderId);
  if (!o) return [];
  const umkm = (await umkmFactsByIds(db, [o.umkmId])).get(o.umkmId);
  const organisationId = umkm?.organisation_id ?? null;
  const eventKey = `order:${e.eventId}`;
  if (forSeller) {
    const sellers = await activeHoldersOn(db, 'seller', [o.umkmId]);
    return [...new Set(sellers.map((s) => s.userId))].map((userId) => ({
      userId,
      kind: forSeller,
      eventKey,
      params: { number: o.number },
      link: `/penjual/pesanan/${o.id}`,
      regionCode: o.villageCode,
      organisationId,
    }));
  }
  const out: Notice[] = [];
  // The point's agents hear that a parcel arrived for a buyer to collect there.
  if (forBuyer === 'ready_for_pickup' && o.servicePointId) {
    const agents = await activeHoldersOn(db, 'village_agent', [o.servicePointId]);
    for (const userId of new Set(agents.map((a) => a.userId)))
      out.push({
        userId,
        kind: 'parcel_at_point',
        eventKey,
        params: { number: o.number },
        link: '/titik/paket',
        regionCode: o.deliveryVillageCode,
        organisationId,
      });
  }
  // Guests have no inbox: their tracking page and the point's agent tell them.
  if (!o.buyerUserId || !forBuyer) return out;
  const params: Record<string, string> = { number: o.number };
  if (forBuyer === 'ready_for_pickup') {
    const code = (await parcelLookup.get()(db, [o.id])).get(o.id)?.find((p) => p.pickupCode);
    params.code = code?.pickupCode ?? '-';
  }
  out.push({
    userId: o.buyerUserId,
    kind: forBuyer,
    eventKey,
    params,
    link: `/pesanan-saya/${o.id}`,
    regionCode: o.deliveryVillageCode,
    organisationId,
  });
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
