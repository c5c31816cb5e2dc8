// Seller pages, built for a cheap phone: my products and the first step of the two-step add
// form (details and first variant; then photos and more variants on the manage page).
// Works without script.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { categoryName } from './taxonomy.js';
import type { productsForActor } from './seller.queries.js';
import { DetailsFields, VariantFields } from './product-fields.views.js';

type C = Context<AppEnv>;
type Errors = Record<string, string> | undefined;
type Raw = Record<string, string | null | undefined>;

export function MyProducts(p: {
  c: C;
  rows: Awaited<ReturnType<typeof productsForActor>>;
  canAdd: boolean;
}) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  return (
    <section class="card">
      <h1>{tr('catalog.mine.title')}</h1>
      {p.canAdd ? (
        <p>
          <a class="button" href="/jual/produk/baru">
            {tr('catalog.mine.add')}
          </a>
        </p>
      ) : null}
      <p class="muted">{tr('catalog.mine.count', { n: p.rows.length })}</p>
      {p.rows.length === 0 ? (
        <p>{tr('catalog.mine.empty')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((r) => (
            <li data-product={r.id}>
              <a href={`/jual/produk/${r.id}`}>
                <strong>{r.title}</strong>
              </a>
              <br />
              <small>
                {categoryName(r.category, locale)} · {r.umkm_name} ·{' '}
                {r.price_min ? formatRupiah(Number(r.price_min)) : '—'} ·{' '}
                {tr('catalog.stock.label')} {Number(r.available ?? 0)} ·{' '}
                <span class="badge" data-state={r.listing_state}>
                  {tr(`catalog.state.${r.listing_state}`)}
                </span>
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function NewProductForm(p: {
  c: C;
  umkm: { id: string; name: string }[];
  raw?: Raw;
  errors?: Errors;
}) {
  const locale = p.c.get('locale');
  const tr = (k: string) => t(locale, k);
  return (
    <section class="card narrow">
      <h1>{tr('catalog.form.new_title')}</h1>
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/jual/produk">
        <Csrf c={p.c} />
        {p.umkm.length > 1 ? (
          <SelectField
            name="umkm_id"
            label={tr('catalog.form.umkm')}
            value={p.raw?.umkm_id}
            error={p.errors?.umkm_id}
            options={p.umkm.map((u) => ({ value: u.id, label: u.name }))}
          />
        ) : (
          <input type="hidden" name="umkm_id" value={p.umkm[0]?.id ?? ''} />
        )}
        <DetailsFields locale={locale} raw={p.raw} errors={p.errors} />
        <h2>{tr('catalog.form.variant')}</h2>
        <VariantFields locale={locale} raw={p.raw} errors={p.errors} labelName="variant_label" />
        <button type="submit" class="primary">
          {tr('catalog.form.next')}
        </button>
      </form>
    </section>
  );
}
