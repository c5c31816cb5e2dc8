// Routes of partner feeds, orders in, webhooks and incentives.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function partnersRoutes() {
  const app = createApiApp();
  return app;
}
