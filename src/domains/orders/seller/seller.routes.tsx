// Seller pages (incoming orders, pack, hand over) and the buyer's "my orders"; earnings and the
// treasurer's payouts are the ledger domain's pages. Every query filters by the actor's scope in SQL.
import { Hono, type Context } from 'hono';
import {
  Csrf,
  page,
  requireActor,
  requireRole,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { ordersWithLines } from '../orders.repo.js';
import { cancelOrder, confirmReceipt, recordFulfilment } from '../orders.service.js';
import { BuyerParcels, OrderCard, type OrderWithLines } from '../storefront/order.views.js';
import { buyerParcels } from '../parcels.js';

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

  const incoming = async (c: C, notice?: string, status: 200 | 409 = 200) => {
    const orders = await sellerOrders(c, sellerUmkm(c));
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'orders.seller.title'), status },
      <>
        <h1>{t(l, 'orders.seller.title')}</h1>
        {notice ? (
          <div class={status === 200 ? 'notice' : 'alert'} role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        {orders.length === 0 ? (
          <p>{t(l, 'orders.seller.none')}</p>
        ) : (
          orders.map((o) => (
            <OrderCard c={c} o={o}>
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

  app.post('/penjual/pesanan/:id', async (c) => {
    const actor = requireRole(c, 'seller');
    const db = c.get('deps').h.db;
    const id = c.req.param('id');
    // Scope first: an order of another UMKM does not exist for this seller.
    const own = await db
      .selectFrom('orders')
      .select('id')
      .where('id', '=', id)
      .where('umkm_id', 'in', sellerUmkm(c).length ? sellerUmkm(c) : [''])
      .executeTakeFirst();
    if (!own) throw new AppError('ORDERS_NOT_FOUND');
    const to = String((await c.req.parseBody()).to ?? '');
    const r =
      to === 'cancelled'
        ? await cancelOrder(db, id, { kind: 'actor', actor })
        : to === 'packed' || to === 'handed_over'
          ? await recordFulfilment(db, id, to, actor)
          : null;
    if (!r) throw new AppError('VALIDATION_FAILED');
    if (!r.ok) return incoming(c, t(c.get('locale'), errorSpec(r.code).message, r.params), 409);
    return incoming(c, t(c.get('locale'), 'orders.seller.done'));
  });

  const mine = async (c: C, notice?: string, status: 200 | 409 = 200) => {
    const actor = requireActor(c);
    const db = c.get('deps').h.db;
    const ids = await db
      .selectFrom('orders')
      .select('id')
      .where('buyer_user_id', '=', actor.userId)
      .orderBy('placed_at', 'desc')
      .limit(50)
      .execute();
    const orders = await ordersWithLines(db, { ids: ids.map((r) => r.id) });
    const parcels = await buyerParcels(
      db,
      orders.map((o) => o.id),
    );
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'orders.mine.title'), status },
      <>
        <h1>{t(l, 'orders.mine.title')}</h1>
        {notice ? (
          <div class="alert" role="alert">
            <p>{notice}</p>
          </div>
        ) : null}
        {orders.length === 0 ? (
          <p>{t(l, 'orders.mine.none')}</p>
        ) : (
          orders.reverse().map((o) => (
            <OrderCard c={c} o={o}>
              <BuyerParcels c={c} parcels={parcels.get(o.id)} />
              <div class="row">
                {o.status === 'placed' && o.fulfilment_status === 'unfulfilled' ? (
                  <form method="post" action={`/pesanan-saya/${o.id}/batal`}>
                    <Csrf c={c} />
                    <button type="submit">{t(l, 'orders.track.cancel')}</button>
                  </form>
                ) : null}
                {o.status === 'placed' &&
                ['handed_over', 'in_transit', 'ready_for_pickup'].includes(o.fulfilment_status) ? (
                  <form method="post" action={`/pesanan-saya/${o.id}/terima`}>
                    <Csrf c={c} />
                    <button type="submit" class="primary">
                      {t(l, 'orders.track.confirm')}
                    </button>
                  </form>
                ) : null}
              </div>
            </OrderCard>
          ))
        )}
      </>,
    );
  };
  app.get('/pesanan-saya', (c) => mine(c));
  for (const [action, fn] of [
    ['batal', cancelOrder],
    ['terima', confirmReceipt],
  ] as const) {
    app.post(`/pesanan-saya/:id/${action}`, async (c) => {
      const actor = requireActor(c);
      const r = await fn(c.get('deps').h.db, c.req.param('id'), { kind: 'actor', actor });
      if (!r.ok) {
        if (r.code === 'ORDERS_NOT_FOUND') throw new AppError('ORDERS_NOT_FOUND');
        return mine(c, t(c.get('locale'), errorSpec(r.code).message, r.params), 409);
      }
      return c.redirect('/pesanan-saya', 303);
    });
  }
  return app;
}
