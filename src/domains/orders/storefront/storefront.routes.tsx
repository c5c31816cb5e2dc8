// Storefront pages: village pages, cart (cookie-bound, server-side), checkout (guest or
// buyer); confirmation and tracking in track.routes.tsx. Every form carries CSRF and works
// without JavaScript.
import { Hono, type Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import {
  page,
  errorText,
  fingerprint,
  translateFields,
  controlCharFields,
  type AppEnv,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { createCart, cartExists, putLine, viewCart } from '../cart/cart.service.js';
import { parseCheckout } from '../checkout/request.js';
import { checkoutBatcher } from '../checkout/group-commit.js';
import { listedProducts, villagePage } from '../orders.queries.js';
import { CartPage, VillagePage } from './storefront.views.js';
import { CheckoutPage } from './checkout.views.js';
import { checkoutFromForm, checkoutState } from './checkout-form.js';
import { confirmationPath } from './confirm-link.js';
import { trackRoutes } from './track.routes.js';
import { mineRoutes } from './mine.routes.js';
import { formBody } from './form-body.js';
import { productCards } from '../../catalog/index.js';
import { villageSection } from '../community-seams.js';

type C = Context<AppEnv>;
export const CART_COOKIE = 'lumbung_cart';

async function cartId(c: C, create: boolean): Promise<string | null> {
  const db = c.get('deps').h.db;
  const id = getCookie(c, CART_COOKIE);
  if (id && (await cartExists(db, id))) return id;
  if (!create) return null;
  const fresh = await createCart(db);
  setCookie(c, CART_COOKIE, fresh, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').config.mode === 'production',
    maxAge: 30 * 86400,
  });
  return fresh;
}

const msg = (c: C, code: string, params?: Record<string, unknown>) =>
  errorText(c.get('locale'), code, params);

export function storefrontRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/desa/:code', async (c) => {
    const db = c.get('deps').h.db;
    const code = c.req.param('code');
    if (!/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) throw new AppError('NOT_FOUND');
    const [v, products] = await Promise.all([
      villagePage(db, code),
      listedProducts(db, { villageCode: code, limit: 48 }),
    ]);
    const self = v.chain.find((x) => x.code === code);
    if (!self) throw new AppError('NOT_FOUND');
    // Each product as the catalog's card with its photo.
    const cards = await productCards(
      db,
      products.map((x) => x.id),
    );
    const extra = await villageSection.get()(db, code, c.get('locale'));
    return page(
      c,
      {
        title: t(c.get('locale'), 'orders.village.title', { name: self.name }),
        description: v.producers
          .map((p) => p.name)
          .slice(0, 5)
          .join(', '),
      },
      <>
        <VillagePage
          c={c}
          name={self.name}
          chain={v.chain}
          organisations={v.organisations}
          producers={v.producers}
          points={v.points}
          cards={cards}
          oneTap={
            new Map(
              products.filter((x) => Number(x.variants) === 1).map((x) => [x.id, x.variant_id]),
            )
          }
        />
        {extra}
      </>,
    );
  });

  const cartPage = async (
    c: C,
    o: { error?: string; notice?: string; status?: 200 | 404 | 409 | 422 } = {},
  ) => {
    const id = await cartId(c, false);
    const cart = await viewCart(c.get('deps').h.db, id ?? '');
    return page(
      c,
      { title: t(c.get('locale'), 'orders.cart.title'), status: o.status },
      <CartPage c={c} cart={cart} error={o.error} notice={o.notice} />,
    );
  };

  app.get('/keranjang', (c) =>
    cartPage(c, {
      notice: c.req.query('ok') ? t(c.get('locale'), 'orders.cart.added') : undefined,
    }),
  );

  // The product page's add-to-cart form (catalog renders it; fields variant_id, qty).
  app.post('/keranjang', async (c) => {
    const f = await formBody(c);
    const id = (await cartId(c, true))!;
    const qty = /^\d{1,4}$/.test(f.qty ?? '1') ? Number(f.qty ?? '1') : NaN;
    const r = await putLine(c.get('deps').h.db, id, f.variant_id ?? '', qty, 'add');
    if (!r.ok)
      return cartPage(c, {
        error: msg(c, r.code, r.params),
        status: errorSpec(r.code).status as 422,
      });
    return c.redirect('/keranjang?ok=1', 303);
  });

  app.post('/keranjang/ubah', async (c) => {
    const f = await formBody(c);
    const id = await cartId(c, false);
    if (!id) return c.redirect('/keranjang', 303);
    const qty = f.remove ? 0 : /^\d{1,4}$/.test(f.qty ?? '') ? Number(f.qty) : NaN;
    const r = await putLine(c.get('deps').h.db, id, f.variant_id ?? '', qty, 'set');
    if (!r.ok)
      return cartPage(c, {
        error: msg(c, r.code, r.params),
        status: errorSpec(r.code).status as 422,
      });
    return c.redirect('/keranjang', 303);
  });

  const checkoutPage = async (
    c: C,
    raw: Record<string, string>,
    o: {
      errors?: Record<string, string>;
      message?: string;
      notice?: string;
      status?: 200 | 409 | 422;
    } = {},
  ) => {
    const db = c.get('deps').h.db;
    const id = await cartId(c, false);
    const cart = await viewCart(db, id ?? '');
    if (cart.sellers.length === 0) return c.redirect('/keranjang', 303);
    const s = await checkoutState(db, cart, raw);
    return page(
      c,
      { title: t(c.get('locale'), 'orders.checkout.title'), status: o.status },
      <CheckoutPage
        c={c}
        cart={cart}
        s={s}
        errors={o.errors}
        message={o.message}
        notice={o.notice}
      />,
    );
  };

  app.get('/pesan', (c) => {
    const a = c.get('actor');
    return checkoutPage(c, { name: a?.displayName ?? '' });
  });

  app.post('/pesan', async (c) => {
    const db = c.get('deps').h.db;
    // Read unguarded so that a control character comes back beside its field, blanked.
    const f = await formBody(c, true);
    const control = controlCharFields(f, true);
    for (const k of Object.keys(control)) f[k] = '';
    if (Object.keys(control).length)
      return checkoutPage(c, f, { errors: translateFields(c.get('locale'), control), status: 422 });
    if (f.action !== 'place' || !/^[a-f0-9]{32}$/.test(f.idem ?? '')) return checkoutPage(c, f);
    const id = await cartId(c, false);
    const cart = await viewCart(db, id ?? '');
    if (!id || cart.sellers.length === 0) return c.redirect('/keranjang', 303);
    const s = await checkoutState(db, cart, f);
    // The form's fields mapped onto the one checkout request schema: the same rules and
    // messages as the API and the batcher, every field's problem shown beside it at once.
    const input = checkoutFromForm(f, s.raw.village, cart);
    const valid = parseCheckout(input, c.get('actor'));
    if (!valid.ok)
      return checkoutPage(c, f, {
        errors: translateFields(c.get('locale'), valid.fields ?? {}),
        message: Object.keys(valid.fields ?? {}).length ? undefined : msg(c, valid.code),
        status: 422,
      });
    // The buyer places only a total they saw. A total not yet shown for this delivery (the
    // point or village changed after pricing) is a pricing step: the page shows it, calmly.
    if (!s.preview || f.priced_for !== s.pricedFor)
      return checkoutPage(c, f, {
        notice: s.preview ? t(c.get('locale'), 'orders.checkout.repriced') : undefined,
      });
    // Same delivery, another total: a price or a shipping rate moved since the page was shown.
    if (String(s.preview.total) !== f.expected_total)
      return checkoutPage(c, f, {
        message: t(c.get('locale'), 'orders.checkout.price_changed'),
        status: 409,
      });
    const secret = c.get('deps').config.secret;
    try {
      const res = await checkoutBatcher(db).checkout({
        input,
        actor: c.get('actor'),
        cartId: id,
        idem: { scope: 'checkout-form', key: f.idem ?? '', fp: fingerprint({ id, input }) },
        respond: { kind: 'redirect', secret },
      });
      return c.redirect((res.body as { location: string }).location, 303);
    } catch (e) {
      if (!(e instanceof AppError) || e.code.startsWith('IDEMPOTENCY_KEY_REQ')) throw e;
      const errs = translateFields(c.get('locale'), e.fields);
      return checkoutPage(c, f, {
        errors: Object.keys(errs).length ? errs : undefined,
        message: msg(c, e.code, e.params),
        status: e.status === 409 ? 409 : 422,
      });
    }
  });

  trackRoutes(app);
  mineRoutes(app);
  return app;
}
