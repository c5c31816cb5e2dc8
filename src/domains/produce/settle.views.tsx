// The treasurer's settle form on the lot page. A lot sold to a trader settles the price typed
// here; a lot offered in the catalogue settles what its completed orders owe the UMKM, so the
// form shows that amount instead of asking for it (settle.service.ts computes it again).
import type { Context } from 'hono';
import { Csrf, Field, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { tr } from './display.js';

export function SettleForm(p: {
  c: Context<AppEnv>;
  action: string;
  catalogueProceeds?: number;
  errors: Record<string, string>;
  raw: Record<string, string>;
}) {
  const { c, errors, raw } = p;
  const cost = (name: string, inputmode: 'numeric' | 'decimal' = 'numeric') => (
    <Field
      name={name}
      label={tr(c, `produce.f.${name}`)}
      value={raw[name]}
      error={errors[name]}
      inputmode={inputmode}
    />
  );
  return (
    <form method="post" action={p.action} class="card">
      <h3>{tr(c, 'produce.lot.settle')}</h3>
      <Csrf c={c} />
      {p.catalogueProceeds === undefined ? (
        <Field
          name="proceeds"
          label={tr(c, 'produce.f.proceeds')}
          value={raw.proceeds}
          error={errors.proceeds}
          inputmode="numeric"
          required
        />
      ) : (
        <p>
          {tr(c, 'produce.lot.catalogue_proceeds', {
            amount: formatRupiah(p.catalogueProceeds),
          })}
        </p>
      )}
      {cost('margin_pct', 'decimal')}
      {cost('processing_cost')}
      {cost('logistics_cost')}
      {cost('platform_fee')}
      <button type="submit">{tr(c, 'produce.save')}</button>
    </form>
  );
}
