// The partner's home panel: for each partner the person works for, its partnerships, its
// latest orders, its product feeds and where to make the API tokens the integration needs.
// Before this the partner's /me was empty and /account/tokens was linked from nowhere.
import { t, formatDate, formatPercent } from '../../kernel/i18n/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import type { HomePanel } from '../../kernel/http/index.js';
import { partnerIdsOf } from './partners.service.js';
import { partnershipsOfPartner } from './partners.queries.js';
import { recentPartnerOrders } from './partner-orders.queries.js';

const SHOWN = 5;

export const partnerHomePanel: HomePanel = {
  roles: ['partner'],
  order: 15,
  async render(c) {
    const db = c.get('deps').h.db;
    const l = c.get('locale');
    const ids = partnerIdsOf(c.get('actor'));
    if (ids.length === 0) return null;
    const partners = await db
      .selectFrom('partners')
      .select(['id', 'name'])
      .where('id', 'in', ids)
      .orderBy('name')
      .execute();
    const panels = await Promise.all(
      partners.map(async (p) => {
        const [ships, orders] = await Promise.all([
          partnershipsOfPartner(db, p.id),
          recentPartnerOrders(db, p.id, SHOWN),
        ]);
        // With several partners, each link names which one it acts for.
        const q = ids.length > 1 ? `?partner=${encodeURIComponent(p.id)}` : '';
        return (
          <section class="card" data-panel="partner">
            <h2>
              <a href={`/mitra${q}`}>{t(l, 'partners.home.title', { name: p.name })}</a>
            </h2>
            <h3>{t(l, 'partners.partnerships')}</h3>
            {ships.length === 0 ? (
              <p>{t(l, 'partners.none')}</p>
            ) : (
              <ul class="list">
                {ships.slice(0, SHOWN).map((x) => (
                  <li>
                    {x.umkm_name ?? x.org_name} · {t(l, `partners.status.${x.status}`)} ·{' '}
                    {formatPercent(l, x.commission_bps / 10000)}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t(l, 'partners.orders')}</h3>
            {orders.length === 0 ? (
              <p>{t(l, 'partners.none')}</p>
            ) : (
              <ul class="list">
                {orders.map((o) => (
                  <li data-order={o.number}>
                    {o.number} · {o.umkm_name}
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
            <p class="row">
              <a href={`/mitra${q}`}>{t(l, 'partners.dashboard')}</a> ·{' '}
              <a href="/api/v1/partner/feed.csv">{t(l, 'partners.home.feed')}</a> ·{' '}
              <a href="/account/tokens">{t(l, 'accounts.tokens.title')}</a> ·{' '}
              <a href="/api/docs">{t(l, 'partners.home.api_docs')}</a>
            </p>
          </section>
        );
      }),
    );
    return <>{panels}</>;
  },
};
