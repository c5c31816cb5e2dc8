// A village's market-ready products as the catalog's cards, each with its photo (the small
// WebP sizes, lazy-loaded), for the storefront's village page. The page's own query chooses
// the products (`productCards` gives their card data); the catalog renders them the same way
// everywhere (home, search, village).
import type { Locale } from '../../kernel/i18n/index.js';
import { t } from '../../kernel/i18n/index.js';
import type { ProductCard } from './search/index.js';
import { ProductGrid, type CardAction } from './public.views.js';

export function VillageProducts(p: {
  cards: ProductCard[];
  locale: Locale;
  label: string;
  action?: CardAction;
}) {
  return p.cards.length ? (
    <ProductGrid cards={p.cards} locale={p.locale} label={p.label} action={p.action} />
  ) : (
    <p>{t(p.locale, 'catalog.village.none')}</p>
  );
}
