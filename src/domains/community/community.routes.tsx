// Routes of community pages and API, mounted by the app at '/'.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';
import { umkmRoutes } from './umkm.routes.js';
import { organisationRoutes } from './organisations.routes.js';
import { communityApi } from './community.api.js';

export function communityRoutes() {
  const app = createApiApp();
  app.route('/', communityApi());
  app.route('/', umkmRoutes());
  app.route('/', organisationRoutes());
  return app;
}
