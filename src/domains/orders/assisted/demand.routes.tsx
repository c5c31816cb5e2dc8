// The BUMDes manager's list of what villagers asked for and the catalogue did not have
// (`/bumdes/permintaan`): requests recorded at the points of the manager's organisations, each
// marked sourced or declined once. The organisation comes from the manager's grants only.
import { Hono, type Context } from 'hono';
import { Csrf, page, requireRole, type AppEnv } from '../../../kernel/http/index.js';
import { AppError, errorSpec } from '../../../kernel/errors/index.js';
import { formatDateTime, t } from '../../../kernel/i18n/index.js';
import { isId } from '../../../kernel/ids/index.js';
import { scopeIds } from '../../../kernel/auth/index.js';
import { decideDemand, demandForOrganisations } from './demand.service.js';
import { formText } from './agent-point.js';

type C = Context<AppEnv>;

const managerOrgs = (c: C) =>
  scopeIds(requireRole(c, 'community_manager'), 'organisation', ['community_manager']);

async function list(c: C, notice?: { text: string; error: boolean }, status: 200 | 409 = 200) {
  const orgs = managerOrgs(c);
  const rows = await demandForOrganisations(c.get('deps').h.db, orgs);
  const l = c.get('locale');
  return page(
    c,
    { title: t(l, 'orders.demand.title'), status },
    <>
      <h1>{t(l, 'orders.demand.title')}</h1>
      {notice ? (
        <div class={notice.error ? 'alert' : 'notice'} role={notice.error ? 'alert' : 'status'}>
          <p>{notice.text}</p>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p>{t(l, 'orders.demand.none')}</p>
      ) : (
        rows.map((r) => (
          <article class="card" data-demand={r.id}>
            <h2>{r.what}</h2>
            <dl>
              <dt>{t(l, 'orders.demand.qty')}</dt>
              <dd>{r.quantity}</dd>
              <dt>{t(l, 'orders.demand.where')}</dt>
              <dd>
                {r.village_name ?? ''} · {r.point_name}
              </dd>
              {r.requester_name ? (
                <>
                  <dt>{t(l, 'orders.demand.for')}</dt>
                  <dd>{r.requester_name}</dd>
                </>
              ) : null}
              <dt>{t(l, 'orders.demand.when')}</dt>
              <dd>{formatDateTime(l, r.created_at, r.village_code)}</dd>
              <dt>{t(l, 'orders.demand.state')}</dt>
              <dd data-state={r.state}>{t(l, `orders.demand.state.${r.state}`)}</dd>
            </dl>
            {r.state === 'open' ? (
              <div class="row">
                {(['sourced', 'declined'] as const).map((to) => (
                  <form method="post" action={`/bumdes/permintaan/${r.id}`}>
                    <Csrf c={c} />
                    <input type="hidden" name="to" value={to} />
                    <button type="submit" class={to === 'sourced' ? 'primary' : undefined}>
                      {t(l, `orders.demand.${to}`)}
                    </button>
                  </form>
                ))}
              </div>
            ) : null}
          </article>
        ))
      )}
    </>,
  );
}

export function demandRoutes() {
  const app = new Hono<AppEnv>();
  app.get('/bumdes/permintaan', async (c) => {
    const done = c.req.query('diputuskan');
    if (!done) return list(c);
    const row = (await demandForOrganisations(c.get('deps').h.db, managerOrgs(c))).find(
      (r) => r.id === done && r.state !== 'open',
    );
    const l = c.get('locale');
    return list(
      c,
      row
        ? {
            text: t(l, 'orders.demand.decided', {
              what: row.what,
              state: t(l, `orders.demand.state.${row.state}`),
            }),
            error: false,
          }
        : undefined,
    );
  });
  app.post('/bumdes/permintaan/:id', async (c) => {
    const actor = requireRole(c, 'community_manager');
    const id = c.req.param('id');
    const raw = await formText(c);
    const to = raw.to === 'sourced' || raw.to === 'declined' ? raw.to : null;
    if (!isId(id, 'dmd') || !to) throw new AppError('NOT_FOUND');
    const r = await decideDemand(c.get('deps').h.db, actor.userId, managerOrgs(c), id, to);
    const l = c.get('locale');
    if (!r.ok) {
      if (r.code === 'NOT_FOUND') throw new AppError('NOT_FOUND');
      return list(c, { text: t(l, errorSpec(r.code).message), error: true }, 409);
    }
    // Post/redirect/get: the list reloads without sending the decision again.
    return c.redirect(`/bumdes/permintaan?diputuskan=${id}`, 303);
  });
  return app;
}
