// Pages of the accounts domain: sign-in, home, invitations, API tokens.
import type { Context } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { Csrf, ErrorSummary, Field, SelectField, type AppEnv } from '../../kernel/http/index.js';
import type { Role } from '../../kernel/auth/index.js';

type C = Context<AppEnv>;

export function LoginForm(p: {
  c: C;
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  message?: string;
  next?: string;
}) {
  const tr = (k: string) => t(p.c.get('locale'), k);
  return (
    <section class="card narrow">
      <h1>{tr('accounts.login.title')}</h1>
      {p.message ? (
        <p class="alert" role="alert">
          {p.message}
        </p>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/login">
        <Csrf c={p.c} />
        <input type="hidden" name="next" value={p.next ?? ''} />
        <Field
          name="login"
          label={tr('accounts.login.login')}
          value={p.raw?.login}
          error={p.errors?.login}
          autocomplete="username"
          required
        />
        <Field
          name="password"
          type="password"
          label={tr('accounts.login.password')}
          error={p.errors?.password}
          autocomplete="current-password"
          required
        />
        <button type="submit" class="primary">
          {tr('accounts.login.submit')}
        </button>
      </form>
    </section>
  );
}

export function InviteForm(p: {
  c: C;
  roles: Role[];
  raw?: Record<string, string>;
  errors?: Record<string, string>;
  done?: { name: string; code: string };
}) {
  const tr = (k: string, params?: Record<string, unknown>) => t(p.c.get('locale'), k, params);
  return (
    <section class="card narrow">
      <h1>{tr('accounts.invite.title')}</h1>
      {p.done ? (
        <div class="notice" role="status">
          <p>{tr('accounts.invite.done', { name: p.done.name })}</p>
          <p>
            <code class="big">{p.done.code}</code>
          </p>
          <p>
            <small>/invite/{p.done.code}</small>
          </p>
        </div>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/account/invite">
        <Csrf c={p.c} />
        <Field
          name="display_name"
          label={tr('accounts.invite.name')}
          value={p.raw?.display_name}
          error={p.errors?.display_name}
          required
        />
        <Field
          name="phone"
          type="tel"
          inputmode="tel"
          label={tr('accounts.invite.phone')}
          value={p.raw?.phone}
          error={p.errors?.phone}
          required
          autocomplete="off"
        />
        <SelectField
          name="role"
          label={tr('accounts.invite.role')}
          value={p.raw?.role}
          error={p.errors?.role}
          options={p.roles.map((r) => ({ value: r, label: tr(`role.${r}`) }))}
        />
        <Field
          name="scope_id"
          label={tr('accounts.invite.scope')}
          hint={tr('accounts.invite.scope_hint')}
          value={p.raw?.scope_id}
          error={p.errors?.scope_id}
        />
        <button type="submit" class="primary">
          {tr('accounts.invite.submit')}
        </button>
      </form>
    </section>
  );
}

export function AcceptForm(p: {
  c: C;
  code: string;
  name: string;
  errors?: Record<string, string>;
}) {
  const tr = (k: string, params?: Record<string, unknown>) => t(p.c.get('locale'), k, params);
  return (
    <section class="card narrow">
      <h1>{tr('accounts.accept.title')}</h1>
      <p>{tr('accounts.accept.hello', { name: p.name })}</p>
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action={`/invite/${encodeURIComponent(p.code)}`}>
        <Csrf c={p.c} />
        <Field
          name="password"
          type="password"
          label={tr('accounts.login.password')}
          error={p.errors?.password}
          autocomplete="new-password"
          required
        />
        <button type="submit" class="primary">
          {tr('accounts.accept.submit')}
        </button>
      </form>
    </section>
  );
}

export interface TokenRow {
  id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  role: string;
  /** The name of what the token's grant is for (never its internal id). */
  scope_name: string | null;
}

export function TokensPage(p: {
  c: C;
  tokens: TokenRow[];
  grants: { id: string; role: string; scope_name: string | null }[];
  created?: string;
  errors?: Record<string, string>;
}) {
  const tr = (k: string) => t(p.c.get('locale'), k);
  return (
    <section class="card">
      <h1>{tr('accounts.tokens.title')}</h1>
      {p.created ? (
        <div class="notice" role="status">
          <p>{tr('accounts.tokens.shown_once')}</p>
          <p>
            <code class="big" data-testid="new-token">
              {p.created}
            </code>
          </p>
        </div>
      ) : null}
      <ErrorSummary c={p.c} errors={p.errors} />
      <form method="post" action="/account/tokens">
        <Csrf c={p.c} />
        <Field name="name" label={tr('accounts.tokens.name')} error={p.errors?.name} required />
        <SelectField
          name="grant_id"
          label={tr('accounts.tokens.grant')}
          error={p.errors?.grant_id}
          options={p.grants.map((g) => ({
            value: g.id,
            label: `${tr(`role.${g.role}`)}${g.scope_name ? ` · ${g.scope_name}` : ''}`,
          }))}
        />
        <button type="submit" class="primary">
          {tr('accounts.tokens.create')}
        </button>
      </form>
      {p.tokens.length === 0 ? (
        <p>{tr('accounts.tokens.none')}</p>
      ) : (
        <ul class="list">
          {p.tokens.map((tk) => (
            <li>
              <strong>{tk.name}</strong> · {tr(`role.${tk.role}`)} {tk.scope_name ?? ''}
              {tk.revoked_at ? (
                <em> · {tr('accounts.tokens.revoked')}</em>
              ) : (
                <form method="post" action={`/account/tokens/${tk.id}/revoke`} class="inline">
                  <Csrf c={p.c} />
                  <button type="submit">{tr('accounts.tokens.revoke')}</button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
