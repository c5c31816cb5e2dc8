// The collective JSON API under /api/v1 (camelCase), declared with OpenAPI: order cycles
// (cycles.api.ts) and group buys (group-buys.api.ts).
import { createApiApp } from '../../kernel/http/index.js';
import { cyclesApi } from './cycles.api.js';
import { groupBuysApi } from './group-buys.api.js';

export function collectiveApi() {
  const app = createApiApp();
  cyclesApi(app);
  groupBuysApi(app);
  return app;
}
