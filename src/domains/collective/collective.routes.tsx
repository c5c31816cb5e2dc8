// The collective domain's pages and API as one sub-app.
import { createApiApp } from '../../kernel/http/index.js';
import { cyclesRoutes } from './cycles.routes.js';
import { shopRoutes } from './shop.routes.js';
import { groupBuyRoutes } from './group-buys.routes.js';
import { standingRoutes } from './standing.routes.js';
import { demandRoutes } from './demand.routes.js';
import { collectiveApi } from './collective.api.js';

export function collectiveRoutes() {
  const app = createApiApp();
  // Before the cycle pages: `/siklus/permintaan` is not a cycle id.
  demandRoutes(app as any);
  cyclesRoutes(app as any);
  shopRoutes(app as any);
  groupBuyRoutes(app as any);
  standingRoutes(app as any);
  app.route('/', collectiveApi());
  return app;
}
