// Pages of UMKM: the scoped list and the UMKM page with certifications, contact/bank details
// and household members. Registration is in umkm-register.views.tsx.
import { Csrf, ErrorSummary, Field, SelectField } from '../../kernel/http/index.js';
import { formatDate } from '../../kernel/i18n/index.js';
import { CERTIFICATION_KINDS } from './community.schema.js';
import type { CertificationView } from './certifications.js';
import { StateBadge, TextArea, trOf, type C } from './form-parts.js';
import { PeopleList, PersonForm } from './people.views.js';

type Errors = Record<string, string> | undefined;
type Raw = Record<string, string> | undefined;

export function UmkmList(p: {
  c: C;
  rows: {
    id: string;
    name: string;
    business_type: string;
    village_name: string | null;
    organisation_name: string | null;
  }[];
  canRegister: boolean;
  q?: string;
}) {
  const tr = trOf(p.c);
  return (
    <section class="card">
      <h1>{tr('community.umkm.title')}</h1>
      {p.canRegister ? (
        <p>
          <a class="button" href="/community/umkm/new">
            {tr('community.umkm.register')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/community/umkm" class="row" role="search">
        <Field name="q" label={tr('community.umkm.search')} value={p.q} />
        <button type="submit">{tr('community.search')}</button>
      </form>
      {p.rows.length === 0 ? (
        <p>{tr('community.umkm.none')}</p>
      ) : (
        <ul class="list">
          {p.rows.map((u) => (
            <li>
              <a href={`/community/umkm/${u.id}`}>
                <strong>{u.name}</strong>
              </a>{' '}
              · {tr(`community.business.${u.business_type}`)}
              <br />
              <small class="muted">
                {u.village_name ?? ''}
                {u.organisation_name ? ` · ${u.organisation_name}` : ''}
              </small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export interface UmkmDetail {
  id: string;
  name: string;
  business_type: string;
  village_code: string;
  village_name: string;
  organisation_name: string | null;
  owner_name: string | null;
  phone: string | null;
  whatsapp: string | null;
  bank_name: string | null;
  bank_account_number: string | null;
  bank_account_name: string | null;
  story: string | null;
}

export function UmkmPage(p: {
  c: C;
  u: UmkmDetail;
  certs: CertificationView[];
  people: {
    id: string;
    full_name: string | null;
    role_title: string | null;
    household_size: number | null;
    erased_at: string | null;
  }[];
  canEdit: boolean;
  canPeople: boolean;
  /** Only the UMKM's seller and the managers who pay it out read or write its bank account. */
  canSeeBank: boolean;
  errors?: Errors;
  raw?: Raw;
  form?: 'cert' | 'edit' | 'person';
  message?: string;
}) {
  const tr = trOf(p.c);
  const locale = p.c.get('locale');
  const e = (f: 'cert' | 'edit' | 'person') => (p.form === f ? p.errors : undefined);
  const r = (f: 'cert' | 'edit' | 'person') => (p.form === f ? p.raw : undefined);
  return (
    <>
      <section class="card">
        <h1>{p.u.name}</h1>
        {p.message ? (
          <p class="notice" role="status">
            {p.message}
          </p>
        ) : null}
        <p>
          {tr(`community.business.${p.u.business_type}`)} · {p.u.village_name} ({p.u.village_code})
          {p.u.organisation_name ? ` · ${p.u.organisation_name}` : ''}
        </p>
        <dl class="facts">
          <dt>{tr('community.register.owner_name')}</dt>
          <dd>{p.u.owner_name ?? '—'}</dd>
          <dt>{tr('community.register.phone')}</dt>
          <dd>{p.u.phone ?? '—'}</dd>
          <dt>{tr('community.field.whatsapp')}</dt>
          <dd>
            {p.u.whatsapp ? (
              <a href={`https://wa.me/${p.u.whatsapp.replace(/^\+/, '')}`}>{p.u.whatsapp}</a>
            ) : (
              '—'
            )}
          </dd>
          {p.canSeeBank ? (
            <>
              <dt>{tr('community.field.bank')}</dt>
              <dd>
                {p.u.bank_name
                  ? `${p.u.bank_name} · ${p.u.bank_account_number ?? ''} · ${p.u.bank_account_name ?? ''}`
                  : '—'}
              </dd>
            </>
          ) : null}
        </dl>
        {p.u.story ? <p class="story">{p.u.story}</p> : null}
      </section>
      <section class="card" id="certifications">
        <h2>{tr('community.cert.title')}</h2>
        {p.certs.length === 0 ? (
          <p>{tr('community.cert.none')}</p>
        ) : (
          <ul class="list">
            {p.certs.map((ct) => (
              <li data-kind={ct.kind}>
                <strong>{tr(`community.cert.${ct.kind}`)}</strong> {ct.number}{' '}
                <StateBadge c={p.c} state={ct.state} days={ct.days_left} />
                <br />
                <small class="muted">
                  {tr('community.cert.issued_on')}{' '}
                  {formatDate(locale, ct.issued_on + 'T00:00:00Z', 'UTC')}
                  {ct.expires_on
                    ? ` · ${tr('community.cert.expires_on')} ${formatDate(locale, ct.expires_on + 'T00:00:00Z', 'UTC')}`
                    : ''}
                </small>
              </li>
            ))}
          </ul>
        )}
        {p.canEdit ? (
          <form method="post" action={`/community/umkm/${p.u.id}/certifications`}>
            <h3>{tr('community.cert.add')}</h3>
            <ErrorSummary c={p.c} errors={e('cert')} />
            <Csrf c={p.c} />
            <SelectField
              name="kind"
              label={tr('community.cert.kind')}
              value={r('cert')?.kind}
              error={e('cert')?.kind}
              options={CERTIFICATION_KINDS.map((k) => ({
                value: k,
                label: tr(`community.cert.${k}`),
              }))}
            />
            <Field
              name="number"
              label={tr('community.cert.number')}
              value={r('cert')?.number}
              error={e('cert')?.number}
              required
            />
            <Field
              name="issued_on"
              type="date"
              label={tr('community.cert.issued_on')}
              value={r('cert')?.issued_on}
              error={e('cert')?.issued_on}
              required
            />
            <Field
              name="expires_on"
              type="date"
              label={tr('community.cert.expires_on')}
              hint={tr('community.cert.expires_hint')}
              value={r('cert')?.expires_on}
              error={e('cert')?.expires_on}
            />
            <button type="submit" class="primary">
              {tr('community.cert.save')}
            </button>
          </form>
        ) : null}
      </section>
      {p.canEdit ? (
        <section class="card" id="details">
          <h2>{tr('community.edit.title')}</h2>
          <ErrorSummary c={p.c} errors={e('edit')} />
          <form method="post" action={`/community/umkm/${p.u.id}/edit`}>
            <Csrf c={p.c} />
            <Field
              name="whatsapp"
              type="tel"
              inputmode="tel"
              label={tr('community.field.whatsapp')}
              value={r('edit')?.whatsapp ?? p.u.whatsapp}
              error={e('edit')?.whatsapp}
            />
            {p.canSeeBank ? (
              <>
                <Field
                  name="bank_name"
                  label={tr('community.field.bank_name')}
                  value={r('edit')?.bank_name ?? p.u.bank_name}
                  error={e('edit')?.bank_name}
                />
                <Field
                  name="bank_account_number"
                  inputmode="numeric"
                  label={tr('community.field.bank_account_number')}
                  value={r('edit')?.bank_account_number ?? p.u.bank_account_number}
                  error={e('edit')?.bank_account_number}
                />
                <Field
                  name="bank_account_name"
                  label={tr('community.field.bank_account_name')}
                  value={r('edit')?.bank_account_name ?? p.u.bank_account_name}
                  error={e('edit')?.bank_account_name}
                />
              </>
            ) : null}
            <TextArea
              name="story"
              label={tr('community.field.story')}
              hint={tr('community.field.story_hint')}
              value={r('edit')?.story ?? p.u.story}
              error={e('edit')?.story}
            />
            <button type="submit" class="primary">
              {tr('form.save')}
            </button>
          </form>
        </section>
      ) : null}
      {p.canPeople ? (
        <section class="card" id="people">
          <h2>{tr('community.people.title')}</h2>
          <PeopleList c={p.c} people={p.people} />
          <PersonForm
            c={p.c}
            action="/community/people/new"
            hidden={{ umkm_id: p.u.id }}
            errors={e('person')}
            raw={r('person')}
          />
        </section>
      ) : null}
    </>
  );
}
