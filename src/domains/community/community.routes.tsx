// Routes of community pages and API.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function communityRoutes() {
  const app = createApiApp();
  return app;
}
