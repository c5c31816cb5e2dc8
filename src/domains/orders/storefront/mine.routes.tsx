// The signed-in buyer's orders: "my orders", one order with its history, cancel and "received"
// (post/redirect/get to the order's page).
import type { Context, Hono } from 'hono';
import { Csrf, page, requireActor, type AppEnv } from '../../../kernel/http/index.js';
import { AppError } from '../../../kernel/errors/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { orderHistories, ordersWithLines } from '../order-details.queries.js';
import { cancelOrder, confirmReceipt } from '../orders.service.js';
import { buyerParcels } from '../parcels.js';
import { BuyerParcels, OrderCard } from './order.views.js';
import type { OrderWithLines } from '../order-details.queries.js';

type C = Context<AppEnv>;

const MINE_NOTICES: Record<string, string> = {
  cancelled: 'orders.track.cancelled',
  received: 'orders.track.received',
};

/** The buyer's cancel / "received" buttons on their own order. */
function MineActions(p: { c: C; o: OrderWithLines }) {
  const l = p.c.get('locale');
  const o = p.o;
  return (
    <div class="row">
      {o.status === 'placed' && o.fulfilment_status === 'unfulfilled' ? (
        <form method="post" action={`/pesanan-saya/${o.id}/batal`}>
          <Csrf c={p.c} />
          <button type="submit">{t(l, 'orders.track.cancel')}</button>
        </form>
      ) : null}
      {o.status === 'placed' &&
      ['handed_over', 'in_transit', 'ready_for_pickup'].includes(o.fulfilment_status) ? (
        <form method="post" action={`/pesanan-saya/${o.id}/terima`}>
          <Csrf c={p.c} />
          <button type="submit" class="primary">
            {t(l, 'orders.track.confirm')}
          </button>
        </form>
      ) : null}
    </div>
  );
}

export function mineRoutes(app: Hono<AppEnv>) {
  const mine = async (c: C) => {
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
      { title: t(l, 'orders.mine.title') },
      <>
        <h1>{t(l, 'orders.mine.title')}</h1>
        {orders.length === 0 ? (
          <p>{t(l, 'orders.mine.none')}</p>
        ) : (
          orders.reverse().map((o) => (
            <OrderCard c={c} o={o} href={`/pesanan-saya/${o.id}`}>
              <BuyerParcels c={c} parcels={parcels.get(o.id)} />
              <MineActions c={c} o={o} />
            </OrderCard>
          ))
        )}
      </>,
    );
  };
  app.get('/pesanan-saya', (c) => mine(c));

  // One of the buyer's orders with its history; the buyer's actions land here (PRG).
  app.get('/pesanan-saya/:id', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').h.db;
    const id = c.req.param('id');
    const [o] = isId(id, 'ord') ? await ordersWithLines(db, { ids: [id] }) : [];
    if (!o || o.buyer_user_id !== actor.userId) throw new AppError('ORDERS_NOT_FOUND');
    const [history, parcels] = await Promise.all([
      orderHistories(db, [o.id]),
      buyerParcels(db, [o.id]),
    ]);
    const l = c.get('locale');
    const notice = MINE_NOTICES[c.req.query('ok') ?? ''];
    return page(
      c,
      { title: `${t(l, 'orders.confirm.number')} ${o.number}` },
      <>
        <p>
          <a href="/pesanan-saya">{t(l, 'orders.mine.back')}</a>
        </p>
        {notice ? (
          <div class="notice" role="status">
            <p>{t(l, notice)}</p>
          </div>
        ) : null}
        {c.req.query('gagal') === '1' ? (
          <div class="alert" role="alert">
            <p>{t(l, 'orders.seller.failed')}</p>
          </div>
        ) : null}
        <OrderCard c={c} o={o} history={history.get(o.id) ?? []}>
          <BuyerParcels c={c} parcels={parcels.get(o.id)} />
          <MineActions c={c} o={o} />
        </OrderCard>
      </>,
    );
  });
  for (const [action, fn, done] of [
    ['batal', cancelOrder, 'cancelled'],
    ['terima', confirmReceipt, 'received'],
  ] as const) {
    app.post(`/pesanan-saya/:id/${action}`, async (c) => {
      const actor = requireActor(c);
      const id = c.req.param('id');
      const r = await fn(c.get('deps').h.db, id, { kind: 'actor', actor });
      if (!r.ok && r.code === 'ORDERS_NOT_FOUND') throw new AppError('ORDERS_NOT_FOUND');
      // Post/redirect/get: the buyer lands on the order's own page, with what happened; staff
      // acting on a buyer's order (who have no such page) on "my orders".
      const buyer = await c
        .get('deps')
        .h.db.selectFrom('orders')
        .select('buyer_user_id')
        .where('id', '=', id)
        .executeTakeFirst();
      if (buyer?.buyer_user_id !== actor.userId) return c.redirect('/pesanan-saya', 303);
      return c.redirect(`/pesanan-saya/${id}?${r.ok ? `ok=${done}` : 'gagal=1'}`, 303);
    });
  }
}
