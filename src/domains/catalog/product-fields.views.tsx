// The fields of a product's forms, shared by the add form and the manage page: details
// (title, category, descriptions) and one variant (label, price, weight, stock).
import { t, type Locale } from '../../kernel/i18n/index.js';
import { Field, SelectField } from '../../kernel/http/index.js';
import { CATEGORY_GROUPS, CATEGORIES } from './taxonomy.js';

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
export function Input(p: {
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

export function DetailsFields(p: { locale: Locale; raw?: Raw; errors: Errors }) {
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

export function VariantFields(p: {
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
