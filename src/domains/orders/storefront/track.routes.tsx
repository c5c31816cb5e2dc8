// The buyer's order pages without an account. Two doors, two powers (issue 13, hole 5):
// - `/lacak` (order number + phone, both guessable by a neighbour): the status only, rate-
//   limited per client and per order number (track-guard.ts); no pickup code, no buttons.
// - the signed confirmation link (`/pesanan/selesai/:group/:sig`, HMAC of the group): the
//   pickup code and the cancel / "received" buttons, whose posts carry the link's proof again.
import type { Context, Hono } from 'hono';
import { page, clientIp, type AppEnv } from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { normaliseMobile } from '../../../kernel/auth/index.js';
import { orderByNumber, orderHistories, ordersWithLines } from '../order-details.queries.js';
import { cancelOrder, confirmReceipt } from '../orders.service.js';
import { ensurePayment } from '../payments/intent.js';
import { qrisMerchant, qrisPayload, qrisSvg } from '../payments/qris.js';
import { BuyerActions, BuyerParcels, OrderCard, PaymentBox, TrackForm } from './order.views.js';
import { buyerParcels } from '../parcels.js';
import { pickupNotes } from '../community-seams.js';
import { confirmationPath, validSig } from './confirm-link.js';
import { admitLookup, recordMiss } from './track-guard.js';
import { formBody } from './form-body.js';

type C = Context<AppEnv>;
const msg = (c: C, code: string, params?: Record<string, unknown>) =>
  t(c.get('locale'), errorSpec(code).message, params);
const NOTICES: Record<string, string> = {
  cancelled: 'orders.track.cancelled',
  received: 'orders.track.received',
};

export function trackRoutes(app: Hono<AppEnv>) {
  app.get('/pesanan/selesai/:group/:sig', async (c) => {
    const db = c.get('deps').h.db;
    const { group, sig } = c.req.param();
    if (!validSig(c.get('deps').config.secret, group, sig)) throw new AppError('NOT_FOUND');
    const orders = await ordersWithLines(db, { groupId: group });
    if (orders.length === 0) throw new AppError('NOT_FOUND');
    const pay = await ensurePayment(db, group);
    const payment = pay.ok ? pay.value : null;
    const qr =
      payment && payment.method === 'qris' && payment.status === 'pending' && payment.reference
        ? await qrisSvg(
            qrisPayload(
              qrisMerchant(c.get('deps').config.payee),
              payment.amount,
              payment.reference,
            ),
          )
        : null;
    const ids = orders.map((o) => o.id);
    const [parcels, histories] = await Promise.all([
      buyerParcels(db, ids),
      orderHistories(db, ids),
    ]);
    const l = c.get('locale');
    const pickups = await pickupNotes.get()(
      db,
      orders.map((o) => o.id),
      l,
    );
    const notice = NOTICES[c.req.query('ok') ?? ''];
    return page(
      c,
      { title: t(l, 'orders.confirm.title') },
      <>
        {notice ? (
          <div class="notice" role="status">
            <p>{t(l, notice)}</p>
          </div>
        ) : null}
        <section class="notice" role="status">
          <h1>{t(l, 'orders.confirm.title')}</h1>
          <p>{t(l, 'orders.confirm.keep')}</p>
        </section>
        <PaymentBox
          c={c}
          method={orders[0].payment_method}
          payment={payment}
          qrSvg={qr}
          paid={orders.every((o) => o.payment_status === 'paid')}
          regionCode={orders[0].delivery_village_code}
          reservedUntil={orders[0].reserved_until}
        />
        <h2>{t(l, 'orders.confirm.orders')}</h2>
        {orders.map((o) => (
          <OrderCard c={c} o={o} history={histories.get(o.id) ?? []}>
            {pickups.has(o.id) ? <p class="notice">{pickups.get(o.id)}</p> : null}
            <BuyerParcels c={c} parcels={parcels.get(o.id)} />
            <BuyerActions c={c} o={o} group={group} sig={sig} />
          </OrderCard>
        ))}
      </>,
    );
  });

  app.get('/lacak', (c) =>
    page(c, { title: t(c.get('locale'), 'orders.track.title') }, <TrackForm c={c} />),
  );

  app.post('/lacak', async (c) => {
    const db = c.get('deps').h.db;
    const f = await formBody(c);
    const title = t(c.get('locale'), 'orders.track.title');
    const gate = await admitLookup(db, clientIp(c), f.number ?? '');
    if (!gate.allowed) {
      c.header('retry-after', String(gate.retryAfterSec));
      return page(
        c,
        { title, status: 429 },
        <TrackForm
          c={c}
          raw={f}
          error={t(c.get('locale'), 'orders.track.limited', {
            min: Math.ceil(gate.retryAfterSec / 60),
          })}
        />,
      );
    }
    const phone = normaliseMobile(f.phone ?? '');
    const o = phone ? await orderByNumber(db, f.number ?? '') : undefined;
    // One answer for "no such order" and "wrong phone"; either is a miss against the number.
    if (!o || !phone || o.buyer_phone !== phone) {
      await recordMiss(db, f.number ?? '');
      return page(
        c,
        { title, status: 404 },
        <TrackForm c={c} raw={f} error={msg(c, 'ORDERS_NOT_FOUND')} />,
      );
    }
    const [[full], histories] = await Promise.all([
      ordersWithLines(db, { ids: [o.id] }),
      orderHistories(db, [o.id]),
    ]);
    // Tracking numbers only: the pickup code would let whoever guessed the phone collect the parcel.
    const parcels = ((await buyerParcels(db, [o.id])).get(o.id) ?? []).map((p) => ({
      ...p,
      pickupCode: null,
    }));
    const pickup = (await pickupNotes.get()(db, [o.id], c.get('locale'))).get(o.id);
    return page(
      c,
      { title },
      <>
        <OrderCard c={c} o={full} history={histories.get(o.id) ?? []}>
          {pickup ? <p class="notice">{pickup}</p> : null}
          <BuyerParcels c={c} parcels={parcels} />
          <p>
            <small>{t(c.get('locale'), 'orders.track.status_only')}</small>
          </p>
        </OrderCard>
        <TrackForm c={c} />
      </>,
    );
  });

  for (const [path, fn, done] of [
    ['/lacak/batal', cancelOrder, 'cancelled'],
    ['/lacak/terima', confirmReceipt, 'received'],
  ] as const) {
    app.post(path, async (c) => {
      const db = c.get('deps').h.db;
      const secret = c.get('deps').config.secret;
      const f = await formBody(c);
      const title = t(c.get('locale'), 'orders.track.title');
      const group = f.group ?? '';
      const o = validSig(secret, group, f.sig ?? '')
        ? await orderByNumber(db, f.number ?? '')
        : undefined;
      // Proof of ownership: the signed link of this order's own group, nothing a guess can give.
      if (!o || o.group_id !== group)
        return page(
          c,
          { title, status: 403 },
          <TrackForm c={c} error={t(c.get('locale'), 'orders.track.need_link')} />,
        );
      const r = await fn(db, o.id, { kind: 'signed_link', groupId: group });
      if (!r.ok)
        return page(
          c,
          { title, status: r.code === 'ORDERS_NOT_FOUND' ? 404 : 409 },
          <TrackForm c={c} error={msg(c, r.code, r.params)} />,
        );
      return c.redirect(`${confirmationPath(secret, group)}?ok=${done}`, 303);
    });
  }
}
