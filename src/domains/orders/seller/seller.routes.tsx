// Seller pages (incoming orders, one order with its history, pack, hand over, earnings) and the
// treasurer's payouts; the buyer's "my orders" is in storefront/mine.routes.tsx. Every query
// filters by the actor's scope in SQL.
import { Hono, type Context } from 'hono';
import {
  Csrf,
  page,
  requireRole,
  type AppEnv,
  type HomePanel,
  type NavItem,
} from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { orderHistories, ordersWithLines } from '../orders.repo.js';
import { cancelOrder, recordFulfilment } from '../orders.service.js';
import { OrderCard, type OrderWithLines } from '../storefront/order.views.js';
import {
  balances,
  ledgerOf,
  owedInOrganisations,
  settleOrganisation,
  settlementCsv,
  settlementsOf,
} from './earnings.js';

type C = Context<AppEnv>;
const sellerUmkm = (c: C) => scopeIds(requireRole(c, 'seller'), 'umkm', ['seller']);
const managerOrgs = (c: C) =>
  scopeIds(requireRole(c, 'community_manager'), 'organisation', ['community_manager']);

export const ordersNav: NavItem[] = [
  { href: '/penjual/pesanan', label: 'orders.nav.seller', roles: ['seller'], order: 30 },
  { href: '/penjual/pendapatan', label: 'orders.nav.earnings', roles: ['seller'], order: 31 },
  {
    href: '/bumdes/pembayaran',
    label: 'orders.nav.settle',
    roles: ['community_manager'],
    order: 32,
  },
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

  app.get('/penjual/pendapatan', async (c) => {
    const ids = sellerUmkm(c);
    const db = c.get('deps').h.db;
    const [bal, rows] = await Promise.all([balances(db, ids), ledgerOf(db, ids)]);
    const l = c.get('locale');
    const owed = bal.reduce((a, b) => a + Number(b.owed), 0);
    const settled = bal.reduce((a, b) => a + Number(b.settled), 0);
    return page(
      c,
      { title: t(l, 'orders.earn.title') },
      <>
        <h1>{t(l, 'orders.earn.title')}</h1>
        <section class="card row">
          <div>
            <p class="muted">{t(l, 'orders.earn.owed')}</p>
            <p class="kpi" data-owed={String(owed)}>
              {formatRupiah(owed)}
            </p>
          </div>
          <div>
            <p class="muted">{t(l, 'orders.earn.settled')}</p>
            <p class="kpi" data-settled={String(settled)}>
              {formatRupiah(settled)}
            </p>
          </div>
        </section>
        <section class="card scroll">
          {rows.length === 0 ? (
            <p>{t(l, 'orders.earn.none')}</p>
          ) : (
            <table>
              <tbody>
                {rows.map((r) => (
                  <tr>
                    <td>{formatDateTime(l, r.at)}</td>
                    <td>
                      {t(l, `orders.earn.kind.${r.kind}`)} {r.number ?? ''}
                    </td>
                    <td class="num">{formatRupiah(r.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      </>,
    );
  });

  const payouts = async (c: C, notice?: string, status: 200 | 201 | 422 = 200) => {
    const orgs = managerOrgs(c);
    const db = c.get('deps').h.db;
    const [owed, history] = await Promise.all([
      owedInOrganisations(db, orgs),
      settlementsOf(db, orgs),
    ]);
    const l = c.get('locale');
    return page(
      c,
      { title: t(l, 'orders.settle.title'), status },
      <>
        <h1>{t(l, 'orders.settle.title')}</h1>
        {notice ? (
          <div class={status === 422 ? 'alert' : 'notice'} role="status">
            <p>{notice}</p>
          </div>
        ) : null}
        <section class="card scroll">
          <table>
            <tbody>
              {owed.map((u) => (
                <tr>
                  <td>{u.name}</td>
                  <td>{[u.bank_name, u.bank_account_number].filter(Boolean).join(' ')}</td>
                  <td class="num">{formatRupiah(Number(u.owed))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {orgs.map((org) => (
            <form method="post" action="/bumdes/pembayaran">
              <Csrf c={c} />
              <input type="hidden" name="organisation_id" value={org} />
              <button type="submit" class="primary">
                {t(l, 'orders.settle.create')}
              </button>
            </form>
          ))}
        </section>
        <section class="card">
          <h2>{t(l, 'orders.settle.history')}</h2>
          <ul class="list">
            {history.map((s) => (
              <li>
                {formatDateTime(l, s.created_at)} · {formatRupiah(s.total)} · {s.lines} UMKM ·{' '}
                <a href={`/bumdes/pembayaran/${s.id}.csv`}>{t(l, 'orders.settle.csv')}</a>
              </li>
            ))}
          </ul>
        </section>
      </>,
    );
  };
  app.get('/bumdes/pembayaran', (c) => payouts(c));
  app.post('/bumdes/pembayaran', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const org = String((await c.req.parseBody()).organisation_id ?? '');
    if (!managerOrgs(c).includes(org)) throw new AppError('FORBIDDEN');
    const r = await settleOrganisation(c.get('deps').h.db, org, actor.userId);
    if (!r.ok) return payouts(c, t(c.get('locale'), errorSpec(r.code).message), 422);
    return payouts(
      c,
      t(c.get('locale'), 'orders.settle.done', {
        total: formatRupiah(r.value.total),
        lines: r.value.lines,
      }),
      201,
    );
  });
  app.get('/bumdes/pembayaran/:file{stl_[0-9A-Z]+\\.csv}', async (c) => {
    const id = c.req.param('file').replace(/\.csv$/, '');
    const csv = await settlementCsv(c.get('deps').h.db, id, managerOrgs(c));
    if (!csv) throw new AppError('NOT_FOUND');
    return c.body(csv, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${id}.csv"`,
    });
  });

  return app;
}
