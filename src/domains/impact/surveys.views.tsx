// Survey pages: the enumerator's phone forms (consent first), CSV import with a report that
// names line and column, and the BPS poverty lines with their CSV import.
import type { Context } from 'hono';
import { Csrf, Field, SelectField, ErrorSummary, type AppEnv } from '../../kernel/http/index.js';
import { t, formatRupiah, type Locale } from '../../kernel/i18n/index.js';
import { CONSENT_TEXT_VERSION, CSV_COLUMNS } from './surveys.schema.js';
import type { ImportProblem } from './import-table.js';
import type { Line } from './poverty-lines.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

function Consent(p: { l: Locale; error?: string; checked?: boolean }) {
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <p class="muted">{t(p.l, 'impact.surveys.consent_text')}</p>
      <label>
        <input
          type="checkbox"
          name="consent"
          value="yes"
          checked={p.checked}
          aria-invalid={p.error ? 'true' : undefined}
          aria-describedby={p.error ? 'consent-err' : undefined}
        />{' '}
        {t(p.l, 'impact.surveys.consent', { version: CONSENT_TEXT_VERSION })}
      </label>
      {p.error ? (
        <p class="error" id="consent-err">
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** The upload takes a CSV or the same table saved as XLSX (first sheet). */
const SHEET_ACCEPT =
  '.csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type SurveyForm = 'household' | 'sales' | 'import';

export function SurveysPage(p: {
  c: Context<AppEnv>;
  counts: { hh: number; sales: number };
  form?: SurveyForm;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  done?: string;
  problems?: ImportProblem[];
  /** The villages each form may record, chosen by name (the sales form's list first). */
  places: { household: PlaceChoices; sales: PlaceChoices };
  sheet?: string | null;
}) {
  const l = p.c.get('locale');
  const is = (f: SurveyForm) => p.form === f;
  const raw = (f: SurveyForm) => (is(f) ? (p.raw ?? {}) : {});
  const err = (f: SurveyForm) => (is(f) ? p.errors : undefined);
  const h = raw('household');
  const s = raw('sales');
  return (
    <>
      <section class="card">
        <h1>{t(l, 'impact.surveys.title')}</h1>
        <p>{t(l, 'impact.surveys.intro')}</p>
        <p class="muted">
          {t(l, 'impact.surveys.counts', { hh: p.counts.hh, sales: p.counts.sales })}
        </p>
        {p.done ? (
          <p class="notice" role="status" data-testid="done">
            {p.done}
          </p>
        ) : null}
      </section>
      <section class="card" id="household">
        <h2>{t(l, 'impact.surveys.household')}</h2>
        <ErrorSummary c={p.c} errors={err('household')} />
        <form method="post" action="/impact/surveys/household">
          <Csrf c={p.c} />
          <PlacePicker
            c={p.c}
            name="village_code"
            id={is('sales') ? 'f-hh-village_code' : undefined}
            label={t(l, 'impact.surveys.village')}
            choices={p.places.household}
            value={h.village_code}
            error={err('household')?.village_code}
          />
          <Field
            name="wave_year"
            label={t(l, 'impact.surveys.wave_year')}
            value={h.wave_year ?? String(new Date().getUTCFullYear())}
            error={err('household')?.wave_year}
            required
            inputmode="numeric"
          />
          <Field
            name="household_code"
            label={t(l, 'impact.surveys.household_code')}
            value={h.household_code}
            error={err('household')?.household_code}
            required
          />
          <Field
            name="household_size"
            label={t(l, 'impact.surveys.household_size')}
            value={h.household_size}
            error={err('household')?.household_size}
            required
            inputmode="numeric"
          />
          <Field
            name="income_monthly"
            label={t(l, 'impact.surveys.income')}
            value={h.income_monthly}
            error={err('household')?.income_monthly}
            required
            inputmode="numeric"
          />
          <Consent l={l} error={err('household')?.consent} checked={h.consent === 'yes'} />
          <button type="submit" class="primary">
            {t(l, 'impact.surveys.save')}
          </button>
        </form>
      </section>
      <section class="card" id="sales">
        <h2>{t(l, 'impact.surveys.sales')}</h2>
        <ErrorSummary c={p.c} errors={err('sales')} />
        <form method="post" action="/impact/surveys/sales">
          <Csrf c={p.c} />
          <PlacePicker
            c={p.c}
            name="village_code"
            id={is('sales') ? undefined : 'f-sales-village_code'}
            label={t(l, 'impact.surveys.village')}
            choices={p.places.sales}
            value={s.village_code}
            error={err('sales')?.village_code}
          />
          <div class="row">
            <Field
              name="year"
              label={t(l, 'impact.surveys.year')}
              value={s.year ?? String(new Date().getUTCFullYear())}
              error={err('sales')?.year}
              required
              inputmode="numeric"
            />
            <Field
              name="month"
              label={t(l, 'impact.surveys.month')}
              value={s.month}
              error={err('sales')?.month}
              required
              inputmode="numeric"
            />
          </div>
          <Field
            name="umkm_code"
            label={t(l, 'impact.surveys.umkm_code')}
            value={s.umkm_code}
            error={err('sales')?.umkm_code}
            required
          />
          <Field
            name="sales_monthly"
            label={t(l, 'impact.surveys.sales_monthly')}
            value={s.sales_monthly}
            error={err('sales')?.sales_monthly}
            required
            inputmode="numeric"
          />
          <Consent l={l} error={err('sales')?.consent} checked={s.consent === 'yes'} />
          <button type="submit" class="primary">
            {t(l, 'impact.surveys.save')}
          </button>
        </form>
      </section>
      <section class="card" id="import">
        <h2>{t(l, 'impact.surveys.import')}</h2>
        <ErrorSummary c={p.c} errors={err('import')} />
        {p.problems?.length ? <ProblemTable l={l} problems={p.problems} sheet={p.sheet} /> : null}
        <form method="post" action="/impact/surveys/import" enctype="multipart/form-data">
          <Csrf c={p.c} />
          <SelectField
            name="kind"
            label={t(l, 'impact.surveys.kind')}
            value={raw('import').kind}
            options={[
              { value: 'household', label: t(l, 'impact.surveys.household') },
              { value: 'umkm', label: t(l, 'impact.surveys.sales') },
            ]}
          />
          <p class="muted">
            {/* The column names are typed exactly: machine text inside the sentence, as code. */}
            {t(l, 'impact.surveys.csv_hint', { columns: '\u0000' })
              .split('\u0000')
              .flatMap((part, i) =>
                i === 0
                  ? [part]
                  : [
                      <code>
                        {`${CSV_COLUMNS.household.join(', ')} / ${CSV_COLUMNS.umkm.join(', ')}`}
                      </code>,
                      part,
                    ],
              )}
          </p>
          <Field name="file" type="file" accept={SHEET_ACCEPT} label={t(l, 'impact.surveys.csv')} />
          <div class="field">
            <label for="f-csv">{t(l, 'impact.surveys.csv_text')}</label>
            <textarea id="f-csv" name="csv" rows={4}>
              {raw('import').csv ?? ''}
            </textarea>
          </div>
          <button type="submit" class="primary">
            {t(l, 'impact.surveys.import_submit')}
          </button>
        </form>
      </section>
    </>
  );
}

/** Every problem by line (a sheet row when the file was XLSX, the sheet named), column, reason. */
export function ProblemTable(p: { l: Locale; problems: ImportProblem[]; sheet?: string | null }) {
  const shown = p.problems.slice(0, 200);
  return (
    <div class="alert" role="alert" data-testid="import-problems">
      <p>{t(p.l, 'impact.surveys.problems')}</p>
      <div class="scroll" tabindex={0} role="region" aria-label={t(p.l, 'impact.table')}>
        <table>
          {p.sheet ? <caption>{t(p.l, 'impact.surveys.sheet', { sheet: p.sheet })}</caption> : null}
          <thead>
            <tr>
              <th scope="col">{t(p.l, p.sheet ? 'impact.surveys.row' : 'impact.surveys.line')}</th>
              <th scope="col">{t(p.l, 'impact.surveys.column')}</th>
              <th scope="col">{t(p.l, 'impact.surveys.problem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((x) => (
              <tr>
                <td>{x.line || '–'}</td>
                <td>{x.column || '–'}</td>
                <td>{t(p.l, x.key, x.params)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {p.problems.length > shown.length ? <p>{`+${p.problems.length - shown.length}`}</p> : null}
    </div>
  );
}

export function LinesPage(p: {
  c: Context<AppEnv>;
  lines: Line[];
  provinces: Map<string, string>;
  canImport: boolean;
  done?: string;
  problems?: ImportProblem[];
  sheet?: string | null;
  errors?: Record<string, string>;
}) {
  const l = p.c.get('locale');
  return (
    <>
      <section class="card">
        <h1>{t(l, 'impact.lines.title')}</h1>
        <p>{t(l, 'impact.lines.intro')}</p>
        {p.done ? (
          <p class="notice" role="status">
            {p.done}
          </p>
        ) : null}
        <div class="scroll" tabindex={0} role="region" aria-label={t(l, 'impact.table')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t(l, 'impact.lines.period')}</th>
                <th scope="col">{t(l, 'impact.lines.province')}</th>
                <th scope="col">{t(l, 'impact.lines.area')}</th>
                <th scope="col" class="num">
                  {t(l, 'impact.lines.amount')}
                </th>
                <th scope="col">{t(l, 'impact.lines.source')}</th>
              </tr>
            </thead>
            <tbody>
              {p.lines.map((x) => (
                <tr>
                  <td>{x.period}</td>
                  <td>
                    {x.province_code === 'ID'
                      ? t(l, 'impact.lines.national')
                      : (p.provinces.get(x.province_code) ?? x.province_code)}
                  </td>
                  <td>{t(l, `impact.area.${x.area}`)}</td>
                  <td class="num">{formatRupiah(x.amount)}</td>
                  <td>{x.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {p.canImport ? (
        <section class="card">
          <h2>{t(l, 'impact.lines.import')}</h2>
          <ErrorSummary c={p.c} errors={p.errors} />
          {p.problems?.length ? <ProblemTable l={l} problems={p.problems} sheet={p.sheet} /> : null}
          <p class="muted">{t(l, 'impact.lines.hint')}</p>
          <form method="post" action="/impact/poverty-lines" enctype="multipart/form-data">
            <Csrf c={p.c} />
            <Field
              name="file"
              type="file"
              accept={SHEET_ACCEPT}
              label={t(l, 'impact.surveys.csv')}
            />
            <div class="field">
              <label for="f-csv">{t(l, 'impact.surveys.csv_text')}</label>
              <textarea id="f-csv" name="csv" rows={4}></textarea>
            </div>
            <button type="submit" class="primary">
              {t(l, 'impact.surveys.import_submit')}
            </button>
          </form>
        </section>
      ) : null}
    </>
  );
}
