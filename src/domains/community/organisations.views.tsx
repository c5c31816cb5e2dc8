// Pages of organisations, service points and a person's record (export, erasure).
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { ORGANISATION_KINDS, SERVICES } from './community.schema.js';
import type { ServicePointView } from './service-points.service.js';
import type { IssuedLogin } from './logins.js';
import { CheckboxGroup, trOf, type C } from './form-parts.js';
import { PeopleList, PersonForm } from './people.views.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type Errors = Record<string, string> | undefined;
type Raw = Record<string, string> | undefined;

export function OrganisationList(p: {
  c: C;
  rows: {
    id: string;
    name: string;
    kind: string;
    village_name: string | null;
    umkm_count: number;
    member_count: number;
  }[];
  canCreate: boolean;
}) {
  const tr = trOf(p.c);
  return (
    <section class="card">
      <h1>{tr('community.org.title')}</h1>
      {p.canCreate ? (
        <p>
          <a class="button" href="/community/organisations/new">
            {tr('community.org.new')}
          </a>
        </p>
      ) : null}
      {p.rows.length === 0 ? (
        <p>{tr('community.org.none')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((o) => (
            <li>
              <a href={`/community/organisations/${o.id}`}>
                <strong>{o.name}</strong>
              </a>{' '}
              · {tr(`community.kind.${o.kind}`)}
              <br />
              <small class="muted">
                {o.village_name ?? ''} ·{' '}
                {tr('community.org.counts', { umkm: o.umkm_count, members: o.member_count })}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OrganisationForm(p: { c: C; raw?: Raw; errors?: Errors; places: PlaceChoices }) {
  const tr = trOf(p.c);
  return (
    <section class="card narrow">
      <h1>{tr('community.org.new')}</h1>
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/community/organisations/new">
        <Csrf c={p.c} />
        <SelectField
          name="kind"
          label={tr('community.org.kind')}
          value={p.raw?.kind}
          error={p.errors?.kind}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: tr(`community.kind.${k}`) }))}
        />
        <Field
          name="name"
          label={tr('community.org.name')}
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
        <button type="submit" class="primary">
          {tr('form.save')}
        </button>
      </form>
    </section>
  );
}

export function OrganisationPage(p: {
  c: C;
  org: { id: string; name: string; kind: string; village_code: string; village_name: string };
  managers: { id: string; display_name: string }[];
  members: Parameters<typeof PeopleList>[0]['people'];
  umkm: { id: string; name: string }[];
  points: ServicePointView[];
  canManage: boolean;
  errors?: Errors;
  raw?: Raw;
}) {
  const tr = trOf(p.c);
  return (
    <>
      <section class="card">
        <h1>{p.org.name}</h1>
        <p>
          {tr(`community.kind.${p.org.kind}`)} · {p.org.village_name} ({p.org.village_code})
        </p>
        <h2>{tr('community.org.managers')}</h2>
        {p.managers.length === 0 ? (
          <p>—</p>
        ) : (
          <ul class="chips">
            {p.managers.map((m) => (
              <li>{m.display_name}</li>
            ))}
          </ul>
        )}
        <h2>{tr('community.umkm.title')}</h2>
        {p.umkm.length === 0 ? (
          <p>{tr('community.umkm.none')}</p>
        ) : (
          <ul class="list">
            {p.umkm.map((u) => (
              <li>
                <a href={`/community/umkm/${u.id}`}>{u.name}</a>
              </li>
            ))}
          </ul>
        )}
        <h2>{tr('community.point.title')}</h2>
        {p.points.length === 0 ? (
          <p>{tr('community.point.none')}</p>
        ) : (
          <ul class="list">
            {p.points.map((s) => (
              <li>
                <a href={`/community/points/${s.id}`}>{s.name}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section class="card" id="members">
        <h2>{tr('community.org.members')}</h2>
        <PeopleList c={p.c} people={p.members} />
        {p.canManage ? (
          <PersonForm
            c={p.c}
            action="/community/people/new"
            hidden={{ organisation_id: p.org.id }}
            errors={p.errors}
            raw={p.raw}
            withRole
          />
        ) : null}
      </section>
    </>
  );
}

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

export function PersonPage(p: {
  c: C;
  person: {
    id: string;
    full_name: string | null;
    phone: string | null;
    role_title: string | null;
    household_size: number | null;
    erased_at: string | null;
    village_code: string;
  };
  /** The person's village, by name. */
  place: string;
  canErase: boolean;
  message?: string;
}) {
  const tr = trOf(p.c);
  const m = p.person;
  return (
    <section class="card narrow">
      <h1>{m.erased_at ? tr('community.people.erased') : m.full_name}</h1>
      {p.message ? (
        <p class="notice" role="status">
          {p.message}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{tr('community.people.phone')}</dt>
        <dd>{m.phone ?? '—'}</dd>
        <dt>{tr('community.people.role')}</dt>
        <dd>{m.role_title ? tr(`community.member.${m.role_title}`) : '—'}</dd>
        <dt>{tr('community.people.household_size')}</dt>
        <dd>{m.household_size ?? '—'}</dd>
        <dt>{tr('community.field.village')}</dt>
        <dd>{p.place}</dd>
      </dl>
      <p>
        <a href={`/community/people/${m.id}/export`} download>
          {tr('community.people.export')}
        </a>
      </p>
      {p.canErase && !m.erased_at ? (
        <form method="post" action={`/community/people/${m.id}/erase`}>
          <Csrf c={p.c} />
          <p>{tr('community.people.erase_explain')}</p>
          <button type="submit">{tr('community.people.erase')}</button>
        </form>
      ) : null}
    </section>
  );
}
