// Routes of the accounts domain: sign-in/out, the role home, invitations, API tokens; /api/v1/me is in accounts.api.ts.
import { Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import {
  clientIp,
  homePanelsFor,
  page,
  readForm,
  requireActor,
  requireRole,
  sameOriginPath,
  type AppEnv,
} from '../../kernel/http/index.js';
import { AppError, unwrap } from '../../kernel/errors/index.js';
import { scopeLabels, type Role } from '../../kernel/auth/index.js';
import { ROLES } from './roles.js';
import { acceptInviteSchema, inviteSchema, loginSchema, tokenSchema } from './accounts.schema.js';
import { login } from './login.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { endSession, startSession } from './sessions.js';
import { grantsOf } from './accounts.queries.js';
import { acceptInvitation, findInvitation, invite } from './users.service.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';
import { AcceptForm, InviteForm, LoginForm, TokensPage } from './accounts.views.js';

const STAFF_INVITERS: Role[] = ['national_admin', 'regional_officer', 'community_manager'];

export function accountsRoutes() {
  const app = new Hono<AppEnv>();

  app.get('/login', (c) =>
    page(
      c,
      { title: t(c.get('locale'), 'accounts.login.title') },
      <LoginForm c={c} next={c.req.query('next')} />,
    ),
  );

  app.post('/login', async (c) => {
    const db = c.get('deps').h.db;
    const form = await readForm(c, loginSchema);
    const title = t(c.get('locale'), 'accounts.login.title');
    if (!form.ok)
      return page(
        c,
        { title, status: 422 },
        <LoginForm c={c} raw={form.raw} errors={form.errors} />,
      );
    const r = await login(db, form.data.login, form.data.password, clientIp(c), {
      production: c.get('deps').config.mode === 'production',
    });
    if (!r.ok) {
      const status = r.code === 'RATE_LIMITED' ? 429 : 401;
      const message = t(
        c.get('locale'),
        r.code === 'RATE_LIMITED' ? 'errors.rate_limited' : 'accounts.bad_login',
      );
      return page(
        c,
        { title, status },
        <LoginForm c={c} raw={{ login: form.raw.login }} message={message} next={form.data.next} />,
      );
    }
    const grants = await grantsOf(db, r.value);
    await startSession(
      c,
      db,
      r.value,
      grants.map((g) => g.role),
    );
    return c.redirect(sameOriginPath(form.data.next, '/me'), 303);
  });

  app.post('/logout', async (c) => {
    await endSession(c, c.get('deps').h.db);
    return c.redirect('/', 303);
  });

  app.get('/me', async (c) => {
    const actor = requireActor(c);
    const locale = c.get('locale');
    const roles = [...new Set(actor.grants.map((g) => g.role))];
    const [panels, names] = await Promise.all([
      Promise.all(homePanelsFor(roles).map((p) => p.render(c))),
      scopeLabels(
        c.get('deps').h.db,
        actor.grants.map((g) => ({ type: g.scopeType, id: g.scopeId })),
      ),
    ]);
    return page(
      c,
      { title: t(locale, 'accounts.me.title') },
      <>
        <section class="card">
          <h1>
            {t(locale, 'accounts.me.title')}: {actor.displayName}
          </h1>
          <h2>{t(locale, 'accounts.me.roles')}</h2>
          <ul class="chips">
            {actor.grants.map((g) => {
              // People see the name of what they work for, never an internal id.
              const name = g.scopeId ? names.get(`${g.scopeType}:${g.scopeId}`) : null;
              return (
                <li data-role={g.role}>
                  {t(locale, `role.${g.role}`)}
                  {name ? ` · ${name}` : ''}
                </li>
              );
            })}
          </ul>
          {panels.length === 0 ? <p>{t(locale, 'accounts.me.empty')}</p> : null}
        </section>
        {panels}
      </>,
    );
  });

  const inviteRoles = (actorRoles: Role[]): Role[] =>
    actorRoles.includes('national_admin')
      ? [...ROLES]
      : actorRoles.includes('regional_officer')
        ? ROLES.filter((r) => r !== 'national_admin')
        : ['seller', 'village_agent', 'community_manager'];

  app.get('/account/invite', (c) => {
    const actor = requireRole(c, ...STAFF_INVITERS);
    return page(
      c,
      { title: t(c.get('locale'), 'accounts.invite.title') },
      <InviteForm c={c} roles={inviteRoles(actor.grants.map((g) => g.role))} />,
    );
  });

  app.post('/account/invite', async (c) => {
    const actor = requireRole(c, ...STAFF_INVITERS);
    const roles = inviteRoles(actor.grants.map((g) => g.role));
    const title = t(c.get('locale'), 'accounts.invite.title');
    const form = await readForm(c, inviteSchema);
    if (!form.ok)
      return page(
        c,
        { title, status: 422 },
        <InviteForm c={c} roles={roles} raw={form.raw} errors={form.errors} />,
      );
    const r = await invite(c.get('deps').h.db, actor, {
      displayName: form.data.display_name,
      phone: form.data.phone,
      role: form.data.role,
      scopeId: form.data.scope_id || null,
    });
    if (!r.ok) {
      if (r.code === 'FORBIDDEN') throw new AppError('FORBIDDEN');
      const errors: Record<string, string> =
        r.code === 'ACCOUNTS_USER_EXISTS'
          ? { phone: t(c.get('locale'), 'accounts.user_exists') }
          : { scope_id: t(c.get('locale'), 'accounts.unknown_scope') };
      return page(
        c,
        { title, status: 422 },
        <InviteForm c={c} roles={roles} raw={form.raw} errors={errors} />,
      );
    }
    return page(
      c,
      { title, status: 201 },
      <InviteForm
        c={c}
        roles={roles}
        done={{ name: form.data.display_name, code: r.value.code }}
      />,
    );
  });

  app.get('/invite/:code', async (c) => {
    const inv = await findInvitation(c.get('deps').h.db, c.req.param('code'));
    if (!inv) throw new AppError('NOT_FOUND');
    return page(
      c,
      { title: t(c.get('locale'), 'accounts.accept.title') },
      <AcceptForm c={c} code={c.req.param('code')} name={inv.display_name} />,
    );
  });

  app.post('/invite/:code', async (c) => {
    const db = c.get('deps').h.db;
    const code = c.req.param('code');
    const inv = await findInvitation(db, code);
    if (!inv) throw new AppError('NOT_FOUND');
    const form = await readForm(c, acceptInviteSchema);
    if (!form.ok)
      return page(
        c,
        { title: t(c.get('locale'), 'accounts.accept.title'), status: 422 },
        <AcceptForm c={c} code={code} name={inv.display_name} errors={form.errors} />,
      );
    // Sign-in refuses the (public) demo password in production, so it is never set there either.
    if (c.get('deps').config.mode === 'production' && form.data.password === DEMO_PASSWORD) {
      return page(
        c,
        { title: t(c.get('locale'), 'accounts.accept.title'), status: 422 },
        <AcceptForm
          c={c}
          code={code}
          name={inv.display_name}
          errors={{ password: t(c.get('locale'), 'accounts.password_demo') }}
        />,
      );
    }
    const userId = unwrap(await acceptInvitation(db, code, form.data.password));
    const grants = await grantsOf(db, userId);
    await startSession(
      c,
      db,
      userId,
      grants.map((g) => g.role),
    );
    return c.redirect('/me', 303);
  });

  const tokensPage = async (
    c: any,
    created?: string,
    errors?: Record<string, string>,
    status: 200 | 201 | 422 = 200,
  ) => {
    const actor = requireActor(c);
    const db = c.get('deps').h.db;
    const [tokens, grants] = await Promise.all([
      listTokens(db, actor.userId),
      grantsOf(db, actor.userId),
    ]);
    // People see the name of what a grant is for, never its internal id.
    const labels = await scopeLabels(
      db,
      grants.map((g) => ({ type: g.scope_type, id: g.scope_id })),
    );
    const nameOf = new Map(
      grants.map((g) => [g.scope_id, labels.get(`${g.scope_type}:${g.scope_id}`) ?? null]),
    );
    return page(
      c,
      { title: t(c.get('locale'), 'accounts.tokens.title'), status },
      <TokensPage
        c={c}
        tokens={tokens.map((tk) => ({ ...tk, scope_name: nameOf.get(tk.scope_id) ?? null }))}
        grants={grants.map((g) => ({ ...g, scope_name: nameOf.get(g.scope_id) ?? null }))}
        created={created}
        errors={errors}
      />,
    );
  };
  app.get('/account/tokens', (c) => tokensPage(c));
  app.post('/account/tokens', async (c) => {
    const actor = requireActor(c);
    const form = await readForm(c, tokenSchema);
    if (!form.ok) return tokensPage(c, undefined, form.errors, 422);
    const r = await createToken(c.get('deps').h.db, actor, form.data.name, form.data.grant_id);
    if (!r.ok)
      return tokensPage(
        c,
        undefined,
        { grant_id: t(c.get('locale'), 'validation.not_allowed') },
        422,
      );
    return tokensPage(c, r.value.token, undefined, 201);
  });
  app.post('/account/tokens/:id/revoke', async (c) => {
    const actor = requireActor(c);
    unwrap(await revokeToken(c.get('deps').h.db, actor, c.req.param('id')));
    return c.redirect('/account/tokens', 303);
  });

  return app;
}
