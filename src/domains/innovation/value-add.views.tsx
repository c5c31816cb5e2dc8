// Value-add records (what the centre did for a product) and the centre's dashboard.
import type { Context } from 'hono';
import { Csrf, Field, type AppEnv } from '../../kernel/http/index.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatRupiah,
  t,
} from '../../kernel/i18n/index.js';
import type { InnovationStats } from './stats.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';
import type { ValueAddRecordsTable } from './innovation.tables.js';
type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function ValueAddForm(p: {
  c: C;
  productId: string;
  defaults: { price?: number; weight?: number };
  raw?: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <form method="post" action={`/innovation/products/${p.productId}/value-add`}>
      <Csrf c={c} />
      <Field
        name="raw_cost_before"
        type="number"
        inputmode="numeric"
        min={0}
        label={tr(c, 'innovation.value.raw_cost_before')}
        value={raw.raw_cost_before}
        error={errors.raw_cost_before}
        required
      />
      <Field
        name="price_before"
        type="number"
        inputmode="numeric"
        min={0}
        label={tr(c, 'innovation.value.price_before')}
        value={raw.price_before}
        error={errors.price_before}
        required
      />
      <Field
        name="raw_cost_after"
        type="number"
        inputmode="numeric"
        min={0}
        label={tr(c, 'innovation.value.raw_cost_after')}
        value={raw.raw_cost_after}
        error={errors.raw_cost_after}
        required
      />
      <Field
        name="price_after"
        type="number"
        inputmode="numeric"
        min={0}
        label={tr(c, 'innovation.value.price_after')}
        value={raw.price_after ?? p.defaults.price}
        error={errors.price_after}
        required
      />
      <Field
        name="weight_grams"
        type="number"
        inputmode="numeric"
        min={1}
        label={tr(c, 'innovation.value.weight')}
        hint={tr(c, 'innovation.value.weight_hint')}
        value={raw.weight_grams ?? p.defaults.weight}
        error={errors.weight_grams}
      />
      <Field
        name="note"
        label={tr(c, 'innovation.value.note')}
        value={raw.note}
        error={errors.note}
      />
      <button type="submit">{tr(c, 'innovation.value.save')}</button>
    </form>
  );
}

export function ValueAddHistory(p: { c: C; records: ValueAddRecordsTable[] }) {
  const { c } = p;
  const locale = c.get('locale');
  if (p.records.length === 0) return null;
  return (
    <ul class="list value-add">
      {p.records.map((r) => (
        <li>
          {formatDate(locale, r.recorded_at, r.village_code)}: {formatRupiah(r.raw_cost_before)} →{' '}
          {formatRupiah(r.price_before)} / {formatRupiah(r.raw_cost_after)} →{' '}
          {formatRupiah(r.price_after)}
          <br />
          {tr(c, 'innovation.value.per_unit', {
            amount: formatRupiah(
              r.price_after - r.raw_cost_after - (r.price_before - r.raw_cost_before),
            ),
          })}
          {r.value_added_per_kg !== null ? (
            <>
              {' '}
              ·{' '}
              <strong data-testid="per-kg">
                {tr(c, 'innovation.value.per_kg', { amount: formatRupiah(r.value_added_per_kg) })}
              </strong>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function DashboardPage(p: {
  c: C;
  stats: InnovationStats;
  region: string;
  areas: PlaceChoices;
  /** National staff may leave the area empty: the whole country. */
  national: boolean;
}) {
  const { c, stats } = p;
  const locale = c.get('locale');
  return (
    <section class="card">
      <h1>{tr(c, 'innovation.dashboard.title')}</h1>
      <form method="get" action="/innovation/dashboard">
        <PlacePicker
          c={c}
          name="region"
          label={tr(c, 'innovation.dashboard.region')}
          hint={p.national ? tr(c, 'innovation.dashboard.region_national') : undefined}
          choices={p.areas}
          value={p.region}
          optional={p.national}
        />
        <button type="submit" class="primary">
          {tr(c, 'innovation.dashboard.show')}
        </button>
      </form>
      <div class="grid">
        <div class="tile">
          <p>{tr(c, 'innovation.dashboard.submitted')}</p>
          <p class="kpi" data-kpi="submitted">
            {formatNumber(locale, stats.productsSubmitted)}
          </p>
        </div>
        <div class="tile">
          <p>{tr(c, 'innovation.dashboard.ready_share')}</p>
          <p class="kpi" data-kpi="share">
            {formatPercent(locale, stats.marketReadyShare)}
          </p>
        </div>
        <div class="tile">
          <p>{tr(c, 'innovation.dashboard.median_days')}</p>
          <p class="kpi" data-kpi="median">
            {stats.medianDaysToMarketReady === null
              ? tr(c, 'innovation.dashboard.none')
              : formatNumber(locale, stats.medianDaysToMarketReady, 1)}
          </p>
        </div>
      </div>
      <h2>{tr(c, 'innovation.dashboard.open_tasks')}</h2>
      {stats.openTasksByType.length === 0 ? (
        <p>{tr(c, 'innovation.tasks.none')}</p>
      ) : (
        <table>
          <tbody>
            {stats.openTasksByType.map((r) => (
              <tr data-type={r.item}>
                <th scope="row">{tr(c, `innovation.item.${r.item}`)}</th>
                <td class="num">{formatNumber(locale, r.open)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
