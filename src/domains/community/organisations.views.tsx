// Pages of organisations: the scoped list, the form and the organisation's page. Service
// points are in points.views.tsx, a person's record in people.views.tsx.
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { ORGANISATION_KINDS } from './community.schema.js';
import type { ServicePointView } from './service-points.service.js';
import { trOf, type C } from './form-parts.js';
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
