// Forms for a village profile: edit one village, and import many from a CSV file with the
// validation report (every bad row with its line, column and reason).
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import type { Area } from './regions.queries.js';
import { ROADS, SIGNALS } from './profile-fields.js';
import type { ImportReport } from './profiles.service.js';

type C = Context<AppEnv>;
const tr = (c: C, k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function ProfileForm(p: {
  c: C;
  area: Area;
  raw: Record<string, string>;
  errors?: Record<string, string>;
}) {
  const { c, raw, errors } = p;
  const f = (name: string, extra: { inputmode?: 'numeric' | 'decimal'; hint?: string } = {}) => (
    <Field
      name={name}
      label={tr(c, `regions.f.${name}`)}
      value={raw[name]}
      error={errors?.[name]}
      inputmode={extra.inputmode}
      hint={extra.hint}
    />
  );
  const unknown = { value: '', label: tr(c, 'regions.v.unknown') };
  const yesNo = (name: string) => (
    <SelectField
      name={name}
      label={tr(c, `regions.f.${name}`)}
      value={raw[name]}
      error={errors?.[name]}
      options={[
        unknown,
        { value: '1', label: tr(c, 'regions.v.yes') },
        { value: '0', label: tr(c, 'regions.v.no') },
      ]}
    />
  );
  return (
    <section class="card narrow">
      <h1>
        {tr(c, 'regions.profile.edit')}: {p.area.name}
      </h1>
      <ErrorSummary c={c} errors={errors} />
      <form method="post" action={`/wilayah/${p.area.code}/profil`}>
        <Csrf c={c} />
        {f('population', { inputmode: 'numeric' })}
        {f('households', { inputmode: 'numeric' })}
        {f('poverty_share', { inputmode: 'decimal' })}
        {f('electricity_share', { inputmode: 'decimal' })}
        <SelectField
          name="signal"
          label={tr(c, 'regions.f.signal')}
          value={raw.signal}
          error={errors?.signal}
          options={[unknown, ...SIGNALS.map((s) => ({ value: s, label: tr(c, `regions.v.${s}`) }))]}
        />
        {yesNo('office_internet')}
        <SelectField
          name="road_access"
          label={tr(c, 'regions.f.road_access')}
          value={raw.road_access}
          error={errors?.road_access}
          options={[unknown, ...ROADS.map((s) => ({ value: s, label: tr(c, `regions.v.${s}`) }))]}
        />
        {f('distance_km', { inputmode: 'decimal' })}
        {yesNo('has_bumdes')}
        {yesNo('has_koperasi')}
        {f('lat', { inputmode: 'decimal' })}
        {f('lng', { inputmode: 'decimal' })}
        <button type="submit" class="primary">
          {tr(c, 'form.save')}
        </button>
      </form>
    </section>
  );
}

export function ImportForm(p: { c: C; report?: ImportReport; error?: string }) {
  const { c, report } = p;
  return (
    <section class="card">
      <h1>{tr(c, 'regions.import.title')}</h1>
      {p.error ? (
        <p class="alert" role="alert">
          {p.error}
        </p>
      ) : null}
      {report ? <ReportView c={c} report={report} /> : null}
      <form method="post" action="/wilayah/impor" enctype="multipart/form-data">
        <Csrf c={c} />
        <div class="field">
          <label for="f-file">{tr(c, 'regions.import.file')}</label>
          <small id="f-file-hint">{tr(c, 'regions.import.hint')}</small>
          <input
            id="f-file"
            name="file"
            type="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            required
            aria-describedby="f-file-hint"
          />
        </div>
        <fieldset class="field">
          <legend>{tr(c, 'regions.import.mode')}</legend>
          <label>
            <input type="radio" name="mode" value="all" checked={report?.mode !== 'valid'} />{' '}
            {tr(c, 'regions.import.mode_all')}
          </label>
          <br />
          <label>
            <input type="radio" name="mode" value="valid" checked={report?.mode === 'valid'} />{' '}
            {tr(c, 'regions.import.mode_valid')}
          </label>
        </fieldset>
        <button type="submit" class="primary">
          {tr(c, 'regions.import.submit')}
        </button>
      </form>
      <p>
        <small class="muted">
          {/* The file's column names, typed exactly: machine text, shown as code. */}
          <code>
            village_code,population,households,poverty_share,electricity_share,signal,office_internet,road_access,distance_km,has_bumdes,has_koperasi,lat,lng
          </code>
        </small>
      </p>
    </section>
  );
}

function ReportView(p: { c: C; report: ImportReport }) {
  const { c, report: r } = p;
  const summary =
    r.imported === 0 && r.errors.length
      ? tr(c, 'regions.import.rejected', { count: r.errors.length, rows: r.rows })
      : r.errors.length
        ? tr(c, 'regions.import.done_partial', { imported: r.imported, skipped: r.skipped })
        : tr(c, 'regions.import.done', { imported: r.imported, rows: r.rows });
  return (
    <div data-testid="report">
      <p class={r.errors.length ? (r.imported ? 'warn' : 'alert') : 'notice'} role="status">
        {summary}
      </p>
      {r.errors.length ? (
        <div class="scroll">
          <table>
            {r.sheet !== null ? (
              <caption>{tr(c, 'regions.import.sheet', { sheet: r.sheet })}</caption>
            ) : null}
            <thead>
              <tr>
                <th scope="col">
                  {tr(c, r.sheet !== null ? 'regions.import.row' : 'regions.import.line')}
                </th>
                <th scope="col">{tr(c, 'regions.import.column')}</th>
                <th scope="col">{tr(c, 'regions.import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.map((e) => (
                <tr>
                  <td class="num">{e.line}</td>
                  <td>
                    <code>{e.column}</code>
                  </td>
                  <td>{tr(c, e.key, e.params)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
