// Members and household people of an UMKM or organisation: the list, the consent form and a
// person's record (export, erasure).
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { MEMBER_ROLES } from './community.schema.js';
import { Checkbox, trOf, type C } from './form-parts.js';

type Errors = Record<string, string> | undefined;
type Raw = Record<string, string> | undefined;

export function PeopleList(p: {
  c: C;
  people: {
    id: string;
    full_name: string | null;
    role_title: string | null;
    household_size: number | null;
    erased_at: string | null;
  }[];
}) {
  const tr = trOf(p.c);
  if (p.people.length === 0) return <p>{tr('community.people.none')}</p>;
  return (
    <ul class="list">
      {p.people.map((m) => (
        <li>
          {m.erased_at ? (
            <em>{tr('community.people.erased')}</em>
          ) : (
            <a href={`/community/people/${m.id}`}>{m.full_name}</a>
          )}
          {m.role_title ? ` · ${tr(`community.member.${m.role_title}`)}` : ''} ·{' '}
          {tr('community.people.household', { n: m.household_size ?? '?' })}
        </li>
      ))}
    </ul>
  );
}

export function PersonForm(p: {
  c: C;
  action: string;
  hidden: Record<string, string>;
  errors?: Errors;
  raw?: Raw;
  withRole?: boolean;
}) {
  const tr = trOf(p.c);
  return (
    <form method="post" action={p.action}>
      <h3>{tr('community.people.add')}</h3>
      <ErrorSummary c={p.c} errors={p.errors} />
      <Csrf c={p.c} />
      {Object.entries(p.hidden).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <p>
        <small>{tr('community.consent.text')}</small>
      </p>
      <Checkbox
        name="consent"
        label={tr('community.consent.given')}
        checked={p.raw?.consent === '1'}
        error={p.errors?.consent}
      />
      <Field
        name="full_name"
        label={tr('community.people.full_name')}
        value={p.raw?.full_name}
        error={p.errors?.full_name}
        required
        autocomplete="off"
      />
      <Field
        name="phone"
        type="tel"
        inputmode="tel"
        label={tr('community.people.phone')}
        value={p.raw?.phone}
        error={p.errors?.phone}
        autocomplete="off"
      />
      {p.withRole ? (
        <SelectField
          name="role_title"
          label={tr('community.people.role')}
          value={p.raw?.role_title}
          error={p.errors?.role_title}
          options={MEMBER_ROLES.map((m) => ({ value: m, label: tr(`community.member.${m}`) }))}
        />
      ) : null}
      <Field
        name="household_size"
        type="number"
        inputmode="numeric"
        min={1}
        max={40}
        label={tr('community.people.household_size')}
        value={p.raw?.household_size}
        error={p.errors?.household_size}
        required
      />
      <button type="submit" class="primary">
        {tr('community.people.save')}
      </button>
    </form>
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
