// `/siklus/permintaan`: the coordinator's aggregated demand (requests for goods not listed,
// recorded by agents at the points of the organisations they coordinate), by village and week.
import type { Context, Hono } from 'hono';
import { t } from '../../kernel/i18n/index.js';
import { page, requireRole, type AppEnv } from '../../kernel/http/index.js';
import { demandForOrganisations } from '../orders/index.js';
import { COORDINATOR_ROLES, coordinatedOrganisations } from './access.js';
import { organisationIds } from './collective.queries.js';
import { aggregateDemand, type DemandGroup } from './demand.js';

type C = Context<AppEnv>;

function DemandPage(p: { c: C; groups: DemandGroup[] }) {
  const l = p.c.get('locale');
  const tr = (k: string, params?: Record<string, unknown>) => t(l, k, params);
  return (
    <>
      <h1>{tr('collective.demand.title')}</h1>
      <p>{tr('collective.demand.intro')}</p>
      {!p.groups.length ? (
        <p class="muted">{tr('collective.demand.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{tr('collective.demand.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{tr('collective.demand.week')}</th>
                <th scope="col">{tr('collective.demand.village')}</th>
                <th scope="col">{tr('collective.demand.what')}</th>
                <th scope="col">{tr('collective.demand.requests')}</th>
                <th scope="col">{tr('collective.demand.quantity')}</th>
              </tr>
            </thead>
            <tbody>
              {p.groups.map((g) => (
                <tr>
                  <td>{g.week}</td>
                  <td>{g.villageName}</td>
                  <td>{g.what}</td>
                  <td>{tr('collective.demand.count', { n: g.requests, open: g.open })}</td>
                  <td>{g.total ?? g.quantities.join(' + ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/bumdes/permintaan">{tr('collective.demand.decide')}</a>
      </p>
    </>
  );
}

export function demandRoutes(app: Hono<AppEnv>) {
  app.get('/siklus/permintaan', async (c) => {
    const actor = requireRole(c, ...COORDINATOR_ROLES);
    const db = c.get('deps').h.db;
    const orgs = coordinatedOrganisations(actor);
    const ids = orgs === 'all' ? await organisationIds(db) : orgs;
    const groups = aggregateDemand(await demandForOrganisations(db, ids));
    return page(
      c,
      { title: t(c.get('locale'), 'collective.demand.title') },
      <DemandPage c={c} groups={groups} />,
    );
  });
}
