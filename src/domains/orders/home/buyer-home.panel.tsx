// The buyer's home panel: their latest orders with status and total, each a link to the full
// list where they can track, cancel or confirm it. A buyer's home lists a buyer's work.
import { t, formatDate } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import type { HomePanel } from '../../../kernel/http/index.js';
import { umkmColumn } from '../../community/index.js';

const SHOWN = 5;

export const buyerHomePanel: HomePanel = {
  roles: ['buyer'],
  order: 15,
  async render(c) {
    const actor = c.get('actor');
    if (!actor) return null;
    const l = c.get('locale');
    const db = c.get('deps').h.db;
    const orders = await db
      .selectFrom('orders as o')
      .select([
        'o.id',
        'o.number',
        'o.status',
        'o.fulfilment_status',
        'o.total',
        'o.placed_at',
        'o.delivery_village_code',
        umkmColumn('o.umkm_id', 'name').as('umkm_name'),
      ])
      .where('o.buyer_user_id', '=', actor.userId)
      .orderBy('o.placed_at', 'desc')
      .limit(SHOWN)
      .execute();
    return (
      <section class="card" data-panel="buyer-orders">
        <h2>
          <a href="/pesanan-saya">{t(l, 'orders.mine.title')}</a>
        </h2>
        {orders.length === 0 ? (
          <p>
            {t(l, 'orders.mine.none')} <a href="/">{t(l, 'orders.panel.buyer_shop')}</a>
          </p>
        ) : (
          <ul class="list">
            {orders.map((o) => (
              <li data-order={o.number}>
                <a href="/pesanan-saya">{o.number}</a> · {o.umkm_name}
                <br />
                <small>
                  {formatDate(l, o.placed_at, o.delivery_village_code)} ·{' '}
                  {o.status === 'placed'
                    ? t(l, `orders.fulfilment.${o.fulfilment_status}`)
                    : t(l, `orders.status.${o.status}`)}{' '}
                  · {formatRupiah(o.total)}
                </small>
              </li>
            ))}
          </ul>
        )}
      </section>
    );
  },
};
