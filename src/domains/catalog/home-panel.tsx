// The seller's panel on /me: how many products, how many listed, a link to manage them.
import { requireActor, type HomePanel } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { productsForActor } from './seller.queries.js';

export const catalogHomePanel: HomePanel = {
  roles: ['seller'],
  order: 20,
  async render(c) {
    const rows = await productsForActor(c.get('deps').h.db, requireActor(c));
    const locale = c.get('locale');
    return (
      <section class="card">
        <h2>{t(locale, 'catalog.mine.title')}</h2>
        <p>
          {t(locale, 'catalog.home.panel', {
            n: rows.length,
            listed: rows.filter((r) => r.listed).length,
          })}
        </p>
        <p>
          <a href="/jual/produk">{t(locale, 'catalog.nav.my_products')}</a> ·{' '}
          <a href="/jual/produk/baru">{t(locale, 'catalog.mine.add')}</a>
        </p>
      </section>
    );
  },
};
