// Order views shared by confirmation, tracking, "my orders" and the seller pages.
import type { Context } from 'hono';
import { raw } from 'hono/html';
import { Csrf, Field, type AppEnv } from '../../../kernel/http/index.js';
import { formatDateTime, formatPercent, t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import type { OrdersTable, PaymentsTable } from '../orders.tables.js';
import { producerShare } from '../fees.js';
import { payeeAccount } from '../payments/intent.js';
import type { BuyerParcel } from '../parcels.js';
import type { OrderHistoryEntry, OrderWithLines } from '../order-details.queries.js';

type C = Context<AppEnv>;
export function StatusChips(p: { c: C; o: OrdersTable }) {
  const l = p.c.get('locale');
  return (
    <ul class="chips" aria-label={t(l, 'orders.track.status')}>
      <li data-status={p.o.status}>{t(l, `orders.status.${p.o.status}`)}</li>
      <li data-payment={p.o.payment_status}>{t(l, `orders.payment.${p.o.payment_status}`)}</li>
      <li data-fulfilment={p.o.fulfilment_status}>
        {t(l, `orders.fulfilment.${p.o.fulfilment_status}`)}
      </li>
    </ul>
  );
}

/** Where an order's history is: its own page (`href`), else the history shown in the card. */
const historyId = (number: string) => `riwayat-${number}`;

/**
 * One order. The order number is always a link to the order's history: the page `href` names
 * (the seller's or the buyer's order page), or the history shown in this card (`history`).
 */
export function OrderCard(p: {
  c: C;
  o: OrderWithLines;
  href?: string;
  history?: OrderHistoryEntry[];
  /** The region whose time zone the page shows (one zone per page); default the order's. */
  zoneRegion?: string;
  children?: unknown;
}) {
  const l = p.c.get('locale');
  const o = p.o;
  const zone = p.zoneRegion ?? o.village_code;
  const href = p.href ?? (p.history ? `#${historyId(o.number)}` : undefined);
  return (
    <article class="card" data-order={o.number}>
      <h2>
        {t(l, 'orders.confirm.number')}:{' '}
        {href ? (
          <a href={href} class="order-number">
            {o.number}
          </a>
        ) : (
          <span class="order-number">{o.number}</span>
        )}
      </h2>
      <p>
        {t(l, 'orders.order.seller')}: <strong>{o.umkm_name}</strong> ·{' '}
        <small>
          {t(l, 'orders.order.placed_at')} {formatDateTime(l, o.placed_at, zone)}
        </small>
      </p>
      <StatusChips c={p.c} o={o} />
      <table>
        <tbody>
          {o.lines.map((x) => (
            <tr>
              <td>
                {x.title} <small class="muted">{x.variant_label}</small> × {x.qty}
              </td>
              <td class="num">{formatRupiah(x.line_total)}</td>
            </tr>
          ))}
          <tr>
            <td>{t(l, 'orders.checkout.shipping')}</td>
            <td class="num">{formatRupiah(o.shipping)}</td>
          </tr>
          <tr>
            <th>{t(l, 'orders.checkout.total')}</th>
            <td class="num">
              <strong>{formatRupiah(o.total)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p class="muted">
        {t(l, 'orders.checkout.share', {
          amount: formatRupiah(o.seller_share),
          percent: formatPercent(l, producerShare(o.seller_share, o.total)),
        })}
      </p>
      <p>
        {o.delivery_kind === 'pickup'
          ? t(l, 'orders.order.pickup_at', { name: o.point_name ?? '' })
          : t(l, 'orders.order.to_address')}
      </p>
      {p.children as any}
      {p.history ? <OrderHistory c={p.c} o={o} history={p.history} /> : null}
    </article>
  );
}

/** The order's changes, oldest first, each with its time in the order's village zone. */
export function OrderHistory(p: { c: C; o: OrdersTable; history: OrderHistoryEntry[] }) {
  const l = p.c.get('locale');
  const id = historyId(p.o.number);
  const label = (e: OrderHistoryEntry) =>
    e.kind === 'placed'
      ? t(l, 'orders.history.placed')
      : t(l, `orders.${e.kind === 'status' ? 'status' : e.kind}.${e.to}`);
  return (
    <section id={id} class="history" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t(l, 'orders.history.title')}</h3>
      <ol class="list">
        {p.history.map((e) => (
          <li>
            <small>{formatDateTime(l, e.at, p.o.village_code)}</small> · {label(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PaymentBox(p: {
  c: C;
  method: string;
  payment: PaymentsTable | null;
  qrSvg?: string | null;
  paid: boolean;
  regionCode?: string;
  reservedUntil?: string | null;
}) {
  const l = p.c.get('locale');
  if (p.paid)
    return (
      <section class="notice" role="status">
        <p>{t(l, 'orders.confirm.paid')}</p>
      </section>
    );
  return (
    <section class="card" aria-labelledby="h-pay">
      <h2 id="h-pay">{t(l, `orders.method.${p.method}`)}</h2>
      {p.method === 'cod' ? <p>{t(l, 'orders.confirm.pay_cod')}</p> : null}
      {p.method === 'transfer' && p.payment ? (
        <p data-amount={String(p.payment.amount)}>
          {t(l, 'orders.confirm.pay_transfer', {
            amount: formatRupiah(p.payment.amount),
            code: p.payment.unique_code,
            bank: payeeAccount(p.c.get('deps').config.payee),
          })}
        </p>
      ) : null}
      {p.method === 'transfer' && p.payment?.reference ? (
        <p data-reference={p.payment.reference}>
          {t(l, 'orders.confirm.transfer_reference', { reference: p.payment.reference })}
        </p>
      ) : null}
      {p.method === 'qris' && p.payment ? (
        <>
          <p>{t(l, 'orders.confirm.pay_qris', { amount: formatRupiah(p.payment.amount) })}</p>
          <div class="qris" role="img" aria-label="QRIS">
            {raw(p.qrSvg ?? '')}
          </div>
        </>
      ) : null}
      {p.reservedUntil && p.method !== 'cod' ? (
        <p class="warn">
          {t(l, 'orders.confirm.deadline', {
            at: formatDateTime(l, p.reservedUntil, p.regionCode),
          })}
        </p>
      ) : null}
    </section>
  );
}

export function TrackForm(p: { c: C; raw?: Record<string, string>; error?: string }) {
  const l = p.c.get('locale');
  return (
    <section class="card narrow">
      <h1>{t(l, 'orders.track.title')}</h1>
      {p.error ? (
        <div class="alert" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      <form method="post" action="/lacak">
        <Csrf c={p.c} />
        <Field
          name="number"
          label={t(l, 'orders.track.number')}
          value={p.raw?.number}
          required
          autocomplete="off"
        />
        <Field
          name="phone"
          label={t(l, 'orders.track.phone')}
          value={p.raw?.phone}
          required
          type="tel"
          inputmode="tel"
        />
        <button type="submit" class="primary">
          {t(l, 'orders.track.submit')}
        </button>
      </form>
    </section>
  );
}

/** Buttons for the buyer on the tracking page (guest proof = number + phone, sent again). */
/**
 * Cancel / "received" buttons, only on pages that prove ownership: the signed confirmation
 * link carries its group and signature into the form (track.routes.tsx checks them again).
 */
export function BuyerActions(p: { c: C; o: OrdersTable; group: string; sig: string }) {
  const l = p.c.get('locale');
  const o = p.o;
  const canCancel = o.status === 'placed' && o.fulfilment_status === 'unfulfilled';
  const canConfirm =
    o.status === 'placed' &&
    ['handed_over', 'in_transit', 'ready_for_pickup'].includes(o.fulfilment_status);
  if (!canCancel && !canConfirm) return null;
  const proof = (
    <>
      <input type="hidden" name="number" value={o.number} />
      <input type="hidden" name="group" value={p.group} />
      <input type="hidden" name="sig" value={p.sig} />
    </>
  );
  return (
    <div class="row">
      {canCancel ? (
        <form method="post" action="/lacak/batal">
          <Csrf c={p.c} />
          {proof}
          <button type="submit">{t(l, 'orders.track.cancel')}</button>
        </form>
      ) : null}
      {canConfirm ? (
        <form method="post" action="/lacak/terima">
          <Csrf c={p.c} />
          {proof}
          <button type="submit" class="primary">
            {t(l, 'orders.track.confirm')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

/** The buyer's parcel: tracking number and, while it waits at the point, the pickup code. Buyer pages only. */
export function BuyerParcels(p: { c: C; parcels: BuyerParcel[] | undefined }) {
  const l = p.c.get('locale');
  if (!p.parcels?.length) return null;
  return (
    <section class="parcel" aria-label={t(l, 'orders.parcel.title')}>
      {p.parcels.map((x) => (
        <div>
          <p>
            {t(l, 'orders.parcel.tracking')}:{' '}
            <a href={`/lacak/${x.trackingNumber}`} class="tracking-number">
              <strong>{x.trackingNumber}</strong>
            </a>
          </p>
          {x.pickupCode ? (
            <p>
              {t(l, 'orders.parcel.code')}:{' '}
              <strong class="pickup-code" data-pickup-code={x.pickupCode}>
                {x.pickupCode}
              </strong>
              <br />
              <small>{t(l, 'orders.parcel.code_hint')}</small>
            </p>
          ) : null}
        </div>
      ))}
    </section>
  );
}
