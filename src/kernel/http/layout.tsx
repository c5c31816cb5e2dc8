// The web shell: one small stylesheet, no script required, role-aware navigation, language
// switch, skip link and landmarks for screen readers. hono/jsx escapes every text by default.
import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import { t } from '../i18n/i18n.js';
import { formatNumber } from '../i18n/format.js';
import type { AppEnv } from './env.js';
import { navFor } from './nav.js';

export interface PageOptions {
  title: string;
  /** Storefront pages skip the staff navigation and stay lighter. */
  description?: string;
  status?: 200 | 201 | 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500;
}

export function Layout(props: {
  c: Context<AppEnv>;
  title: string;
  description?: string;
  children: Child;
}) {
  const { c } = props;
  const locale = c.get('locale');
  const actor = c.get('actor');
  const roles = actor ? [...new Set(actor.grants.map((g) => g.role))] : null;
  const nav = navFor(roles);
  const tr = (k: string) => t(locale, k);
  const here = c.req.path;
  const badges = c.get('navBadges');
  const links = (
    <ul>
      {nav.map((i) => {
        const n = badges?.get(i.href);
        return (
          <li>
            <a href={i.href} aria-current={here === i.href ? 'page' : undefined}>
              {tr(i.label)}
              {n ? ' ' : null}
              {n ? (
                <span class="count">
                  {formatNumber(locale, n)}
                  <span class="vh"> {tr('nav.unread')}</span>
                </span>
              ) : null}
            </a>
          </li>
        );
      })}
      {actor ? (
        <li>
          <form method="post" action="/logout">
            <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
            <button type="submit" class="link">
              {tr('nav.logout')}
            </button>
          </form>
        </li>
      ) : (
        <li>
          <a href="/login">{tr('nav.login')}</a>
        </li>
      )}
    </ul>
  );
  return (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} · Lumbung`}</title>
        {props.description ? <meta name="description" content={props.description} /> : null}
        <link rel="stylesheet" href="/static/app.css" />
        <link rel="icon" href="/static/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip" href="#main">
          {tr('nav.skip')}
        </a>
        <header class="top">
          <a class="brand" href="/">
            Lumbung
          </a>
          {/* Wide screens show the links in the bar; phones open them from the menu. CSS shows one of the two. */}
          <nav class="bar" aria-label={tr('nav.menu')}>
            {links}
          </nav>
          <details class="menu">
            <summary>{tr('nav.menu')}</summary>
            <nav aria-label={tr('nav.menu')}>{links}</nav>
          </details>
          <form method="post" action="/lang" class="lang">
            <input type="hidden" name="_csrf" value={c.get('csrfToken')} />
            <input type="hidden" name="back" value={here} />
            <button
              type="submit"
              name="to"
              value={locale === 'id' ? 'en' : 'id'}
              lang={locale === 'id' ? 'en' : 'id'}
            >
              {locale === 'id' ? 'English' : 'Bahasa Indonesia'}
            </button>
          </form>
        </header>
        <main id="main">{props.children}</main>
        <footer class="foot">
          <p>{tr('app.tagline')}</p>
        </footer>
      </body>
    </html>
  );
}

/** Renders a full page in the shell. */
export function page(c: Context<AppEnv>, opts: PageOptions, body: Child) {
  return c.html(
    '<!doctype html>' +
      (
        <Layout c={c} title={opts.title} description={opts.description}>
          {body}
        </Layout>
      ).toString(),
    opts.status ?? 200,
  );
}

/** Hidden CSRF field every form includes. */
export function Csrf(props: { c: Context<AppEnv> }) {
  return <input type="hidden" name="_csrf" value={props.c.get('csrfToken')} />;
}

export interface FieldProps {
  name: string;
  label: string;
  value?: string | number | null;
  error?: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputmode?: 'search' | 'text' | 'decimal' | 'numeric' | 'none' | 'email' | 'tel' | 'url';
  min?: number | string;
  max?: number | string;
  step?: string;
  /** For type="file": the kinds of file offered in the picker. */
  accept?: string;
}

/** A labelled input with its hint and error next to it (aria-describedby ties them). */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const describedBy =
    [p.hint ? `${id}-hint` : '', p.error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      {p.hint ? <small id={`${id}-hint`}>{p.hint}</small> : null}
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.value ?? ''}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={describedBy}
        autocomplete={p.autocomplete}
        inputmode={p.inputmode}
        min={p.min}
        max={p.max}
        step={p.step}
        accept={p.accept}
      />
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

export function SelectField(p: {
  name: string;
  label: string;
  value?: string | null;
  error?: string;
  options: { value: string; label: string }[];
  required?: boolean;
}) {
  const id = `f-${p.name}`;
  return (
    <div class={p.error ? 'field invalid' : 'field'}>
      <label for={id}>{p.label}</label>
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={p.error ? 'true' : undefined}
        aria-describedby={p.error ? `${id}-err` : undefined}
      >
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === (p.value ?? '')}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error ? (
        <p class="error" id={`${id}-err`}>
          {p.error}
        </p>
      ) : null}
    </div>
  );
}

/** A summary at the top of a form that failed validation (focus target for screen readers). */
export function ErrorSummary(p: { c: Context<AppEnv>; errors?: Record<string, string> }) {
  if (!p.errors || Object.keys(p.errors).length === 0) return null;
  return (
    <div class="alert" role="alert">
      <p>{t(p.c.get('locale'), 'form.errors_summary')}</p>
      <ul>
        {Object.entries(p.errors).map(([k, v]) => (
          <li>
            <a href={`#f-${k}`}>{v}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
