// Storefront pages: village pages, cart (cookie-bound, server-side), checkout (guest or
// buyer), confirmation and tracking. Every form carries CSRF and works without JavaScript.
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { page, fingerprint, translateFields, type AppEnv } from '../../../kernel/http/index.js';
import { AppError, errorSpec, type FieldErrors } from '../../../kernel/errors/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { normaliseMobile } from '../../../kernel/auth/index.js';
import { createCart, cartExists, putLine, viewCart } from '../cart/cart.service.js';
import type { PlaceOrderInput } from '../checkout/place-order.js';
import { checkoutBatcher } from '../checkout/group-commit.js';
import { listedProducts, villagePage } from '../orders.queries.js';
import { orderByNumber, ordersWithLines } from '../orders.repo.js';
import { cancelOrder, confirmReceipt } from '../orders.service.js';
import { ensurePayment } from '../payments/intent.js';
import { qrisMerchant, qrisPayload, qrisSvg } from '../payments/qris.js';
import { CartPage, VillagePage } from './storefront.views.js';
import { CheckoutPage } from './checkout.views.js';
import { BuyerActions, BuyerParcels, OrderCard, PaymentBox, TrackForm } from './order.views.js';
import { buyerParcels } from '../parcels.js';
import { checkoutState } from './checkout-form.js';
import { confirmationPath, validSig } from './confirm-link.js';

type C = Context<AppEnv>;
export const CART_COOKIE = 'lumbung_cart';

async function cartId(c: C, create: boolean): Promise<string | null> {
  const db = c.get('deps').h.db;
  const id = getCookie(c, CART_COOKIE);
  if (id && (await cartExists(db, id))) return id;
  if (!create) return null;
  const fresh = await createCart(db);
  setCookie(c, CART_COOKIE, fresh, { path: '/', httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.mode === 'production', maxAge: 30 * 86400 });
  return fresh;
}

const msg = (c: C, code: string, params?: Record<string, unknown>) => t(c.get('locale'), errorSpec(code).message, params);

async function formBody(c: C): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && k !== '_csrf') out[k] = v.slice(0, 500);
  return out;
}

