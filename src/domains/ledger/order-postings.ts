// Posting what orders move, inside the order change's transaction (subscribed to
// orders.order_changed in the manifest): if the posting fails, the order change rolls back.
//
//   paid       Dr cash in (bank transfer / QRIS clearing / the point's cash drawer, or COD
//              clearing for cash collected away from a point)  Cr buyer payments
//   unique code of a transfer: Dr bank transfer  Cr platform fees (the platform keeps the few rupiah)
//   completed  (paid and delivered: the money is in and the goods arrived)
//              Dr buyer payments  Cr UMKM payable (seller share), platform fees (fee less the
//              agent's commission), the point's agent commission, shipping payable
//   refunded   Dr buyer payments  Cr refunds due
//   returned   (when paid) Dr buyer payments  Cr refunds due
//   incentive statement issued (partners): Dr partner incentives  Cr the partner's payable
//
// An UMKM is owed only at completion, so a payout can only ever pay money that is in.
// Each posting's source is the order and the step, so a re-delivered event posts nothing.
import type { Tx } from '../../kernel/db/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { orderMoney, type OrderEvent, type OrderMoney } from '../orders/index.js';
import type { IncentiveIssued } from '../partners/index.js';
import { agentCommission, cashDrawer, umkmPayable, type AccountRef } from './accounts.js';
import { post, type Posting } from './post.js';

function cashIn(o: OrderMoney): AccountRef {
  const method = o.payment?.method ?? o.paymentMethod;
  if (method === 'transfer') return { kind: 'bank_transfer' };
  if (method === 'qris') return { kind: 'qris_clearing' };
  const point = o.payment?.servicePointId ?? o.agentServicePointId ?? o.servicePointId;
  // Cash collected away from any point (a courier at the buyer's door) waits in COD clearing.
  return point ? cashDrawer(point) : { kind: 'cod_clearing' };
}

/** The postings an order event causes (empty for events that move no money). */
export function postingsFor(e: OrderEvent, o: OrderMoney): Posting[] {
  const base = { orderId: o.id, at: e.at };
  if (e.kind === 'payment' && e.to === 'paid') {
    const out: Posting[] = [
      {
        ...base,
        source: `order:${o.id}:paid`,
        kind: 'payment',
        paymentId: o.payment?.id ?? null,
        lines: [
          { account: cashIn(o), amount: o.total },
          { account: { kind: 'buyer_payments' }, amount: -o.total },
        ],
      },
    ];
    if (o.payment && o.payment.method === 'transfer' && o.payment.uniqueCode > 0)
      out.push({
        ...base,
        orderId: null,
        source: `payment:${o.payment.id}:unique_code`,
        kind: 'unique_code',
        paymentId: o.payment.id,
        lines: [
          { account: { kind: 'bank_transfer' }, amount: o.payment.uniqueCode },
          { account: { kind: 'platform_fees' }, amount: -o.payment.uniqueCode },
        ],
      });
    return out;
  }
  if (e.kind === 'status' && e.to === 'completed') {
    const point = o.agentServicePointId;
    const commission = point ? o.agentCommission : 0;
    const credits: { account: AccountRef; amount: number }[] = [
      { account: umkmPayable(o.umkmId), amount: o.sellerShare },
      { account: { kind: 'platform_fees' }, amount: o.platformFee - commission },
      ...(point ? [{ account: agentCommission(point), amount: commission }] : []),
      { account: { kind: 'shipping_payable' }, amount: o.shipping },
    ];
    return [
      {
        ...base,
        source: `order:${o.id}:settled`,
        kind: 'settlement',
        lines: [
          { account: { kind: 'buyer_payments' }, amount: o.total },
          ...credits.filter((c) => c.amount !== 0).map((c) => ({ ...c, amount: -c.amount })),
        ],
      },
    ];
  }
  const refund = (step: 'refunded' | 'returned'): Posting => ({
    ...base,
    source: `order:${o.id}:refund`,
    kind: step === 'refunded' ? 'refund' : 'return',
    lines: [
      { account: { kind: 'buyer_payments' }, amount: o.total },
      { account: { kind: 'refunds_due' }, amount: -o.total },
    ],
  });
  if (e.kind === 'payment' && e.to === 'refunded') return [refund('refunded')];
  // A paid order whose goods came back: the buyer is owed the money (a COD return owes nothing).
  if (e.kind === 'fulfilment' && e.to === 'returned' && o.paymentStatus === 'paid')
    return [refund('returned')];
  return [];
}

/** Subscriber of orders.order_changed: posts the event's money in the same transaction. */
export async function postOrderEvent(tx: Tx, e: OrderEvent): Promise<void> {
  if (e.kind === 'placed') return;
  const o = await orderMoney(tx, e.orderId);
  if (!o) return;
  for (const p of postingsFor(e, o)) {
    if (p.lines.some((l) => l.amount === 0)) continue; // a free order moves no money
    const r = await post(tx, p);
    if (!r.ok) throw new AppError(r.code, r.params);
  }
}

/** Subscriber of partners.incentive_issued: what the platform owes the partner, with the statement. */
export async function postIncentive(tx: Tx, e: IncentiveIssued): Promise<void> {
  if (e.total === 0) return;
  const r = await post(tx, {
    source: `incentive:${e.statementId}`,
    kind: 'incentive',
    at: e.issuedAt,
    lines: [
      { account: { kind: 'partner_incentives' }, amount: e.total },
      { account: { kind: 'partner_payable', owner: e.partnerId }, amount: -e.total },
    ],
  });
  if (!r.ok) throw new AppError(r.code, r.params);
}
