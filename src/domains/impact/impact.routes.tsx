// Routes of surveys, KPIs and the impact evaluation.
// An OpenAPIHono sub-app: routes declared with app.openapi(...) land in /api/openapi.json.
import { createApiApp } from '../../kernel/http/index.js';

export function impactRoutes() {
  const app = createApiApp();
  return app;
}