export function storefrontRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/desa/:code', async (c) => {
    const db = c.get('deps').h.db;
    const code = c.req.param('code');
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) throw new AppError('NOT_FOUND');
    const [v, products] = await Promise.all([villagePage(db, code), listedProducts(db, { villageCode: code, limit: 48 })]);
    const self = v.chain.find((x) => x.code === code);
    if (!self) throw new AppError('NOT_FOUND');
    return page(c, { title: t(c.get('locale'), 'orders.village.title', { name: self.name }), description: v.producers.map((p) => p.name).slice(0, 5).join(', ') },
      <VillagePage c={c} name={self.name} chain={v.chain} organisations={v.organisations} producers={v.producers} points={v.points} products={products} />);
  });

  const cartPage = async (c: C, o: { error?: string; notice?: string; status?: 200 | 404 | 409 | 422 } = {}) => {
    const id = await cartId(c, false);
    const cart = await viewCart(c.get('deps').h.db, id ?? '');
    return page(c, { title: t(c.get('locale'), 'orders.cart.title'), status: o.status }, <CartPage c={c} cart={cart} error={o.error} notice={o.notice} />);
  };

  app.get('/keranjang', (c) => cartPage(c, { notice: c.req.query('ok') ? t(c.get('locale'), 'orders.cart.added') : undefined }));

  // The product page's add-to-cart form (catalog renders it; fields variant_id, qty).
  app.post('/keranjang', async (c) => {
    const f = await formBody(c);
    const id = (await cartId(c, true))!;
    const qty = /^\d{1,4}$/.test(f.qty ?? '1') ? Number(f.qty ?? '1') : NaN;
    const r = await putLine(c.get('deps').h.db, id, f.variant_id ?? '', qty, 'add');
    if (!r.ok) return cartPage(c, { error: msg(c, r.code, r.params), status: errorSpec(r.code).status as 422 });
    return c.redirect('/keranjang?ok=1', 303);
  });

  app.post('/keranjang/ubah', async (c) => {
    const f = await formBody(c);
    const id = await cartId(c, false);
    if (!id) return c.redirect('/keranjang', 303);
    const qty = f.remove ? 0 : /^\d{1,4}$/.test(f.qty ?? '') ? Number(f.qty) : NaN;
    const r = await putLine(c.get('deps').h.db, id, f.variant_id ?? '', qty, 'set');
    if (!r.ok) return cartPage(c, { error: msg(c, r.code, r.params), status: errorSpec(r.code).status as 422 });
    return c.redirect('/keranjang', 303);
  });

  const checkoutPage = async (c: C, raw: Record<string, string>, o: { errors?: Record<string, string>; message?: string; status?: 200 | 409 | 422 } = {}) => {
    const db = c.get('deps').h.db;
    const id = await cartId(c, false);
    const cart = await viewCart(db, id ?? '');
    if (cart.sellers.length === 0) return c.redirect('/keranjang', 303);
    const s = await checkoutState(db, cart, raw);
    return page(c, { title: t(c.get('locale'), 'orders.checkout.title'), status: o.status }, <CheckoutPage c={c} cart={cart} s={s} errors={o.errors} message={o.message} />);
  };

  app.get('/pesan', (c) => {
    const a = c.get('actor');
    return checkoutPage(c, { name: a?.displayName ?? '' });
  });

  app.post('/pesan', async (c) => {
    const db = c.get('deps').h.db;
    const f = await formBody(c);
    if (f.action !== 'place' || !/^[a-f0-9]{32}$/.test(f.idem ?? '')) return checkoutPage(c, f);
    const id = await cartId(c, false);
    const cart = await viewCart(db, id ?? '');
    if (!id || cart.sellers.length === 0) return c.redirect('/keranjang', 303);
    const s = await checkoutState(db, cart, f);
    const errors: FieldErrors = {};
    if (f.delivery === 'address' && !s.raw.village) errors.village = { key: 'orders.err.bad_region' };
    if (f.delivery !== 'address' && !s.points.some((p) => p.id === f.service_point)) errors.service_point = { key: 'orders.err.unknown_service_point' };
    if (!normaliseMobile(f.phone ?? '')) errors.phone = { key: 'orders.err.bad_phone' };
    if ((f.name ?? '').trim().length < 2) errors.name = { key: 'orders.err.bad_name' };
    if (Object.keys(errors).length) return checkoutPage(c, f, { errors: translateFields(c.get('locale'), errors), status: 422 });
    // The total the buyer saw must still be the total: prices come from the server only.
    if (!s.preview || String(s.preview.total) !== f.expected_total) return checkoutPage(c, f, { message: t(c.get('locale'), 'orders.checkout.price_changed'), status: 409 });
    const input: PlaceOrderInput = {
      lines: cart.sellers.flatMap((x) => x.items.map((i) => ({ variantId: i.variant_id, qty: i.qty, expectedUnitPrice: i.price }))),
      buyer: { name: f.name, phone: f.phone },
      delivery: f.delivery === 'address' ? { kind: 'address', villageCode: s.raw.village, address: f.address ?? '' } : { kind: 'pickup', servicePointId: f.service_point },
      paymentMethod: (['cod', 'transfer', 'qris'].includes(f.payment) ? f.payment : 'cod') as PlaceOrderInput['paymentMethod'],
      channel: 'storefront',
    };
    const secret = c.get('deps').config.secret;
    try {
      const res = await checkoutBatcher(db).checkout({
        input, actor: c.get('actor'), cartId: id,
        idem: { scope: 'checkout-form', key: f.idem ?? '', fp: fingerprint({ id, input }) },
        respond: async (_tx, placed) => ({ status: 303, body: { location: confirmationPath(secret, placed.groupId) } }),
      });
      return c.redirect((res.body as { location: string }).location, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code.startsWith('IDEMPOTENCY_KEY_REQ')) throw e;
      const errs = translateFields(c.get('locale'), e.fields);
      return checkoutPage(c, f, { errors: Object.keys(errs).length ? errs : undefined, message: msg(c, e.code, e.params), status: e.status === 409 ? 409 : 422 });
    }
  });

  app.get('/pesanan/selesai/:group/:sig', async (c) => {
    const db = c.get('deps').h.db;
    const { group, sig } = c.req.param();
    if (!validSig(c.get('deps').config.secret, group, sig)) throw new AppError('NOT_FOUND');
    const orders = await ordersWithLines(db, { groupId: group });
    if (orders.length === 0) throw new AppError('NOT_FOUND');
    const pay = await ensurePayment(db, group);
    const payment = pay.ok ? pay.value : null;
    const qr = payment && payment.method === 'qris' && payment.status === 'pending' && payment.reference ? await qrisSvg(qrisPayload(qrisMerchant(c.get('deps').config.payee), payment.amount, payment.reference)) : null;
    const l = c.get('locale');
    return page(c, { title: t(l, 'orders.confirm.title') }, (
      <>
        <section class="notice" role="status"><h1>{t(l, 'orders.confirm.title')}</h1><p>{t(l, 'orders.confirm.keep')}</p></section>
        <PaymentBox c={c} method={orders[0].payment_method} payment={payment} qrSvg={qr} paid={orders.every((o) => o.payment_status === 'paid')} regionCode={orders[0].delivery_village_code} reservedUntil={orders[0].reserved_until} />
        <h2>{t(l, 'orders.confirm.orders')}</h2>
        {orders.map((o) => <OrderCard c={c} o={o} />)}
      </>
    ));
  });

  app.get('/lacak', (c) => page(c, { title: t(c.get('locale'), 'orders.track.title') }, <TrackForm c={c} />));

  const track = async (c: C, f: Record<string, string>, notice?: string) => {
    const db = c.get('deps').h.db;
    const phone = normaliseMobile(f.phone ?? '');
    const o = phone ? await orderByNumber(db, f.number ?? '') : undefined;
    // One answer for "no such order" and "wrong phone": numbers are guessable, phones are the proof.
    if (!o || !phone || o.buyer_phone !== phone) {
      return page(c, { title: t(c.get('locale'), 'orders.track.title'), status: 404 }, <TrackForm c={c} raw={f} error={msg(c, 'ORDERS_NOT_FOUND')} />);
    }
    const [full] = await ordersWithLines(db, { ids: [o.id] });
    const parcels = await buyerParcels(db, [o.id]);
    return page(c, { title: t(c.get('locale'), 'orders.track.title') }, (
      <>
        {notice ? <div class="notice" role="status"><p>{notice}</p></div> : null}
        <OrderCard c={c} o={full}><BuyerParcels c={c} parcels={parcels.get(o.id)} /><BuyerActions c={c} o={full} phone={f.phone} /></OrderCard>
        <TrackForm c={c} />
      </>
    ));
  };

  app.post('/lacak', async (c) => track(c, await formBody(c)));

  for (const [path, fn, done] of [['/lacak/batal', cancelOrder, 'orders.track.cancelled'], ['/lacak/terima', confirmReceipt, 'orders.track.received']] as const) {
    app.post(path, async (c) => {
      const db = c.get('deps').h.db;
      const f = await formBody(c);
      const phone = normaliseMobile(f.phone ?? '');
      const o = phone ? await orderByNumber(db, f.number ?? '') : undefined;
      if (!o || !phone) return track(c, f);
      const r = await fn(db, o.id, { kind: 'guest', phone });
      if (!r.ok) {
        if (r.code === 'ORDERS_NOT_FOUND') return track(c, f);
        return page(c, { title: t(c.get('locale'), 'orders.track.title'), status: 409 }, <TrackForm c={c} raw={f} error={msg(c, r.code, r.params)} />);
      }
      return track(c, f, t(c.get('locale'), done));
    });
  }
  return app;
}
