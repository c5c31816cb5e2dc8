// Public pages: the product page, search results and category pages, and the product card
// other domains (storefront, village pages) render. Light for EDGE: srcset with small WebP
// sizes, lazy images, no script.
import type { Context } from 'hono';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { Csrf, SelectField, Field, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { normaliseMobile, waDigits } from '../../kernel/auth/index.js';
import { nowIso } from '../../kernel/db/index.js';
import { CATEGORY_GROUPS, CATEGORIES, categoryName } from './taxonomy.js';
import { photoSrcset, photoUrl } from './photo-urls.js';
import { COUNT_CAP, MAX_PAGE, type ProductCard } from './search/index.js';
import type { PublicProduct } from './product-page.queries.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type C = Context<AppEnv>;

const priceRange = (lo: number, hi: number) =>
  lo === hi ? formatRupiah(lo) : `${formatRupiah(lo)} – ${formatRupiah(hi)}`;

/** A card needs at most 320 px (a half-width tile on a 2× phone): never offer it the 640 px size. */
const cardSrcset = (stem: string) => `${photoUrl(stem, 160)} 160w, ${photoUrl(stem, 320)} 320w`;

/** One product tile for grids (search, category, storefront home, village pages). */
/** What a page may add under a card (the storefront's one-tap "add to cart"). */
export type CardAction = (card: ProductCard) => unknown;

export function ProductTile(p: { card: ProductCard; locale: Locale; action?: CardAction }) {
  const { card, locale } = p;
  return (
    <li class="tile">
      <a href={card.href}>
        {card.photo ? (
          <img
            src={photoUrl(card.photo.stem, 160)}
            srcset={cardSrcset(card.photo.stem)}
            sizes="(max-width: 30rem) 45vw, 12rem"
            alt={card.photo.alt}
            width="320"
            height="320"
            loading="lazy"
            decoding="async"
          />
        ) : null}
        <strong>{card.title}</strong>
      </a>
      <br />
      <span>{priceRange(card.priceMin, card.priceMax)}</span>
      <br />
      <small class="muted">
        {card.umkmName}
        {card.villageName ? ` · ${card.villageName}` : ''}
      </small>
      {card.available > 0 ? null : (
        <>
          <br />
          <small class="muted">{t(locale, 'catalog.page.sold_out')}</small>
        </>
      )}
      {p.action ? p.action(card) : null}
    </li>
  );
}

export function ProductGrid(p: {
  cards: ProductCard[];
  locale: Locale;
  label?: string;
  action?: CardAction;
}) {
  return (
    <ul class="grid list-plain" aria-label={p.label}>
      {p.cards.map((card) => (
        <ProductTile card={card} locale={p.locale} action={p.action} />
      ))}
    </ul>
  );
}

const CERT_KEYS = new Set([
  'nib',
  'pirt',
  'halal_regular',
  'halal_self_declare',
  'bpom_md',
  'bpom_ml',
]);

export function ProductPage(p: { c: C; product: PublicProduct }) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  const pr = p.product;
  const today = nowIso().slice(0, 10);
  const certs = pr.certifications.filter((x) => !x.expires_on || x.expires_on >= today);
  const wa = pr.whatsapp ? normaliseMobile(pr.whatsapp) : null;
  const description = locale === 'en' && pr.description_en ? pr.description_en : pr.description;
  const inStock = pr.variants.filter((v) => v.available > 0);
  const prices = pr.variants.map((v) => v.price);
  const place = [pr.village_name, pr.district_name, pr.regency_name].filter(Boolean).join(', ');
  return (
    <article class="product">
      <p class="muted">
        <a href={`/kategori/${pr.category}`}>{categoryName(pr.category, locale)}</a>
      </p>
      <h1>{pr.title}</h1>
      {pr.photos.length ? (
        <div class="photos">
          {pr.photos.map((ph, i) => (
            // The first photo is the cover: above the fold, so it loads at once; the rest wait.
            <img
              src={photoUrl(ph.path_stem, 320)}
              srcset={photoSrcset(ph.path_stem)}
              sizes="(max-width: 40rem) 100vw, 640px"
              alt={ph.alt}
              width={ph.width}
              height={ph.height}
              loading={i === 0 ? undefined : 'lazy'}
              decoding="async"
              data-cover={i === 0 ? '1' : undefined}
            />
          ))}
        </div>
      ) : null}
      {prices.length ? (
        <p class="kpi">{priceRange(Math.min(...prices), Math.max(...prices))}</p>
      ) : null}
      <p lang={locale === 'en' && pr.description_en ? 'en' : 'id'} class="pre">
        {description}
      </p>
      <section class="card" aria-labelledby="buy-h">
        <h2 id="buy-h">{tr('catalog.page.variant')}</h2>
        <ul class="list">
          {pr.variants.map((v) => (
            <li data-variant={v.id}>
              <strong>{v.label}</strong> · {formatRupiah(v.price)} ·{' '}
              {tr('catalog.page.weight', { g: v.weight_grams })} ·{' '}
              {v.available > 0 ? (
                <span class="ok">{tr('catalog.page.in_stock', { n: v.available })}</span>
              ) : (
                <span class="muted">{tr('catalog.page.sold_out')}</span>
              )}
            </li>
          ))}
        </ul>
        {inStock.length ? (
          <form method="post" action="/keranjang" class="row">
            <Csrf c={p.c} />
            <SelectField
              name="variant_id"
              label={tr('catalog.page.variant')}
              options={inStock.map((v) => ({
                value: v.id,
                label: `${v.label} — ${formatRupiah(v.price)}`,
              }))}
            />
            <Field
              name="qty"
              type="number"
              inputmode="numeric"
              label={tr('catalog.page.qty')}
              value={1}
              min={1}
              max={Math.max(...inStock.map((v) => v.available))}
              required
            />
            <button type="submit" class="primary">
              {tr('catalog.page.add_to_cart')}
            </button>
          </form>
        ) : (
          <p>{tr('catalog.page.sold_out')}</p>
        )}
      </section>
      <section class="card" aria-labelledby="story-h">
        <h2 id="story-h">{tr('catalog.page.story')}</h2>
        <dl class="pfacts">
          <dt>{tr('catalog.page.producer')}</dt>
          <dd>{pr.umkm_name}</dd>
          {place ? (
            <>
              <dt>{tr('catalog.page.village')}</dt>
              <dd>{place}</dd>
            </>
          ) : null}
          {pr.org_name ? (
            <>
              <dt>{tr('catalog.page.bumdes')}</dt>
              <dd>{pr.org_name}</dd>
            </>
          ) : null}
        </dl>
        {pr.story ? <p class="pre">{pr.story}</p> : null}
        {wa ? (
          <p>
            <a class="button" href={`https://wa.me/${waDigits(wa)}`} rel="noopener">
              {tr('catalog.page.whatsapp')}
            </a>
          </p>
        ) : null}
      </section>
      <section class="card" aria-labelledby="cert-h">
        <h2 id="cert-h">{tr('catalog.page.certifications')}</h2>
        {certs.length ? (
          <ul class="chips">
            {certs.map((x) => (
              <li data-cert={x.kind}>
                {CERT_KEYS.has(x.kind) ? tr(`catalog.cert.${x.kind}`) : x.kind} {x.number}
                {x.expires_on ? ` (${tr('catalog.page.valid_until', { date: x.expires_on })})` : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>{tr('catalog.page.no_certifications')}</p>
        )}
      </section>
    </article>
  );
}

export interface SearchView {
  q: Record<string, string | undefined>;
  cards: ProductCard[];
  total: number;
  page: number;
  pageSize: number;
  heading: string;
  /** The provinces and regencies that have listed products, to filter by origin. */
  origins: PlaceChoices;
  /** Path the form and pager link to (/cari or /kategori/…). */
  action: string;
  showCategory: boolean;
}

export function SearchPage(p: { c: C; v: SearchView }) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  const { v } = p;
  const pageLink = (page: number) => {
    const u = new URLSearchParams();
    for (const [k, val] of Object.entries(v.q)) if (val && k !== 'page') u.set(k, val);
    u.set('page', String(page));
    return `${v.action}?${u}`;
  };
  const options = [
    { value: '', label: tr('catalog.search.any_category') },
    ...CATEGORY_GROUPS.flatMap((g) => [
      { value: g.slug, label: g.name[locale] },
      ...CATEGORIES.filter((c) => c.group === g.slug).map((c) => ({
        value: c.slug,
        label: `— ${c.name[locale]}`,
      })),
    ]),
  ];
  const pages = Math.min(Math.ceil(v.total / v.pageSize), MAX_PAGE);
  return (
    <>
      <h1>{v.heading}</h1>
      <form method="get" action={v.action} class="card search" role="search">
        <Field
          name="q"
          type="search"
          inputmode="search"
          label={tr('catalog.search.q')}
          value={v.q.q}
        />
        <details
          open={
            !!(
              v.q.region ||
              v.q.min ||
              v.q.max ||
              v.q.halal ||
              v.q.stok ||
              (v.showCategory && v.q.category)
            )
          }
        >
          <summary>{tr('catalog.search.filters')}</summary>
          {v.showCategory ? (
            <SelectField
              name="category"
              label={tr('catalog.search.category')}
              value={v.q.category ?? ''}
              options={options}
            />
          ) : null}
          {v.origins.groups.length ? (
            <PlacePicker
              c={p.c}
              name="region"
              label={tr('catalog.search.region')}
              hint={tr('catalog.search.region_hint')}
              choices={v.origins}
              value={v.q.region}
              search={false}
              optional
            />
          ) : null}
          <div class="row">
            <Field
              name="min"
              type="number"
              inputmode="numeric"
              min={0}
              label={tr('catalog.search.min')}
              value={v.q.min}
            />
            <Field
              name="max"
              type="number"
              inputmode="numeric"
              min={0}
              label={tr('catalog.search.max')}
              value={v.q.max}
            />
          </div>
          <p>
            <label>
              <input type="checkbox" name="halal" value="1" checked={v.q.halal === '1'} />{' '}
              {tr('catalog.search.halal')}
            </label>
          </p>
          <p>
            <label>
              <input type="checkbox" name="stok" value="1" checked={v.q.stok === '1'} />{' '}
              {tr('catalog.search.stock')}
            </label>
          </p>
        </details>
        <button type="submit" class="primary">
          {tr('catalog.search.submit')}
        </button>
      </form>
      <p role="status">
        {v.total
          ? tr('catalog.search.results', { n: v.total > COUNT_CAP ? `${COUNT_CAP}+` : v.total })
          : tr('catalog.search.none')}
      </p>
      <ProductGrid cards={v.cards} locale={locale} label={v.heading} />
      {pages > 1 ? (
        <nav class="row pager" aria-label={tr('catalog.search.page', { page: v.page })}>
          {v.page > 1 ? (
            <a href={pageLink(v.page - 1)} rel="prev">
              {tr('catalog.search.prev')}
            </a>
          ) : null}
          <span>
            {tr('catalog.search.page', { page: v.page })} / {pages}
          </span>
          {v.page < pages ? (
            <a href={pageLink(v.page + 1)} rel="next">
              {tr('catalog.search.next')}
            </a>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
