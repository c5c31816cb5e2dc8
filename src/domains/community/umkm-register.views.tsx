// Registering an UMKM: one screen, five fields (consent first), then the login it got.
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { BUSINESS_TYPES, CONSENT_VERSION } from './community.schema.js';
import type { IssuedLogin } from './logins.js';
import { Checkbox, trOf, type C } from './form-parts.js';
import { PlacePicker, type PlaceChoices } from '../regions/index.js';

type Errors = Record<string, string> | undefined;
type Raw = Record<string, string> | undefined;

/** One screen, five fields: consent first, then who, phone, business name and type. */
export function RegisterUmkmForm(p: {
  c: C;
  raw?: Raw;
  errors?: Errors;
  villageHint?: string;
  places: PlaceChoices;
  /** The village may stay empty: the registrar's own organisation's village is the default. */
  optionalVillage: boolean;
  orgs: { id: string; name: string }[];
}) {
  const tr = trOf(p.c);
  return (
    <section class="card narrow">
      <h1>{tr('community.register.title')}</h1>
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/community/umkm/new">
        <Csrf c={p.c} />
        <div class="consent" id="consent-text">
          <h2>{tr('community.consent.heading')}</h2>
          <p>{tr('community.consent.text')}</p>
          <p>
            <small class="muted">
              {tr('community.consent.version', { version: CONSENT_VERSION })}
            </small>
          </p>
        </div>
        <Checkbox
          name="consent"
          label={tr('community.consent.given')}
          checked={p.raw?.consent === '1'}
          error={p.errors?.consent}
        />
        <Field
          name="owner_name"
          label={tr('community.register.owner_name')}
          value={p.raw?.owner_name}
          error={p.errors?.owner_name}
          required
          autocomplete="off"
        />
        <Field
          name="phone"
          type="tel"
          inputmode="tel"
          label={tr('community.register.phone')}
          hint={tr('community.register.phone_hint')}
          value={p.raw?.phone}
          error={p.errors?.phone}
          required
          autocomplete="off"
        />
        <Field
          name="name"
          label={tr('community.register.name')}
          value={p.raw?.name}
          error={p.errors?.name}
          required
          autocomplete="off"
        />
        <SelectField
          name="business_type"
          label={tr('community.register.business_type')}
          value={p.raw?.business_type}
          error={p.errors?.business_type}
          options={BUSINESS_TYPES.map((b) => ({ value: b, label: tr(`community.business.${b}`) }))}
        />
        <details
          open={
            // A required choice is never hidden in a closed <details> (the browser could not
            // point to it); a search shows its results.
            !p.optionalVillage ||
            !!(
              p.errors?.village_code ||
              p.errors?.organisation_id ||
              p.raw?.village_code ||
              p.raw?.village_code_q
            )
          }
        >
          <summary>{tr('community.register.more')}</summary>
          <PlacePicker
            c={p.c}
            name="village_code"
            label={tr('community.field.village')}
            hint={p.villageHint}
            choices={p.places}
            value={p.raw?.village_code}
            error={p.errors?.village_code}
            optional={p.optionalVillage}
          />
          {p.orgs.length > 1 ? (
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
          ) : null}
          {p.errors?.organisation_id && p.orgs.length <= 1 ? (
            <p class="error">{p.errors.organisation_id}</p>
          ) : null}
          <Field
            name="whatsapp"
            type="tel"
            inputmode="tel"
            label={tr('community.field.whatsapp')}
            hint={tr('community.field.whatsapp_hint')}
            value={p.raw?.whatsapp}
            error={p.errors?.whatsapp}
            autocomplete="off"
          />
        </details>
        <button type="submit" class="primary">
          {tr('community.register.submit')}
        </button>
      </form>
    </section>
  );
}

export function Registered(p: { c: C; umkmId: string; name: string; login: IssuedLogin }) {
  const tr = trOf(p.c);
  return (
    <section class="card narrow">
      <h1>{tr('community.register.done_title')}</h1>
      <div class="notice" role="status">
        <p>{tr('community.register.done', { name: p.name })}</p>
        <p>
          {tr('community.login.phone')}:{' '}
          <strong data-testid="login-phone">{'0' + p.login.phone.slice(3)}</strong>
        </p>
        {p.login.startPassword ? (
          <p>
            {tr('community.login.start_password')}:{' '}
            <code class="big" data-testid="start-password">
              {p.login.startPassword}
            </code>
            <br />
            <small>{tr('community.login.shown_once')}</small>
          </p>
        ) : (
          <p>{tr('community.login.existing')}</p>
        )}
      </div>
      <p>
        <a class="button" href={`/community/umkm/${p.umkmId}`}>
          {tr('community.register.open')}
        </a>{' '}
        <a href="/community/umkm/new">{tr('community.register.another')}</a>
      </p>
    </section>
  );
}
