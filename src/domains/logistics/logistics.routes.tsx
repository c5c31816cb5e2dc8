// Routes of the logistics domain: hub pages, service point screens, labels, public
// tracking, KPIs and the JSON API (declared with app.openapi → /api/openapi.json).
import { createApiApp } from '../../kernel/http/index.js';
import type { HomePanel } from '../../kernel/http/index.js';
import { t } from '../../kernel/i18n/index.js';
import { hubRoutes } from './hub.routes.js';
import { hubNewRoutes } from './hub-new.routes.js';
import { agentRoutes } from './agent.routes.js';
import { parcelRoutes } from './parcel.routes.js';
import { distanceRoutes } from './distances.routes.js';
import { logisticsApi } from './logistics.api.js';
import { logisticsRegionalApi } from './regional.api.js';

export const logisticsHomePanels: HomePanel[] = [
  {
    roles: ['hub_operator'],
    order: 40,
    render: (c) => (
      <section class="card">
        <h2>{t(c.get('locale'), 'logistics.panel.hub')}</h2>
        <p>
          <a class="button" href="/hub">
            {t(c.get('locale'), 'logistics.panel.open')}
          </a>
        </p>
      </section>
    ),
  },
  {
    roles: ['village_agent'],
    order: 41,
    render: (c) => (
      <section class="card">
        <h2>{t(c.get('locale'), 'logistics.panel.agent')}</h2>
        <p>
          <a class="button" href="/titik/paket">
            {t(c.get('locale'), 'logistics.panel.open')}
          </a>
        </p>
      </section>
    ),
  },
];

export function logisticsRoutes() {
  const app = createApiApp();
  // Before hubRoutes: `/hub/baru` must not be read as a hub id.
  hubNewRoutes(app as any);
  hubRoutes(app as any);
  agentRoutes(app as any);
  parcelRoutes(app as any);
  distanceRoutes(app as any);
  app.route('/', logisticsApi());
  app.route('/', logisticsRegionalApi());
  return app;
}
