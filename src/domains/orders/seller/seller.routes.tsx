// Seller pages (incoming orders, one order with its history, pack, hand over); earnings and the
// treasurer's payouts are the ledger domain's pages, the buyer's "my orders" is in
// storefront/mine.routes.tsx. Every query filters by the actor's scope in SQL.
import { Hono, type Context } from 'hono';
import {
  Csrf,
  page,
  requireRole,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../../kernel/http/index.js';
import { AppError } from '../../../kernel/errors/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { orderHistories, ordersWithLines } from '../order-details.queries.js';
import { cancelOrder, recordFulfilment } from '../orders.service.js';
import { OrderCard } from '../storefront/order.views.js';
import type { OrderWithLines } from '../order-details.queries.js';

type C = Context<AppEnv>;
const sellerUmkm = (c: C) => scopeIds(requireRole(c, 'seller'), 'umkm', ['seller']);

export const ordersNav: NavItem[] = [
  { href: '/penjual/pesanan', label: 'orders.nav.seller', roles: ['seller'], order: 30 },
  { href: '/pesanan-saya', label: 'orders.nav.mine', roles: ['buyer'], order: 33 },
  { href: '/keranjang', label: 'orders.nav.cart', roles: 'public', order: 5 },
  { href: '/lacak', label: 'orders.nav.track', roles: 'public', order: 6 },
];

async function sellerOrders(c: C, umkmIds: string[]): Promise<OrderWithLines[]> {
  const db = c.get('deps').h.db;
  if (umkmIds.length === 0) return [];
  const ids = await db
    .selectFrom('orders')
    .select('id')
    .where('umkm_id', 'in', umkmIds)
    .orderBy('placed_at', 'desc')
    .limit(100)
    .execute();
  return (await ordersWithLines(db, { ids: ids.map((r) => r.id) })).reverse();
}

export const sellerOrdersPanel: HomePanel = {
  roles: ['seller'],
  order: 20,
  async render(c) {
    const ids = scopeIds(c.get('actor'), 'umkm', ['seller']);
    if (!ids.length) return null;
    const r = await c
      .get('deps')
      .h.db.selectFrom('orders')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('umkm_id', 'in', ids)
      .where('status', '=', 'placed')
      .where('fulfilment_status', 'in', ['unfulfilled', 'packed'])
      .executeTakeFirstOrThrow();
    return (
      <section class="card">
        <h2>
          <a href="/penjual/pesanan">{t(c.get('locale'), 'orders.seller.title')}</a>
        </h2>
        <p>{t(c.get('locale'), 'orders.panel.seller', { n: Number(r.n) })}</p>
      </section>
    );
  },
};

function SellerActions(p: { c: C; o: OrderWithLines }) {
  const l = p.c.get('locale');
  const o = p.o;
  if (o.status !== 'placed') return null;
  const btn = (to: string, label: string, primary = false) => (
    <form method="post" action={`/penjual/pesanan/${o.id}`} class="inline">
      <Csrf c={p.c} />
      <input type="hidden" name="to" value={to} />
      <button type="submit" class={primary ? 'primary' : undefined}>
        {t(l, label)}
      </button>
    </form>
  );
  return (
    <div class="row">
      {o.fulfilment_status === 'unfulfilled' ? btn('packed', 'orders.seller.pack', true) : null}
      {o.fulfilment_status === 'packed'
        ? btn('handed_over', 'orders.seller.hand_over', true)
        : null}
      {['unfulfilled', 'packed'].includes(o.fulfilment_status)
        ? btn('cancelled', 'orders.seller.reject')
        : null}
    </div>
  );
}

export function sellerRoutes() {
  const app = new Hono<AppEnv>();

  const incoming = async (c: C) => {
    const orders = await sellerOrders(c, sellerUmkm(c));
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'orders.seller.title') },
      <>
        <h1>{t(l, 'orders.seller.title')}</h1>
        {orders.length === 0 ? (
          <p>{t(l, 'orders.seller.none')}</p>
        ) : (
          orders.map((o) => (
            <OrderCard c={c} o={o} href={`/penjual/pesanan/${o.id}`}>
              <p>
                {t(l, 'orders.seller.buyer')}: {o.buyer_name}
              </p>
              <SellerActions c={c} o={o} />
            </OrderCard>
          ))
        )}
      </>,
    );
  };
  app.get('/penjual/pesanan', (c) => incoming(c));

  /** The seller's own order, or nothing: an order of another UMKM does not exist for them. */
  const ownOrder = async (c: C, id: string) => {
    const umkm = sellerUmkm(c);
    if (!isId(id, 'ord') || umkm.length === 0) return undefined;
    const [o] = await ordersWithLines(c.get('deps').h.db, { ids: [id] });
    return o && umkm.includes(o.umkm_id) ? o : undefined;
  };

  // One order with its history: where the order number links, and where every action of the
  // seller lands (post/redirect/get), so reload and back always show a page.
  app.get('/penjual/pesanan/:id', async (c) => {
    const o = await ownOrder(c, c.req.param('id'));
    if (!o) throw new AppError('ORDERS_NOT_FOUND');
    const history = (await orderHistories(c.get('deps').h.db, [o.id])).get(o.id) ?? [];
    const l = c.get('locale');
    const done = c.req.query('ok') === '1';
    const failed = c.req.query('gagal') === '1';
    return page(
      c,
      { title: `${t(l, 'orders.confirm.number')} ${o.number}` },
      <>
        <p>
          <a href="/penjual/pesanan">{t(l, 'orders.seller.back')}</a>
        </p>
        {done ? (
          <div class="notice" role="status">
            <p>{t(l, 'orders.seller.done')}</p>
          </div>
        ) : null}
        {failed ? (
          <div class="alert" role="alert">
            <p>{t(l, 'orders.seller.failed')}</p>
          </div>
        ) : null}
        <OrderCard c={c} o={o} history={history}>
          <p>
            {t(l, 'orders.seller.buyer')}: {o.buyer_name}
          </p>
          <SellerActions c={c} o={o} />
        </OrderCard>
      </>,
    );
  });

  app.post('/penjual/pesanan/:id', async (c) => {
    const actor = requireRole(c, 'seller');
    const db = c.get('deps').h.db;
    // Scope first: an order of another UMKM does not exist for this seller.
    const own = await ownOrder(c, c.req.param('id'));
    if (!own) throw new AppError('ORDERS_NOT_FOUND');
    const id = own.id;
    const to = String((await c.req.parseBody()).to ?? '');
    const r =
      to === 'cancelled'
        ? await cancelOrder(db, id, { kind: 'actor', actor })
        : to === 'packed' || to === 'handed_over'
          ? await recordFulfilment(db, id, to, actor)
          : null;
    if (!r) throw new AppError('VALIDATION_FAILED');
    // Post/redirect/get: the order's own page, with what happened.
    return c.redirect(`/penjual/pesanan/${id}?${r.ok ? 'ok=1' : 'gagal=1'}`, 303);
  });

  return app;
}
