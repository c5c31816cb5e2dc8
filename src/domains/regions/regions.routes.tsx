// Routes of regions pages and API.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { regionsApi } from './regions.api.js';
import { regionsPages } from './areas.routes.js';

export function regionsRoutes() {
  const app = createApiApp();
  regionsApi(app);
  regionsPages(app);
  return app;
}
