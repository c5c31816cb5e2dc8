// The hub creation form. Region pickers are plain selects filled step by step by the server
// ("Tampilkan pilihan" posts the form back), so it works with JavaScript off on a phone.
import type { Context } from 'hono';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import { trOf } from './hub.views.js';

type C = Context<AppEnv>;
type Option = { code: string; name: string };

export interface HubNewState {
  raw: Record<string, string>;
  provinces: Option[];
  regencies: Option[] | null;
  districts: Option[] | null;
  parents: { id: string; name: string }[] | null;
  points: { id: string; name: string; village_code: string }[] | null;
  chosenPoints: string[];
}

export function HubNewPage(p: {
  c: C;
  s: HubNewState;
  errors?: Record<string, string>;
  message?: string;
}) {
  const tr = trOf(p.c);
  const r = p.s.raw;
  const e = p.errors ?? {};
  const tier = r.tier === 'kabupaten' ? 'kabupaten' : 'kecamatan';
  const choose = (opts: Option[]) => [
    { value: '', label: tr('logistics.hubnew.choose') },
    ...opts.map((o) => ({ value: o.code, label: `${o.name} (${o.code})` })),
  ];
  return (
    <>
      <h1>{tr('logistics.hubnew.title')}</h1>
      {p.message ? (
        <div class="alert" role="alert">
          <p>{p.message}</p>
        </div>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/hub/baru" novalidate>
        <Csrf c={p.c} />
        <section class="card">
          <Field
            name="name"
            label={tr('logistics.hubnew.name')}
            value={r.name}
            error={e.name}
            required
          />
          <fieldset>
            <legend>{tr('logistics.hubnew.tier')}</legend>
            {(['kabupaten', 'kecamatan'] as const).map((k) => (
              <>
                <label>
                  <input type="radio" name="tier" value={k} checked={tier === k} />{' '}
                  {tr(`logistics.tier.${k}`)}
                </label>
                <br />
              </>
            ))}
          </fieldset>
        </section>
        <section class="card">
          <h2>{tr('logistics.hubnew.region')}</h2>
          <p class="muted">{tr('logistics.hubnew.intro')}</p>
          <SelectField
            name="province"
            label={tr('logistics.hubnew.province')}
            value={r.province}
            error={e.province}
            options={choose(p.s.provinces)}
          />
          {p.s.regencies ? (
            <SelectField
              name="regency"
              label={tr('logistics.hubnew.regency')}
              value={r.regency}
              error={e.regency}
              options={choose(p.s.regencies)}
            />
          ) : null}
          {p.s.districts && tier === 'kecamatan' ? (
            <SelectField
              name="district"
              label={tr('logistics.hubnew.district')}
              value={r.district}
              error={e.district}
              options={choose(p.s.districts)}
            />
          ) : null}
          {tier === 'kecamatan' && p.s.parents ? (
            p.s.parents.length ? (
              <SelectField
                name="parent_hub_id"
                label={tr('logistics.hubnew.parent')}
                value={r.parent_hub_id}
                error={e.parent_hub_id}
                options={p.s.parents.map((h) => ({ value: h.id, label: h.name }))}
              />
            ) : (
              <p class="error" id="f-parent_hub_id">
                {tr('logistics.hubnew.no_parent')}
              </p>
            )
          ) : null}
          <button type="submit" name="action" value="refresh">
            {tr('logistics.hubnew.refresh')}
          </button>
        </section>
        {tier === 'kecamatan' && p.s.points ? (
          <section class="card">
            <fieldset>
              <legend>{tr('logistics.hubnew.points')}</legend>
              {p.s.points.length === 0 ? (
                <p class="muted">{tr('logistics.hubnew.no_points')}</p>
              ) : (
                p.s.points.map((s) => (
                  <div class="field">
                    <input
                      type="checkbox"
                      id={`pt-${s.id}`}
                      name="point"
                      value={s.id}
                      checked={p.s.chosenPoints.includes(s.id)}
                    />{' '}
                    <label for={`pt-${s.id}`} class="inline">
                      {s.name} <span class="muted">· {s.village_code}</span>
                    </label>
                  </div>
                ))
              )}
              {e.point ? (
                <p class="error" id="f-point">
                  {e.point}
                </p>
              ) : null}
            </fieldset>
          </section>
        ) : null}
        <section class="card">
          <h2>{tr('logistics.hubnew.coords')}</h2>
          <p class="muted">{tr('logistics.hubnew.coords_hint')}</p>
          <div class="row">
            <Field
              name="lat"
              label={tr('logistics.hubnew.lat')}
              value={r.lat}
              error={e.lat}
              inputmode="decimal"
              autocomplete="off"
            />
            <Field
              name="lng"
              label={tr('logistics.hubnew.lng')}
              value={r.lng}
              error={e.lng}
              inputmode="decimal"
              autocomplete="off"
            />
          </div>
        </section>
        <button type="submit" name="action" value="create" class="primary">
          {tr('logistics.hubnew.submit')}
        </button>
      </form>
    </>
  );
}
