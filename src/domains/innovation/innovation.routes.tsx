// Routes of the product innovation centre.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function innovationRoutes() {
  const app = createApiApp();
  return app;
}
