// The storefront's part of the public home page: featured villages and market-ready products,
// each product as the catalog's card with its photo (small WebP sizes, lazy below the fold).
import type { Context } from 'hono';
import type { AppEnv } from '../../../kernel/http/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { ProductGrid, productCards } from '../../catalog/index.js';
import { featuredVillages, listedProducts } from '../orders.queries.js';

export async function storefrontHomeSection(c: Context<AppEnv>) {
  const db = c.get('deps').h.db;
  const l = c.get('locale');
  const [villages, listed] = await Promise.all([
    featuredVillages(db, 8),
    listedProducts(db, { limit: 12 }),
  ]);
  const cards = await productCards(
    db,
    listed.map((p) => p.id),
  );
  return (
    <>
      <section aria-labelledby="h-products">
        <h2 id="h-products">{t(l, 'orders.home.products')}</h2>
        {cards.length ? (
          <ProductGrid cards={cards} locale={l} />
        ) : (
          <p>{t(l, 'orders.home.none')}</p>
        )}
      </section>
      {villages.length ? (
        <section aria-labelledby="h-villages">
          <h2 id="h-villages">{t(l, 'orders.home.villages')}</h2>
          <ul class="chips">
            {villages.map((v) => (
              <li>
                <a href={`/desa/${v.code}`}>{v.name}</a>{' '}
                <small>· {t(l, 'orders.home.products_count', { n: Number(v.products) })}</small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
