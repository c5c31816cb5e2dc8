// The seller's manage page of one product: details, variants, quick stock +/− buttons and
// photos. Works without script.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { PhotosCard } from './seller-photos.views.js';
import { STOCK_REASONS } from './products.schema.js';
import type { productForActor } from './seller.queries.js';
import { DetailsFields, Input, VariantFields } from './product-fields.views.js';

type C = Context<AppEnv>;
type Errors = Record<string, string> | undefined;
type Raw = Record<string, string | null | undefined>;

export interface ManageErrors {
  details?: Errors;
  newVariant?: Errors;
  photo?: Errors;
  /** A message next to one variant (stock or edit refused). */
  variant?: { id: string; errors: Record<string, string> };
}

type Managed = NonNullable<Awaited<ReturnType<typeof productForActor>>>;

export function ManageProduct(p: {
  c: C;
  m: Managed;
  errors?: ManageErrors;
  raw?: Raw;
  notice?: string;
  step2?: boolean;
}) {
  const locale = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(locale, k, params);
  const { product, variants, photos, canEdit } = p.m;
  const e = p.errors ?? {};
  const base = `/jual/produk/${product.id}`;
  const all = { ...e.details, ...e.newVariant, ...e.photo, ...e.variant?.errors };
  return (
    <>
      <section class="card">
        <p class="muted">
          {product.umkm_name} ·{' '}
          <span class="badge" data-state={product.listing_state}>
            {tr(`catalog.state.${product.listing_state}`)}
          </span>
        </p>
        <h1>{product.title}</h1>
        {p.step2 ? (
          <p class="notice" role="status">
            {tr('catalog.edit.step2')}
          </p>
        ) : null}
        {p.notice ? (
          <p class="notice" role="status">
            {p.notice}
          </p>
        ) : null}
        <ErrorSummary c={p.c} errors={Object.keys(all).length ? all : undefined} />
        {product.listed ? (
          <p>
            <a href={`/produk/${product.id}`}>{tr('catalog.edit.public_page')}</a>
          </p>
        ) : null}
        {product.listed && canEdit ? (
          <p class="muted" data-testid="review-warning">
            {tr('catalog.review.warning')}
          </p>
        ) : null}
      </section>
      <PhotosCard
        c={p.c}
        productId={product.id}
        photos={photos}
        canEdit={canEdit}
        errors={e.photo}
        raw={p.raw}
      />
      <section class="card" aria-labelledby="var-h">
        <h2 id="var-h">{tr('catalog.edit.variants')}</h2>
        <ul class="list">
          {variants.map((v) => {
            const ve = e.variant?.id === v.id ? e.variant.errors : undefined;
            return (
              <li data-variant={v.id}>
                <strong>{v.label}</strong> · {formatRupiah(v.price)} · {v.weight_grams} g · SKU{' '}
                {v.sku}
                <br />
                {tr('catalog.stock.label')}: <strong data-testid="stock">{v.available ?? 0}</strong>
                {ve ? (
                  <p class="error" role="alert">
                    {Object.values(ve).join(' ')}
                  </p>
                ) : null}
                {canEdit ? (
                  <>
                    <form method="post" action={`/jual/varian/${v.id}/stok`} class="inline">
                      <Csrf c={p.c} />
                      <input type="hidden" name="delta" value="-1" />
                      <input type="hidden" name="reason" value="correction" />
                      <button
                        type="submit"
                        aria-label={tr('catalog.stock.minus', { label: v.label })}
                      >
                        −
                      </button>
                    </form>{' '}
                    <form method="post" action={`/jual/varian/${v.id}/stok`} class="inline">
                      <Csrf c={p.c} />
                      <input type="hidden" name="delta" value="1" />
                      <input type="hidden" name="reason" value="restock" />
                      <button
                        type="submit"
                        aria-label={tr('catalog.stock.plus', { label: v.label })}
                      >
                        +
                      </button>
                    </form>
                    <details>
                      <summary>{tr('catalog.stock.change')}</summary>
                      <form method="post" action={`/jual/varian/${v.id}/stok`} class="row">
                        <Csrf c={p.c} />
                        <Input
                          id={`s-${v.id}-delta`}
                          name="delta"
                          type="number"
                          label={tr('catalog.stock.delta')}
                          required
                        />
                        <div class="field">
                          <label for={`s-${v.id}-reason`}>{tr('catalog.stock.reason')}</label>
                          <select id={`s-${v.id}-reason`} name="reason">
                            {STOCK_REASONS.map((r) => (
                              <option value={r}>{tr(`catalog.reason.${r}`)}</option>
                            ))}
                          </select>
                        </div>
                        <button type="submit">{tr('catalog.stock.apply')}</button>
                      </form>
                    </details>
                    <details>
                      <summary>{tr('catalog.edit.edit_variant')}</summary>
                      <form method="post" action={`/jual/varian/${v.id}`}>
                        <Csrf c={p.c} />
                        <Input
                          id={`v-${v.id}-label`}
                          name="label"
                          label={tr('catalog.form.variant_label')}
                          value={v.label}
                          required
                        />
                        <div class="row">
                          <Input
                            id={`v-${v.id}-price`}
                            name="price"
                            type="number"
                            label={tr('catalog.form.price')}
                            value={v.price}
                            min={1}
                            required
                          />
                          <Input
                            id={`v-${v.id}-weight`}
                            name="weight_grams"
                            type="number"
                            label={tr('catalog.form.weight')}
                            value={v.weight_grams}
                            min={1}
                            required
                          />
                        </div>
                        <button type="submit">{tr('catalog.form.save')}</button>
                      </form>
                    </details>
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
        {canEdit ? (
          <details open={!!e.newVariant}>
            <summary>{tr('catalog.edit.add_variant')}</summary>
            <form method="post" action={`${base}/varian`}>
              <Csrf c={p.c} />
              <VariantFields
                locale={locale}
                raw={e.newVariant ? p.raw : undefined}
                errors={e.newVariant}
              />
              <button type="submit" class="primary">
                {tr('catalog.edit.add_variant')}
              </button>
            </form>
          </details>
        ) : null}
      </section>
      {canEdit ? (
        <section class="card" aria-labelledby="det-h">
          <h2 id="det-h">{tr('catalog.form.edit_title')}</h2>
          <form method="post" action={base}>
            <Csrf c={p.c} />
            <DetailsFields
              locale={locale}
              raw={e.details ? p.raw : (product as unknown as Raw)}
              errors={e.details}
            />
            <button type="submit" class="primary">
              {tr('catalog.form.save')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
