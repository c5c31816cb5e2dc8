// Routes of the hub network, parcels and routes.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function logisticsRoutes() {
  const app = createApiApp();
  return app;
}
