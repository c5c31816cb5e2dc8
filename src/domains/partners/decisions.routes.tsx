// The community manager's decisions on partner offers (`/kemitraan`): the offers made to the
// manager's organisations and their UMKM, each to accept or decline.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireRole, Csrf, type AppEnv } from '../../kernel/http/index.js';
import { AppError } from '../../kernel/errors/index.js';
import { scopeIds } from '../../kernel/auth/index.js';
import { decidePartnership } from './partners.service.js';
import { partnershipsForOrganisations } from './partners.queries.js';

type C = Context<AppEnv>;
const tr = (c: C) => (k: string, p?: Record<string, unknown>) => t(c.get('locale'), k, p);

export function decisionPages(app: Hono<AppEnv>) {
  const decisions = async (c: C, status: 200 | 409 = 200, notice?: string) => {
    const actor = requireRole(c, 'community_manager');
    const s = tr(c);
    const rows = await partnershipsForOrganisations(
      c.get('deps').h.db,
      scopeIds(actor, 'organisation', ['community_manager']),
    );
    return page(
      c,
      { title: s('partners.partnerships'), status },
      <section class="card">
        <h1>{s('partners.partnerships')}</h1>
        {notice ? (
          <p class="alert" role="alert">
            {notice}
          </p>
        ) : null}
        {rows.length === 0 ? (
          <p>{s('partners.none')}</p>
        ) : (
          rows.map((r) => (
            <article class="card">
              <h2>
                {r.partner_name} → {r.umkm_name ?? r.org_name}
              </h2>
              <p>
                {s(`partners.status.${r.status}`)} · {s('partners.commission')}:{' '}
                {r.commission_bps / 100}% · {s('partners.ships_by')}:{' '}
                {s(`partners.ships_by.${r.ships_by}`)} · {r.starts_on}
                {r.ends_on ? `–${r.ends_on}` : ''}
              </p>
              <p>{r.terms}</p>
              {r.status === 'offered' ? (
                <form method="post" action={`/kemitraan/${r.id}`} class="inline">
                  <Csrf c={c} />
                  <button type="submit" name="decision" value="accepted">
                    {s('partners.accept')}
                  </button>{' '}
                  <button type="submit" name="decision" value="declined" class="secondary">
                    {s('partners.decline')}
                  </button>
                </form>
              ) : r.status === 'accepted' ? (
                <form method="post" action={`/kemitraan/${r.id}`}>
                  <Csrf c={c} />
                  <button type="submit" name="decision" value="ended" class="secondary">
                    {s('partners.end')}
                  </button>
                </form>
              ) : null}
            </article>
          ))
        )}
      </section>,
    );
  };
  app.get('/kemitraan', (c) => decisions(c));
  app.post('/kemitraan/:id', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const body = await c.req.parseBody();
    const decision = String(body.decision ?? '');
    if (!['accepted', 'declined', 'ended'].includes(decision))
      throw new AppError('VALIDATION_FAILED');
    const r = await decidePartnership(
      c.get('deps').h.db,
      actor,
      c.req.param('id'),
      decision as 'accepted',
    );
    if (!r.ok) {
      if (r.code === 'NOT_FOUND' || r.code === 'FORBIDDEN') throw new AppError(r.code);
      return decisions(c, 409, t(c.get('locale'), 'partners.bad_decision', r.params));
    }
    return c.redirect('/kemitraan', 303);
  });
}
