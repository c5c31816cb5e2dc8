// Seller pages, built for a cheap phone: my products, a two-step add form (details and first
// variant, then photos and more variants), quick stock +/− buttons. Works without script.
import type { Context } from 'hono';
import { t, type Locale } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { CATEGORY_GROUPS, CATEGORIES, categoryName } from './taxonomy.js';
import { PhotosCard } from './seller-photos.views.js';
import { STOCK_REASONS } from './products.schema.js';
import type { productForActor, productsForActor } from './seller.queries.js';

type C = Context<AppEnv>;
type Errors = Record<string, string> | undefined;
type Raw = Record<string, string | null | undefined>;

function TextArea(p: {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  hint?: string;
  required?: boolean;
  lang?: string;
}) {
  const id = `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <small id={`${id}-hint`}>{p.hint}</small> : null}
      <textarea
        id={id}
        name={p.name}
        rows={4}
        required={p.required}
        lang={p.lang}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
      >
        {p.value ?? ''}
      </textarea>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled input with an explicit id, for forms repeated once per variant. */
function Input(p: {
  id: string;
  name: string;
  label: string;
  type?: string;
  value?: string | number | null;
  min?: number;
  required?: boolean;
}) {
  return (
    <div class="field">
      <label for={p.id}>{p.label}</label>
      <input
        id={p.id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        min={p.min}
        required={p.required}
        inputmode={p.type === 'number' ? 'numeric' : undefined}
      />
    </div>
  );
}

const categoryOptions = (locale: Locale) => [
  { value: '', label: '—' },
  ...CATEGORY_GROUPS.flatMap((g) =>
    CATEGORIES.filter((c) => c.group === g.slug).map((c) => ({
      value: c.slug,
      label: `${g.name[locale]} › ${c.name[locale]}`,
    })),
  ),
];

function DetailsFields(p: { locale: Locale; raw?: Raw; errors: Errors }) {
  const tr = (k: string) => t(p.locale, k);
  return (
    <>
      <Field
        name="title"
        label={tr('catalog.form.title')}
        hint={tr('catalog.form.title_hint')}
        value={p.raw?.title}
        error={p.errors?.title}
        required
      />
      <SelectField
        name="category"
        label={tr('catalog.form.category')}
        value={p.raw?.category}
        error={p.errors?.category}
        options={categoryOptions(p.locale)}
        required
      />
      <TextArea
        name="description"
        label={tr('catalog.form.description')}
        hint={tr('catalog.form.description_hint')}
        value={p.raw?.description}
        error={p.errors?.description}
        required
        lang="id"
      />
      <TextArea
        name="description_en"
        label={tr('catalog.form.description_en')}
        value={p.raw?.description_en}
        error={p.errors?.description_en}
        lang="en"
      />
    </>
  );
}

function VariantFields(p: {
  locale: Locale;
  raw?: Raw;
  errors: Errors;
  labelName?: string;
  withStock?: boolean;
}) {
  const tr = (k: string) => t(p.locale, k);
  const ln = p.labelName ?? 'label';
  return (
    <>
      <Field
        name={ln}
        label={tr('catalog.form.variant_label')}
        hint={tr('catalog.form.variant_label_hint')}
        value={p.raw?.[ln]}
        error={p.errors?.[ln]}
        required
      />
      <div class="row">
        <Field
          name="price"
          type="number"
          inputmode="numeric"
          min={1}
          label={tr('catalog.form.price')}
          value={p.raw?.price}
          error={p.errors?.price}
          required
        />
        <Field
          name="weight_grams"
          type="number"
          inputmode="numeric"
          min={1}
          label={tr('catalog.form.weight')}
          value={p.raw?.weight_grams}
          error={p.errors?.weight_grams}
          required
        />
      </div>
      {p.withStock === false ? null : (
        <div class="row">
          <Field
            name="stock"
            type="number"
            inputmode="numeric"
            min={0}
            label={tr('catalog.form.stock')}
            value={p.raw?.stock ?? '0'}
            error={p.errors?.stock}
          />
          <Field
            name="sku"
            label={tr('catalog.form.sku')}
            value={p.raw?.sku}
            error={p.errors?.sku}
            autocomplete="off"
          />
        </div>
      )}
    </>
  );
}

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
