// Pages of service points: the scoped list, the form and the point's page with its people.
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { SERVICES } from './community.schema.js';
import type { ServicePointView } from './service-points.service.js';
import type { IssuedLogin } from './logins.js';
import { CheckboxGroup, trOf, type C } from './form-parts.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type Errors = Record<string, string> | undefined;
type Raw = Record<string, string> | undefined;

export function PointList(p: { c: C; rows: ServicePointView[]; canCreate: boolean }) {
  const tr = trOf(p.c);
  return (
    <section class="card">
      <h1>{tr('community.point.title')}</h1>
      {p.canCreate ? (
        <p>
          <a class="button" href="/community/points/new">
            {tr('community.point.new')}
          </a>
        </p>
      ) : null}
      {p.rows.length === 0 ? (
        <p>{tr('community.point.none')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((s) => (
            <li>
              <a href={`/community/points/${s.id}`}>
                <strong>{s.name}</strong>
              </a>{' '}
              · {s.village_name ?? s.village_code}
              <br />
              <small class="muted">
                {s.opening_hours} · {s.services.map((x) => tr(`community.service.${x}`)).join(', ')}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function PointForm(p: {
  c: C;
  raw?: Raw;
  errors?: Errors;
  services?: string[];
  orgs: { id: string; name: string }[];
  places: PlaceChoices;
}) {
  const tr = trOf(p.c);
  return (
    <section class="card narrow">
      <h1>{tr('community.point.new')}</h1>
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/community/points/new">
        <Csrf c={p.c} />
        <Field
          name="name"
          label={tr('community.point.name')}
          value={p.raw?.name}
          error={p.errors?.name}
          required
        />
        <PlacePicker
          c={p.c}
          name="village_code"
          label={tr('community.field.village')}
          choices={p.places}
          value={p.raw?.village_code}
          error={p.errors?.village_code}
        />
        <SelectField
          name="organisation_id"
          label={tr('community.field.organisation')}
          value={p.raw?.organisation_id}
          error={p.errors?.organisation_id}
          options={[
            { value: '', label: '—' },
            ...p.orgs.map((o) => ({ value: o.id, label: o.name })),
          ]}
        />
        <div class="row">
          <Field
            name="lat"
            inputmode="decimal"
            label={tr('community.point.lat')}
            value={p.raw?.lat}
            error={p.errors?.lat}
          />
          <Field
            name="lng"
            inputmode="decimal"
            label={tr('community.point.lng')}
            value={p.raw?.lng}
            error={p.errors?.lng}
          />
        </div>
        <Field
          name="opening_hours"
          label={tr('community.point.hours')}
          hint={tr('community.point.hours_hint')}
          value={p.raw?.opening_hours}
          error={p.errors?.opening_hours}
          required
        />
        <CheckboxGroup
          name="services"
          legend={tr('community.point.services')}
          options={SERVICES.map((s) => ({ value: s, label: tr(`community.service.${s}`) }))}
          checked={p.services ?? [...SERVICES]}
          error={p.errors?.services}
        />
        <button type="submit" class="primary">
          {tr('form.save')}
        </button>
      </form>
    </section>
  );
}

export function PointPage(p: {
  c: C;
  point: ServicePointView;
  agents: { id: string; display_name: string }[];
  canManage: boolean;
  errors?: Errors;
  raw?: Raw;
  added?: IssuedLogin;
}) {
  const tr = trOf(p.c);
  const s = p.point;
  return (
    <section class="card">
      <h1>{s.name}</h1>
      <p>
        {s.village_name} ({s.village_code}) · {s.opening_hours}
      </p>
      {s.lat !== null ? (
        <p>
          <small class="muted">
            {s.lat}, {s.lng}
          </small>
        </p>
      ) : null}
      <ul class="chips">
        {s.services.map((x) => (
          <li>{tr(`community.service.${x}`)}</li>
        ))}
      </ul>
      <h2>{tr('community.point.agents')}</h2>
      {p.agents.length === 0 ? (
        <p>—</p>
      ) : (
        <ul class="list">
          {p.agents.map((a) => (
            <li>{a.display_name}</li>
          ))}
        </ul>
      )}
      {p.added ? (
        <div class="notice" role="status">
          <p>{tr('community.point.agent_added')}</p>
          {p.added.startPassword ? (
            <p>
              {tr('community.login.start_password')}:{' '}
              <code class="big" data-testid="start-password">
                {p.added.startPassword}
              </code>
              <br />
              <small>{tr('community.login.shown_once')}</small>
            </p>
          ) : (
            <p>{tr('community.login.existing')}</p>
          )}
        </div>
      ) : null}
      {p.canManage ? (
        <form method="post" action={`/community/points/${s.id}/agents`}>
          <h3>{tr('community.point.add_agent')}</h3>
          <ErrorSummary c={p.c} errors={p.errors} />
          <Csrf c={p.c} />
          <Field
            name="display_name"
            label={tr('community.people.full_name')}
            value={p.raw?.display_name}
            error={p.errors?.display_name}
            required
            autocomplete="off"
          />
          <Field
            name="phone"
            type="tel"
            inputmode="tel"
            label={tr('community.register.phone')}
            value={p.raw?.phone}
            error={p.errors?.phone}
            required
            autocomplete="off"
          />
          <button type="submit" class="primary">
            {tr('community.point.add_agent')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
