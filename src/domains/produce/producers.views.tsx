// Pages for registering and finding producers (JS off, 360 px): consent first, then name,
// optional phone, village by name and one plot's commodity.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { formatRupiah } from '../../kernel/money/index.js';
import { formatDate } from '../../kernel/i18n/index.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';
import { COMMODITY_KEYS } from './commodities.js';
import { commodityName, tr } from './display.js';

type C = Context<AppEnv>;
export interface FormState {
  raw?: Record<string, string>;
  errors?: Record<string, string>;
}
export interface OrgOption {
  id: string;
  name: string;
}

export function OrganisationField(p: { c: C; orgs: OrgOption[]; value?: string; error?: string }) {
  if (p.orgs.length === 1)
    return <input type="hidden" name="organisation_id" value={p.orgs[0].id} />;
  return (
    <SelectField
      name="organisation_id"
      label={tr(p.c, 'produce.f.organisation')}
      value={p.value}
      error={p.error}
      options={p.orgs.map((o) => ({ value: o.id, label: o.name }))}
      required
    />
  );
}

export function ProducerForm(p: { c: C; orgs: OrgOption[]; places: PlaceChoices } & FormState) {
  const { c, raw = {}, errors = {} } = p;
  return (
    <section>
      <h1>{tr(c, 'produce.producers.new')}</h1>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action="/produksi/petani" class="card">
        <Csrf c={c} />
        <div class={errors.consent ? 'field invalid' : 'field'}>
          <label class="inline" for="f-consent">
            <input
              id="f-consent"
              type="checkbox"
              name="consent"
              value="1"
              checked={raw.consent === '1'}
              required
            />{' '}
            {tr(c, 'produce.f.consent')}
          </label>
          {errors.consent ? <p class="error">{errors.consent}</p> : null}
        </div>
        <OrganisationField
          c={c}
          orgs={p.orgs}
          value={raw.organisation_id}
          error={errors.organisation_id}
        />
        <Field
          name="full_name"
          label={tr(c, 'produce.f.full_name')}
          value={raw.full_name}
          error={errors.full_name}
          required
          autocomplete="off"
        />
        <Field
          name="phone"
          type="tel"
          label={tr(c, 'produce.f.phone')}
          hint={tr(c, 'produce.f.phone_hint')}
          value={raw.phone}
          error={errors.phone}
          inputmode="tel"
          autocomplete="off"
        />
        <PlacePicker
          c={c}
          name="village_code"
          label={tr(c, 'produce.f.village')}
          choices={p.places}
          value={raw.village_code}
          error={errors.village_code}
        />
        <SelectField
          name="commodity"
          label={tr(c, 'produce.f.commodity')}
          value={raw.commodity}
          error={errors.commodity}
          options={COMMODITY_KEYS.map((k) => ({ value: k, label: commodityName(c, k) }))}
          required
        />
        <Field
          name="area_m2"
          label={tr(c, 'produce.f.area_m2')}
          value={raw.area_m2}
          error={errors.area_m2}
          inputmode="numeric"
        />
        <button type="submit">{tr(c, 'produce.save')}</button>
      </form>
    </section>
  );
}

export function ProducerList(p: {
  c: C;
  rows: { id: string; full_name: string | null; phone: string | null; village_code: string }[];
  villages: Map<string, string>;
  canAdd: boolean;
}) {
  const { c } = p;
  return (
    <section>
      <h1>{tr(c, 'produce.producers.title')}</h1>
      {p.canAdd ? (
        <p>
          <a href="/produksi/petani/baru">{tr(c, 'produce.producers.new')}</a>
        </p>
      ) : null}
      {p.rows.length ? (
        <ul>
          {p.rows.map((r) => (
            <li>
              <a href={`/produksi/petani/${r.id}`}>
                {r.full_name ?? tr(c, 'produce.producer.erased')}
              </a>{' '}
              — {p.villages.get(r.village_code) ?? ''}
              {r.phone ? null : ` (${tr(c, 'produce.producers.no_phone')})`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr(c, 'produce.home.none')}</p>
      )}
    </section>
  );
}

export function ProducerPage(p: {
  c: C;
  producer: { full_name: string | null; phone: string | null; village_code: string };
  village: string;
  plots: { commodity: string; area_m2: number | null }[];
  intakes: Child;
  statements: { id: string; number: string; name: string; total: number; issued_at: string }[];
}) {
  const { c } = p;
  const name = p.producer.full_name ?? tr(c, 'produce.producer.erased');
  return (
    <section>
      <h1>{tr(c, 'produce.producer.title', { name })}</h1>
      <p>
        {p.village}
        {p.producer.phone ? ` · ${p.producer.phone}` : ` · ${tr(c, 'produce.producers.no_phone')}`}
      </p>
      <h2>{tr(c, 'produce.producer.plots')}</h2>
      <ul>
        {p.plots.map((pl) => (
          <li>
            {commodityName(c, pl.commodity)}
            {pl.area_m2 ? ` · ${pl.area_m2} m²` : ''}
          </li>
        ))}
      </ul>
      <h2>{tr(c, 'produce.home.intakes')}</h2>
      {p.intakes}
      <h2>{tr(c, 'produce.producer.statements')}</h2>
      {p.statements.length ? (
        <ul>
          {p.statements.map((s) => (
            <li>
              <a href={`/produksi/pernyataan/${s.id}`}>{s.number}</a> · {s.name} ·{' '}
              {formatRupiah(s.total)} · {formatDate(c.get('locale'), s.issued_at)}
            </li>
          ))}
        </ul>
      ) : (
        <p>{tr(c, 'produce.home.none')}</p>
      )}
    </section>
  );
}
