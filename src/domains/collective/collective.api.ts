// The collective JSON API under /api/v1 (camelCase), declared with OpenAPI: order cycles
// (cycles.api.ts), group buys (group-buys.api.ts) and standing orders (standing.api.ts).
import { createApiApp } from '../../kernel/http/index.js';
import { cyclesApi } from './cycles.api.js';
import { groupBuysApi } from './group-buys.api.js';
import { standingApi } from './standing.api.js';

export function collectiveApi() {
  const app = createApiApp();
  cyclesApi(app);
  groupBuysApi(app);
  standingApi(app);
  return app;
}
