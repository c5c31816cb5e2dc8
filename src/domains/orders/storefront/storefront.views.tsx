// Storefront views: home section, village page, cart. Small markup, no images required, so a
// page stays far under 14 KB gzip on EDGE.
import type { Context } from 'hono';
import { Csrf, type AppEnv } from '../../../kernel/http/index.js';
import { t } from '../../../kernel/i18n/index.js';
import { formatRupiah } from '../../../kernel/money/index.js';
import { waDigits } from '../../../kernel/auth/index.js';
import type { CartView } from '../cart/cart.service.js';
import { VillageProducts, type ProductCard as CatalogCard } from '../../catalog/index.js';

type C = Context<AppEnv>;
export type ProductCard = {
  id: string;
  title: string;
  umkm_name: string;
  price: number | string | null;
  variant_id?: string | null;
  variants?: number | string;
};

export function ProductGrid(p: { c: C; products: ProductCard[] }) {
  const l = p.c.get('locale');
  if (p.products.length === 0) return <p>{t(l, 'orders.home.none')}</p>;
  return (
    <ul class="grid list-plain">
      {p.products.map((x) => (
        <li class="tile">
          <a href={`/produk/${x.id}`}>
            <strong>{x.title}</strong>
          </a>
          <br />
          <small class="muted">{x.umkm_name}</small>
          <br />
          <span>{formatRupiah(Number(x.price ?? 0))}</span>
          {x.variant_id && Number(x.variants) === 1 ? (
            <form method="post" action="/keranjang">
              <Csrf c={p.c} />
              <input type="hidden" name="variant_id" value={x.variant_id} />
              <input type="hidden" name="qty" value="1" />
              <button type="submit" aria-label={`${t(l, 'orders.cart.add')}: ${x.title}`}>
                {t(l, 'orders.cart.add')}
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function HomeSection(p: {
  c: C;
  villages: { code: string; name: string; products: number }[];
  products: ProductCard[];
}) {
  const l = p.c.get('locale');
  return (
    <>
      {p.villages.length ? (
        <section aria-labelledby="h-villages">
          <h2 id="h-villages">{t(l, 'orders.home.villages')}</h2>
          <ul class="chips">
            {p.villages.map((v) => (
              <li>
                <a href={`/desa/${v.code}`}>{v.name}</a>{' '}
                <small>· {t(l, 'orders.home.products_count', { n: Number(v.products) })}</small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="h-products">
        <h2 id="h-products">{t(l, 'orders.home.products')}</h2>
        <ProductGrid c={p.c} products={p.products} />
      </section>
    </>
  );
}

export function VillagePage(p: {
  c: C;
  name: string;
  chain: { name: string }[];
  organisations: { name: string; kind: string }[];
  producers: { id: string; name: string; story: string | null; whatsapp: string | null }[];
  points: { name: string; opening_hours: string }[];
  cards: CatalogCard[];
  /** Products with one variant: added to the cart in one tap (product id → variant id). */
  oneTap: Map<string, string>;
}) {
  const l = p.c.get('locale');
  const none = <p class="muted">{t(l, 'orders.village.none')}</p>;
  return (
    <>
      <section class="hero">
        <h1>{t(l, 'orders.village.title', { name: p.name })}</h1>
        <p class="muted">
          {p.chain
            .map((x) => x.name)
            .reverse()
            .slice(1)
            .join(', ')}
        </p>
      </section>
      <section class="card" aria-labelledby="h-prod">
        <h2 id="h-prod">{t(l, 'orders.village.products')}</h2>
        {/* The catalog's cards, each with its photo, as on the home page and in search. */}
        <VillageProducts
          cards={p.cards}
          locale={l}
          label={t(l, 'orders.village.products')}
          action={(card) => {
            const variant = card.available > 0 ? p.oneTap.get(card.id) : undefined;
            return variant ? (
              <form method="post" action="/keranjang">
                <Csrf c={p.c} />
                <input type="hidden" name="variant_id" value={variant} />
                <input type="hidden" name="qty" value="1" />
                <button type="submit" aria-label={`${t(l, 'orders.cart.add')}: ${card.title}`}>
                  {t(l, 'orders.cart.add')}
                </button>
              </form>
            ) : null;
          }}
        />
      </section>
      <section class="card" aria-labelledby="h-makers">
        <h2 id="h-makers">{t(l, 'orders.village.producers')}</h2>
        {p.producers.length ? (
          <ul class="list">
            {p.producers.map((u) => (
              <li>
                <strong>{u.name}</strong>
                {u.story ? <p>{u.story}</p> : null}
                {u.whatsapp ? (
                  <a href={`https://wa.me/${waDigits(u.whatsapp)}`} rel="noopener">
                    {t(l, 'orders.village.chat')}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
      <section class="card" aria-labelledby="h-orgs">
        <h2 id="h-orgs">{t(l, 'orders.village.orgs')}</h2>
        {p.organisations.length ? (
          <ul>
            {p.organisations.map((o) => (
              <li>{o.name}</li>
            ))}
          </ul>
        ) : (
          none
        )}
        <h2>{t(l, 'orders.village.points')}</h2>
        {p.points.length ? (
          <ul>
            {p.points.map((s) => (
              <li>
                {s.name} <small class="muted">{s.opening_hours}</small>
              </li>
            ))}
          </ul>
        ) : (
          none
        )}
      </section>
    </>
  );
}

export function CartPage(p: { c: C; cart: CartView; error?: string; notice?: string }) {
  const l = p.c.get('locale');
  return (
    <>
      <h1>{t(l, 'orders.cart.title')}</h1>
      {p.error ? (
        <div class="alert" role="alert">
          <p>{p.error}</p>
        </div>
      ) : null}
      {p.notice ? (
        <div class="notice" role="status">
          <p>{p.notice}</p>
        </div>
      ) : null}
      {p.cart.sellers.length === 0 ? (
        <section class="card">
          <p>{t(l, 'orders.cart.empty')}</p>
          <p>
            <a class="button" href="/">
              {t(l, 'orders.cart.browse')}
            </a>
          </p>
        </section>
      ) : (
        <>
          {p.cart.sellers.map((s) => (
            <section class="card" aria-label={t(l, 'orders.cart.from', { name: s.umkmName })}>
              <h2>{t(l, 'orders.cart.from', { name: s.umkmName })}</h2>
              <ul class="list">
                {s.items.map((i) => (
                  <li data-variant={i.variant_id}>
                    <a href={`/produk/${i.product_id}`}>{i.title}</a>{' '}
                    <small class="muted">{i.label}</small>
                    <br />
                    {formatRupiah(i.price)} × {i.qty} = <strong>{formatRupiah(i.lineTotal)}</strong>
                    {i.problem === 'not_listed' ? (
                      <p class="error">{t(l, 'orders.cart.problem_not_listed')}</p>
                    ) : null}
                    {i.problem === 'stock' ? (
                      <p class="error">{t(l, 'orders.cart.problem_stock', { n: i.available })}</p>
                    ) : null}
                    <form method="post" action="/keranjang/ubah" class="row">
                      <Csrf c={p.c} />
                      <input type="hidden" name="variant_id" value={i.variant_id} />
                      <div class="field">
                        <label for={`q-${i.variant_id}`}>{t(l, 'orders.cart.qty')}</label>
                        <input
                          id={`q-${i.variant_id}`}
                          name="qty"
                          type="number"
                          inputmode="numeric"
                          min="0"
                          max="999"
                          value={String(i.qty)}
                        />
                      </div>
                      <button type="submit">{t(l, 'orders.cart.update')}</button>
                      <button type="submit" name="remove" value="1" class="link">
                        {t(l, 'orders.cart.remove')}
                      </button>
                    </form>
                  </li>
                ))}
              </ul>
            </section>
          ))}
          <section class="card">
            <p>
              {t(l, 'orders.cart.subtotal')}: <strong>{formatRupiah(p.cart.itemsTotal)}</strong>
            </p>
            {p.cart.blocked ? (
              <p class="warn">{t(l, 'orders.cart.blocked')}</p>
            ) : (
              <p>
                <a class="button" href="/pesan">
                  {t(l, 'orders.cart.checkout')}
                </a>
              </p>
            )}
          </section>
        </>
      )}
    </>
  );
}
